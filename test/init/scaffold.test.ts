/** `plumbline init`: the files of a new catalog, the answers it takes, and what it refuses to do. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { completeFlags } from '../../src/cli/init.ts';
import { readKit } from '../../src/init/kit.ts';
import { completePackageJson, exampleDates, fillTemplate, scaffoldFiles, type InitAnswers } from '../../src/init/scaffold.ts';
import { planWrite, writePlan } from '../../src/init/write.ts';
import { runCliInProcess, startCli } from '../helpers/cli.ts';
import { CSV_FIXTURE, readTree, removeTempDirs, tempDir, TODAY } from '../helpers/import.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

afterAll(removeTempDirs);

const init = (dir: string, ...args: string[]) => runCliInProcess('init', ['--dir', dir, ...args], { env: { CATALOG_TODAY: TODAY } });
const rootPackage = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const ANSWERS: InitAnswers = { name: 'Acme', levels: ['mission', 'strategy', 'team'], today: TODAY, plumblineSpec: '^1.2.3' };

/** Every diagnostic of the catalog in a folder, as `severity file rule`. */
const findings = (dir: string) => analyzeCatalog(dir, TODAY, {}).diagnostics.map((d) => `${d.severity} ${d.file} ${d.rule}`);

describe('plumbline init', () => {
  it('writes a catalog that checks with no errors and no warnings, and says what to run next', async () => {
    const dir = join(tempDir(), 'acme-metrics');
    const result = await init(dir, '--name', 'Acme: "Health"', '--github', '@acme/leaders', '--yes');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    // Workflows come from templates/catalog/.github/workflows/, whatever it holds.
    const workflows = [...readKit().templates.keys()].filter((path) => path.startsWith('.github/workflows/'));
    expect(result.stdout).toContain(`Wrote ${15 + workflows.length} files in `);
    expect(result.stdout).toMatch(/Next:\n  cd .*acme-metrics\n  npm install\n  npx plumbline check/);

    const files = readTree(dir);
    expect(files['docs/writing-metrics.md']).toBe(readFileSync(join(PROJECT_ROOT, 'docs/writing-metrics.md'), 'utf8'));
    expect(Object.keys(files)).toEqual([
      '.github/CODEOWNERS',
      ...workflows,
      '.gitignore',
      'README.md',
      'catalog.config.yaml',
      'data/customer-satisfaction.csv',
      // The propose form's page without JavaScript links to this copy on the catalog's repository.
      'docs/writing-metrics.md',
      'goals/mission.mdx',
      'metrics/customer-satisfaction.yaml',
      'owners/leadership-team.yaml',
      'package.json',
      'public/schema/config.json',
      'public/schema/goal.json',
      'public/schema/initiative.json',
      'public/schema/metric.json',
      'public/schema/owner.json',
    ]);
    expect(findings(dir)).toEqual([]);

    const { catalog } = analyzeCatalog(dir, TODAY, {});
    expect(catalog.config.name).toBe('Acme: "Health"');
    expect(files['catalog.config.yaml']).toMatch(/^# yaml-language-server: \$schema=public\/schema\/config\.json\n/);
    expect(files['metrics/customer-satisfaction.yaml']).toMatch(/^# yaml-language-server: \$schema=\.\.\/public\/schema\/metric\.json\n/);
    expect(catalog.metrics.get('customer-satisfaction')?.data.why).toMatch(/^it tells us/);
    expect(catalog.goals.get('mission')?.data).toMatchObject({ level: 'mission', owner: 'leadership-team' });
    expect(catalog.owners.get('leadership-team')?.data.github).toBe('@acme/leaders');
    // The example's values are monthly, dated before the "as of" date, and fresh on it.
    expect(files['data/customer-satisfaction.csv']).toBe('date,value,note\n2026-08-31,74,\n2026-09-30,76,\n2026-10-31,78,\n');
    expect(files['.github/CODEOWNERS']).toContain('/metrics/customer-satisfaction.yaml @acme/leaders');
    // The same file `plumbline codeowners` makes, so the first pull request does not change it.
    expect(await runCliInProcess('codeowners', ['--check', '--dir', dir], { env: { CATALOG_TODAY: TODAY } })).toMatchObject({ status: 0 });
    expect(files['.gitignore']).toBe('node_modules/\ndist/\n.astro/\n');
    expect(files['README.md']).toMatch(/^# Acme: "Health" metrics catalog\n/);
    expect(files['README.md']).toContain('npx plumbline check');
    expect(JSON.parse(files['public/schema/goal.json']!).properties.level.enum).toEqual(['mission', 'strategy', 'department', 'team', 'individual']);
    expect(JSON.parse(files['package.json']!)).toEqual({
      private: true,
      type: 'module',
      scripts: { check: 'plumbline check', build: 'plumbline build', dev: 'plumbline dev', preview: 'plumbline preview' },
      dependencies: { plumbline: `^${rootPackage.version}` },
      devDependencies: { node: rootPackage.devDependencies.node },
      allowScripts: { ...rootPackage.allowScripts, plumbline: true },
    });
  });

  it('refuses to overwrite: lists every file in the way and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'ours\n');
    mkdirSync(join(dir, 'metrics'));
    writeFileSync(join(dir, 'metrics/customer-satisfaction.yaml'), 'ours\n');
    const result = await init(dir, '--yes');
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'plumbline: nothing was written: 2 files in ' + dir + ' would be overwritten:\n  README.md\n  metrics/customer-satisfaction.yaml\nMove them away, or run init in an empty folder.\n',
    });
    expect(readTree(dir)).toEqual({ 'README.md': 'ours\n', 'metrics/customer-satisfaction.yaml': 'ours\n' });
  });

  it('completes a package.json that exists: adds what it lacks, changes nothing it says', async () => {
    const dir = tempDir();
    const ours = { name: 'ours', scripts: { check: 'plumbline check --format github' }, dependencies: { plumbline: 'file:../plumbline.tgz' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(ours));
    const result = await init(dir, '--yes');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('completed package.json with scripts.build, scripts.dev, scripts.preview, devDependencies.node, allowScripts.node');
    const written = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(written).toMatchObject({ name: 'ours', scripts: { check: 'plumbline check --format github', build: 'plumbline build' }, dependencies: { plumbline: 'file:../plumbline.tgz' } });
    // Top-level settings stay the project's own: `type` would change how its .js files load.
    expect(written.type).toBeUndefined();

    expect(await init(join(tempDir(), 'x'), '--yes')).toMatchObject({ status: 0 });
    const broken = tempDir();
    writeFileSync(join(broken, 'package.json'), '{ "name": ');
    expect(await init(broken, '--yes')).toMatchObject({ status: 1, stderr: expect.stringContaining('package.json is not valid JSON') });
    expect(readTree(broken)).toEqual({ 'package.json': '{ "name": ' });
  });

  it('takes the levels from --levels, for the config, the mission and the editors\' schema', async () => {
    const dir = tempDir();
    expect(await init(dir, '--levels', 'company, area,squad', '--yes')).toMatchObject({ status: 0 });
    expect(readFileSync(join(dir, 'catalog.config.yaml'), 'utf8')).toContain('levels: [company, area, squad]\n');
    expect(JSON.parse(readFileSync(join(dir, 'public/schema/goal.json'), 'utf8')).properties.level.enum).toEqual(['company', 'area', 'squad']);
    const { catalog } = analyzeCatalog(dir, TODAY, {});
    expect(catalog.goals.get('mission')?.data.level).toBe('company');
    expect(findings(dir)).toEqual([]);

    const refused = await init(tempDir(), '--levels', 'Company,area', '--yes');
    expect(refused).toMatchObject({ status: 2, stderr: expect.stringContaining('--levels Company,area: level names are lowercase kebab-case') });
    expect((await init(tempDir(), '--levels', 'a,b,a', '--yes')).stderr).toContain('names a level twice');
  });

  it('starts from a spreadsheet with --from csv: the import stands in for the example', async () => {
    const dir = tempDir();
    const result = await init(dir, '--from', 'csv', '--source', CSV_FIXTURE, '--name', 'Acme', '--github', '@acme/leaders', '--yes');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain(`Imported 20 of 20 entries from ${CSV_FIXTURE}; IMPORT-REPORT.md says what each still lacks.`);
    const files = readTree(dir);
    expect(files['metrics/net-revenue-retention.mdx']).toContain('name: Net Revenue Retention');
    expect(files['IMPORT-REPORT.md']).toBeDefined();
    expect(files['metrics/customer-satisfaction.yaml']).toBeUndefined();
    expect(files['owners/leadership-team.yaml']).toBeUndefined();
    expect(files['catalog.config.yaml']).toBe('# yaml-language-server: $schema=public/schema/config.json\nname: "Acme"\nlevels: [mission, strategy, department, team, individual]\n');

    const { catalog, diagnostics } = analyzeCatalog(dir, TODAY, {});
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The organisation's team owns the imported mission and takes the handle.
    const mission = [...catalog.goals.values()].find((goal) => goal.data.level === 'mission')!;
    expect(catalog.owners.get(mission.data.owner)?.data.github).toBe('@acme/leaders');
    expect(files['.github/CODEOWNERS']).toContain(`/${mission.file} @acme/leaders`);
  });

  it('refuses an import it cannot make, and a --from or --source without the other', async () => {
    expect(await init(tempDir(), '--from', 'csv', '--source', '/nonexistent.csv', '--yes')).toMatchObject({ status: 1, stderr: 'plumbline: the source /nonexistent.csv does not exist\n' });
    expect(await init(tempDir(), '--from', 'csv', '--yes')).toMatchObject({ status: 2, stderr: expect.stringContaining('--from csv needs --source PATH') });
    expect(await init(tempDir(), '--source', CSV_FIXTURE, '--yes')).toMatchObject({ status: 2, stderr: expect.stringContaining('--source goes with --from csv|gitlab-pi|metric-hub') });
    expect(await init(tempDir(), '--from', 'excel', '--yes')).toMatchObject({ status: 2, stderr: expect.stringContaining('--from must be one of empty, csv, gitlab-pi, metric-hub; got "excel"') });
    expect(await init(tempDir(), '--github', 'not a handle', '--yes')).toMatchObject({ status: 2, stderr: expect.stringContaining('--github not a handle must be a GitHub user') });
    expect(await init(tempDir(), '--colour', 'red')).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown option --colour') });
  });

  it('asks nothing when standard input is not a terminal, even without --yes: the defaults are taken', async () => {
    const dir = join(tempDir(), 'river-clinic');
    // startCli leaves standard input an open pipe: a prompt would wait for it until the timeout.
    const result = await startCli('init', ['--dir', dir], { env: { CATALOG_TODAY: TODAY } });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(dir, 'catalog.config.yaml'), 'utf8')).toContain('name: "river-clinic"\n');
  });
});

