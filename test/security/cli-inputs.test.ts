/**
 * Every command, fed odd values for its folder, date, format, options and environment: each ends
 * with one clear line (what is wrong and what to do), exit status 2 for a mistake in how it was
 * called and 1 for a folder that is no catalog, and never a stack trace. Part of "Trust the pull
 * request boundary": the install and dev loop.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { runCli, runCliInProcess, startCli, type CliRun } from '../helpers/cli.ts';
import { removeRepos, repoWith } from '../helpers/git.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const COMMANDS = ['check', 'codeowners', 'reminders', 'diff', 'schema', 'import'] as const;
type Command = (typeof COMMANDS)[number];

/** The first line of each command's usage, which every usage error ends with. */
const USAGE: Record<Command, string> = {
  check: 'Usage: plumbline check [--dir DIR] [--format text|json|github] [--today YYYY-MM-DD] [--strict] [--output FILE]',
  codeowners: 'Usage: plumbline codeowners [--dir DIR] [--write | --check] [--today YYYY-MM-DD]',
  reminders: 'Usage: plumbline reminders [--dir DIR] [--format markdown|json] [--today YYYY-MM-DD] [--output FILE]',
  diff: 'Usage: plumbline diff --base REV [--head REV] [--dir DIR] [--format markdown|json] [--today YYYY-MM-DD] [--output FILE]',
  schema: 'Usage: plumbline schema [--dir DIR] [--out DIR] [--docs FILE] [--check]',
  import: 'Usage: plumbline import <kind> <source> [--dir DIR] [--dry-run] [--force] [options]',
};
/** The options each command takes, as an unknown option lists them. */
const OPTIONS: Record<Command, string> = {
  check: '--dir, --today, --help, --output, --format, --strict, --version',
  codeowners: '--dir, --today, --help, --write, --check, --version',
  reminders: '--dir, --today, --help, --output, --format, --version',
  diff: '--dir, --today, --help, --output, --base, --head, --format, --version',
  schema: '--dir, --help, --out, --docs, --check, --version',
  import: '--dir, --today, --help, --dry-run, --force, --org, --mission, --map, --base-url, --version',
};
const usage = (command: Command, message: string) => `plumbline: ${message}. ${USAGE[command]} (--help explains each option)\n`;

// Root reads every folder whatever its mode: the "no permission" cases run the command as nobody.
const ROOT = process.getuid?.() === 0;
const OTHER_USER = ROOT ? { uid: 65534, gid: 65534 } : {};
/**
 * Modes mean nothing on Windows, and nobody may not reach a clone that is private to root (one in
 * a `mktemp -d` folder): probed by starting a command as nobody exactly as the tests do, by its
 * absolute path, which a relative path from inside the clone would not catch.
 */
const CANNOT_TEST_PERMISSIONS = process.platform === 'win32' || runCli('check', ['--help'], OTHER_USER).status !== 0;

/**
 * Runs a command's run in this process, as `npm run` would from the project root, without the
 * caller's CATALOG_* settings. As another user it starts Node (asynchronously, so that the tests
 * of a group run side by side): a process's user is its own.
 */
function run(command: Command, args: string[], { env = {}, asOtherUser = false }: { env?: Record<string, string>; asOtherUser?: boolean } = {}): Promise<CliRun> {
  return asOtherUser && ROOT ? startCli(command, args, { env, ...OTHER_USER }) : runCliInProcess(command, args, { env });
}

/** The command ended with exactly this one line on stderr, this status, and no stack trace. */
function expectOneLine(result: CliRun, status: number, line: string) {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).toBe(line);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(result.status).toBe(status);
}

let scratch: string;
let catalog: string;
let repoCatalog: string;
let aFile: string;
let emptyFolder: string;
let noPermission: string;
let readOnly: string;
const missing = '/nonexistent/plumbline-catalog';
const withNewline = '/nonexistent/plumbline\nsecond line';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'plumbline-cli-inputs-'));
  chmodSync(scratch, 0o755);
  catalog = writeCatalog(validCatalog());
  repoCatalog = repoWith(validCatalog()).catalog;
  aFile = join(scratch, 'a-file.yaml');
  writeFileSync(aFile, 'name: not a folder\n');
  emptyFolder = join(scratch, 'empty');
  mkdirSync(emptyFolder);
  noPermission = join(scratch, 'no-permission');
  mkdirSync(noPermission);
  chmodSync(noPermission, 0o000);
  readOnly = join(scratch, 'read-only');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
});

