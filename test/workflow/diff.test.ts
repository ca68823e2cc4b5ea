/**
 * `npm run diff` on real git repositories: the acceptance change (tighten one metric's thresholds,
 * retire another, add a third), renames, diagnostics introduced and resolved, effects on the
 * cascade, nothing changed, a catalog in a subfolder, and the Markdown's escaping and folding.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { diffToMarkdown, NO_CHANGES } from '../../src/features/diff-markdown.ts';
import { escapeMarkdown } from '../../src/core/escape.ts';
import { diffCatalogs, isEmptyDiff, type CatalogDiff } from '../../src/features/diff.ts';
import { TODAY, validCatalog, type Files } from '../helpers/catalog.ts';
import { runCli, runCliInProcess } from '../helpers/cli.ts';
import { edit, withFiles } from '../helpers/core.ts';
import { commitAll, move, plainFolder, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';

afterAll(removeRepos);

/** Runs the diff command's run in this process, as `npm run diff` would, without inheriting CATALOG_* settings. */
const diffCli = (args: string[]) => runCliInProcess('diff', ['--today', TODAY, ...args]);

async function jsonDiff(args: string[]): Promise<CatalogDiff & { empty: boolean }> {
  const run = await await diffCli([...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

const SAME_WEEK_SLOTS = [
  'name: Same-week slots released',
  'description: Routine slots released for booking within the same week.',
  'why: released slots are short waits next week.',
  'supports: [scheduling]',
  'indicator: leading',
  'drives: [wait-days]',
  'owner: ana',
  'unit: count',
  'direction: up',
  'formula: count of same-week slots released by Monday 08:00',
  'source: { system: Epic }',
  'cadence: weekly',
  'target: { value: 60, by: 2026-12-31 }',
  '',
].join('\n');

/** The acceptance change: tighten wait-days, retire open-slots, add same-week-slots. */
function acceptanceChange(files: Files): Files {
  let next = edit(files, 'metrics/wait-days.yaml', 'thresholds: { green: 7, red: 14 }', 'thresholds: { green: 5, red: 7.5 }');
  next = edit(next, 'metrics/open-slots.yaml', 'target: { value: 40, by: 2026-12-31 }\n', 'target: { value: 40, by: 2026-12-31 }\nstatus: retired\nretired: { date: 2026-11-20, reason: Slots are released daily now., replaced_by: same-week-slots }\n');
  return { ...next, 'metrics/same-week-slots.yaml': SAME_WEEK_SLOTS };
}

describe('the acceptance change, in a repository holding a catalog nobody on the team wrote', () => {
  const start = validCatalog();
  const { catalog } = repoWith(start);
  writeFiles(catalog, acceptanceChange(start));

  it('names all three metrics with what changed, in the working tree against HEAD', async () => {
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.empty).toBe(false);
    expect(diff.metrics.added).toEqual([{ id: 'same-week-slots', file: 'metrics/same-week-slots.yaml', name: 'Same-week slots released' }]);
    expect(diff.metrics.retired).toHaveLength(1);
    expect(diff.metrics.retired[0]).toMatchObject({ id: 'open-slots', date: '2026-11-20', reason: 'Slots are released daily now.', replacedBy: 'same-week-slots' });
    expect(diff.metrics.retired[0]!.changes).toContainEqual({ field: 'status', before: 'active', after: 'retired' });
    expect(diff.metrics.changed).toEqual([
      {
        id: 'wait-days',
        file: 'metrics/wait-days.yaml',
        name: 'Days to appointment',
        changes: [
          { field: 'thresholds.green', before: 7, after: 5 },
          { field: 'thresholds.red', before: 14, after: 7.5 },
        ],
      },
    ]);
    expect(diff.metrics.removed).toEqual([]);
    expect(diff.metrics.renamed).toEqual([]);
    for (const key of ['goals', 'owners', 'initiatives'] as const) expect(diff[key]).toEqual({ added: [], removed: [], renamed: [], retired: [], changed: [] });
  });

  it('reports the diagnostics the change introduces and its effect on the cascade', async () => {
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.diagnostics.introduced.map((d) => `${d.file} ${d.rule}`)).toContain('initiatives/slot-release.yaml retired-still-used');
    expect(diff.diagnostics.resolved).toEqual([]);
    // The latest wait is 8 days: amber under the old thresholds, red under the tightened ones.
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'metric-status', id: 'wait-days', before: 'amber', after: 'red', message: 'is now red (was amber)' }));
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'goal-metrics', id: 'scheduling', gained: ['same-week-slots'], lost: ['open-slots'] }));
  });

  it('writes Markdown for the pull request naming all three, each changed field as before → after, run as npm runs it', () => {
    // The wiring: the one test that starts Node, the way `npm run diff` does.
    const run = runCli('diff', ['--today', TODAY, '--dir', catalog, '--base', 'HEAD']);
    expect(run.status).toBe(0);
    const md = run.stdout;
    expect(md).toContain('### Catalog changes: working tree against HEAD');
    expect(md).toContain('metrics: 1 added, 1 retired, 1 changed');
    expect(md).toContain('- **Same\\-week slots released** `same-week-slots` · `metrics/same-week-slots.yaml`'.replace('\\-', '-'));
    expect(md).toContain('- **Open slots** `open-slots` retired on 2026-11-20: Slots are released daily now.; replaced by `same-week-slots`');
    expect(md).toContain('- **Days to appointment** `wait-days`\n  - `thresholds.green`: `7` → `5`\n  - `thresholds.red`: `14` → `7.5`');
    expect(md).toMatch(/#### Diagnostics introduced \(\d+\)\n\n(- .*\n)*- warning `initiatives\/slot-release.yaml:3` \*\*retired-still-used\*\*/);
    expect(md).toContain('- Metric **Days to appointment** `wait-days` is now red (was amber)');
  });

  it('gives the same diff between two commits once the change is committed', async () => {
    const uncommitted = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    commitAll(catalog, 'Tighten waits, retire open slots, add same-week slots', { date: '2026-11-21T09:00:00Z' });
    expect(await jsonDiff(['--dir', catalog, '--base', 'HEAD~1', '--head', 'HEAD'])).toEqual(uncommitted);
    const reverse = await jsonDiff(['--dir', catalog, '--base', 'HEAD', '--head', 'HEAD~1']);
    expect(reverse.metrics.removed.map((r) => r.id)).toEqual(['same-week-slots']);
    expect(reverse.metrics.changed.map((c) => c.id)).toEqual(['open-slots', 'wait-days']);
  });
});

