/**
 * One entry file's text as an entry, written once: the frontmatter split of an `.mdx` file, the
 * YAML parse and the schema check. The loader reads every file through `readEntry`; the history
 * reads old versions through `entryParts`, which stops before the schema (an old version is
 * compared field by field, valid or not).
 */
import type { z } from 'zod';
import { problem, type Diagnostic } from '../diagnostics.ts';
import type { CatalogConfig } from '../schemas/config.ts';
import type { TrustedSettings } from '../trusted.ts';
import { validateEntry } from '../validate.ts';
import { parseFastYaml } from './fast-yaml.ts';
import { checkMdxBody, splitFrontmatter, type AssetReference } from './mdx.ts';
import type { SourceMap } from './sources.ts';
import { textValueDiagnostics } from './text-values.ts';
import { parseYaml } from './yaml.ts';

export interface Entry<Data> {
  id: string;
  /** Path relative to the catalog root. */
  file: string;
  data: Data;
  /** The narrative of an `.mdx` entry, without its frontmatter. */
  body?: string;
}

/** What reading an entry needs to know of its file. */
export interface EntryFile {
  /** Path relative to the catalog root, forward slashes. */
  path: string;
  id: string;
  extension: string;
}

/** An entry file cut into its YAML and, for `.mdx`, its narrative. */
export type EntryParts =
  | {
      yamlText: string;
      /** Where the YAML starts in the file, to place diagnostics. */
      offset: number;
      /** The narrative, or undefined when there is none or it is blank. */
      body?: string;
      /** The narrative as written (blank or not) and where it starts, to check it. */
      mdx?: { body: string; bodyOffset: number };
    }
  | { problem: Diagnostic };

/** Splits an entry file's text: the frontmatter of an `.mdx` file, or all of a `.yaml` file. */
export function entryParts(file: Pick<EntryFile, 'path' | 'extension'>, text: string): EntryParts {
  if (file.extension !== '.mdx') return { yamlText: text, offset: 0 };
  const split = splitFrontmatter(text);
  if ('problem' in split) return { problem: problem('mdx-frontmatter', file.path, { line: split.line, column: 1, endLine: split.line, endColumn: 1 }, split.problem, split.hint) };
  const body = split.body.trim() === '' ? undefined : split.body;
  return { yamlText: split.frontmatter, offset: split.frontmatterOffset, ...(body === undefined ? {} : { body }), mdx: { body: split.body, bodyOffset: split.bodyOffset } };
}

export interface ReadContext {
  config: CatalogConfig;
  settings: TrustedSettings;
  /** Collects the asset files the entry's narrative shows. */
  assets: AssetReference[];
}

/** The entry a file's text holds, or undefined with its problems added to `diagnostics`. */
export function readEntry<Data>(file: EntryFile, text: string, schema: z.ZodType<Data>, context: ReadContext, diagnostics: Diagnostic[], sources: SourceMap): Entry<Data> | undefined {
  const parts = entryParts(file, text);
  if ('problem' in parts) {
    diagnostics.push(parts.problem);
    return undefined;
  }
  const { yamlText, offset, body } = parts;
  if (parts.mdx) append(diagnostics, checkMdxBody(file.path, parts.mdx.body, parts.mdx.bodyOffset, { allowCode: context.settings.allowMdxCode, maxBytes: context.config.limits.body, assets: context.assets }));
  const entry = (data: Data): Entry<Data> => (body === undefined ? { id: file.id, file: file.path, data } : { id: file.id, file: file.path, data, body });
  // Most files are plain and valid: read them fast, and build their syntax tree only if a rule needs it.
  const fast = parseFastYaml(yamlText);
  const checked = fast && schema.safeParse(fast.value);
  if (checked?.success) {
    sources.defer(file.path, offset, () => parseYaml(file.path, yamlText, offset).source);
    const refused = textValueDiagnostics(file.path, fast!.value, context.config.limits, () => sources.get(file.path));
    append(diagnostics, refused);
    return refused.length ? undefined : entry(checked.data);
  }
  const parsed = parseYaml(file.path, yamlText, offset);
  sources.set(file.path, parsed.source);
  append(diagnostics, parsed.diagnostics);
  if (parsed.diagnostics.length) return undefined;
  const refused = textValueDiagnostics(file.path, parsed.value, context.config.limits, () => parsed.source);
  append(diagnostics, refused);
  const validated = validateEntry(schema, parsed.value, parsed.source);
  append(diagnostics, validated.diagnostics);
  if (!validated.data || refused.length) return undefined;
  return entry(validated.data);
}

/** Pushes without spreading: a spread of 100,000 arguments overflows the stack. */
function append(target: Diagnostic[], items: Diagnostic[]): void {
  for (const item of items) target.push(item);
}
