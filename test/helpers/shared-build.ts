/**
 * One Astro build per catalog folder, date and settings for the whole test run, shared by every
 * test file that reads it. A build takes seconds of CPU, and the fixture and the example catalog
 * are read by many files: the first file to ask builds, the others wait for it and read the same
 * folder. Test files run in separate processes, so they meet in the run's folder
 * (test/helpers/run-folder-setup.ts), which is removed after the run.
 *
 * To read a built site in a new test file:
 *
 *   let build: BuildResult;
 *   beforeAll(async () => {
 *     build = await sharedBuild(join(PROJECT_ROOT, 'test/fixtures/site-catalog'));
 *   });
 *
 * and never write into or remove build.outDir: other files read it. A catalog that a test writes
 * or changes, a build that must fail, or a second build to compare with, goes through buildSite.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { claimantEnded, claimFolder, pause } from './folder-claim.ts';
import { BUILD_TODAY, startBuild, type BuildResult } from './site.ts';

/** The name of the folder for a build: the same for the same catalog folder, date and settings. */
export function buildKey(catalogDir: string, today: string, extraEnv: Record<string, string>): string {
  const settings = Object.entries(extraEnv).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify([resolve(catalogDir), today, settings])).digest('hex').slice(0, 16);
}

/**
 * The site of a catalog folder that no test changes, built once in this run: by this call if it
 * is the first to ask, else by the one that was, waited for. Read it; do not change or remove it.
 */
export function sharedBuild(catalogDir: string, today = BUILD_TODAY, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
  const folder = join(inject('runFolder'), `build-${buildKey(catalogDir, today, extraEnv)}`);
  return buildOnce(folder, (outDir) => startBuild(catalogDir, today, extraEnv, outDir));
}

/** Runs `build` into folder/site if this call claims the folder first; else waits for the result of the call that did. */
export async function buildOnce(folder: string, build: (outDir: string) => Promise<BuildResult>): Promise<BuildResult> {
  const result = join(folder, 'result.json');
  if (!claimFolder(folder)) return waitForResult(folder, result);
  const outDir = join(folder, 'site');
  const built = await build(outDir).catch((error: unknown) => ({ status: null, stdout: '', stderr: `the build could not run: ${String(error)}`, outDir, ms: 0 }));
  // Written whole, then renamed, so a waiting process never reads half of it.
  writeFileSync(`${result}.partial`, JSON.stringify(built));
  renameSync(`${result}.partial`, result);
  return built;
}

async function waitForResult(folder: string, result: string): Promise<BuildResult> {
  while (!existsSync(result)) {
    if (claimantEnded(folder) && !existsSync(result)) throw new Error(`the test process building ${join(folder, 'site')} ended without finishing it`);
    await pause();
  }
  return JSON.parse(readFileSync(result, 'utf8')) as BuildResult;
}
