/** `npm run import`: arguments, dry runs, the summary, conflicts and exit codes. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.ts';
import { CSV_FIXTURE, removeTempDirs, tempDir, TODAY, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const run = (...args: string[]) => runCliInProcess('import', args, { cwd: tempDir(), env: { CATALOG_TODAY: TODAY } });

describe('npm run import', () => {
  it('explains itself with --help, and refuses bad arguments with exit 2', async () => {
    expect(await run('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: plumbline import <kind> <source>') });
    expect(await run()).toMatchObject({ status: 2, stderr: expect.stringContaining('give a kind and a source') });
    expect(await run('excel', 'x.xlsx')).toMatchObject({ status: 2, stderr: 'plumbline: the kind must be one of csv, gitlab-pi, metric-hub; got "excel"\n' });
    expect(await run('gitlab-pi', 'x', '--map', 'a=name')).toMatchObject({ status: 2, stderr: 'plumbline: --map applies to csv imports only\n' });
    expect(await run('csv', CSV_FIXTURE, '--today', '2026-02-30')).toMatchObject({ status: 2 });
  });

  it('says so when the source does not exist', async () => {
    expect(await run('csv', '/nonexistent/register.csv', '--dir', tempDir())).toMatchObject({ status: 1, stderr: 'plumbline: the source /nonexistent/register.csv does not exist\n' });
  });

  it('refuses a source with nothing to import: says what it expected and where, exit 1, nothing written', async () => {
    const dir = join(tempDir(), 'catalog');
    const emptyFolder = tempDir('plumbline-empty-source-');
    const refused = async (kind: string, source: string, stderr: string) => {
      expect(await run(kind, source, '--dir', dir)).toEqual({ status: 1, stdout: '', stderr: `plumbline: ${stderr}\n` });
      expect(existsSync(dir)).toBe(false);
    };
    await refused('metric-hub', emptyFolder, `no metric-hub definition files (*.toml) in the folder ${emptyFolder}: give the folder that holds them (definitions/ in a clone of mozilla/metric-hub) or one such file`);
    await refused('gitlab-pi', emptyFolder, `no performance-indicator files (*.yml or *.yaml) in the folder ${emptyFolder}: give the folder that holds them (data/performance_indicators/ in GitLab's handbook) or one such file`);
    await refused('csv', emptyFolder, `the source ${emptyFolder} is a folder: a csv import reads one .csv file, the KPI register exported from a spreadsheet`);

    // Files of the right kind that hold nothing to import.
    const sources = writeTree({ 'hub/fenix.toml': '[data_sources.x]\nfrom_expression = "t"\n', 'pi/dept.yml': '[]\n', 'empty.csv': '', 'header.csv': 'KPI,Owner\n' });
    await refused('metric-hub', join(sources, 'hub'), `no metrics in the 1 file of ${join(sources, 'hub')}: metric-hub defines each in a [metrics.<name>] table (fenix.toml: 1 data source is not a metric and was not imported)`);
    await refused('gitlab-pi', join(sources, 'pi'), `no performance indicators in the 1 file of ${join(sources, 'pi')}: GitLab's files are YAML lists of indicators, each with a name`);
    await refused('csv', join(sources, 'empty.csv'), `the source ${join(sources, 'empty.csv')} is empty: expected a header row, then one row per KPI`);
    await refused('csv', join(sources, 'header.csv'), `no KPI rows in ${join(sources, 'header.csv')}: expected a header row, then one row per KPI (columns read: "KPI" → name, "Owner" → owner)`);
  });

  it('with --dry-run prints the report and writes nothing, run as npm runs it', () => {
    const dir = join(tempDir(), 'catalog');
    // The wiring: the one test that starts Node, the way `npm run import` does.
    const { status, stdout } = runCli('import', ['csv', CSV_FIXTURE, '--dir', dir, '--dry-run'], { cwd: tempDir(), env: { CATALOG_TODAY: TODAY } });
    expect(status).toBe(0);
    expect(stdout).toContain('# Import report: KPI register (CSV)');
    expect(stdout).toContain('Files: 36 would be created, 0 would be updated, 0 unchanged, 0 in conflict (dry run: nothing written).');
    expect(existsSync(dir)).toBe(false);
  });

  it('imports, writes the report, runs the check, and exits 1 on a conflict', async () => {
    const dir = tempDir();
    const first = await run('csv', CSV_FIXTURE, '--dir', dir, '--org', 'Northwind Analytics');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('KPI register (CSV): 20 rows in the source, 20 imported, 0 not imported.');
    expect(first.stdout).toContain('Files: 37 created, 0 updated, 0 unchanged, 0 in conflict.');
    expect(first.stdout).toMatch(/Check: 0 errors, \d+ warnings in 37 files:/);
    expect(readFileSync(join(dir, 'IMPORT-REPORT.md'), 'utf8')).toContain('**20 imported**');

    const file = join(dir, 'metrics/new-arr.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('unit: USD', 'unit: EUR'));
    const second = await run('csv', CSV_FIXTURE, '--dir', dir, '--org', 'Northwind Analytics');
    expect(second.status).toBe(1);
    expect(second.stdout).toContain('conflict: metrics/new-arr.mdx: the file exists and differs from the import: kept; rerun with --force to overwrite');
    expect((await run('csv', CSV_FIXTURE, '--dir', dir, '--org', 'Northwind Analytics', '--force')).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('unit: USD');
  });
});
