import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, TODAY, validCatalog, writeCatalog, type Files } from '../helpers/catalog.ts';
import { runCli, runCliInProcess } from '../helpers/cli.ts';
import { append, edit, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();

/** Runs `check`'s run in this process, as `npm run check` would from the repository root, without inheriting CATALOG_* settings. */
const check = (args: string[], env: Record<string, string> = {}) => runCliInProcess('check', args, { env });

const dir = (files: Files) => ['--dir', writeCatalog(files), '--today', TODAY];

describe('npm run check', () => {
  it('exits 0 on the valid catalog and prints the summary, run as npm runs it', () => {
    // The wiring: the one test that starts Node, the way `npm run check` does.
    const { status, stdout, stderr } = runCli('check', dir(valid));
    expect(stderr).toBe('');
    expect(stdout).toBe(`0 errors, 0 warnings in ${Object.keys(valid).length} files\n`);
    expect(status).toBe(0);
  });

  it('exits 1 on an error and prints every problem sorted by file, then line', async () => {
    let files = edit(valid, 'metrics/wait-days.yaml', 'cadence: weekly', 'cadence: wekly');
    files = edit(files, 'metrics/wait-days.yaml', 'owner: ops', 'ownr: ops');
    files = edit(files, 'goals/access.yaml', 'owner: ops', 'owner: opz');
    files = withFiles(files, { 'data/wait-days.csv': 'date,value\n2026-11-09,nine\n' });
    const { status, stdout } = await check(dir(files));
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const diagnostics = lines.filter((line) => !line.startsWith('  hint: ')).slice(0, -1);
    const place = (line: string) => {
      const [file, row, column] = line.split(' ')[0]!.split(':');
      return [file!, Number(row), Number(column)] as const;
    };
    const sorted = [...diagnostics].sort((a, b) => {
      const [fa, la, ca] = place(a);
      const [fb, lb, cb] = place(b);
      return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
    });
    expect(diagnostics).toEqual(sorted);
    // Governance rules may add warnings that follow from these errors; the errors are exactly these.
    expect(diagnostics.filter((line) => line.includes(' error '))).toEqual([
      'data/wait-days.csv:2:12 error data-row `value` must be a plain number such as 42 or 0.75 (no units, %, or thousands separators): `nine`',
      'goals/access.yaml:4:8 error unknown-reference no owner `opz` in owners/',
      'metrics/wait-days.yaml:1:1 error missing-field `owner` is required',
      'metrics/wait-days.yaml:6:1 error unknown-field unknown field `ownr`',
      'metrics/wait-days.yaml:11:10 error invalid-value `cadence` must be one of daily, weekly, monthly, quarterly, yearly; got "wekly"',
    ]);
    expect(lines).toContain('  hint: did you mean `weekly`?');
    expect(lines.at(-1)).toMatch(new RegExp(`^5 errors, \\d+ warnings? in ${Object.keys(files).length} files$`));
  });

  it('exits 0 on a warning, and 1 with --strict', async () => {
    const files = append(
      withFiles(edit(valid, 'metrics/wait-days.yaml', 'supports: [access]', 'supports: [old-access]'), {
        'goals/old-access.yaml': 'title: Seen within a fortnight\nlevel: strategy\nparent: mission\nowner: ops\nstatus: retired\n',
      }),
      'catalog.config.yaml',
      'rules:',
      '  orphan-metric: warn',
    );
    const root = writeCatalog(files);
    const relaxed = await check(['--dir', root, '--today', TODAY]);
    expect(relaxed.stdout).toMatch(/^metrics\/wait-days\.yaml:4:1 warning orphan-metric /m);
    expect(relaxed.stdout).toMatch(/^0 errors, \d+ warnings? in \d+ files$/m);
    expect(relaxed.status).toBe(0);
    expect((await check(['--dir', root, '--today', TODAY, '--strict'])).status).toBe(1);
  });

  it('exits 2 on an unknown format, printing nothing on stdout', async () => {
    const { status, stdout, stderr } = await check([...dir(valid), '--format', 'xml']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('plumbline: --format must be one of text, json, github; got "xml"\n');
  });

  it('exits 2 on an impossible --today or CATALOG_TODAY', async () => {
    const flag = await check(['--dir', writeCatalog(valid), '--today', '2026-13-01']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('the "as of" date "2026-13-01" is not a real date written YYYY-MM-DD');
    expect((await check(['--dir', writeCatalog(valid)], { CATALOG_TODAY: '2026-02-30' })).status).toBe(2);
  });

  it('exits 2 on an unknown option, with the usage', async () => {
    const { status, stderr } = await check(['--verbose']);
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: plumbline check');
  });

  it('prints the usage with --help and exits 0', async () => {
    const { status, stdout } = await check(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: plumbline check \[--dir DIR\] \[--format text\|json\|github\] \[--today YYYY-MM-DD\] \[--strict\]/);
    expect(stdout).toContain('Exit status: 0 clean, 1 errors (or warnings with --strict), 2 bad arguments.');
  });

  it('honours CATALOG_DIR, and --dir over it', async () => {
    const broken = writeCatalog(edit(valid, 'goals/access.yaml', 'owner: ops', 'owner: opz'));
    const fromEnv = await check(['--today', TODAY], { CATALOG_DIR: broken });
    expect(fromEnv.status).toBe(1);
    expect(fromEnv.stdout).toContain('goals/access.yaml:4:8 error unknown-reference');
    expect((await check(['--dir', writeCatalog(valid), '--today', TODAY], { CATALOG_DIR: broken })).status).toBe(0);
  });

  it('prints JSON and GitHub annotations', async () => {
    const files = edit(valid, 'goals/access.yaml', 'owner: ops', 'owner: opz');
    const json = await check([...dir(files), '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      { file: 'goals/access.yaml', line: 4, column: 8, endLine: 4, endColumn: 11, severity: 'error', rule: 'unknown-reference', message: 'no owner `opz` in owners/', hint: 'did you mean `ops`?' },
    ]);
    const github = await check([...dir(files), '--format', 'github']);
    expect(github.status).toBe(1);
    expect(github.stdout.split('\n').find((l) => l.startsWith('::'))).toBe('::error file=goals/access.yaml,line=4,col=8,endLine=4,endColumn=11,title=unknown-reference::no owner `opz` in owners/%0Adid you mean `ops`?');
  });

  it('reports a missing catalog folder as an error, not a crash', async () => {
    const { status, stdout, stderr } = await check(['--dir', '/nonexistent/plumbline', '--today', TODAY]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^\.:1:1 error missing-config the catalog folder .*plumbline does not exist$/m);
    expect(status).toBe(1);
  });
});