afterAll(() => {
  chmodSync(noPermission, 0o755);
  rmSync(scratch, { recursive: true, force: true });
  removeCatalogs();
  removeRepos();
});

describe.concurrent('check reports a folder that is no catalog as a diagnostic, exit 1, never a crash', () => {
  const checkLine = (result: CliRun) => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    return result.stdout.split('\n');
  };

  it('--dir / (no folder name: the fallback config used to throw a ZodError)', async () => {
    const lines = checkLine(await run('check', ['--dir', '/', '--today', TODAY]));
    expect(lines[0]).toBe('catalog.config.yaml:1:1 error missing-config no catalog.config.yaml in /');
  });

  it('CATALOG_DIR=/ too', async () => {
    const lines = checkLine(await run('check', ['--today', TODAY], { env: { CATALOG_DIR: '/' } }));
    expect(lines[0]).toBe('catalog.config.yaml:1:1 error missing-config no catalog.config.yaml in /');
  });

  it('a file instead of a folder', async () => {
    const lines = checkLine(await run('check', ['--dir', aFile, '--today', TODAY]));
    expect(lines.slice(0, 2)).toEqual([`.:1:1 error missing-config the catalog folder ${aFile} is a file, not a folder`, '  hint: point CATALOG_DIR (or --dir) at a folder holding catalog.config.yaml']);
  });

  it.skipIf(CANNOT_TEST_PERMISSIONS)('a folder without permission', async () => {
    const lines = checkLine(await run('check', ['--dir', noPermission, '--today', TODAY], { asOtherUser: true }));
    expect(lines.slice(0, 2)).toEqual([
      `.:1:1 error missing-config cannot read the catalog folder ${noPermission} (permission denied, EACCES)`,
      '  hint: give your user permission to read it, or point CATALOG_DIR (or --dir) at a folder holding catalog.config.yaml',
    ]);
  });

  it('a path with a line break stays on one line', async () => {
    const lines = checkLine(await run('check', ['--dir', withNewline, '--today', TODAY]));
    expect(lines[0]).toBe('.:1:1 error missing-config the catalog folder /nonexistent/plumbline\\nsecond line does not exist');
  });
});

describe.concurrent('usage errors: exit 2 and one line ending with the usage', () => {
  it.each(['check', 'codeowners', 'reminders', 'diff'] as const)('%s: an empty --dir, --today or option value', async (command) => {
    expectOneLine(await run(command, ['--dir', '']), 2, usage(command, '--dir is empty: give it a value, or leave it out'));
    expectOneLine(await run(command, ['--dir', catalog, '--today', '']), 2, usage(command, '--today is empty: give it a value, or leave it out'));
    expectOneLine(await run(command, ['--dir=', '--today', TODAY]), 2, usage(command, '--dir is empty: give it a value, or leave it out'));
  });

  it.each(COMMANDS)('%s: an unknown option, a misspelt one, a missing value, a value for a switch', async (command) => {
    expectOneLine(await run(command, ['--bogus']), 2, usage(command, `unknown option --bogus (the options are ${OPTIONS[command]})`));
    expectOneLine(await run(command, ['--dri', catalog]), 2, usage(command, `unknown option --dri (did you mean --dir? the options are ${OPTIONS[command]})`));
    expectOneLine(await run(command, ['--dir']), 2, usage(command, '--dir needs a value: --dir DIR'));
    expectOneLine(await run(command, ['--help=yes']), 2, usage(command, '--help takes no value'));
  });

  it('a short option that is unknown, and a value that looks like an option', async () => {
    expectOneLine(await run('check', ['-x']), 2, usage('check', `unknown option -x (the options are ${OPTIONS.check})`));
    expectOneLine(await run('check', ['--dir', '--help']), 2, usage('check', '--dir needs a value; to give one that starts with "-", write --dir=DIR'));
  });

  it.each(['check', 'codeowners', 'reminders', 'diff', 'schema'] as const)('%s: an argument that is not an option', async (command) => {
    expectOneLine(await run(command, ['stray']), 2, usage(command, `unexpected argument "stray" (options go after --, as in npm run ${command} -- --dir DIR)`));
  });

  it('a missing --today value names the date format', async () => {
    expectOneLine(await run('check', ['--today']), 2, usage('check', '--today needs a value: --today YYYY-MM-DD'));
  });

  it('schema takes no --today (its output does not depend on a date)', async () => {
    expectOneLine(await run('schema', ['--dir', catalog, '--today', '2026-02-30']), 2, usage('schema', `unknown option --today (the options are ${OPTIONS.schema})`));
  });

  it('diff needs --base, and a --base that looks like an option is no revision', async () => {
    expectOneLine(await run('diff', ['--dir', repoCatalog]), 2, usage('diff', '--base REV is required: the revision to compare against, such as origin/main'));
    expectOneLine(await run('diff', ['--dir', repoCatalog, '--base', '--upload-pack=touch /tmp/x']), 2, usage('diff', '--base needs a value; to give one that starts with "-", write --base=REV'));
    expectOneLine(await run('diff', ['--dir', repoCatalog, '--base', '']), 2, usage('diff', '--base is empty: give it a value, or leave it out'));
  });
});

