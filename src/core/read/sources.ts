/**
 * The YAML syntax trees that place diagnostics, by file. Building one costs several times more
 * than reading the values, and most files never have a diagnostic, so a file read on the fast
 * path leaves a recipe here and its tree is built the first time something asks for it.
 */
import type { YamlSource } from './yaml.ts';

export class SourceMap extends Map<string, YamlSource> {
  readonly #deferred = new Map<string, () => YamlSource>();
  readonly #offsets = new Map<string, number>();

  /** `lineOffset`: lines before the YAML in its file (1 for MDX frontmatter), known without parsing. */
  defer(file: string, lineOffset: number, build: () => YamlSource): void {
    this.#deferred.set(file, build);
    this.#offsets.set(file, lineOffset);
  }

  /** Lines before the YAML text in a file, without building its tree. */
  lineOffset(file: string): number {
    return this.#offsets.get(file) ?? super.get(file)?.lineOffset ?? 0;
  }

  override get(file: string): YamlSource | undefined {
    const built = super.get(file);
    if (built) return built;
    const build = this.#deferred.get(file);
    if (!build) return undefined;
    const source = build();
    this.#deferred.delete(file);
    super.set(file, source);
    return source;
  }
}