describe('renames', () => {
  it('reports a file moved to another folder (git mv) as renamed, not removed and added', async () => {
    const { catalog } = repoWith(validCatalog());
    move(catalog, 'metrics/wait-days.yaml', 'metrics/access/wait-days.yaml');
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.metrics.renamed).toEqual([{ from: { id: 'wait-days', file: 'metrics/wait-days.yaml', name: 'Days to appointment' }, to: { id: 'wait-days', file: 'metrics/access/wait-days.yaml', name: 'Days to appointment' }, changes: [] }]);
    expect(diff.metrics.added).toEqual([]);
    expect(diff.metrics.removed).toEqual([]);
    expect(diff.diagnostics).toEqual({ introduced: [], resolved: [] });
    expect((await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout).toContain('- **Days to appointment**: moved `metrics/wait-days.yaml` → `metrics/access/wait-days.yaml`');
  });

  it('reports an id renamed with the same content as renamed, and the references updated as changes', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'owners/ana.yaml': undefined, 'owners/ana-lima.yaml': start['owners/ana.yaml'] });
    for (const file of ['goals/scheduling.yaml', 'metrics/open-slots.yaml', 'initiatives/slot-release.yaml']) writeFiles(catalog, { [file]: start[file]!.replace('owner: ana', 'owner: ana-lima') });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.owners.renamed).toEqual([{ from: { id: 'ana', file: 'owners/ana.yaml', name: 'Ana Lima' }, to: { id: 'ana-lima', file: 'owners/ana-lima.yaml', name: 'Ana Lima' }, changes: [] }]);
    expect(diff.owners.added).toEqual([]);
    expect(diff.owners.removed).toEqual([]);
    expect(diff.metrics.changed).toEqual([{ id: 'open-slots', file: 'metrics/open-slots.yaml', name: 'Open slots', changes: [{ field: 'owner', before: 'ana', after: 'ana-lima' }] }]);
    expect(diff.goals.changed.map((c) => c.id)).toEqual(['scheduling']);
    expect(diff.initiatives.changed.map((c) => c.id)).toEqual(['slot-release']);
    expect(diff.diagnostics).toEqual({ introduced: [], resolved: [] });
  });

  it('keeps the diagnostics of a moved file the same problems, not resolved and introduced again', async () => {
    const { catalog } = repoWith(validCatalog());
    move(catalog, 'metrics/open-slots.yaml', 'metrics/access/open-slots.yaml');
    // By mid-2027 every value is stale: the moved metric has warnings on both sides.
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD', '--today', '2027-06-01']);
    expect(diff.metrics.renamed).toHaveLength(1);
    expect(diff.diagnostics).toEqual({ introduced: [], resolved: [] });
  });
});

