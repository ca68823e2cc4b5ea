/**
 * Reads a catalog (a folder, or any `CatalogSource`) into validated entries, with every problem
 * as a diagnostic. Entries that fail their schema are left out of the result, but their ids stay
 * known so nothing that refers to them is reported a second time.
 */
import { join } from 'node:path';
import { noun, plural } from './plural.ts';
import { problem, sortDiagnostics, START_OF_FILE, type Diagnostic } from './diagnostics.ts';
import { parseObservations, type ObservationRow } from './read/csv.ts';
import { perCollection, perKind, schemasFor, type CollectionOf, type EntryDataOf, type EntryKind } from './kinds.ts';
import { discoverFiles, readCatalogText } from './read/files.ts';
import { checkAsset } from './read/assets.ts';
import type { AssetReference } from './read/mdx.ts';
import { readEntry, type Entry } from './read/entry.ts';
import { sourceOf, type CatalogSource } from './read/source.ts';
import { SourceMap } from './read/sources.ts';
import { textValueDiagnostics } from './read/text-values.ts';
import { parseYaml, spanAt } from './read/yaml.ts';
import { configSchema, type CatalogConfig } from './schemas/config.ts';
import { DEFAULT_TRUSTED_SETTINGS, type TrustedSettings } from './trusted.ts';
import { validateEntry } from './validate.ts';
import { FORMAT_VERSION, PLUMBLINE_VERSION } from './version.ts';

export const CONFIG_FILE = 'catalog.config.yaml';

export type { Entry } from './read/entry.ts';

export interface ObservationFile {
  file: string;
  rows: ObservationRow[];
}

/** The valid entries of each kind: `goals`, `metrics`, … */
export type LoadedEntries = { [K in EntryKind as CollectionOf<K>]: Entry<EntryDataOf[K]>[] };

type EntriesByKind = { [K in EntryKind]: Entry<EntryDataOf[K]>[] };

export interface LoadedCatalog extends LoadedEntries {
  /** The source's root: the catalog folder's absolute path, or what stands for it. */
  root: string;
  config: CatalogConfig;
  observations: Map<string, ObservationFile>;
  /** Ids of every entry file found, valid or not. */
  knownIds: Record<EntryKind, Set<string>>;
  /**
   * Image files narratives show, by path from the catalog root: checked, and the only files the
   * site copies. The value is the path under the root, a file on disk for a folder source.
   */
  assets: Map<string, string>;
  /** Parsed YAML of each entry and of the config, by file, to place diagnostics. */
  sources: SourceMap;
  fileCount: number;
  diagnostics: Diagnostic[];
}

/**
 * Reads the catalog (a source, or the path of its folder), with the settings only the build's
 * environment may make (see trusted.ts).
 */
export function loadCatalog(from: CatalogSource | string, settings: TrustedSettings = DEFAULT_TRUSTED_SETTINGS): LoadedCatalog {
  const source = sourceOf(from);
  const root = source.root;
  const diagnostics: Diagnostic[] = [];
  const sources = new SourceMap();
  const config = loadConfig(source, diagnostics, sources);
  const schemas = schemasFor({ levels: config.levels, perspectives: config.perspectives });
  const entries = perKind<EntriesByKind>(() => []);

  const found = discoverFiles(source);
  append(diagnostics, found.diagnostics);
  const catalog: LoadedCatalog = {
    root,
    config,
    ...perCollection<LoadedEntries>((kind) => entries[kind]),
    observations: new Map(),
    assets: new Map(),
    knownIds: perKind<Record<EntryKind, Set<string>>>(() => new Set()),
    sources,
    fileCount: found.files.length + (source.exists(CONFIG_FILE) ? 1 : 0),
    diagnostics,
  };
  const firstFileOf = new Map<string, string>();

  for (const file of found.files) {
    const key = `${file.kind}:${file.id}`;
    const first = firstFileOf.get(key);
    if (first) {
      diagnostics.push(problem('duplicate-id', file.path, START_OF_FILE, `the id \`${file.id}\` is already used by ${first}`, 'ids are file names and must be unique within a folder tree: rename one of the files'));
      continue;
    }
    firstFileOf.set(key, file.path);
    const read = readCatalogText(source, file.path);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      if (file.kind !== 'data') catalog.knownIds[file.kind].add(file.id);
      continue;
    }
    if (file.kind === 'data') {
      const parsed = parseObservations(file.path, read.text, config.limits.text);
      addFileDiagnostics(diagnostics, parsed.diagnostics);
      catalog.observations.set(file.id, { file: file.path, rows: parsed.rows });
      continue;
    }
    catalog.knownIds[file.kind].add(file.id);
    const problems: Diagnostic[] = [];
    const assets: AssetReference[] = [];
    const entry = readEntry<EntryDataOf[EntryKind]>(file, read.text, schemas[file.kind], { config, settings, assets }, problems, sources);
    for (const asset of assets) {
      const problem = checkAsset(source, file.path, asset);
      if (problem) problems.push(problem);
      else catalog.assets.set(asset.path, join(root, asset.path));
    }
    addFileDiagnostics(diagnostics, problems);
    if (entry) addEntry(entries, file.kind, entry);
  }
  return catalog;
}

