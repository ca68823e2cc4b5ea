/**
 * The change history from git: per-file commits with author, date, subject and the fields each
 * changed; renames followed; deletions kept; the month-by-month timeline; ONE `git log` and ONE
 * `git cat-file` however many files and commits; and what happens outside a repository.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runGit, type GitRunner } from '../../src/features/git.ts';
import { readHistory, timeline, type History } from '../../src/features/history.ts';
import { validCatalog } from '../helpers/catalog.ts';
import { edit } from '../helpers/core.ts';
import { commitAll, git, move, plainFolder, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';

afterAll(removeRepos);

/** A runner that records the git commands it starts. */
function counting() {
  const calls: string[][] = [];
  const run: GitRunner = (args, options) => {
    calls.push(args);
    return runGit(args, options);
  };
  const commands = () => calls.map((args) => args.find((a) => !a.startsWith('-') && !a.includes('=')));
  return { run, calls, commands };
}

function available(result: ReturnType<typeof readHistory>): History {
  if (!result.available) throw new Error(`no history: ${result.reason}`);
  return result;
}

/** A repository with four commits by three people over four months. */
function historyRepo(subfolder?: string) {
  const start = validCatalog();
  const { repo, catalog } = repoWith(start, { author: 'Ana Lima', date: '2026-01-10T09:00:00Z', message: 'Initial catalog', subfolder });
  writeFiles(catalog, edit(start, 'metrics/wait-days.yaml', 'thresholds: { green: 7, red: 14 }', 'thresholds: { green: 5, red: 10 }'));
  commitAll(repo, 'Tighten the wait thresholds', { author: 'Bo Chen', date: '2026-02-03T10:00:00Z' });
  move(catalog, 'metrics/wait-days.yaml', 'metrics/access/wait-days.yaml');
  commitAll(repo, 'Group access metrics', { author: 'Ana Lima', date: '2026-03-15T11:00:00Z' });
  writeFiles(catalog, {
    'metrics/open-slots.yaml': `${start['metrics/open-slots.yaml']}status: retired\nretired: { date: 2026-04-01, reason: Released daily now. }\n`,
    'goals/scheduling.yaml': `# owned by scheduling\n${start['goals/scheduling.yaml']}`,
  });
  commitAll(repo, 'Retire open slots', { author: 'Cy Diaz', date: '2026-04-01T08:30:00Z' });
  return { repo, catalog };
}

describe('the history of each file', () => {
  const { catalog } = historyRepo();
  const counter = counting();
  const history = available(readHistory(catalog, { run: counter.run }));

  it('reads it with one git log and one git cat-file', () => {
    expect(counter.commands()).toEqual(['rev-parse', 'log', 'cat-file']);
    expect(counter.calls[1]).toEqual(expect.arrayContaining(['log', '-M', '--raw', '-z']));
  });

  it('lists every commit that touched the catalog, newest first', () => {
    expect(history.commits.map((c) => `${c.date} ${c.author}: ${c.subject}`)).toEqual([
      '2026-04-01 Cy Diaz: Retire open slots',
      '2026-03-15 Ana Lima: Group access metrics',
      '2026-02-03 Bo Chen: Tighten the wait thresholds',
      '2026-01-10 Ana Lima: Initial catalog',
    ]);
    expect(history.shallow).toBe(false);
  });

  it('follows a file through its rename, with the fields each commit changed', () => {
    expect(history.byPath.has('metrics/wait-days.yaml')).toBe(false);
    const waits = history.byPath.get('metrics/access/wait-days.yaml')!;
    expect(waits.changes.map((c) => ({ date: c.commit.date, author: c.commit.author, subject: c.commit.subject, change: c.change, path: c.path, previousPath: c.previousPath, fields: c.fields }))).toEqual([
      { date: '2026-03-15', author: 'Ana Lima', subject: 'Group access metrics', change: 'renamed', path: 'metrics/access/wait-days.yaml', previousPath: 'metrics/wait-days.yaml', fields: [] },
      {
        date: '2026-02-03',
        author: 'Bo Chen',
        subject: 'Tighten the wait thresholds',
        change: 'modified',
        path: 'metrics/wait-days.yaml',
        previousPath: undefined,
        fields: [
          { field: 'thresholds.green', before: 7, after: 5 },
          { field: 'thresholds.red', before: 14, after: 10 },
        ],
      },
      { date: '2026-01-10', author: 'Ana Lima', subject: 'Initial catalog', change: 'added', path: 'metrics/wait-days.yaml', previousPath: undefined, fields: undefined },
    ]);
  });

  it('records retirement as a status change, and a comment-only commit as no field changed', () => {
    const [retire] = history.byPath.get('metrics/open-slots.yaml')!.changes;
    expect(retire!.status).toEqual({ before: undefined, after: 'retired' });
    expect(retire!.fields!.map((f) => f.field)).toEqual(['status', 'retired']);
    const [comment] = history.byPath.get('goals/scheduling.yaml')!.changes;
    expect(comment!.fields).toEqual([]);
  });

  it('has a file that was never changed after it was added', () => {
    expect(history.byPath.get('owners/ops.yaml')!.changes.map((c) => c.change)).toEqual(['added']);
    expect(history.byPath.get('data/wait-days.csv')!.changes.map((c) => [c.change, c.fields])).toEqual([['added', undefined]]);
  });
});

