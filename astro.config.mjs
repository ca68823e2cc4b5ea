// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import plumbline from './src/integration.ts';

export default defineConfig({
  integrations: [plumbline(), mdx()],
  // Builds of different catalogs running at once (tests, CI matrices) must not share a cache:
  // it holds the list of MDX modules to render.
  ...(process.env.PLUMBLINE_CACHE_DIR ? { cacheDir: process.env.PLUMBLINE_CACHE_DIR } : {}),
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
