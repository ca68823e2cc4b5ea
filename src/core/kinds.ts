/**
 * The kinds of catalog entry, declared once. Folders read, schemas checked, collections, pages,
 * diffs and messages are all derived from this table, so adding a kind is adding a row here
 * (and its schema, graph node and page).
 */
import type { z } from 'zod';
import { goalSchema, type GoalData, type GoalSchemaOptions } from './schemas/goal.ts';
import { initiativeSchema, type InitiativeData } from './schemas/initiative.ts';
import { metricSchema, type MetricData } from './schemas/metric.ts';
import { ownerSchema, type OwnerData } from './schemas/owner.ts';

/** Each kind's checked data: what its schema gives. */
export interface EntryDataOf {
  goal: GoalData;
  metric: MetricData;
  owner: OwnerData;
  initiative: InitiativeData;
}

export type EntryKind = keyof EntryDataOf;

/** What the catalog takes from its config to build a schema: goals are checked against its levels and perspectives. */
export type SchemaShape = GoalSchemaOptions;

export interface KindDeclaration<K extends EntryKind> {
  /** The folder under the catalog root its files live in. */
  folder: string;
  /** File endings the folder takes. */
  extensions: readonly string[];
  schema: (shape: SchemaShape) => z.ZodType<EntryDataOf[K]>;
  /** The field a reader knows the entry by. */
  titleField: keyof EntryDataOf[K] & ('title' | 'name');
  /** In messages: "no goal `x` in goals/". */
  singular: string;
  /** Headings and navigation: "Goals". */
  label: string;
  /** The site's path segment: /goals/<id>/. */
  page: string;
}

const DECLARED = {
  goal: { folder: 'goals', extensions: ['.yaml', '.mdx'], schema: (shape: SchemaShape) => goalSchema(shape), titleField: 'title', singular: 'goal', label: 'Goals', page: 'goals', collection: 'goals' },
  metric: { folder: 'metrics', extensions: ['.yaml', '.mdx'], schema: () => metricSchema, titleField: 'name', singular: 'metric', label: 'Metrics', page: 'metrics', collection: 'metrics' },
  owner: { folder: 'owners', extensions: ['.yaml'], schema: () => ownerSchema, titleField: 'name', singular: 'owner', label: 'Owners', page: 'owners', collection: 'owners' },
  initiative: { folder: 'initiatives', extensions: ['.yaml', '.mdx'], schema: () => initiativeSchema, titleField: 'name', singular: 'initiative', label: 'Initiatives', page: 'initiatives', collection: 'initiatives' },
} as const satisfies { [K in EntryKind]: KindDeclaration<K> & { collection: string } };

/**
 * The name a kind's entries go by in the loaded catalog, the graph and Astro's content
 * collections (`catalog.goals`, `getCollection('goals')`).
 */
export type CollectionOf<K extends EntryKind> = (typeof DECLARED)[K]['collection'];
export type Collection = CollectionOf<EntryKind>;

/** The site's path segments of entry pages: `goals`, `metrics`, … */
export type KindPage = (typeof DECLARED)[EntryKind]['page'];

/** Every kind's declaration, typed per kind so code generic over a kind keeps its data type. */
export const KINDS: { [K in EntryKind]: KindDeclaration<K> & Pick<(typeof DECLARED)[K], 'collection' | 'page'> } = DECLARED;

/** The kinds in the order readers see them: folders, diffs, navigation. */
export const ENTRY_KINDS = Object.keys(DECLARED) as EntryKind[];

/** Observed values are catalog files too, but not entries: no schema of their own, no page. */
export const DATA_FILES = { kind: 'data', folder: 'data', extensions: ['.csv'] } as const;

export type FileKind = EntryKind | typeof DATA_FILES.kind;

/** Every catalog folder with the kind of file it holds, entries first. */
export const FOLDERS: readonly { kind: FileKind; folder: string; extensions: readonly string[] }[] = [...ENTRY_KINDS.map((kind) => ({ kind, folder: KINDS[kind].folder, extensions: KINDS[kind].extensions })), DATA_FILES];

/** The kind of entry, or data, a catalog path holds, by its top folder. */
export function kindOfFolder(folder: string): FileKind | undefined {
  return FOLDERS.find((f) => f.folder === folder)?.kind;
}

/** What a reader knows an entry by: a goal's title, anything else's name. */
export function titleOf(kind: EntryKind, data: Record<string, unknown>): string {
  return String(data[KINDS[kind].titleField]);
}

/**
 * One value per kind, in a record whose type says what each kind's value is. `make` is checked
 * against any kind's value only: TypeScript cannot relate a kind to its value inside one callback.
 */
export function perKind<T extends { [K in EntryKind]: unknown }>(make: (kind: EntryKind) => T[EntryKind]): T {
  // Filled just below, key by key, from the same list of kinds the type is keyed by.
  const result = {} as T;
  for (const kind of ENTRY_KINDS) result[kind] = make(kind);
  return result;
}

/** One value per kind under its collection name (`goals`, `metrics`, …); `make` is checked as in perKind. */
export function perCollection<T extends { [C in Collection]: unknown }>(make: (kind: EntryKind) => T[Collection]): T {
  // Filled just below, from the same list of kinds the type is keyed by.
  const result = {} as T;
  for (const kind of ENTRY_KINDS) result[KINDS[kind].collection] = make(kind);
  return result;
}

/** Each kind's schema for a catalog with these levels and perspectives. */
export type SchemasByKind = { [K in EntryKind]: z.ZodType<EntryDataOf[K]> };
export const schemasFor = (shape: SchemaShape): SchemasByKind => perKind<SchemasByKind>((kind) => KINDS[kind].schema(shape));
