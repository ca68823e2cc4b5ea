/**
 * `plumbline <command>`: the dispatcher's help, version and exit codes, every command reachable
 * through it, the catalog found from a folder inside it, and the checks build, dev and preview
 * make before Astro starts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCatalogRoot } from '../../src/cli/common.ts';
import { COMMANDS } from '../../src/cli/main.ts';
import { siteSettings } from '../../src/cli/site.ts';
import { PLUMBLINE_VERSION } from '../../src/core/version.ts';
import { removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { runCliInProcess } from '../helpers/cli.ts';
import { edit } from '../helpers/core.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const scratch: string[] = [];
afterAll(() => {
  removeCatalogs();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-main-'));
  scratch.push(dir);
  return dir;
}

const plumbline = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => runCliInProcess('main', args, options);
const NAMES = ['check', 'build', 'dev', 'preview', 'diff', 'codeowners', 'reminders', 'import', 'schema', 'init'];
const broken = () => writeCatalog(edit(validCatalog(), 'goals/access.yaml', 'owner: ops', 'owner: opz'));

describe('plumbline', () => {
  it('has the ten commands, in the order the help lists them', () => {
    expect(Object.keys(COMMANDS)).toEqual(NAMES);
  });

  it('--help lists every command with what it does, and exits 0', async () => {
    const { status, stdout, stderr } = await plumbline(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.startsWith('Usage: plumbline <command> [options]\n')).toBe(true);
    for (const name of NAMES) expect(stdout).toContain(`\n  ${name.padEnd(11)} ${COMMANDS[name]!.summary}\n`);
    expect(stdout).toContain('Exit status: 0 ok, 1 the catalog has problems');
  });

  it('--version prints the version alone, at the top and after any command', async () => {
    expect(await plumbline(['--version'])).toEqual({ status: 0, stdout: `${PLUMBLINE_VERSION}\n`, stderr: '' });
    expect(await plumbline(['check', '--version'])).toEqual({ status: 0, stdout: `${PLUMBLINE_VERSION}\n`, stderr: '' });
    expect(await plumbline(['build', '--version'])).toEqual({ status: 0, stdout: `${PLUMBLINE_VERSION}\n`, stderr: '' });
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const { status, stdout, stderr } = await plumbline([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith('Usage: plumbline <command> [options]\n')).toBe(true);
  });

  it('answers an unknown command with the closest one and the list, in one line, exit 2', async () => {
    const list = `the commands are ${NAMES.join(', ')}`;
    expect(await plumbline(['chek'])).toEqual({ status: 2, stdout: '', stderr: `plumbline: unknown command "chek" (did you mean check? ${list}). Usage: plumbline <command> [options] (plumbline --help lists them)\n` });
    expect((await plumbline(['publish'])).stderr).toBe(`plumbline: unknown command "publish" (${list}). Usage: plumbline <command> [options] (plumbline --help lists them)\n`);
    expect((await plumbline(['--dir', '.'])).stderr).toMatch(/^plumbline: unknown option --dir before the command \(the commands are /);
    // Names of the object's prototype are no commands.
    expect((await plumbline(['constructor'])).status).toBe(2);
  });

  it.each(NAMES)('%s --help starts with its usage line and exits 0', async (name) => {
    const { status, stdout } = await plumbline([name, '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: plumbline ${name}\\b`));
  });

  it('passes the exit status of the command through: 0 clean, 1 catalog errors, 2 bad arguments', async () => {
    expect((await plumbline(['check', '--dir', writeCatalog(validCatalog()), '--today', TODAY])).status).toBe(0);
    expect((await plumbline(['check', '--dir', broken(), '--today', TODAY])).status).toBe(1);
    const unknown = await plumbline(['reminders', '--verbose']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --verbose (the options are --dir, --today, --help, --output, --format, --version)');
  });
});

describe('the catalog a command works on', () => {
  it('is the nearest folder upwards holding catalog.config.yaml, else the current folder', () => {
    const catalog = writeCatalog(validCatalog());
    const deep = join(catalog, 'metrics', 'deeper');
    mkdirSync(deep, { recursive: true });
    expect(findCatalogRoot(deep)).toBe(catalog);
    expect(findCatalogRoot(catalog)).toBe(catalog);
    const elsewhere = folder();
    expect(findCatalogRoot(elsewhere)).toBe(elsewhere);
  });

  it('is found from a folder inside it; CATALOG_DIR and --dir still win', async () => {
    const catalog = writeCatalog(validCatalog());
    const inside = join(catalog, 'metrics');
    const found = await plumbline(['check', '--today', TODAY], { cwd: inside });
    expect(found).toMatchObject({ status: 0, stdout: `0 errors, 0 warnings in ${Object.keys(validCatalog()).length} files\n` });
    const other = broken();
    expect((await plumbline(['check', '--today', TODAY], { cwd: inside, env: { CATALOG_DIR: other } })).status).toBe(1);
    expect((await plumbline(['check', '--today', TODAY, '--dir', other], { cwd: inside })).status).toBe(1);
  });

  it('outside any catalog is the current folder, and the message names it', async () => {
    const empty = folder();
    const { status, stdout } = await plumbline(['check', '--today', TODAY], { cwd: empty });
    expect(status).toBe(1);
    expect(stdout).toContain(`no catalog.config.yaml in ${empty}`);
  });
});

describe('build, dev and preview before Astro starts', () => {
  it('build on a catalog with errors prints the check report and exits 1, writing nothing', async () => {
    const out = join(folder(), 'site');
    const { status, stderr } = await plumbline(['build', '--dir', broken(), '--today', TODAY, '--out-dir', out]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^goals\/access\.yaml:\d+:\d+ error unknown-reference /);
    expect(stderr).toContain('plumbline: the catalog has errors, so no pages were written.');
    expect(() => readFileSync(join(out, 'index.html'))).toThrow();
  });

  it.each(['build', 'dev', 'preview'])('%s refuses a --site, --base or --port it cannot use, with exit 2', async (name) => {
    const dir = ['--dir', writeCatalog(validCatalog())];
    expect(await plumbline([name, ...dir, '--site', 'acme.github.io'])).toMatchObject({ status: 2, stderr: 'plumbline: --site must be an http(s) address such as https://acme.github.io; got "acme.github.io"\n' });
    expect(await plumbline([name, ...dir, '--base', 'metrics/'])).toMatchObject({ status: 2, stderr: 'plumbline: --base must be a path that starts with /, such as /metrics-catalog/; got "metrics/"\n' });
    if (name !== 'build') expect((await plumbline([name, ...dir, '--port', 'http'])).status).toBe(2);
    expect((await plumbline([name, ...dir, '--today', '2026-02-30'])).status).toBe(2);
  });

  it('preview without a built site says to build first, exit 1', async () => {
    const out = folder();
    expect(await plumbline(['preview', '--dir', writeCatalog(validCatalog()), '--out-dir', out])).toMatchObject({ status: 1, stderr: `plumbline: no built site in ${out}: run plumbline build first with the same --out-dir\n` });
  });
});

describe('the project Astro runs in', () => {
  const io = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, env: {}, cwd });

  it('is the folder of the nearest package.json, with the catalog read from --dir as data', () => {
    const trusted = folder();
    writeFileSync(join(trusted, 'package.json'), '{}\n');
    mkdirSync(join(trusted, 'scripts'));
    const catalog = writeCatalog(validCatalog());
    expect(siteSettings({ dir: catalog, today: TODAY }, io(join(trusted, 'scripts')))).toEqual({ root: trusted, catalog, today: TODAY });
  });

  it('is the catalog folder when no package.json is above the current folder', () => {
    const catalog = writeCatalog(validCatalog());
    expect(siteSettings({ today: TODAY, 'out-dir': 'site' }, io(catalog))).toEqual({ root: catalog, catalog, today: TODAY, outDir: join(catalog, 'site') });
  });
});

describe('bin/plumbline.js', () => {
  const BIN = join(PROJECT_ROOT, 'bin/plumbline.js');

  it('runs the command on Node 24: --version', () => {
    const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), [BIN, '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${PLUMBLINE_VERSION}\n`);
    expect(run.status).toBe(0);
  });

  it('stops with one line on a Node older than 22.12', () => {
    // Any Node runs the check: it comes before anything that needs a newer one.
    const dir = folder();
    const fake = join(dir, 'old-node.mjs');
    writeFileSync(fake, `Object.defineProperty(process.versions, 'node', { value: '20.11.1' });\nawait import(${JSON.stringify(BIN)});\n`);
    const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), [fake], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plumbline: this is Node 20\.11\.1, but Plumbline needs Node 22\.12 or later; [^\n]*\n$/);
  });
});
