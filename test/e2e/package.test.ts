/**
 * What a new organisation does, offline, in a folder outside this repository: pack the plumbline
 * and create-plumbline packages, start a catalog from the starter's tarball, then check, build,
 * break a metric and look at the diff, each with the installed `plumbline` command. Nothing of
 * this repository's own catalog is used. Each step's time and the installed size are printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/site.ts';

const TODAY = '2026-11-23';
const STEP_TIMEOUT_MS = 600_000;

/** Why the test cannot run here, or undefined. */
function skipReason(): string | undefined {
  if (!existsSync(join(PROJECT_ROOT, 'bin/plumbline.js'))) return 'bin/plumbline.js does not exist yet, so the package has no command to pack';
  if (spawnSync('npm', ['--version'], { encoding: 'utf8' }).status !== 0) return 'npm is not on PATH';
  return undefined;
}
const SKIP = skipReason();

/**
 * The environment of every command: the outer npm's settings are left out (they name this
 * repository's prefix and config), but its cache is kept, so the install is served from it.
 * The Node.js running the tests comes first on PATH: npm and npx start with it.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && key.toLowerCase() !== 'npm_config_cache') continue;
    if (/^(CATALOG_|PLUMBLINE_|GITHUB_)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
    CATALOG_TODAY: TODAY,
    ASTRO_TELEMETRY_DISABLED: '1',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'Plumbline test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Plumbline test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
}

const timings: { command: string; seconds: number }[] = [];

/** Runs a command to its end and records how long it took. */
function sh(command: string, args: string[], cwd: string) {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  timings.push({ command: [command, ...args].join(' '), seconds: Math.round((performance.now() - started) / 100) / 10 });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '', output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

/** `npm pack` of a folder into a new one; the path of the tarball. */
function pack(folder: string, into: string): string {
  mkdirSync(into, { recursive: true });
  const run = sh('npm', ['pack', folder, '--pack-destination', into], PROJECT_ROOT);
  expect(run.status, run.output).toBe(0);
  const [tarball] = readdirSync(into).filter((name) => name.endsWith('.tgz'));
  expect(tarball, `npm pack ${folder} wrote no tarball`).toBeDefined();
  return join(into, tarball!);
}

describe.skipIf(SKIP)(`the packages, as a new organisation uses them${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  let work = '';
  let catalog = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'plumbline-e2e-'));
    const plumbline = pack(PROJECT_ROOT, join(work, 'packs/plumbline'));
    const starter = pack(join(PROJECT_ROOT, 'packages/create-plumbline'), join(work, 'packs/create-plumbline'));
    const create = sh('npm', ['exec', '--yes', '--package', starter, '--', 'create-plumbline', 'acme', '--name', 'Acme', '--github', '@acme/leaders', '--yes', '--plumbline-spec', `file:${plumbline}`], work);
    expect(create.status, create.output).toBe(0);
    catalog = join(work, 'acme');
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'A new catalog']]) expect(sh('git', args, catalog).status).toBe(0);
  }, STEP_TIMEOUT_MS);

  afterAll(() => {
    if (catalog) {
      const size = spawnSync('du', ['-sh', join(catalog, 'node_modules/plumbline')], { encoding: 'utf8' }).stdout.split('\t')[0];
      console.log([...timings.map((t) => `${String(t.seconds).padStart(6)} s  ${t.command}`), `installed size of node_modules/plumbline: ${size}`].join('\n'));
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('starts a catalog that checks with no errors, with the scripts and the one dependency it needs', () => {
    expect(readdirSync(catalog)).toEqual(expect.arrayContaining(['catalog.config.yaml', 'goals', 'metrics', 'owners', 'data', 'public', '.github', 'README.md', '.gitignore', 'package.json']));
    const manifest = JSON.parse(readFileSync(join(catalog, 'package.json'), 'utf8'));
    expect(manifest.scripts.check).toBe('plumbline check');
    expect(Object.keys(manifest.dependencies)).toEqual(['plumbline']);
    const check = sh('npx', ['--no', 'plumbline', 'check'], catalog);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('0 errors, 0 warnings');
  });

  it('builds the site with no Astro config and no pages of its own; a metric page carries its why', () => {
    expect(existsSync(join(catalog, 'astro.config.mjs'))).toBe(false);
    const build = sh('npx', ['--no', 'plumbline', 'build'], catalog);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(catalog, 'dist/index.html'))).toBe(true);
    const page = readFileSync(join(catalog, 'dist/metrics/customer-satisfaction/index.html'), 'utf8');
    expect(page).toContain('get what they came for, in their own words');
  });

  it('names a broken metric at its file and line, and the diff against the last commit names the change', () => {
    const file = join(catalog, 'metrics/customer-satisfaction.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('direction: up\n', 'direction: sideways\n'));
    const check = sh('npx', ['--no', 'plumbline', 'check'], catalog);
    expect(check.status, check.output).toBe(1);
    expect(check.output).toMatch(/metrics\/customer-satisfaction\.yaml:\d+:\d+ error invalid-value/);

    const diff = sh('npx', ['--no', 'plumbline', 'diff', '--base', 'HEAD'], catalog);
    expect(diff.status, diff.output).toBe(0);
    expect(diff.stdout).toContain('`customer-satisfaction`');
    expect(diff.stdout).toContain('metrics/customer-satisfaction.yaml');
  });
});
