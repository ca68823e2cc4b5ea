/** Safe, idempotent writing: a rerun changes nothing, files that differ are kept unless --force, --dry-run writes nothing. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/index.ts';
import { toYaml } from '../../src/import/render.ts';
import { REPORT_FILE } from '../../src/import/report.ts';
import { writeFiles } from '../../src/import/write.ts';
import { checkCounts, CSV_FIXTURE, importInto, readTree, removeTempDirs, tempDir, TODAY, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const statuses = (results: { status: string }[]) => {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
};

describe('importing twice', () => {
  it('writes nothing new the second time, and every file keeps the same bytes', () => {
    const first = importInto('csv', CSV_FIXTURE, { org: 'Northwind Analytics' });
    const before = readTree(first.dir);
    expect(statuses(first.results)).toEqual({ created: first.files.length });
    const second = importInto('csv', CSV_FIXTURE, { org: 'Northwind Analytics', dir: first.dir });
    expect(statuses(second.results)).toEqual({ unchanged: first.files.length });
    expect(readTree(first.dir)).toEqual(before);
    expect(before[REPORT_FILE]).toBe(second.report);
  });

  it('keeps a file someone edited, reports the conflict, and overwrites it only with --force', () => {
    const { dir } = importInto('csv', CSV_FIXTURE);
    const file = join(dir, 'metrics/net-revenue-retention.mdx');
    const edited = readFileSync(file, 'utf8').replace('TODO(import): the source does not say why this metric matters: complete the sentence.', 'it shows whether customers stay and grow.');
    writeFileSync(file, edited);
    const again = importInto('csv', CSV_FIXTURE, { dir });
    expect(again.results.filter((r) => r.status !== 'unchanged')).toEqual([{ path: 'metrics/net-revenue-retention.mdx', status: 'conflict', reason: 'the file exists and differs from the import: kept; rerun with --force to overwrite' }]);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = importInto('csv', CSV_FIXTURE, { dir, force: true });
    expect(forced.results.filter((r) => r.status !== 'unchanged')).toEqual([{ path: 'metrics/net-revenue-retention.mdx', status: 'updated' }]);
    expect(readFileSync(file, 'utf8')).toContain('why: "TODO(import):');
  });

  it('with --dry-run writes no file at all, not even the report, and says what it would do', () => {
    const dir = join(tempDir(), 'new-catalog');
    const dry = importInto('csv', CSV_FIXTURE, { dir, dryRun: true });
    expect(existsSync(dir)).toBe(false);
    expect(statuses(dry.results)).toEqual({ created: dry.files.length });
    expect(dry.report).toContain('**20 imported**');
  });
});

describe('an existing catalog', () => {
  it('keeps its config, and an entry file of its own with the same id', () => {
    const dir = writeTree({
      'catalog.config.yaml': 'name: Northwind\nlevels: [mission, objective, team]\n',
      'owners/finance-team.yaml': 'name: Finance\nkind: team\nemail: finance@northwind.example\n',
    });
    const { results, files } = importInto('csv', CSV_FIXTURE, { dir, org: 'Northwind' });
    expect(results.find((r) => r.path === 'catalog.config.yaml')).toEqual({ path: 'catalog.config.yaml', status: 'kept', reason: 'the catalog already has a config: it is kept as it is' });
    expect(results.find((r) => r.path === 'owners/finance-team.yaml')!.status).toBe('conflict');
    expect(readFileSync(join(dir, 'owners/finance-team.yaml'), 'utf8')).toBe('name: Finance\nkind: team\nemail: finance@northwind.example\n');
    // Its levels are used: goals named in rows go one level below the mission.
    expect(files.find((f) => f.path === 'goals/grow-recurring-revenue.yaml')!.content).toContain('level: objective\n');
    expect(checkCounts(dir).errors).toEqual([]);
  });

  it('never writes an id a second time elsewhere in the folder tree, even with --force', () => {
    const dir = writeTree({ 'metrics/finance/new-arr.yaml': 'name: x\n' });
    const { results } = importInto('csv', CSV_FIXTURE, { dir, force: true });
    expect(results.find((r) => r.path === 'metrics/new-arr.mdx')).toEqual({ path: 'metrics/new-arr.mdx', status: 'conflict', reason: 'the id `new-arr` is already used by metrics/finance/new-arr.yaml' });
    expect(existsSync(join(dir, 'metrics/new-arr.mdx'))).toBe(false);
  });

  it('replaces its own earlier .yaml with the .mdx an entry now needs, only with --force', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'metrics'));
    writeFileSync(join(dir, 'metrics/new-arr.yaml'), 'name: New ARR\n');
    const kept = importInto('csv', CSV_FIXTURE, { dir });
    expect(kept.results.find((r) => r.path === 'metrics/new-arr.mdx')!.reason).toBe('the id `new-arr` is already used by metrics/new-arr.yaml: kept; rerun with --force to overwrite');
    const forced = importInto('csv', CSV_FIXTURE, { dir, force: true });
    expect(forced.results.find((r) => r.path === 'metrics/new-arr.mdx')).toEqual({ path: 'metrics/new-arr.mdx', status: 'updated', reason: 'replaces metrics/new-arr.yaml' });
    expect(existsSync(join(dir, 'metrics/new-arr.yaml'))).toBe(false);
    expect(checkCounts(dir).errors).toEqual([]);
  });

  it('refuses to import into a folder whose config is broken', () => {
    const dir = writeTree({ 'catalog.config.yaml': 'nmae: typo\n' });
    expect(() => runImport('csv', CSV_FIXTURE, { dir, today: TODAY })).toThrow(/is not a valid catalog config/);
    rmSync(join(dir, 'catalog.config.yaml'));
  });
});

describe('writeFiles', () => {
  it('writes through a temporary file and leaves no temporary file behind', () => {
    const dir = tempDir();
    writeFiles(dir, [{ path: 'owners/a.yaml', content: 'name: A\nkind: team\n', kind: 'owner', id: 'a' }]);
    expect(readTree(dir)).toEqual({ 'owners/a.yaml': 'name: A\nkind: team\n' });
  });

  it('writes YAML in a stable shape: flow lists and small maps, no folding, quotes where YAML needs them', () => {
    expect(toYaml({ name: 'A: b', supports: ['x', 'y'], baseline: { value: 1, date: '2026-01-01' }, formula: 'SELECT a\nFROM b', description: 'x'.repeat(120) })).toBe(
      `name: "A: b"\nsupports: [x, y]\nbaseline: {value: 1, date: 2026-01-01}\nformula: |-\n  SELECT a\n  FROM b\ndescription: ${'x'.repeat(120)}\n`,
    );
  });
});
