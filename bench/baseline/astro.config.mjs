// @ts-check
/**
 * The baseline for `npm run bench -- build`: a bare Astro project that renders one page per
 * catalog entry from the same files, with Astro's own glob loader and no schema. Plumbline's
 * build is held to within 1.5× of this one's time and memory.
 * `@astrojs/mdx` resolves from the repository's node_modules, two folders up.
 */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [mdx()],
  // The bench gives each build an empty cache of its own, as it does Plumbline's.
  ...(process.env.PLUMBLINE_CACHE_DIR ? { cacheDir: process.env.PLUMBLINE_CACHE_DIR } : {}),
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // The same harmless MDX directive warning Plumbline's config silences, so both logs stay comparable.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
