import { globSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { filesNeedingOwnProcess } from './test/helpers/own-process.ts';

const TESTS = 'test/**/*.test.ts';
const ownProcess = filesNeedingOwnProcess(import.meta.dirname, globSync(TESTS, { cwd: import.meta.dirname }));

export default defineConfig({
  test: {
    // Site builds run Astro end to end, one at a time (test/helpers/astro-lock.ts), and need the time.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The folder where test files share builds (test/helpers/shared-build.ts) and the Astro lock.
    globalSetup: ['test/helpers/run-folder-setup.ts'],
    // Every core: vitest's default leaves one idle, and most of a run is CPU-bound.
    maxWorkers: availableParallelism(),
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // test/helpers/own-process.ts says which files need a fresh process; the rest share workers.
    // The names order the queue: the long files with their own process start first.
    projects: [
      { extends: true, test: { name: 'own-process', include: ownProcess, isolate: true } },
      { extends: true, test: { name: 'shared-worker', include: [TESTS], exclude: [...configDefaults.exclude, ...ownProcess], isolate: false } },
    ],
  },
});
