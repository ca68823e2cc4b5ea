/**
 * Vitest's global setup: a folder that lasts for the test run, where test files, each in its own
 * process, meet: the Astro lock (test/helpers/astro-lock.ts) and the builds they share
 * (test/helpers/shared-build.ts). Removed when the run ends; emptied when watch mode reruns the
 * tests, since the code the sites were built from may have changed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder this test run's processes share. */
    runFolder: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'plumbline-test-run-'));
  project.provide('runFolder', folder);
  project.onTestsRerun(() => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
  });
  return () => rmSync(folder, { recursive: true, force: true });
}