/** Generic over the kind, so the push needs no cast: the list of a kind holds that kind's data. */
function addEntry<K extends EntryKind>(entries: EntriesByKind, kind: K, entry: Entry<EntryDataOf[K]>): void {
  entries[kind].push(entry);
}

/** Diagnostics listed per file: a file with thousands of problems is not a catalog entry, and more lines would bury the first. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** Adds one file's diagnostics in file order, the first MAX_DIAGNOSTICS_PER_FILE and a count of the rest. */
function addFileDiagnostics(diagnostics: Diagnostic[], found: Diagnostic[]): void {
  const sorted = sortDiagnostics(found);
  append(diagnostics, sorted.slice(0, MAX_DIAGNOSTICS_PER_FILE));
  const next = sorted[MAX_DIAGNOSTICS_PER_FILE];
  if (next) {
    const more = sorted.length - MAX_DIAGNOSTICS_PER_FILE;
    diagnostics.push({ ...next, rule: 'too-many-problems', message: `${plural(more, 'more problem')} in this file ${noun(more, 'is', 'are')} not listed`, hint: 'fix the problems above and check again; is this file what its folder expects?' });
  }
}

/**
 * Only the catalog's config, read and validated the way `loadCatalog` does it, for commands that
 * need the levels and perspectives but not the entries (the JSON Schema of goals, for one).
 */
export function loadCatalogConfig(from: CatalogSource | string): { config: CatalogConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const config = loadConfig(sourceOf(from), diagnostics, new SourceMap());
  return { config, diagnostics };
}

function loadConfig(source: CatalogSource, diagnostics: Diagnostic[], sources: SourceMap): CatalogConfig {
  const root = source.root;
  // The defaults, named after the folder: any folder name must do, so it is not validated.
  const fallback: CatalogConfig = { ...configSchema.parse({ name: 'catalog' }), name: source.name };
  const unusable = source.problem();
  if (unusable) {
    diagnostics.push(problem('missing-config', '.', START_OF_FILE, unusable.message, unusable.hint));
    return fallback;
  }
  const read = readCatalogText(source, CONFIG_FILE);
  if ('diagnostic' in read) {
    const missing = read.diagnostic.rule === 'unreadable-file' && !source.exists(CONFIG_FILE);
    diagnostics.push(missing ? problem('missing-config', CONFIG_FILE, read.diagnostic, `no ${CONFIG_FILE} in ${root}`, 'create it with at least `name: <your organisation>`, or point CATALOG_DIR (or --dir) at the catalog folder') : read.diagnostic);
    return fallback;
  }
  const parsed = parseYaml(CONFIG_FILE, read.text);
  sources.set(CONFIG_FILE, parsed.source);
  if (parsed.diagnostics.length) {
    addFileDiagnostics(diagnostics, parsed.diagnostics);
    return fallback;
  }
  // The config's own text is held to the default limits; the limits it sets are for the entries.
  const refused = textValueDiagnostics(CONFIG_FILE, parsed.value, fallback.limits, () => parsed.source);
  const validated = validateEntry(configSchema, parsed.value, parsed.source);
  addFileDiagnostics(diagnostics, [...refused, ...validated.diagnostics]);
  const format = validated.data?.format;
  if (format !== undefined && format > FORMAT_VERSION) {
    diagnostics.push(
      problem(
        'format-too-new',
        CONFIG_FILE,
        spanAt(parsed.source, ['format']),
        `this catalog is written for format ${format}; this Plumbline (${PLUMBLINE_VERSION}) reads format ${FORMAT_VERSION}: upgrade plumbline`,
        'run `npm install plumbline@latest` in the catalog repository; until then, files may be read in ways their authors did not mean',
      ),
    );
  }
  return validated.data ?? fallback;
}

/** Pushes without spreading: a spread of 100,000 arguments overflows the stack. */
function append(target: Diagnostic[], items: Diagnostic[]): void {
  for (const item of items) target.push(item);
}
