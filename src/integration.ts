/**
 * The Astro side of Plumbline. Before Astro reads content or renders a page, the core checks the
 * whole catalog; on any error the build prints every diagnostic the way `npm run check` does and
 * stops, so nothing half-built is ever published. A build stops by throwing Astro's own error:
 * Astro prints it and exits with status 1.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { copyPublishedAssets, serveAssets } from './site/assets.ts';
import { enforceOutputCap } from './site/output-cap.ts';
import * as pagefind from 'pagefind';
import { hasErrors } from './core/diagnostics.ts';
import { FOLDERS } from './core/kinds.ts';
import { CONFIG_FILE } from './core/load.ts';
import { formatText } from './features/report.ts';
import { ASSETS_FOLDER } from './core/read/narrative-urls.ts';
import { catalogRootDir, getAnalysis, getCatalog, getTrusted, invalidateAnalysis } from './site/analysis.ts';
import { COLLECTIONS, loaderName } from './site/loader.ts';

export default function plumbline(): AstroIntegration {
  return {
    name: 'plumbline',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { diagnostics, fileCount } = getAnalysis();
        if (!diagnostics.length) return;
        const report = formatText(diagnostics, fileCount);
        if (hasErrors(diagnostics) && command === 'build') {
          process.stderr.write(`${report}\n`);
          throw new AstroError('plumbline: the catalog has errors, so no pages were written.', 'Fix them (npm run check lists the same) and build again.');
        }
        logger.warn(`catalog diagnostics:\n${report}`);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = catalogRootDir();
        const watched = new Set([...FOLDERS.map((f) => f.folder), CONFIG_FILE, ASSETS_FOLDER]);
        server.middlewares.use(serveAssets(() => getCatalog().assets, server.config.base));
        server.watcher.add(root);
        server.watcher.on('all', async (_event, path) => {
          const top = relative(root, path).split(/[\\/]/)[0] ?? '';
          if (!watched.has(top)) return;
          invalidateAnalysis();
          const { diagnostics, fileCount } = getAnalysis();
          if (diagnostics.length) logger.warn(`catalog diagnostics:\n${formatText(diagnostics, fileCount)}`);
          // The content store is Astro's own copy of the entries: reload it before the page does.
          await refreshContent?.({ loaders: COLLECTIONS.map(loaderName) });
          server.ws.send({ type: 'full-reload' });
        });
      },
      // After Astro has written every page: index them for search into <outDir>/pagefind/.
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        copyPublishedAssets(getCatalog().assets, outDir);
        const tooLarge = enforceOutputCap(outDir, getTrusted().maxOutputBytes);
        if (tooLarge) throw new AstroError(`plumbline: ${tooLarge}`);
        const errors = await buildSearchIndex(outDir);
        if (errors.length) throw new AstroError(`plumbline: building the search index failed:\n${errors.map((e) => `  ${e}`).join('\n')}`);
        logger.info('search index written to pagefind/');
      },
    },
  };
}

/** Pagefind over the built pages; returns its errors (none on success). */
async function buildSearchIndex(outDir: string): Promise<string[]> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return errors.length ? errors : ['pagefind could not create an index'];
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) return added.errors;
    if (added.page_count === 0) return ['no page was indexed'];
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    return written.errors;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    await pagefind.close();
  }
}
