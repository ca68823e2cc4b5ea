/**
 * A content loader that feeds Astro's collections from the core's already-checked entries, so
 * Astro sees exactly what `check` saw (the glob loader would re-parse YAML with other rules).
 * Astro still validates each entry against the same schema; MDX bodies render through Astro.
 */
import type { Loader } from 'astro/loaders';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../core/load.ts';
import { getCatalog } from './analysis.ts';

type CollectionName = 'goals' | 'metrics' | 'owners' | 'initiatives';

export function catalogLoader(collection: CollectionName): Loader {
  return {
    name: `plumbline-${collection}`,
    load: async ({ store, parseData, generateDigest, config }) => {
      const catalog = getCatalog();
      const projectRoot = fileURLToPath(config.root);
      const entries = catalog[collection] as Map<string, Entry<Record<string, unknown>>>;
      store.clear();
      for (const entry of entries.values()) {
        const filePath = relative(projectRoot, join(catalog.root, entry.file)).split('\\').join('/');
        const data = await parseData({ id: entry.id, data: entry.data, filePath });
        const digest = generateDigest({ data, body: entry.body ?? '' });
        store.set({ id: entry.id, data, filePath, digest, ...(entry.body ? { body: entry.body, deferredRender: true } : {}) });
      }
    },
  };
}
