/**
 * Planned entries as catalog files: YAML with the fields in the order the format reference
 * (docs/reference.md) lists them, short lists and small maps in flow style the way hand-written
 * entries look, no line folding, so the same plan always gives the same bytes. Each file is read
 * back with the core's own parser and schemas before it is written: the import never writes a
 * file `npm run check` would refuse.
 */
import { posix } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.ts';
import { CONFIG_FILE, loadCatalogConfig } from '../core/load.ts';
import { readEntry } from '../core/read/entry.ts';
import { readCatalogText } from '../core/read/files.ts';
import { memorySource, type CatalogSource } from '../core/read/source.ts';
import { SourceMap } from '../core/read/sources.ts';
import { configSchema } from '../core/schemas/config.ts';
import { DEFAULT_TRUSTED_SETTINGS } from '../core/trusted.ts';
import { KINDS, type EntryDataOf, type EntryKind } from '../core/kinds.ts';
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
  return { path: CONFIG_FILE, content: toYaml(config), kind: 'config' };
}

/**
 * Problems the core would report for this file, read back by the core's own readers as `check`
 * reads it: bytes, YAML syntax, text values, schema, and (for MDX) the frontmatter and code or
 * HTML in the body; with the default limits and no MDX code. An empty list means the file is
 * valid on its own.
 */
export function problemsOf(file: RenderedFile, shape: Pick<CatalogShape, 'levels' | 'perspectives'>): string[] {
  const source = memorySource({ [file.path]: file.content });
  const found = file.kind === 'config' ? loadCatalogConfig(source).diagnostics : entryProblems(source, file.path, file.kind, shape);
  return sortDiagnostics(found).map((d) => `line ${d.line}: ${d.message}`);
}

function entryProblems(source: CatalogSource, path: string, kind: EntryKind, shape: Pick<CatalogShape, 'levels' | 'perspectives'>): Diagnostic[] {
  const read = readCatalogText(source, path);
  if ('diagnostic' in read) return [read.diagnostic];
  const extension = posix.extname(path);
  const entryFile = { path, id: posix.basename(path, extension), extension };
  const context = { config: configSchema.parse({ name: 'catalog' }), settings: DEFAULT_TRUSTED_SETTINGS, assets: [] };
  const problems: Diagnostic[] = [];
  readEntry<EntryDataOf[EntryKind]>(entryFile, read.text, KINDS[kind].schema(shape), context, problems, new SourceMap());
  return problems;
}
