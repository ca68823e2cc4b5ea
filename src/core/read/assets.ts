/**
 * Image files that narratives show. The site copies exactly these into its output, so each is
 * checked like a catalog file: a regular file inside the catalog's assets folder, reached through
 * no link, and not too large.
 */
import { problem, type Diagnostic } from '../diagnostics.ts';
import type { AssetReference } from './mdx.ts';
import type { CatalogSource, SourceStats } from './source.ts';

export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

/** The problem with an asset a narrative shows, or undefined when the site may copy it. */
export function checkAsset(source: CatalogSource, file: string, reference: AssetReference): Diagnostic | undefined {
  const fail = (message: string, hint: string): Diagnostic => problem('image-source', file, reference.span, message, hint);
  const segments = reference.path.split('/');
  // Every step is looked at without following links: `assets` itself could point anywhere.
  for (let i = 1; i <= segments.length; i++) {
    const partial = segments.slice(0, i).join('/');
    let stats: SourceStats;
    try {
      stats = source.stat(partial);
    } catch {
      return fail(`the image \`${reference.path}\` does not exist`, `add the file at ${reference.path}, or correct the path`);
    }
    if (stats.type === 'link') return fail(`\`${partial}\` is a symbolic link, which the site does not follow`, 'replace the link with the file or folder itself');
    const last = i === segments.length;
    if (!last && stats.type !== 'folder') return fail(`\`${partial}\` is not a folder`, 'correct the image path');
    if (last && stats.type !== 'file') return fail(`\`${reference.path}\` is not a regular file`, 'point the image at an image file');
    if (last && stats.size > MAX_ASSET_BYTES) return fail(`the image \`${reference.path}\` is ${Math.ceil(stats.size / 1024 / 1024)} MiB; the limit is ${MAX_ASSET_BYTES / 1024 / 1024} MiB`, 'make the image smaller');
  }
  return undefined;
}