describe('diagnostics introduced and resolved', () => {
  it('lists what the change breaks and what it fixes, ignoring lines that only moved', async () => {
    // The start has one warning: open-slots has no target or thresholds.
    const start = edit(validCatalog(), 'metrics/open-slots.yaml', 'target: { value: 40, by: 2026-12-31 }\n', '');
    const { catalog } = repoWith(start);
    writeFiles(catalog, {
      // Fixed: a target again.
      'metrics/open-slots.yaml': `# reviewed with the scheduling team\n${start['metrics/open-slots.yaml']}target: { value: 40, by: 2026-12-31 }\n`,
      // Broken: a goal that does not exist.
      'metrics/wait-days.yaml': start['metrics/wait-days.yaml']!.replace('supports: [access]', 'supports: [acess]'),
    });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.diagnostics.resolved.map((d) => `${d.file} ${d.rule}`)).toEqual(['metrics/open-slots.yaml no-target']);
    expect(diff.diagnostics.introduced.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}`)).toContain('metrics/wait-days.yaml:4 error unknown-reference');
    const md = (await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout;
    // A resolved diagnostic is shown where it was, in the base version.
    expect(md).toContain('#### Diagnostics resolved (1)\n\n- warning `metrics/open-slots.yaml:9` **no-target**');
    expect(md).toMatch(/diagnostics: \d+ introduced \(\d+ errors?\), 1 resolved/);
  });

  it('does not report a warning whose line moved as new', async () => {
    const start = edit(validCatalog(), 'metrics/open-slots.yaml', 'target: { value: 40, by: 2026-12-31 }\n', '');
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'metrics/open-slots.yaml': `# a comment\n# and another\n${start['metrics/open-slots.yaml']}` });
    expect((await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout).toBe(`${NO_CHANGES}\n`);
  });
});

describe('the effect on the cascade', () => {
  it('says when a goal gets more primary metrics than the max', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    const extra: Record<string, string> = {};
    for (const id of ['slot-fill', 'callback-time', 'portal-booking']) {
      extra[`metrics/${id}.yaml`] = start['metrics/wait-days.yaml']!.replace('name: Days to appointment', `name: ${id}`).replace('triggers:\n  - when: { above: 14 }\n    action: Open extra slots.\n', '');
    }
    writeFiles(catalog, extra);
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'primary-count', id: 'access', before: 1, after: 4, message: 'now has 4 primary metrics (was 1), more than the max of 3' }));
    expect((await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout).toContain('- Goal **Seen within a week** `access` now has 4 primary metrics (was 1), more than the max of 3');
  });

  it('says when a goal is no longer measured and when a metric no longer supports any goal', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, {
      // open-slots, the only metric of scheduling, is retired; wait-days moves to a goal that is only proposed.
      'metrics/open-slots.yaml': `${start['metrics/open-slots.yaml']}status: retired\nretired: { date: 2026-11-20, reason: Replaced by daily release. }\n`,
      'goals/intake.yaml': 'title: Fast intake\nlevel: strategy\nparent: mission\nowner: ops\nstatus: proposed\n',
      'metrics/wait-days.yaml': start['metrics/wait-days.yaml']!.replace('supports: [access]', 'supports: [intake]'),
    });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'unmeasured', kind: 'goal', id: 'scheduling', lost: ['open-slots'] }));
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'no-goal', kind: 'metric', id: 'wait-days', message: 'no longer supports any active goal (it supported access)' }));
  });

  it('says when a goal moves to another parent, with what hangs below it', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'goals/scheduling.yaml': start['goals/scheduling.yaml']!.replace('parent: access', 'parent: mission').replace('level: department', 'level: strategy') });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.goals.changed[0]!.changes).toEqual([
      { field: 'level', before: 'department', after: 'strategy' },
      { field: 'parent', before: 'access', after: 'mission' },
    ]);
    expect(diff.cascade).toContainEqual(expect.objectContaining({ type: 'goal-moved', id: 'scheduling', message: 'moves from under access to under mission, with its 0 sub-goals and 1 metric' }));
  });
});

