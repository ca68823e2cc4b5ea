/**
 * The catalog's image files on the site: copied into the build's output and served by the dev
 * server. Only the files check has accepted (a narrative shows them, they lie inside the assets
 * folder, reached through no link) are ever read; nothing else under the catalog is served.
 */
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { ASSET_TYPES } from '../core/read/narrative-urls.ts';

/** Copies each checked asset (path from the catalog root → absolute file) to the same path under `outDir`. */
export function copyPublishedAssets(assets: Map<string, string>, outDir: string): void {
  for (const [path, absolute] of assets) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(absolute, target);
  }
}

/** Dev-server middleware answering requests for checked assets under the site's base path. */
export function serveAssets(assets: () => Map<string, string>, base: string) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '').split('?')[0]!;
    const absolute = path.startsWith(prefix) ? assets().get(path.slice(prefix.length)) : undefined;
    if (!absolute) return next();
    response.setHeader('Content-Type', ASSET_TYPES[extname(absolute).toLowerCase()] ?? 'application/octet-stream');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    createReadStream(absolute).pipe(response);
  };
}
