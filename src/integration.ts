/**
 * The Astro side of Plumbline: `plumbline(options)` is the whole site. It injects every page
 * (src/routes/), adds MDX when the project has not, sets the config the pages rely on, and fills
 * the component slots. Before Astro reads content or renders a page, the core checks the whole
 * catalog; on any error the build prints every diagnostic the way `plumbline check` does and
 * stops, so nothing half-built is ever published.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import mdx from '@astrojs/mdx';
import type { Plugin, UserConfig as ViteUserConfig } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { copyPublishedAssets, serveAssets } from './site/assets.ts';
import { enforceOutputCap } from './site/output-cap.ts';
import * as pagefind from 'pagefind';
import { hasErrors } from './core/diagnostics.ts';
import { FOLDERS } from './core/kinds.ts';
import { CONFIG_FILE } from './core/load.ts';
import { formatText } from './features/report.ts';
import { ASSETS_FOLDER } from './core/read/narrative-urls.ts';
import { catalogRootDir, getAnalysis, getCatalog, getTrusted, invalidateAnalysis, setSiteCatalog } from './site/analysis.ts';
import { COLLECTIONS, loaderName } from './site/loader.ts';
import { routesIn } from './site/routes.ts';
import { setBasePath } from './site/links.ts';
import { COMPONENT_SLOT_TYPES, ComponentSlotError, componentFiles, componentSlotsPlugin } from './site/component-slots.ts';
import { prepareCacheDir, resolveSiteCatalog, SiteOptionError, type PlumblineOptions } from './site/options.ts';

export type { PlumblineOptions } from './site/options.ts';

// Paths from this file's folder up to the package, so the same lines serve this file and its
// compiled copy one folder over (lib/integration.js).
const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const ROUTES = routesIn(new URL('../src/routes/', import.meta.url));
const DEFAULT_COMPONENTS = new URL('../src/components/', import.meta.url);

export default function plumbline(options: PlumblineOptions = {}): AstroIntegration {
  return {
    name: 'plumbline',
    hooks: {
      'astro:config:setup': ({ command, config, logger, injectRoute, updateConfig }) => {
        const astroRoot = fileURLToPath(config.root);
        let cacheDir: string | undefined;
        let components: ReturnType<typeof componentFiles>;
        try {
          setSiteCatalog(resolveSiteCatalog(options, astroRoot));
          cacheDir = prepareCacheDir(process.env.PLUMBLINE_CACHE_DIR);
          components = componentFiles(options.components ?? {}, astroRoot, DEFAULT_COMPONENTS);
        } catch (error) {
          // A setting given wrong is a usage error: one line and exit 2, as every command does.
          if (!(error instanceof SiteOptionError || error instanceof ComponentSlotError)) throw error;
          process.stderr.write(`plumbline: ${error.message}\n`);
          process.exit(2);
        }

        for (const { pattern, entrypoint } of ROUTES) injectRoute({ pattern, entrypoint, prerender: true });
        updateConfig({
          // mergeConfig concatenates arrays, so MDX is added only when the project has not added it.
          ...(config.integrations.some((i) => i.name === '@astrojs/mdx') ? {} : { integrations: [mdx()] }),
          ...(cacheDir ? { cacheDir: pathToFileURL(`${cacheDir}/`) } : {}),
          trailingSlash: 'always',
          build: { format: 'directory' },
          // Rendered HTML must not carry dev-only attributes, in dev or in tests.
          devToolbar: { enabled: false },
          vite: {
            plugins: [componentSlotsPlugin(components), allowPackageFiles(PACKAGE_ROOT)],
            build: { rolldownOptions: { onwarn: quietHeadInject } },
          },
        });

        const { diagnostics, fileCount } = getAnalysis();
        if (!diagnostics.length) return;
        const report = formatText(diagnostics, fileCount);
        if (hasErrors(diagnostics) && command === 'build') {
          process.stderr.write(`${report}\n`);
          stopBuild('plumbline: the catalog has errors, so no pages were written.', 'Fix them (plumbline check lists the same) and build again.');
        }
        logger.warn(`catalog diagnostics:\n${report}`);
      },
      'astro:config:done': ({ config, injectTypes }) => {
        setBasePath(config.base);
        injectTypes({ filename: 'components.d.ts', content: COMPONENT_SLOT_TYPES });
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
        if (tooLarge) stopBuild(`plumbline: ${tooLarge}`);
        const errors = await buildSearchIndex(outDir);
        if (errors.length) stopBuild(`plumbline: building the search index failed:\n${errors.map((e) => `  ${e}`).join('\n')}`);
        logger.info('search index written to pagefind/');
      },
    },
  };
}

/**
 * Stops the build with Astro's own error type, so `astro build` exits non-zero and a build run
 * from code (the `plumbline` command) gets a rejected promise instead of an ended process.
 */
function stopBuild(message: string, hint?: string): never {
  const error = new AstroError(message, hint);
  // The message is the whole story; a stack trace into this file would only bury it.
  error.stack = '';
  throw error;
}

type OnWarn = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onwarn']>;

/**
 * Astro's own MDX modules carry a directive the bundler warns about on every narrative; it is
 * harmless and would bury the catalog's own diagnostics.
 */
const quietHeadInject: OnWarn = (warning, warn) => {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
  warn(warning);
};

/**
 * The dev server serves files outside Astro's root only from folders it allows; the pages and
 * their scripts live in this package, which a catalog elsewhere does not contain. Added after
 * Vite has worked out its own list, which setting the option would replace.
 */
function allowPackageFiles(folder: string): Plugin {
  return {
    name: 'plumbline:allow-package-files',
    configResolved(config) {
      if (!config.server.fs.allow.includes(folder)) config.server.fs.allow.push(folder);
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