describe.concurrent('dates and formats: exit 2, one line saying what to give', () => {
  it.each(['check', 'codeowners', 'reminders', 'diff'] as const)('%s: --today 2026-02-30, --today yesterday, CATALOG_TODAY=yesterday', async (command) => {
    const dir = command === 'diff' ? repoCatalog : catalog;
    const base = command === 'diff' ? ['--base', 'HEAD'] : [];
    expectOneLine(await run(command, ['--dir', dir, ...base, '--today', '2026-02-30']), 2, 'plumbline: the "as of" date "2026-02-30" is not a real date written YYYY-MM-DD; give --today a date such as 2026-03-31, or leave it out for today\n');
    expectOneLine(await run(command, ['--dir', dir, ...base, '--today', 'yesterday']), 2, 'plumbline: the "as of" date "yesterday" is not a real date written YYYY-MM-DD; give --today a date such as 2026-03-31, or leave it out for today\n');
    expectOneLine(
      await run(command, ['--dir', dir, ...base], { env: { CATALOG_TODAY: 'yesterday' } }),
      2,
      'plumbline: the "as of" date "yesterday" is not a real date written YYYY-MM-DD (from CATALOG_TODAY); set CATALOG_TODAY to a date such as 2026-03-31, or unset it for today\n',
    );
  });

  it('a date with a line break is shown escaped, on one line', async () => {
    expectOneLine(await run('check', ['--dir', catalog, '--today', '2026-01-01\n::error::forged']), 2, 'plumbline: the "as of" date "2026-01-01\\n::error::forged" is not a real date written YYYY-MM-DD; give --today a date such as 2026-03-31, or leave it out for today\n');
  });

  it('--format xml', async () => {
    expectOneLine(await run('check', ['--dir', catalog, '--format', 'xml']), 2, 'plumbline: --format must be one of text, json, github; got "xml"\n');
    expectOneLine(await run('reminders', ['--dir', catalog, '--format', 'xml']), 2, 'plumbline: --format must be one of markdown, json; got "xml"\n');
    expectOneLine(await run('diff', ['--dir', repoCatalog, '--base', 'HEAD', '--format', 'xml']), 2, 'plumbline: --format must be one of markdown, json; got "xml"\n');
    expectOneLine(await run('codeowners', ['--dir', catalog, '--format', 'xml']), 2, usage('codeowners', `unknown option --format (the options are ${OPTIONS.codeowners})`));
  });
});