describe('configuration and values', () => {
  it('lists changed settings and changed values', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, {
      'catalog.config.yaml': `${start['catalog.config.yaml']}rules:\n  stale-data: error\n`,
      'data/wait-days.csv': 'date,value,note\n2026-11-09,9.5,corrected\n2026-11-16,8,\n2026-11-23,7,\n',
    });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.config).toEqual([{ field: 'rules.stale-data', before: null, after: 'error' }]);
    expect(diff.data).toEqual([{ metric: 'wait-days', name: 'Days to appointment', file: 'data/wait-days.csv', added: ['2026-11-23'], removed: [], changed: ['2026-11-09'], latestBefore: { date: '2026-11-16', value: 8 }, latestAfter: { date: '2026-11-23', value: 7 } }]);
    const md = (await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout;
    expect(md).toContain('#### Values\n\n- **Days to appointment** `data/wait-days.csv`: 1 value added, 1 corrected; latest `7` on 2026-11-23 (was `8` on 2026-11-16)');
    expect(md).toContain('#### Configuration `catalog.config.yaml`\n\n- `rules.stale-data`: _not set_ → `error`');
  });

  it('reads a revision with its asset images, so a narrative image is no problem of the base', async () => {
    const start = withFiles(validCatalog(), { 'goals/access.yaml': undefined, 'goals/access.mdx': `---\n${validCatalog()['goals/access.yaml']}---\n![Waits by site](../assets/waits.png)\n`, 'assets/waits.png': 'png bytes' });
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'data/wait-days.csv': 'date,value,note\n2026-11-09,9,\n2026-11-16,8,\n2026-11-23,7,\n' });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.diagnostics).toEqual({ introduced: [], resolved: [] });
  });

  it('shows a catalog added to a repository as everything added, without naming a temporary folder', async () => {
    const { repo } = repoWith({}, { extra: { 'README.md': '# metrics to come\n' } });
    writeFiles(join(repo, 'catalog'), validCatalog());
    const diff = await jsonDiff(['--dir', join(repo, 'catalog'), '--base', 'HEAD']);
    expect(diff.metrics.added.map((m) => m.id)).toEqual(['open-slots', 'wait-days']);
    expect(diff.goals.added).toHaveLength(3);
    expect(diff.config).toEqual([]);
    expect(diff.diagnostics.resolved.map((d) => d.message)).toEqual(['no catalog.config.yaml in HEAD (catalog/)']);
  });
  it('does not show a catalog whose config cannot be read as renamed: both sides are named after the folder', async () => {
    const broken = withFiles(validCatalog(), { 'catalog.config.yaml': 'name: [unclosed\n' });
    const { catalog } = repoWith(broken);
    writeFiles(catalog, { 'data/wait-days.csv': 'date,value,note\n2026-11-09,9,\n2026-11-16,8,\n2026-11-23,7,\n' });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD']);
    expect(diff.config).toEqual([]);
  });
});

describe('nothing changed', () => {
  it('prints one line, and an empty JSON diff', async () => {
    const { catalog } = repoWith(validCatalog());
    expect(await diffCli(['--dir', catalog, '--base', 'HEAD'])).toEqual({ status: 0, stdout: 'No changes to the catalog.\n', stderr: '' });
    expect((await jsonDiff(['--dir', catalog, '--base', 'HEAD'])).empty).toBe(true);
  });

  it('ignores reformatting: the same data written differently is the same catalog', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'metrics/wait-days.yaml': start['metrics/wait-days.yaml']!.replace('thresholds: { green: 7, red: 14 }', 'thresholds:\n  red: 14\n  green: 7').replace('primary: true', 'primary: true # headline') });
    expect((await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout).toBe('No changes to the catalog.\n');
  });
});

