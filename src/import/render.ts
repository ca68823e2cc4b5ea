/**
 * Planned entries as catalog files: YAML with the fields in the order the format reference
 * (docs/reference.md) lists them, short lists and small maps in flow style the way hand-written
 * entries look, no line folding, so the same plan always gives the same bytes. Each file is read
 * back with the core's own parser and schemas before it is written: the import never writes a
 * file `npm run check` would refuse.
 */
import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import { checkMdxBody, splitFrontmatter } from '../core/read/mdx.ts';
import { parseYaml } from '../core/read/yaml.ts';
import { configSchema, DEFAULT_LIMITS } from '../core/schemas/config.ts';
import { KINDS } from '../core/kinds.ts';
import type { CatalogShape, PlannedEntry } from './plan.ts';

/** Keys written `[a, b]` or `{ value: 1, date: … }` on one line. */
const FLOW_KEYS = new Set(['supports', 'drives', 'guardrails', 'tags', 'baseline', 'target', 'thresholds', 'review', 'horizon', 'levels', 'perspectives']);

export function toYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isPair(pair) && isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface RenderedFile {
  /** Path relative to the catalog root, forward slashes. */
  path: string;
  content: string;
  kind: PlannedEntry['kind'] | 'config';
  id?: string;
}

export function renderEntry(entry: PlannedEntry): RenderedFile {
  const yaml = toYaml(entry.data);
  const { folder, extensions } = KINDS[entry.kind];
  if (entry.body && extensions.includes('.mdx')) {
    return { path: `${folder}/${entry.id}.mdx`, content: `---\n${yaml}---\n\n${entry.body.trim()}\n`, kind: entry.kind, id: entry.id };
  }
  return { path: `${folder}/${entry.id}.yaml`, content: yaml, kind: entry.kind, id: entry.id };
}

export function renderConfig(config: Record<string, unknown>): RenderedFile {
  return { path: 'catalog.config.yaml', content: toYaml(config), kind: 'config' };
}

/**
 * Problems the core would report for this file, read back the way `check` reads it: YAML syntax,
 * schema, and (for MDX) code or HTML in the body. An empty list means the file is valid on its own.
 */
export function problemsOf(file: RenderedFile, shape: Pick<CatalogShape, 'levels' | 'perspectives'>): string[] {
  const mdx = file.path.endsWith('.mdx');
  let yamlText = file.content;
  const problems: string[] = [];
  if (mdx) {
    const split = splitFrontmatter(file.content);
    if ('problem' in split) return [`line ${split.line}: ${split.problem}`];
    yamlText = split.frontmatter;
    for (const d of checkMdxBody(file.path, split.body, split.bodyOffset, { allowCode: false, maxBytes: DEFAULT_LIMITS.body })) problems.push(`line ${d.line}: ${d.message}`);
  }
  const parsed = parseYaml(file.path, yamlText, mdx ? 1 : 0);
  for (const d of parsed.diagnostics) problems.push(`line ${d.line}: ${d.message}`);
  if (parsed.diagnostics.length) return problems;
  const schema = file.kind === 'config' ? configSchema : KINDS[file.kind].schema(shape);
  const result = schema.safeParse(parsed.value);
  if (!result.success) for (const issue of result.error.issues) problems.push(`\`${issue.path.join('.') || '(file)'}\` ${issue.message}`);
  return problems;
}
