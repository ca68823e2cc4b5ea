/** Temporary folders for import tests: sources written on the fly and catalogs imported into. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { runImport, type ImportKind, type ImportOptions } from '../../src/import/index.ts';
import { PROJECT_ROOT } from './site.ts';

export const TODAY = '2026-11-23';

/** The real-world catalogs, read in place beside the repository (never copied into it). */
export const REAL_WORLD = process.env.PLUMBLINE_REAL_WORLD ?? join(PROJECT_ROOT, '../shared/real-world');
export const GITLAB_SOURCE = join(REAL_WORLD, 'gitlab-performance-indicators');
export const METRIC_HUB_SOURCE = join(REAL_WORLD, 'mozilla-metric-hub/definitions');
export const CSV_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/kpi-register.csv');

const made: string[] = [];

export function tempDir(prefix = 'plumbline-import-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path → content) under a new temporary folder and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Every file under a folder, path → content. */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    try {
      out[relative(root, join(root, path)).split('\\').join('/')] = readFileSync(join(root, path), 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

/** Imports into a new temporary catalog folder (or `dir`) with a fixed date. */
export function importInto(kind: ImportKind, source: string, options: Partial<ImportOptions> = {}) {
  const dir = options.dir ?? tempDir();
  const outcome = runImport(kind, source, { today: TODAY, ...options, dir });
  return { dir, ...outcome };
}

/** What `npm run check` finds in a folder, as counts by severity and rule. */
export function checkCounts(dir: string) {
  const { diagnostics } = analyzeCatalog(dir, TODAY);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const byRule: Record<string, number> = {};
  for (const d of diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  return { errors, warnings: diagnostics.length - errors.length, byRule, diagnostics };
}