describe.concurrent('a folder that is no catalog: exit 1, one line naming it and what to do', () => {
  const POINT = 'point CATALOG_DIR (or --dir) at a folder holding catalog.config.yaml';
  const NO_CONFIG = (dir: string) => `plumbline: no catalog.config.yaml in ${dir}: point CATALOG_DIR (or --dir) at the catalog folder, or create the file with at least \`name: <your organisation>\`\n`;

  it.each(['codeowners', 'reminders', 'schema'] as const)('%s: /, an empty folder, a file, nothing, a line break', async (command) => {
    const today = command === 'schema' ? [] : ['--today', TODAY];
    expectOneLine(await run(command, ['--dir', '/', ...today]), 1, NO_CONFIG('/'));
    expectOneLine(await run(command, [...today], { env: { CATALOG_DIR: '/' } }), 1, NO_CONFIG('/'));
    expectOneLine(await run(command, ['--dir', emptyFolder, ...today]), 1, NO_CONFIG(emptyFolder));
    expectOneLine(await run(command, ['--dir', aFile, ...today]), 1, `plumbline: the catalog folder ${aFile} is a file, not a folder: ${POINT}\n`);
    expectOneLine(await run(command, ['--dir', missing, ...today]), 1, `plumbline: the catalog folder ${missing} does not exist: ${POINT}\n`);
    expectOneLine(await run(command, ['--dir', withNewline, ...today]), 1, `plumbline: the catalog folder /nonexistent/plumbline\\nsecond line does not exist: ${POINT}\n`);
  });

  it.skipIf(CANNOT_TEST_PERMISSIONS).each(['codeowners', 'reminders', 'schema', 'diff'] as const)('%s: a folder without permission', async (command) => {
    const args = command === 'diff' ? ['--base', 'HEAD'] : command === 'schema' ? ['--check'] : ['--today', TODAY];
    expectOneLine(await run(command, ['--dir', noPermission, ...args], { asOtherUser: true }), 1, `plumbline: cannot read the catalog folder ${noPermission} (permission denied, EACCES): give your user permission to read it, or ${POINT}\n`);
  });

  it('diff: a file or nothing, instead of "git is not installed"', async () => {
    expectOneLine(await run('diff', ['--dir', aFile, '--base', 'HEAD']), 1, `plumbline: the catalog folder ${aFile} is a file, not a folder: ${POINT}\n`);
    expectOneLine(await run('diff', ['--dir', missing, '--base', 'HEAD']), 1, `plumbline: the catalog folder ${missing} does not exist: ${POINT}\n`);
    expectOneLine(
      await run('diff', ['--dir', '/', '--base', 'HEAD']),
      2,
      'plumbline: the catalog is not in a git repository: diff compares git revisions of the catalog (/), so point --dir (or CATALOG_DIR) at a catalog folder inside a git repository\n',
    );
  });

  it('import: a file as the catalog folder to write into', async () => {
    expectOneLine(await run('import', ['csv', join(PROJECT_ROOT, 'test/fixtures/kpi-register.csv'), '--dir', aFile, '--today', TODAY]), 1, `plumbline: the catalog folder ${aFile} is a file, not a folder: give --dir the catalog folder to write into (a new one is created)\n`);
  });

  it.skipIf(CANNOT_TEST_PERMISSIONS)('import: a source without permission, and a catalog folder that cannot be written', async () => {
    expectOneLine(await run('import', ['gitlab-pi', noPermission, '--dir', join(scratch, 'new'), '--today', TODAY], { asOtherUser: true }), 1, `plumbline: cannot read the source ${noPermission} (EACCES: permission denied): give a source you may read\n`);
    const target = join(readOnly, 'catalog');
    expectOneLine(await run('import', ['csv', join(PROJECT_ROOT, 'test/fixtures/kpi-register.csv'), '--dir', target, '--today', TODAY], { asOtherUser: true }), 1, `plumbline: cannot write ${target} (EACCES: permission denied): give --dir a catalog folder you may write to\n`);
  });

  it('schema: an --out that cannot be written is a bad argument', async () => {
    const out = join(aFile, 'schema');
    expectOneLine(await run('schema', ['--dir', catalog, '--out', out, '--docs', join(scratch, 'reference.md')]), 2, `plumbline: cannot write ${join(out, 'config.json')} (ENOTDIR: a part of the path is a file, not a folder): give --out a folder and --docs a file that you may write\n`);
    expectOneLine(await run('schema', ['--dir', catalog, '--out', '']), 2, usage('schema', '--out is empty: give it a value, or leave it out'));
  });
});