describe('the timeline', () => {
  it('groups metrics and goals added, retired and changed by month, newest first', () => {
    const { catalog } = historyRepo();
    const months = timeline(available(readHistory(catalog)));
    const summary = months.map((m) => ({
      month: m.month,
      metrics: Object.fromEntries(Object.entries(m.metrics).map(([k, v]) => [k, v.map((e) => e.id)])),
      goals: Object.fromEntries(Object.entries(m.goals).map(([k, v]) => [k, v.map((e) => e.id)])),
    }));
    expect(summary).toEqual([
      // The comment added to goals/scheduling.yaml changed nothing a reader sees.
      { month: '2026-04', metrics: { added: [], retired: ['open-slots'], changed: [], removed: [] }, goals: { added: [], retired: [], changed: [], removed: [] } },
      { month: '2026-03', metrics: { added: [], retired: [], changed: ['wait-days'], removed: [] }, goals: { added: [], retired: [], changed: [], removed: [] } },
      { month: '2026-02', metrics: { added: [], retired: [], changed: ['wait-days'], removed: [] }, goals: { added: [], retired: [], changed: [], removed: [] } },
      { month: '2026-01', metrics: { added: ['open-slots', 'wait-days'], retired: [], changed: [], removed: [] }, goals: { added: ['access', 'mission', 'scheduling'], retired: [], changed: [], removed: [] } },
    ]);
    expect(months[1]!.metrics.changed[0]).toMatchObject({ path: 'metrics/access/wait-days.yaml', previousPath: 'metrics/wait-days.yaml', exists: true });
  });

  it('keeps deleted files, and a file added again at the same path starts a new history', () => {
    const start = validCatalog();
    const { catalog } = repoWith(start, { date: '2026-01-10T09:00:00Z' });
    writeFiles(catalog, { 'metrics/open-slots.yaml': undefined, 'data/open-slots.csv': undefined, 'initiatives/slot-release.yaml': undefined });
    commitAll(catalog, 'Drop open slots', { date: '2026-02-10T09:00:00Z' });
    writeFiles(catalog, { 'metrics/open-slots.yaml': start['metrics/open-slots.yaml']!.replace('name: Open slots', 'name: Open slots, again') });
    commitAll(catalog, 'Bring open slots back', { date: '2026-03-10T09:00:00Z' });
    const history = available(readHistory(catalog));
    const incarnations = history.files.filter((f) => f.path === 'metrics/open-slots.yaml');
    expect(incarnations.map((f) => [f.exists, f.changes.map((c) => `${c.commit.date} ${c.change}`)])).toEqual([
      [true, ['2026-03-10 added']],
      [false, ['2026-02-10 deleted', '2026-01-10 added']],
    ]);
    expect(history.byPath.get('metrics/open-slots.yaml')).toBe(incarnations[0]);
    const months = timeline(history);
    expect(months.find((m) => m.month === '2026-02')!.metrics.removed.map((e) => [e.id, e.exists])).toEqual([['open-slots', false]]);
  });
});

describe('bounded work', () => {
  it('starts the same three git processes for forty files and twelve commits', () => {
    const start = validCatalog();
    const many: Record<string, string> = { ...start };
    for (let i = 0; i < 40; i++) many[`metrics/extra/extra-${i}.yaml`] = start['metrics/open-slots.yaml']!.replace('name: Open slots', `name: Extra ${i}`).replace('drives: [wait-days]\n', '');
    const { catalog } = repoWith(many, { date: '2026-01-01T00:00:00Z' });
    for (let c = 1; c <= 11; c++) {
      const changed: Record<string, string> = {};
      for (let i = 0; i < 40; i += 1) changed[`metrics/extra/extra-${i}.yaml`] = many[`metrics/extra/extra-${i}.yaml`]!.replace('target: { value: 40', `target: { value: ${40 + c}`);
      writeFiles(catalog, changed);
      commitAll(catalog, `Raise targets, round ${c}`, { date: `2026-${String(c).padStart(2, '0')}-15T00:00:00Z` });
    }
    const counter = counting();
    const history = available(readHistory(catalog, { run: counter.run }));
    expect(counter.commands()).toEqual(['rev-parse', 'log', 'cat-file']);
    expect(history.commits).toHaveLength(12);
    expect(history.byPath.get('metrics/extra/extra-7.yaml')!.changes[0]!.fields).toEqual([{ field: 'target.value', before: 50, after: 51 }]);
  });

  it('compares the newest changes first and stops at the read budget, saying so', () => {
    const { catalog } = historyRepo();
    const history = available(readHistory(catalog, { maxBlobs: 4 }));
    expect(history.truncated).toBe(true);
    const [newest] = history.byPath.get('metrics/open-slots.yaml')!.changes;
    expect(newest!.fields?.map((f) => f.field)).toEqual(['status', 'retired']);
    const thresholds = history.byPath.get('metrics/access/wait-days.yaml')!.changes[1]!;
    expect(thresholds.fields).toBeUndefined();
  });
});

describe('where the catalog sits', () => {
  it('gives paths relative to a catalog in a subfolder of the repository', () => {
    const { catalog } = historyRepo('catalog');
    const history = available(readHistory(catalog));
    expect([...history.byPath.keys()]).toContain('metrics/access/wait-days.yaml');
    expect([...history.byPath.keys()].some((p) => p.startsWith('catalog/'))).toBe(false);
  });

  it('says the catalog is not in a git repository, after one git process', () => {
    const counter = counting();
    expect(readHistory(plainFolder(), { run: counter.run })).toEqual({ available: false, reason: 'the catalog is not in a git repository' });
    expect(counter.commands()).toEqual(['rev-parse']);
  });

  it('has an empty history in a repository without commits', () => {
    const dir = plainFolder();
    git(dir, ['init', '-q']);
    expect(readHistory(dir)).toMatchObject({ available: true, commits: [], files: [] });
  });

  it('says so when git is not installed', () => {
    const missing: GitRunner = () => ({ status: null, stdout: Buffer.alloc(0), stderr: '', error: Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' }) });
    expect(readHistory(plainFolder(), { run: missing })).toEqual({ available: false, reason: 'git is not installed (no `git` program on the PATH)' });
  });
});
