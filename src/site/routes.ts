/**
 * The site's pages, one per file under src/routes/. The integration injects them, so a catalog
 * repository needs no src/pages/ of its own and can still add pages there next to these.
 */
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface SiteRoute {
  /** The URL pattern, e.g. `/metrics/[id]`. */
  pattern: string;
  entrypoint: URL;
}

const PAGE_FILE = /\.(astro|ts)$/;

/** `metrics/[id].astro` → `/metrics/[id]`, `goals/index.astro` → `/goals`, `catalog.json.ts` → `/catalog.json`. */
export function routePattern(file: string): string {
  const segments = file.replace(PAGE_FILE, '').split(/[\\/]/);
  if (segments.at(-1) === 'index') segments.pop();
  return `/${segments.join('/')}`;
}

/** Every page file under a folder, as routes sorted by pattern (so the order never depends on the file system). */
export function routesIn(folder: URL): SiteRoute[] {
  const root = fileURLToPath(folder);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && PAGE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => {
      const path = `${entry.parentPath}/${entry.name}`;
      return { pattern: routePattern(relative(root, path)), entrypoint: pathToFileURL(path) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