describe.concurrent('--output FILE: the report alone in a file, whatever npm prints on stdout', () => {
  it('check writes JSON that parses, and says so on stderr', async () => {
    const file = join(scratch, 'check.json');
    const result = await run('check', ['--dir', catalog, '--today', TODAY, '--format', 'json', '--output', file]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`plumbline: wrote the json report to ${file}: 0 errors, 0 warnings in ${Object.keys(validCatalog()).length} files\n`);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('check keeps its exit status when it writes the report', async () => {
    const broken = writeCatalog({ ...validCatalog(), 'goals/access.yaml': 'title: Seen within a week\nlevel: strategy\nparent: mission\nowner: opz\n' });
    const file = join(scratch, 'broken.json');
    const result = await run('check', ['--dir', broken, '--today', TODAY, '--format', 'json', '--output', file]);
    expect(result.status).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).map((d: { rule: string }) => d.rule)).toContain('unknown-reference');
  });

  it('reminders and diff write JSON too', async () => {
    const reminders = join(scratch, 'reminders.json');
    expectOneLine(await run('reminders', ['--dir', catalog, '--today', TODAY, '--format', 'json', '--output', reminders]), 0, `plumbline: wrote the json reminders to ${reminders}\n`);
    expect(JSON.parse(readFileSync(reminders, 'utf8')).today).toBe(TODAY);
    const diff = join(scratch, 'diff.json');
    expectOneLine(await run('diff', ['--dir', repoCatalog, '--base', 'HEAD', '--today', TODAY, '--format', 'json', '--output', diff]), 0, `plumbline: wrote the json diff to ${diff}\n`);
    expect(JSON.parse(readFileSync(diff, 'utf8')).empty).toBe(true);
  });

  it.each(['check', 'reminders', 'diff'] as const)('%s: an empty --output, a missing value, a folder, a folder that is not there, a file in the way', async (command) => {
    const args = command === 'diff' ? ['--dir', repoCatalog, '--base', 'HEAD'] : ['--dir', catalog];
    expectOneLine(await run(command, [...args, '--output', '']), 2, usage(command, '--output is empty: give it a value, or leave it out'));
    expectOneLine(await run(command, [...args, '--output']), 2, usage(command, '--output needs a value: --output FILE'));
    expectOneLine(await run(command, [...args, '--output', scratch]), 2, `plumbline: --output ${scratch} is a folder: give the path of a file to write, such as --output report.json\n`);
    const nowhere = join(scratch, 'not-there', 'report.json');
    expectOneLine(await run(command, [...args, '--output', nowhere]), 2, `plumbline: --output ${nowhere}: the folder ${join(scratch, 'not-there')} does not exist; create the folder first, or write the file elsewhere\n`);
    const inFile = join(aFile, 'report.json');
    expectOneLine(await run(command, [...args, '--output', inFile]), 2, `plumbline: --output ${inFile}: ${aFile} is a file, not a folder; create the folder first, or write the file elsewhere\n`);
  });

  it.skipIf(CANNOT_TEST_PERMISSIONS)('an --output that cannot be written: exit 2', async () => {
    const file = join(readOnly, 'report.json');
    expectOneLine(await run('check', ['--dir', join(PROJECT_ROOT, 'test/fixtures/site-catalog'), '--output', file], { asOtherUser: true }), 2, `plumbline: cannot write --output ${file} (EACCES: permission denied): give a file in a folder you may write to\n`);
  });
});

describe.concurrent('the build reads PLUMBLINE_CACHE_DIR and CATALOG_TODAY: one line, exit 2, before Astro starts', () => {
  const build = (env: Record<string, string>) => {
    const { CATALOG_DIR: _dir, CATALOG_TODAY: _today, PLUMBLINE_CACHE_DIR: _cache, ...rest } = process.env;
    const result = spawnSync('node_modules/.bin/node', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(scratch, 'never-written')], { cwd: PROJECT_ROOT, env: { ...rest, CATALOG_DIR: catalog, ...env }, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('a cache folder that is a file, or inside one', async () => {
    expectOneLine(build({ PLUMBLINE_CACHE_DIR: aFile }), 2, `plumbline: PLUMBLINE_CACHE_DIR=${JSON.stringify(aFile)} is a file, not a folder: set it to a folder the build may write its cache to, or unset it for node_modules/.astro\n`);
    expectOneLine(build({ PLUMBLINE_CACHE_DIR: join(aFile, 'cache') }), 2, `plumbline: PLUMBLINE_CACHE_DIR=${JSON.stringify(join(aFile, 'cache'))} is inside a file, not a folder: set it to a folder the build may write its cache to, or unset it for node_modules/.astro\n`);
  });

  it('an "as of" date that is not real', async () => {
    expectOneLine(build({ CATALOG_TODAY: 'yesterday', PLUMBLINE_CACHE_DIR: join(scratch, 'cache') }), 2, 'plumbline: the "as of" date "yesterday" is not a real date written YYYY-MM-DD (from CATALOG_TODAY); set it to a date such as 2026-03-31, or unset it for today\n');
  });
});

describe.concurrent('the last guard', () => {
  it('an unexpected error is one line and exit 70; PLUMBLINE_DEBUG=1 shows where', async () => {
    const script = "import './src/cli/common.ts'; throw new Error('boom');";
    const { CATALOG_DIR: _dir, PLUMBLINE_DEBUG: _debug, ...env } = process.env;
    const quiet = spawnSync('node_modules/.bin/node', ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    expectOneLine(
      { status: quiet.status, stdout: quiet.stdout, stderr: quiet.stderr },
      70,
      'plumbline: unexpected error: boom (a bug in Plumbline: please report it with the command that caused it; PLUMBLINE_DEBUG=1 shows where it happened)\n',
    );
    const debug = spawnSync('node_modules/.bin/node', ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env: { ...env, PLUMBLINE_DEBUG: '1' }, encoding: 'utf8' });
    expect(debug.stderr).toMatch(/^Error: boom\n\s+at /);
    expect(debug.status).toBe(70);
  });
});
