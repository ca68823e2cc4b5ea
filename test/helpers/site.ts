/** Building a catalog through Astro, the way `npm run build` does, into a temporary folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { takeAstroLock, takeAstroLockSync } from './astro-lock.ts';
import { spawnAndCollect } from './spawn-collect.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD_TIMEOUT_MS = 300_000;

/** The "as of" date of a build unless a test gives another. */
export const BUILD_TODAY = '2026-11-23';

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
  /** How long Astro ran, not counting the wait for another build to finish. */
  ms: number;
}

/** How `astro build` of a catalog into outDir is started: its arguments and its environment. */
function astroBuild(catalogDir: string, today: string, extraEnv: NodeJS.ProcessEnv, outDir: string, cacheDir: string, astroArgs: string[] = []) {
  return {
    args: [ASTRO, 'build', '--outDir', outDir, ...astroArgs],
    options: {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CATALOG_DIR: catalogDir, CATALOG_TODAY: today, PLUMBLINE_CACHE_DIR: cacheDir, ...extraEnv },
      timeout: BUILD_TIMEOUT_MS,
    },
  };
}

// Each build has its own Astro cache, so no build reads what an earlier one left there.
const newCacheDir = () => mkdtempSync(join(tmpdir(), 'plumbline-cache-'));

/**
 * Runs `astro build --outDir <tmp>` on a catalog folder with a fixed "as of" date, and waits for
 * it; astroArgs go after it (`--base`, `--config`). The caller owns the folder it wrote: a test that only reads the site of a catalog nobody
 * changes should take sharedBuild (test/helpers/shared-build.ts) instead, which builds it once.
 */
export function buildSite(catalogDir: string, today = BUILD_TODAY, extraEnv: NodeJS.ProcessEnv = {}, astroArgs: string[] = []): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'plumbline-dist-'));
  const cacheDir = newCacheDir();
  const { args, options } = astroBuild(catalogDir, today, extraEnv, outDir, cacheDir, astroArgs);
  const release = takeAstroLockSync();
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { ...options, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir, ms: performance.now() - start };
  } finally {
    release();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** buildSite into a given folder without blocking this process while it waits for Astro. */
export async function startBuild(catalogDir: string, today: string, extraEnv: NodeJS.ProcessEnv, outDir: string): Promise<BuildResult> {
  const cacheDir = newCacheDir();
  const { args, options } = astroBuild(catalogDir, today, extraEnv, outDir, cacheDir);
  const release = await takeAstroLock();
  try {
    const start = performance.now();
    const run = await spawnAndCollect(process.execPath, args, options);
    return { ...run, outDir, ms: performance.now() - start };
  } finally {
    release();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function readPage(outDir: string, path: string): HTMLElement {
  return parse(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
}

export function pageExists(outDir: string, path: string): boolean {
  return existsSync(join(outDir, path, 'index.html'));
}

/** Every HTML file under a folder, as paths relative to it. */
export function htmlFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return (readdirSync(directory, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
}

export const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
