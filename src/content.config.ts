/** Content collections declared with the core's own schemas, fed the core's checked entries. */
import { defineCollection } from 'astro:content';
import { KINDS, perCollection, schemasFor, type Collection, type EntryKind, type SchemasByKind } from './core/kinds.ts';
import { getCatalog } from './site/analysis.ts';
import { catalogLoader } from './site/loader.ts';

const { config } = getCatalog();
const schemas = schemasFor({ levels: config.levels, perspectives: config.perspectives });

// Typed as any kind's data: pages read entries from the core's catalog, never from a collection's data.
type Collections = { [C in Collection]: ReturnType<typeof defineCollection<SchemasByKind[EntryKind]>> };

export const collections = perCollection<Collections>((kind) => defineCollection({ loader: catalogLoader(KINDS[kind].collection), schema: schemas[kind] }));
