/** Building a catalog through Astro, the way `npm run build` does, into a temporary folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** Runs `astro build --outDir <tmp>` on a catalog folder with a fixed "as of" date; astroArgs go after it (`--base`, `--config`). */
export function buildSite(catalogDir: string, today = '2026-11-23', extraEnv: NodeJS.ProcessEnv = {}, astroArgs: string[] = []): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'plumbline-dist-'));
  // Its own cache, so builds in parallel test files cannot overwrite each other's MDX module list.
  const cacheDir = mkdtempSync(join(tmpdir(), 'plumbline-cache-'));
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir, ...astroArgs], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CATALOG_DIR: catalogDir, CATALOG_TODAY: today, PLUMBLINE_CACHE_DIR: cacheDir, ...extraEnv },
    encoding: 'utf8',
    timeout: 300_000,
  });
  rmSync(cacheDir, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
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