describe('the answers init asks for', () => {
  it('asks only for what the options leave out; an empty answer takes the default shown', async () => {
    const asked: string[] = [];
    const ask = async (question: string, fallback: string) => {
      asked.push(`${question} [${fallback}]`);
      return question.startsWith('Start from') ? 'csv' : question.startsWith('Path') ? 'kpis.csv' : fallback;
    };
    expect(await completeFlags({ name: 'Acme' }, 'folder', ask)).toEqual({ name: 'Acme', levels: 'mission,strategy,department,team,individual', github: undefined, from: 'csv', source: 'kpis.csv' });
    expect(asked).toEqual([
      'Levels, from the top down [mission,strategy,department,team,individual]',
      'GitHub user or @org/team of the leadership team (optional) []',
      'Start from (empty, csv, gitlab-pi, metric-hub) [empty]',
      'Path of what to import (csv) []',
    ]);
  });

  it('without a way to ask, takes the folder\'s name, the default levels, no handle and the example', async () => {
    expect(await completeFlags({}, 'acme-metrics')).toEqual({ name: 'acme-metrics', levels: 'mission,strategy,department,team,individual', github: undefined, from: 'empty', source: undefined });
  });
});

describe('the scaffold', () => {
  const kit = readKit();

  it('copies every file of templates/catalog/.github/workflows/ as it is, so workflows added there reach new catalogs', () => {
    const workflow = 'on: push\njobs:\n  check:\n    steps:\n      - run: echo "${{ github.token }}" {{name}}\n';
    const templates = new Map([...kit.templates, ['.github/workflows/check.yml', workflow]]);
    const files = scaffoldFiles(ANSWERS, { ...kit, templates });
    expect(files.find((file) => file.path === '.github/workflows/check.yml')?.content).toBe(workflow);
  });

  it('leaves out the example goal, owner, metric and values when an import brings its own entries', () => {
    const paths = scaffoldFiles(ANSWERS, kit, [{ path: 'goals/acme.yaml', content: 'title: Acme\nlevel: mission\nowner: acme\n' }]).map((file) => file.path);
    expect(paths).toContain('goals/acme.yaml');
    expect(paths.filter((path) => /^(goals|metrics|owners|data)\//.test(path))).toEqual(['goals/acme.yaml']);
    expect(paths).toContain('README.md');
  });

  it('fills every {{key}} of a template, and refuses a key it does not know', () => {
    expect(fillTemplate('# {{name}} ({{name}})', { name: 'Acme' }, 'README.md')).toBe('# Acme (Acme)');
    expect(() => fillTemplate('{{nmae}}', { name: 'Acme' }, 'README.md')).toThrow('the template README.md uses {{nmae}}, which init does not fill');
    expect(scaffoldFiles(ANSWERS, kit).every((file) => !/\{\{\w+\}\}/.test(file.content))).toBe(true);
  });

  it('dates the example values at the ends of the three months before the "as of" month', () => {
    expect(exampleDates('2026-01-15')).toEqual(['2025-10-31', '2025-11-30', '2025-12-31']);
    expect(exampleDates('2028-03-01')).toEqual(['2027-12-31', '2028-01-31', '2028-02-29']);
  });

  it('completes a package.json key by key and says what it added; one that lacks nothing is kept byte for byte', () => {
    const wanted = JSON.stringify({ private: true, scripts: { check: 'plumbline check', dev: 'plumbline dev' }, allowScripts: { node: true } });
    expect(completePackageJson('{"scripts":{"dev":"astro dev"}}', wanted)).toEqual({
      content: `${JSON.stringify({ scripts: { dev: 'astro dev', check: 'plumbline check' }, allowScripts: { node: true } }, null, 2)}\n`,
      added: ['scripts.check', 'allowScripts.node'],
    });
    const complete = '{"scripts":{"check":"x","dev":"y"},"allowScripts":{"node":false}}';
    expect(completePackageJson(complete, wanted)).toEqual({ content: complete, added: [] });
    expect(() => completePackageJson('[]', wanted)).toThrow(SyntaxError);
  });

  it('takes the Node.js range and the allowed install scripts from the package it ships in', () => {
    expect(kit).toMatchObject({ version: rootPackage.version, nodeRange: rootPackage.devDependencies.node, allowScripts: rootPackage.allowScripts });
  });
});

describe('writing a new catalog', () => {
  it('never overwrites a file that appeared after the plan was made', () => {
    const dir = tempDir();
    const plan = planWrite(dir, [{ path: 'a/new.yaml', content: 'new\n' }]);
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a/new.yaml'), 'ours\n');
    expect(() => writePlan(dir, plan)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'a/new.yaml'), 'utf8')).toBe('ours\n');
  });
});
