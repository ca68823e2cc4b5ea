// @ts-check
import { accessSync, constants, mkdirSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { InvalidTodayError, resolveToday } from './src/core/today.ts';
import plumbline from './src/integration.ts';

/**
 * PLUMBLINE_CACHE_DIR, when set: a folder Astro may write to, made if it is not there. Anything
 * else stops the build with one line here, before Astro fails on it with a stack trace.
 */
function cacheDir(value = process.env.PLUMBLINE_CACHE_DIR) {
  if (!value) return {};
  try {
    mkdirSync(value, { recursive: true });
    accessSync(value, constants.W_OK);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    const why = code === 'EEXIST' ? 'is a file, not a folder' : code === 'ENOTDIR' ? 'is inside a file, not a folder' : `cannot be written (${code})`;
    process.stderr.write(`plumbline: PLUMBLINE_CACHE_DIR=${JSON.stringify(value)} ${why}: set it to a folder the build may write its cache to, or unset it for node_modules/.astro\n`);
    process.exit(2);
  }
  return { cacheDir: value };
}

// CATALOG_TODAY, when set, must be a real date: said here in one line, before the first page asks for it.
try {
  resolveToday();
} catch (error) {
  if (!(error instanceof InvalidTodayError)) throw error;
  process.stderr.write(`plumbline: ${error.message} (from CATALOG_TODAY); set it to a date such as 2026-03-31, or unset it for today\n`);
  process.exit(2);
}

export default defineConfig({
  integrations: [plumbline(), mdx()],
  // Builds of different catalogs running at once (tests, CI matrices) must not share a cache:
  // it holds the list of MDX modules to render.
  ...cacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Rendered HTML must not carry dev-only attributes, in dev or in tests.
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's own MDX modules carry a directive the bundler warns about on every narrative;
        // it is harmless and would bury the catalog's own diagnostics.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