describe('a catalog in a subfolder of its repository', () => {
  it('compares only the catalog folder, with paths relative to it', async () => {
    const start = validCatalog();
    const { repo, catalog } = repoWith(start, { subfolder: 'catalog', extra: { 'README.md': '# our metrics\n', 'metrics/stray.yaml': 'not: a catalog file\n' } });
    writeFiles(catalog, { 'metrics/wait-days.yaml': start['metrics/wait-days.yaml']!.replace('cadence: weekly', 'cadence: monthly') });
    writeFiles(repo, { 'README.md': '# our metrics, changed\n' });
    commitAll(repo, 'Monthly waits', { date: '2026-02-01T10:00:00Z' });
    const diff = await jsonDiff(['--dir', catalog, '--base', 'HEAD~1', '--head', 'HEAD']);
    expect(diff.metrics.changed).toEqual([{ id: 'wait-days', file: 'metrics/wait-days.yaml', name: 'Days to appointment', changes: [{ field: 'cadence', before: 'weekly', after: 'monthly' }] }]);
    expect(diff.metrics.added).toEqual([]);
    expect(diff.diagnostics).toEqual({ introduced: [], resolved: [] });
  });
});

describe('bad arguments', () => {
  it('exits 2 without --base, with an unknown revision, and outside a git repository', async () => {
    const { catalog } = repoWith(validCatalog());
    const missing = await diffCli(['--dir', catalog]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--base REV is required');
    const unknown = await diffCli(['--dir', catalog, '--base', 'no-such-branch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no commit "no-such-branch"');
    const outside = await diffCli(['--dir', plainFolder(), '--base', 'HEAD']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('the catalog is not in a git repository');
    expect((await diffCli(['--dir', catalog, '--base', '--upload-pack=touch /tmp/x'])).status).toBe(2);
    expect((await diffCli(['--help'])).stdout).toContain('Usage: plumbline diff --base REV');
  });
});

describe('the Markdown', () => {
  it('escapes catalog text: no HTML, formatting, links or mentions from a pull request reach the comment', async () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [link](https://x.example) @org/team `code` # h')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](https://x.example) @\u200borg/team \\`code\\` \\# h',
    );
    const start = validCatalog();
    const { catalog } = repoWith(start);
    writeFiles(catalog, { 'metrics/wait-days.yaml': start['metrics/wait-days.yaml']!.replace('name: Days to appointment', 'name: "Days <script>alert(1)</script> @ceo **now**"') });
    const md = (await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout;
    // Values stay in code spans, where GitHub shows them as text; everything else is escaped.
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toContain('<script>');
    expect(outsideCode).not.toMatch(/@ceo/);
    expect(md).toContain('`name`: `Days to appointment` → `Days <script>alert(1)</script> @ceo **now**`');
    expect(md).toContain('- **Days &lt;script&gt;alert(1)&lt;/script&gt; @\u200bceo \\*\\*now\\*\\*** `wait-days`');
  });

  it('folds long lists into <details>', async () => {
    const start = validCatalog();
    const { catalog } = repoWith(start);
    const many: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) many[`metrics/extra-${i}.yaml`] = start['metrics/open-slots.yaml']!.replace('name: Open slots', `name: Extra ${i}`).replace('drives: [wait-days]\n', '');
    writeFiles(catalog, many);
    const md = (await diffCli(['--dir', catalog, '--base', 'HEAD'])).stdout;
    expect(md).toContain('**Added** (12)\n\n<details>\n<summary>12 metrics added</summary>\n\n- **Extra 1**');
    expect(md).toContain('</details>');
  });

  it('is one line for an empty diff, from the core too', () => {
    const analysis = analyzeCatalog(repoWith(validCatalog()).catalog, TODAY);
    const diff = diffCatalogs(analysis, analysis);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diffToMarkdown(diff)).toBe('No changes to the catalog.\n');
  });
});
