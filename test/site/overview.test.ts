/**
 * The overview reads like a scorecard: objective tiles with value, target, trend, sparkline and
 * status per headline metric; "Needs action" one line per metric, worst first, the action behind a
 * disclosure; status counts that open the filtered metrics index. And it never claims "nothing
 * fired" or shows an import's placeholder text for a catalog that has no values, triggers or text.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLines, firedTriggerItems, nothingFiredMessage, shortCondition } from '../../src/site/actions.ts';
import { formatValue } from '../../src/site/describe.ts';
import { headlineMetrics, statusCounts, strategicObjectives, trendWords } from '../../src/site/scorecard.ts';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { analyze, removeCatalogs, TODAY, validCatalog, writeCatalog, type Files } from '../helpers/catalog.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, BUILD_TODAY, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

/** What an importer writes where its source is silent: placeholders, an unnamed owner, assumed defaults, no values, no triggers. */
const P = 'TODO(import):';
const IMPORTED: Files = {
  'catalog.config.yaml': 'name: Imported Clinic\n',
  'owners/unassigned.yaml': `name: "${P} no owner is named in the source"\nkind: team\n`,
  'goals/mission.yaml': `title: Imported Clinic\nlevel: mission\nowner: unassigned\ndescription: "${P} the source states no mission: say what the organisation exists to achieve."\n`,
  'goals/quality.yaml': `title: Quality\nlevel: strategy\nparent: mission\nowner: unassigned\ndescription: "${P} the source states no objective."\n`,
  'goals/unnamed.yaml': `title: "${P} the source names no objective."\nlevel: strategy\nparent: mission\nowner: unassigned\n`,
  'metrics/readmissions.yaml': [
    'name: Readmissions',
    `description: "${P} the source gives no description."`,
    `why: "${P} the source does not say why this metric matters."`,
    'supports: [quality]',
    'indicator: lagging',
    'owner: unassigned',
    `unit: "${P} the source states no unit."`,
    'direction: up',
    `formula: "${P} the source gives no formula."`,
    `source: { system: "${P} the source does not say which system." }`,
    'cadence: monthly',
    'tags: [todo-import-indicator, todo-import-direction, todo-import-cadence]',
    '',
  ].join('\n'),
};

const example = analyzeCatalog(PROJECT_ROOT, BUILD_TODAY);
let exampleBuild: BuildResult;
let imported: BuildResult;
beforeAll(async () => {
  exampleBuild = await sharedBuild(PROJECT_ROOT);
  expect(exampleBuild.status, exampleBuild.stderr.slice(-2000)).toBe(0);
  imported = buildSite(writeCatalog(IMPORTED), TODAY);
  expect(imported.status, imported.stderr.slice(-2000)).toBe(0);
});
afterAll(() => {
  if (imported) rmSync(imported.outDir, { recursive: true, force: true });
  removeCatalogs();
});

const home = () => readPage(exampleBuild.outDir, '');

