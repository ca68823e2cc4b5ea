/**
 * Observed values on the built fixture, checked against numbers worked out by hand from its
 * thresholds, direction, cadence and CSV files, as of 2026-11-23.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/shared-build.ts';
import { PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

let build: BuildResult;
let json: { metrics: Record<string, unknown>[]; goals: Record<string, unknown>[] };
const metric = (id: string) => json.metrics.find((m) => m.id === id)!;

beforeAll(async () => {
  build = await sharedBuild(join(PROJECT_ROOT, 'test/fixtures/site-catalog'));
  json = JSON.parse(readFileSync(join(build.outDir, 'catalog.json'), 'utf8'));
});

describe('values, as of 2026-11-23', () => {
  it('on-time performance: 86.0 ≥ green 85 is green, fresh until 2026-11-26, up 1.9 the better way, on track', () => {
    // Path from the first value (82.5 on 11-02) to 88 on 12-31: expected on 11-16 is 82.5 + 5.5 × 14/59 = 83.8.
    expect(metric('on-time-performance')).toMatchObject({
      status: 'green',
      stale: false,
      latest: { date: '2026-11-16', value: 86 },
      trend: { direction: 'up', better: true, change: 1.9, since: '2026-11-09' },
      progress: 'on-track',
      firedTriggers: [],
    });
    const page = readPage(build.outDir, 'metrics/on-time-performance');
    expect(page.querySelector('[data-metric-summary] [data-status]')!.getAttribute('data-status')).toBe('green');
    expect(text(page.querySelector('[data-latest]'))).toBe('86%');
    expect(page.querySelector('[data-stale-note]')).toBeNull();
  });

  it('headway gaps: 91 > red 80 is red, and stale since 2026-11-05 (weekly: 7 days + 3 of grace)', () => {
    expect(metric('headway-gaps')).toMatchObject({ status: 'red', stale: true, latest: { date: '2026-10-26', value: 91 }, trend: { direction: 'up', better: false, change: 7 } });
    const page = readPage(build.outDir, 'metrics/headway-gaps');
    expect(page.querySelector('[data-metric-summary] [data-status]')!.getAttribute('data-status')).toBe('red');
    expect(page.querySelector('[data-stale]')).not.toBeNull();
    expect(text(page.querySelector('[data-stale-note]'))).toContain('fresh until 2026-11-05');
  });

  it('a retired metric without values has no status', () => {
    expect(metric('paper-ticket-sales')).toMatchObject({ status: 'unknown', stale: false, latest: null, trend: null });
  });

  it('draws a chart with a row per value in its table on pages with values, none without', () => {
    const page = readPage(build.outDir, 'metrics/headway-gaps');
    const svg = page.querySelector('[data-trend-chart] svg')!;
    expect(svg.getAttribute('role')).toBe('group');
    expect(text(svg.querySelector('title'))).toBe('Headway gaps <script>alert(1)</script> over time');
    expect(svg.querySelectorAll('circle.dot')).toHaveLength(5); // four values and the latest marked again
    expect(svg.querySelectorAll('rect.band').map((r) => r.getAttribute('class'))).toEqual(['band band--green', 'band band--amber', 'band band--red']);
    expect(page.querySelectorAll('[data-values-table] tbody tr').map((r) => text(r.querySelector('td')))).toEqual(['2026-10-26', '2026-10-19', '2026-10-12', '2026-10-05']);
    expect(readPage(build.outDir, 'metrics/paper-ticket-sales').querySelector('[data-trend-chart]')).toBeNull();
  });

  it('rolls goal statuses up: the red team goal makes its department red; the mission averages', () => {
    const goal = (id: string) => json.goals.find((g) => g.id === id)!.rolledUpStatus;
    expect(goal('dispatch-gaps')).toBe('red');
    expect(goal('on-time-buses')).toBe('red');
    // reliable-service: on-time-performance (primary, green: weight 2) + on-time-buses (red: 1) → 2/3 → amber.
    expect(goal('reliable-service')).toBe('amber');
    expect(readPage(build.outDir, 'goals/reliable-service').querySelector('[data-goal-status] [data-status]')!.getAttribute('data-status')).toBe('amber');
  });

  it('shows sparklines and statuses in the metrics index', () => {
    const row = readPage(build.outDir, 'metrics').querySelector('[data-metric="headway-gaps"]')!;
    expect(row.querySelector('[data-status]')!.getAttribute('data-status')).toBe('red');
    expect(row.querySelector('svg.sparkline path')).not.toBeNull();
  });

  it('counts statuses and lists stale metrics by owner on /health/', () => {
    const health = readPage(build.outDir, 'health');
    expect(health.querySelectorAll('[data-count]').map((c) => `${c.getAttribute('data-count')} ${text(c.querySelector('strong'))}`)).toEqual(['green 1', 'amber 0', 'red 1', 'unknown 0']);
    expect(text(health.querySelector('[data-stale-owners]'))).toContain('Lee Chen: Headway gaps');
    expect(health.querySelector('details[data-rule="stale-data"]')).not.toBeNull();
  });
});
