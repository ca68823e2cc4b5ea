/**
 * History that reads as history: each commit said once (date, hash linked on the repository
 * host, subject with its pull request linked, author) with the entries it touched under it in
 * short phrases; /changes/ and /health/ count metrics added and retired the same way.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldChange } from '../../src/features/fields.ts';
import { changePhrases, commitMonths, fieldPhrases, hostLinks, metricTurnover, newestFirst, parseLog, subjectParts, timeline, type Commit, type History, type TimelineMonth } from '../../src/features/history.ts';
import { codeSpans, findingSentence, ruleDocsUrl } from '../../src/site/findings.ts';
import { commitAll, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

describe('links to the repository host', () => {
  it('links commits and requests on GitHub and GitLab, and nothing elsewhere', () => {
    expect(hostLinks('https://github.com/harbor/metrics.git/')?.commit('abc')).toBe('https://github.com/harbor/metrics/commit/abc');
    expect(hostLinks('https://github.com/harbor/metrics')?.reference('#', '12')).toBe('https://github.com/harbor/metrics/pull/12');
    expect(hostLinks('https://gitlab.com/gitlab-com/handbook')?.commit('abc')).toBe('https://gitlab.com/gitlab-com/handbook/-/commit/abc');
    expect(hostLinks('https://gitlab.example.org/team/kpis')?.reference('!', '7')).toBe('https://gitlab.example.org/team/kpis/-/merge_requests/7');
    expect(hostLinks('https://bitbucket.org/team/kpis')).toBeUndefined();
    expect(hostLinks(undefined)).toBeUndefined();
  });

  it('links a reference by its sigil: GitLab #N is an issue and !N a merge request; GitHub knows only #N', () => {
    const gitlab = hostLinks('https://gitlab.com/team/kpis')!;
    expect(gitlab.reference('#', '123')).toBe('https://gitlab.com/team/kpis/-/issues/123');
    expect(gitlab.reference('!', '123')).toBe('https://gitlab.com/team/kpis/-/merge_requests/123');
    const github = hostLinks('https://github.com/harbor/metrics')!;
    expect(github.reference('#', '123')).toBe('https://github.com/harbor/metrics/pull/123');
    expect(github.reference('!', '123')).toBeUndefined();
  });

  it('never carries credentials, a query or a fragment from the configured URL into a link', () => {
    for (const repository of ['https://user:token@github.com/o/r', 'https://token@gitlab.com/o/r', 'https://github.com/o/r?x', 'https://github.com/o/r#y', 'https://user:token@github.com/o/r?x#y']) {
      expect(hostLinks(repository), repository).toBeUndefined();
    }
  });

  it('finds the request number in a subject with its sigil, and leaves other numbers alone', () => {
    expect(subjectParts('Tighten the thresholds (#123)')).toEqual([{ text: 'Tighten the thresholds (' }, { text: '#123', sigil: '#', number: '123' }, { text: ')' }]);
    expect(subjectParts('Merge branch into main !45')).toEqual([{ text: 'Merge branch into main ' }, { text: '!45', sigil: '!', number: '45' }]);
    expect(subjectParts('Target 95% by 2027, see issue#3')).toEqual([{ text: 'Target 95% by 2027, see issue#3' }]);
  });
});

describe('what a commit did, in short phrases', () => {
  const change = (field: string, before: unknown, after: unknown): FieldChange => ({ field, before, after });

  it('says one phrase per top-level field, with short values quoted', () => {
    expect(fieldPhrases([change('target.value', 90, 95), change('owner', 'lee-chen', 'operations'), change('body', 'a', 'b')])).toEqual(['target changed (value 90 → 95)', 'owner changed (lee-chen → operations)', 'narrative edited']);
    expect(fieldPhrases([change('thresholds.green', 40, 30), change('thresholds.red', 80, 70)])).toEqual(['thresholds changed']);
    expect(fieldPhrases([change('description', 'Old words', 'New words')])).toEqual(['description edited']);
    expect(fieldPhrases([change('status', 'active', 'retired'), change('retired', undefined, { date: '2026-06-30' })])).toEqual(['retired']);
    expect(fieldPhrases([change('guardrails', undefined, ['x'])])).toEqual(['guardrails added']);
  });

  it('never quotes an import placeholder', () => {
    expect(fieldPhrases([change('unit', 'TODO(import): the source states no unit.', '%')])).toEqual(['unit changed']);
  });

  it('says added, removed, moved, and formatting-only changes', () => {
    expect(changePhrases({ change: 'added' })).toEqual(['added']);
    expect(changePhrases({ change: 'added', status: { after: 'retired' } })).toEqual(['added, already retired']);
    expect(changePhrases({ change: 'deleted' })).toEqual(['removed']);
    expect(changePhrases({ change: 'renamed', previousPath: 'metrics/a.yaml', fields: [] })).toEqual(['moved from metrics/a.yaml']);
    expect(changePhrases({ change: 'modified', fields: [] })).toEqual(['comments or formatting only']);
  });
});

describe('the timeline by commit, and metrics added and retired', () => {
  const commit = (hash: string, time: string): Commit => ({ hash, time, date: time.slice(0, 10), author: 'Ana', subject: `Commit ${hash}` });
  const c1 = commit('c1', '2026-09-01T10:00:00Z');
  const c2 = commit('c2', '2026-09-05T10:00:00Z');
  const empty = () => ({ added: [], retired: [], changed: [], removed: [] });
  const months: TimelineMonth[] = [
    {
      month: '2026-09',
      metrics: { ...empty(), added: [{ change: 'added', path: 'metrics/b.yaml', exists: true, id: 'b', commit: c1 }, { change: 'added', path: 'metrics/a.yaml', exists: true, id: 'a', commit: c1 }], changed: [{ change: 'changed', path: 'metrics/a.yaml', exists: true, id: 'a', commit: c2, fields: [{ field: 'owner', before: 'x', after: 'y' }] }] },
      goals: { ...empty(), added: [{ change: 'added', path: 'goals/g.yaml', exists: true, id: 'g', commit: c1 }] },
    },
  ];

  it('says each commit once, newest first, with its metrics and then its goals', () => {
    const [september] = commitMonths(months);
    expect(september!.commits.map((c) => c.commit.hash)).toEqual(['c2', 'c1']);
    expect(september!.commits[1]!.entries.map((e) => `${e.kind} ${e.id}: ${e.phrases.join('; ')}`)).toEqual(['metric a: added', 'metric b: added', 'goal g: added']);
    expect(september!.commits[0]!.entries.map((e) => e.phrases)).toEqual([['owner changed (x → y)']]);
  });

  it('orders commits by the instant they were made, whatever offset their author wrote', () => {
    // 09:00 at +02:00 is 07:00Z: earlier than 08:00Z, though it sorts after it as text.
    const east = commit('east', '2026-09-03T09:00:00+02:00');
    const utc = commit('utc', '2026-09-03T08:00:00Z');
    const added = (id: string, at: Commit) => ({ change: 'added' as const, path: `metrics/${id}.yaml`, exists: true, id, commit: at });
    const [month] = commitMonths([{ month: '2026-09', metrics: { ...empty(), added: [added('x', east), added('y', utc)] }, goals: empty() }]);
    expect(month!.commits.map((c) => c.commit.hash)).toEqual(['utc', 'east']);

    const history = { files: [{ path: 'metrics/x.yaml', exists: true, changes: [{ commit: east, change: 'added', path: 'metrics/x.yaml' }] }, { path: 'metrics/y.yaml', exists: true, changes: [{ commit: utc, change: 'added', path: 'metrics/y.yaml' }] }] } as unknown as History;
    expect(timeline(history)[0]!.metrics.added.map((e) => e.commit.hash)).toEqual(['utc', 'east']);
  });

  it("keeps git's log order for commits made in the same second", () => {
    const log = ['second', 'first'].map((hash, i) => `\x1e${hash}\x1f${i ? '2026-09-03T10:00:00+02:00' : '2026-09-03T08:00:00Z'}\x1fAna\x1fCommit ${hash}`).join('');
    const [newer, older] = parseLog(log).map((p) => p.commit);
    expect([older!, newer!].sort(newestFirst).map((c) => c.hash)).toEqual(['second', 'first']);
    expect([newer!, older!].sort(newestFirst).map((c) => c.hash)).toEqual(['second', 'first']);
  });

  it('counts added from git and retired from the files, by month', () => {
    const turnover = metricTurnover(months, [{ id: 'a', data: {} }, { id: 'b', data: { retired: { date: '2026-06-30' } } }]);
    expect(turnover).toEqual([
      { month: '2026-09', added: ['a', 'b'], retired: [] },
      { month: '2026-06', added: [], retired: ['b'] },
    ]);
  });
});

describe('findings in sentences', () => {
  it('joins a predicate to the name with a space and a clause with a colon, hint after', () => {
    expect(findingSentence({ message: 'is red (126.6 on 2026-09-30) and no active initiative moves it', hint: 'start an initiative' })).toEqual({ joiner: ' ', text: 'is red (126.6 on 2026-09-30) and no active initiative moves it. To fix it: start an initiative.' });
    expect(findingSentence({ message: 'no `target` and no `thresholds`: nothing says what a good value is' })).toEqual({ joiner: ': ', text: 'No `target` and no `thresholds`: nothing says what a good value is.' });
  });

  it('cuts text at backtick spans so they render as code', () => {
    expect(codeSpans('add `target:` or `thresholds`')).toEqual([
      { text: 'add ', code: false },
      { text: 'target:', code: true },
      { text: ' or ', code: false },
      { text: 'thresholds', code: true },
    ]);
  });

  it('links a rule to its entry under "The checks" on the guide', () => {
    expect(ruleDocsUrl('no-target')).toMatch(/\/guide\/#check-no-target$/);
    expect(ruleDocsUrl('unknown-field')).toMatch(/\/guide\/#check-unknown-field$/);
  });
});

describe('a catalog with history, built', () => {
  const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
  let build: BuildResult;
  let first: string;
  let second: string;

  beforeAll(() => {
    const { catalog } = repoWith({}, { message: 'Start', date: '2026-08-01T09:00:00Z' });
    cpSync(FIXTURE, catalog, { recursive: true });
    first = commitAll(catalog, 'Add the Harbor Transit catalog (#12)', { author: 'Ana Lima', date: '2026-09-01T10:00:00Z' });
    const path = join(catalog, 'metrics/headway-gaps.yaml');
    const before = readFileSync(path, 'utf8');
    const after = before.replace('thresholds: { green: 40, red: 80 }', 'thresholds: { green: 30, red: 80 }').replace('owner: lee-chen', 'owner: operations');
    expect(after).not.toBe(before);
    writeFiles(catalog, { 'metrics/headway-gaps.yaml': after });
    second = commitAll(catalog, 'Tighten the headway gap threshold (!5)', { author: 'Bo Chen', date: '2026-10-05T10:00:00Z' });
    build = buildSite(catalog);
  });
  afterAll(() => {
    if (build) rmSync(build.outDir, { recursive: true, force: true });
    removeRepos();
  });

  it('builds', () => {
    expect(build.status).toBe(0);
  });

  it('says each commit once on /changes/, linked to the commit and its pull request', () => {
    const page = readPage(build.outDir, 'changes');
    const main = text(page.querySelector('main'));
    expect(main.split('Add the Harbor Transit catalog').length - 1).toBe(1);
    const commit = page.querySelector(`[data-commit="${first}"]`)!;
    expect(commit.querySelector('[data-commit-link]')!.getAttribute('href')).toBe(`https://github.com/harbor/metrics/commit/${first}`);
    expect(commit.querySelector('[data-request-link]')!.getAttribute('href')).toBe('https://github.com/harbor/metrics/pull/12');
    expect(text(commit.querySelector('[data-commit-line]'))).toBe(`2026-09-01 · ${first.slice(0, 7)} · Add the Harbor Transit catalog (#12) · Ana Lima`);
    // Every metric and goal the first commit added sits under it, said "added", never with the subject again.
    const entries = commit.querySelectorAll('[data-entry]');
    expect(entries.length).toBe(3 + 5);
    expect(entries.every((li) => !text(li).includes('Harbor Transit catalog'))).toBe(true);
  });

  it('leaves a GitLab-style !N reference unlinked on a GitHub catalog', () => {
    const line = readPage(build.outDir, 'changes').querySelector(`[data-commit="${second}"] [data-commit-line]`)!;
    expect(text(line.querySelector('.commit-subject'))).toBe('Tighten the headway gap threshold (!5)');
    expect(line.querySelector('[data-request-link]')).toBeNull();
  });

  it('lists what a commit changed as short phrases', () => {
    const entry = readPage(build.outDir, 'changes').querySelector(`[data-commit="${second}"] [data-entry="headway-gaps"]`)!;
    expect(entry.querySelector('a')!.getAttribute('href')).toBe('/metrics/headway-gaps/');
    expect(text(entry)).toBe('Metric Headway gaps <script>alert(1)</script>: owner changed (lee-chen → operations); thresholds changed (green 40 → 30)');
  });

  it("shows an entry's own history the same way", () => {
    const items = readPage(build.outDir, 'metrics/headway-gaps').querySelectorAll('[data-history] li');
    expect(items.map((li) => text(li.querySelector('[data-history-what]')))).toEqual(['owner changed (lee-chen → operations); thresholds changed (green 40 → 30)', 'added']);
    expect(items[0]!.querySelector('[data-commit-link]')!.getAttribute('href')).toBe(`https://github.com/harbor/metrics/commit/${second}`);
  });

  it('counts metrics added and retired the same on /changes/ and /health/', () => {
    const changes = readPage(build.outDir, 'changes');
    const health = readPage(build.outDir, 'health');
    for (const total of ['added', 'retired']) expect(text(health.querySelector(`[data-turnover] [data-total="${total}"]`))).toBe(text(changes.querySelector(`[data-changes-lede] [data-total="${total}"]`)));
    expect(text(changes.querySelector('[data-changes-lede] [data-total="retired"]'))).toBe('1 retired');
    // paper-ticket-sales was retired on 2026-06-30 by its file, though git first saw it in September.
    const june = changes.querySelector('[data-changes-summary] tr[data-month="2026-06"]')!;
    expect(june.querySelectorAll('td').map(text).slice(0, 2)).toEqual(['0', '1']);
    expect(text(health.querySelector('[data-turnover-months] [data-month="2026-06"]'))).toBe('2026-06: 0 added; retired: Paper ticket sales');
  });

  it('speaks in sentences on /health/: no raw backticks, rule ids only as links to their docs', () => {
    const health = readPage(build.outDir, 'health');
    const main = health.querySelector('main')!;
    expect(text(main)).not.toContain('`');
    const groups = main.querySelectorAll('[data-rule]');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const rule = group.getAttribute('data-rule')!;
      expect(group.querySelector('[data-rule-link]')!.getAttribute('href')).toBe(ruleDocsUrl(rule));
      expect(text(group.querySelector('summary'))).not.toContain(rule);
    }
    for (const finding of main.querySelectorAll('[data-finding]')) expect(text(finding)).toMatch(/\.\s\(.+, line \d+\)$/);
  });
});

describe('the example catalog', () => {
  let example: BuildResult;
  beforeAll(async () => {
    example = await sharedBuild(PROJECT_ROOT);
  });

  it('counts the same metrics added and retired on /changes/ and /health/', () => {
    const changes = readPage(example.outDir, 'changes');
    const health = readPage(example.outDir, 'health');
    const retired = text(health.querySelector('[data-turnover] [data-total="retired"]'));
    expect(retired).toBe('1 retired');
    expect(text(changes.querySelector('[data-changes-lede] [data-total="retired"]'))).toBe(retired);
    expect(text(changes.querySelector('[data-changes-lede] [data-total="added"]'))).toBe(text(health.querySelector('[data-turnover] [data-total="added"]')));
    // The months agree row by row too.
    const fromChanges = changes.querySelectorAll('[data-changes-summary] tbody tr').map((tr) => [tr.getAttribute('data-month'), ...tr.querySelectorAll('td').map(text).slice(0, 2)]).filter(([, a, r]) => a !== '0' || r !== '0');
    const fromHealth = health.querySelectorAll('[data-turnover-months] li').map((li) => {
      const [, month, added] = /^(\d{4}-\d{2}): (\d+) added/.exec(text(li))!;
      return [month, added, String(li.querySelectorAll('a').length)];
    });
    expect(fromHealth).toEqual(fromChanges);
  });
});