describe('the overview of the example as a scorecard', () => {
  it('shows one tile per strategic objective with its rolled-up status and owner', () => {
    const tiles = home().querySelectorAll('[data-objectives] [data-objective]');
    const objectives = strategicObjectives(example.catalog);
    expect(tiles.map((t) => t.getAttribute('data-objective'))).toEqual(objectives.map((g) => g.id));
    for (const tile of tiles) {
      const id = tile.getAttribute('data-objective')!;
      expect(tile.getAttribute('data-status')).toBe(example.derived.goals.get(id));
      expect(tile.querySelector('.objective__meta .status')?.getAttribute('data-status')).toBe(example.derived.goals.get(id));
      expect(text(tile)).toContain(`Owner: ${example.catalog.owners.get(example.catalog.goals.get(id)!.data.owner)!.data.name}`);
    }
  });

  it('gives each headline metric a row with value, target, trend arrow, sparkline and status, and no "primary" chip', () => {
    const rows = home().querySelectorAll('[data-score-row]');
    expect(rows.length).toBeGreaterThanOrEqual(strategicObjectives(example.catalog).length);
    for (const row of rows) {
      const metric = example.catalog.metrics.get(row.getAttribute('data-metric')!)!;
      const state = example.derived.metrics.get(metric.id)!;
      expect(metric.data.primary, metric.id).toBe(true);
      expect(row.querySelector('a.score__name')?.getAttribute('href')).toBe(`/metrics/${metric.id}/`);
      expect(text(row.querySelector('[data-value] .number')).startsWith(formatValue(state.latest!.value, 'count')), metric.id).toBe(true);
      expect(text(row.querySelector('[data-target]'))).toMatch(/^(Target .+ by \d{4}-\d{2}-\d{2}|On target .+)$/);
      expect(row.querySelector('.sparkline path')).not.toBeNull();
      const trend = row.querySelector('[data-trend]')!;
      expect(trend.getAttribute('data-trend')).toBe(state.trend!.direction);
      expect(text(trend.querySelector('.visually-hidden'))).toMatch(/^(Up|Down|Unchanged) /);
      expect(row.querySelector('.status')?.getAttribute('data-status')).toBe(state.status);
      expect(row.querySelector('[data-stale]') !== null).toBe(state.stale);
      expect(row.querySelector('.badge--primary')).toBeNull();
    }
  });

  it('states the same target on a row as the metric’s own page does', () => {
    const rows = home().querySelectorAll('[data-score-row]');
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      const id = row.getAttribute('data-metric')!;
      const summary = readPage(exampleBuild.outDir, `metrics/${id}`).querySelector('[data-metric-summary] [data-target]');
      if (!summary) continue;
      // The summary adds progress after the target ("· behind the target path").
      expect(text(summary).startsWith(text(row.querySelector('[data-target]'))), id).toBe(true);
    }
  });

  it('colours the trend by whether the move is the better way', () => {
    const rows = home().querySelectorAll('[data-score-row]');
    const tones = rows.map((row) => {
      const trend = example.derived.metrics.get(row.getAttribute('data-metric')!)!.trend!;
      const classes = row.querySelector('[data-trend]')!.classList;
      return [trend.better, classes.contains('trend--better'), classes.contains('trend--worse')];
    });
    for (const [better, good, bad] of tones) expect([good, bad]).toEqual([better === true, better === false]);
    expect(tones.some(([better]) => better === false)).toBe(true);
  });

  it('links the first use of stale, trigger, status and primary to the guide', () => {
    const terms = home().querySelectorAll('a.term').map((a) => a.getAttribute('href'));
    expect(terms).toEqual(expect.arrayContaining(['/guide/#trigger', '/guide/#rollup', '/guide/#primary', '/guide/#stale']));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('lists what needs action one line per metric, worst first, the action behind a disclosure, capped with a link to the rest', () => {
    const lines = home().querySelectorAll('[data-needs-action] [data-action-line]');
    const expected = actionLines(firedTriggerItems(example), example.derived);
    expect(expected.length).toBeGreaterThan(lines.length); // the example has more than the cap, so the cap is tested
    expect(lines.map((l) => l.getAttribute('data-metric'))).toEqual(expected.slice(0, lines.length).map((l) => l.metric.id));
    const rank = { red: 0, amber: 1, unknown: 2, green: 3 } as Record<string, number>;
    const ranks = lines.map((l) => rank[l.getAttribute('data-status')!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const [i, line] of lines.entries()) {
      const { metric, fired } = expected[i]!;
      expect(line.querySelector('.status')).not.toBeNull();
      expect(line.querySelector('a.action-line__name')?.getAttribute('href')).toBe(`/metrics/${metric.id}/`);
      expect(text(line.querySelector('[data-condition]'))).toMatch(/ (above|below) |over a/);
      expect(text(line.querySelector('[data-who]'))).toMatch(/ acts?$/);
      const details = line.querySelectorAll('details');
      expect(details).toHaveLength(1);
      const actions = details[0]!.querySelectorAll('[data-action]').map((a) => text(a));
      expect(actions).toHaveLength(fired.length);
      // Each action with why it fired; when several owners act on one line, each action names its own.
      for (const [j, f] of fired.entries()) {
        const who = expected[i]!.owners.length > 1 ? ` · ${example.catalog.owners.get(f.owner)!.data.name} acts` : '';
        expect(actions[j]).toBe(`${f.trigger.action} (${f.reason})${who}`);
      }
      // The action text is only inside the disclosure, not on the line.
      expect(text(line).replace(text(details[0]), '')).not.toContain(fired[0]!.trigger.action);
    }
    const more = home().querySelector('[data-more-actions] a');
    expect(text(more)).toBe(`And ${expected.length - lines.length} more metric${expected.length - lines.length === 1 ? '' : 's'} with a fired trigger`);
    expect(more?.getAttribute('href')).toBe('/health/#actions-heading');
    expect(readPage(exampleBuild.outDir, 'health').querySelectorAll('[data-action-line]')).toHaveLength(expected.length);
  });

  it('counts active metrics per status, each count linking to the metrics index filtered the way its filters read the URL', () => {
    const json = JSON.parse(readFileSync(join(exampleBuild.outDir, 'catalog.json'), 'utf8')) as { metrics: { id: string; status: string; stale: boolean }[] };
    const index = readPage(exampleBuild.outDir, 'metrics');
    const active = new Set([...example.catalog.metrics.values()].filter((m) => m.data.status === 'active').map((m) => m.id));
    const counts = home().querySelectorAll('[data-status-counts] [data-count]');
    expect(counts.map((c) => c.getAttribute('data-count'))).toEqual(['red', 'amber', 'green', 'unknown', 'stale']);
    for (const count of counts) {
      const status = count.getAttribute('data-count')!;
      const n = Number(text(count).split(' ')[0]);
      const fromJson = json.metrics.filter((m) => active.has(m.id) && (status === 'stale' ? m.stale : m.status === status)).length;
      expect(n, status).toBe(fromJson);
      // The filter script shows the rows whose data-f-status holds |<status>|.
      expect(index.querySelectorAll(`tr[data-f-status*="|${status}|"]`).length, status).toBe(n);
      if (n > 0) expect(count.getAttribute('href')).toBe(`/metrics/?status=${status}`);
      else expect(count.tagName).not.toBe('A');
    }
    expect(text(home().querySelector('[data-status-counts]'))).toMatch(/^\d+ active metrics: \d+ off target · \d+ watch · \d+ on target · \d+ no status · \d+ stale$/);
    expect(statusCounts(example.catalog, example.derived).active).toBe(active.size);
  });
});

describe('the overview of an imported catalog with placeholders, no values and no triggers', () => {
  const page = () => readPage(imported.outDir, '');

  it('shows no TODO(import) text, not even in the page description', () => {
    const html = readFileSync(join(imported.outDir, 'index.html'), 'utf8');
    expect(html).not.toContain('TODO(import)');
    expect(html).not.toContain('todo-import-');
  });

  it('shows no mission lead and names the unnamed owner as not named yet', () => {
    expect(page().querySelector('[data-mission] .lede')).toBeNull();
    expect(text(page().querySelector('[data-objective] .objective__meta'))).toContain('Owner: Not named yet');
  });

  it('titles an objective whose title is a placeholder as not written yet, without a link inside its link', () => {
    const titles = page().querySelectorAll('[data-objective] h3 a');
    expect(titles.map((a) => text(a)).sort()).toEqual(['Quality', 'Title not written yet']);
    expect(page().querySelectorAll('a a')).toHaveLength(0);
  });

  it('does not claim that nothing fired or that every metric is within its limits', () => {
    const body = text(page().querySelector('main'));
    expect(body).not.toMatch(/nothing fired|No trigger has fired|within the limits/i);
    expect(text(page().querySelector('[data-nothing-fired]'))).toBe('No metric has values yet, so nothing can be judged.');
  });

  it('still shows the tile, its row saying there are no values and no target', () => {
    const row = page().querySelector('[data-score-row]')!;
    expect(text(row)).toContain('No values yet');
    expect(text(row.querySelector('[data-target]'))).toBe('No target set');
    expect(row.querySelector('.status')?.getAttribute('data-status')).toBe('unknown');
  });
});

describe('what the overview says, in words', () => {
  const wait = (overrides: Files) => analyze({ ...validCatalog(), ...overrides });
  const metrics = (a: ReturnType<typeof analyze>) => [...a.catalog.metrics.values()];

  it('claims nothing fired only where metrics have both values and triggers', () => {
    const fine = analyze(validCatalog());
    expect(nothingFiredMessage(metrics(fine), fine.derived)).toBe(
      'No trigger has fired: the latest values of the 1 metric with triggers are within the limits their owners set; 1 other metric without a trigger or values is not judged.',
    );
    const noValues = wait({ 'data/wait-days.csv': 'date,value,note\n', 'data/open-slots.csv': 'date,value,note\n' });
    expect(nothingFiredMessage(metrics(noValues), noValues.derived)).toBe('No metric has values yet, so nothing can be judged.');
    const withoutTriggers = validCatalog();
    withoutTriggers['metrics/wait-days.yaml'] = withoutTriggers['metrics/wait-days.yaml']!.replace(/triggers:[\s\S]*$/, '');
    const noTriggers = analyze(withoutTriggers);
    expect(nothingFiredMessage(metrics(noTriggers), noTriggers.derived)).toBe('No trigger is defined yet: no owner has said at what value to act.');
    const triggerWithoutValues = wait({ 'data/wait-days.csv': 'date,value,note\n' });
    expect(nothingFiredMessage(metrics(triggerWithoutValues), triggerWithoutValues.derived)).toBe('No metric with a trigger has values yet, so no trigger can fire.');
    expect(nothingFiredMessage([], fine.derived)).toBe('No metric is active yet, so there is nothing to act on.');
  });

  it('says why a trigger fired in a few words, with a short unit only', () => {
    const fired = (when: object, reason = '') => ({ index: 0, owner: 'ops', reason, trigger: { when, action: 'Act.' } }) as never;
    expect(shortCondition(fired({ above: 125 }), 126.6, 'ED visits per 1,000 patients')).toBe('126.6 above 125');
    expect(shortCondition(fired({ below: 55 }), 54.1, 'percent')).toBe('54.1% below 55%');
    expect(shortCondition(fired({ change: '+10%', over: 'quarter' }, '+10.2% from 114.9 on 2026-06-30 to 126.6 on 2026-09-30'), 126.6, 'count')).toBe('+10.2% over a quarter (limit +10%)');
  });

  it('orders action lines worst first and groups a metric’s triggers on one line', () => {
    const lines = actionLines(firedTriggerItems(example), example.derived);
    expect(new Set(lines.map((l) => l.metric.id)).size).toBe(lines.length);
    expect(lines.some((l) => l.fired.length > 1)).toBe(true);
  });

  it('words a trend between percentages in percentage points', () => {
    expect(trendWords({ direction: 'up', better: false, change: 0.5, since: '2026-09-30' }, 'percent')).toBe('Up 0.5 percentage points since 2026-09-30, the worse way');
    expect(trendWords({ direction: 'flat', better: null, change: 0, since: '2026-09-30' }, 'days')).toBe('Unchanged since 2026-09-30');
  });

  it('heads a tile with primary metrics, or its first metrics when none is primary', () => {
    const fine = analyze(validCatalog());
    expect(headlineMetrics(fine.catalog, 'access').shown.map((m) => m.id)).toEqual(['wait-days']);
    const none = validCatalog();
    none['metrics/wait-days.yaml'] = none['metrics/wait-days.yaml']!.replace('primary: true\n', '');
    const a = analyze(none);
    expect(headlineMetrics(a.catalog, 'access').shown.map((m) => m.id).sort()).toEqual(['open-slots', 'wait-days']);
  });
});
