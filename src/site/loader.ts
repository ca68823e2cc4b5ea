/**
 * A content loader that feeds Astro's collections from the core's already-checked entries, so
 * Astro sees exactly what `check` saw (the glob loader would re-parse YAML with other rules).
 * Astro still validates each entry against the same schema. Narratives are rendered by
 * src/site/narrative.ts from the checked text; only a trusted build that allows code in MDX hands
 * Astro the file to compile (deferred rendering), and check has made sure its frontmatter splits
 * the same way for Astro as for Plumbline.
 */
import type { Loader } from 'astro/loaders';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_KINDS, KINDS, type Collection } from '../core/kinds.ts';
import type { Entry } from '../core/load.ts';
import { getCatalog, getTrusted } from './analysis.ts';

export const COLLECTIONS: readonly Collection[] = ENTRY_KINDS.map((kind) => KINDS[kind].collection);

export const loaderName = (collection: Collection) => `plumbline-${collection}`;

export function catalogLoader(collection: Collection): Loader {
  return {
    name: loaderName(collection),
    load: async ({ store, parseData, generateDigest, config }) => {
      const catalog = getCatalog();
      const compileMdx = getTrusted().allowMdxCode;
      const projectRoot = fileURLToPath(config.root);
      const entries: ReadonlyMap<string, Entry<Record<string, unknown>>> = catalog[collection];
      store.clear();
      for (const entry of entries.values()) {
        const filePath = relative(projectRoot, join(catalog.root, entry.file)).split('\\').join('/');
        const data = await parseData({ id: entry.id, data: entry.data, filePath });
        const digest = generateDigest({ data, body: entry.body ?? '' });
        store.set({ id: entry.id, data, filePath, digest, ...(entry.body && compileMdx ? { body: entry.body, deferredRender: true } : {}) });
      }
    },
  };
}
