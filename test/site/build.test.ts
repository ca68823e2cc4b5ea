/** The fixture catalog built through Astro: every page exists, traces are right, text is escaped. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, PLUMBLINE_VERSION } from '../../src/core/version.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, htmlFiles, pageExists, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
let build: BuildResult;

beforeAll(async () => {
  build = await sharedBuild(FIXTURE);
});

describe('building a catalog', () => {
  it('succeeds, and reports warnings without failing', () => {
    expect(build.stderr + build.stdout).toContain('metrics/headway-gaps.yaml:12:10 warning stale-data');
    expect(build.status).toBe(0);
  });

  it('writes a page for every goal, metric, owner and initiative, and the indexes', () => {
    const pages = [
      '',
      'goals',
      'metrics',
      'owners',
      'initiatives',
      'health',
      'cascade',
      'strategy-map',
      'changes',
      'propose',
      'report',
      'guide',
      'search',
      ...['move-the-city', 'reliable-service', 'on-time-buses', 'dispatch-gaps', 'old-fare-goal'].map((id) => `goals/${id}`),
      ...['on-time-performance', 'headway-gaps', 'paper-ticket-sales'].map((id) => `metrics/${id}`),
      ...['operations', 'service-planning', 'lee-chen'].map((id) => `owners/${id}`),
      'initiatives/bus-lanes',
    ];
    expect(pages.filter((p) => !pageExists(build.outDir, p))).toEqual([]);
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
    expect(htmlFiles(build.outDir)).toHaveLength(pages.length + 1);
  });

  it('heads a metric page with its why sentence and traces it through every goal to the mission', () => {
    const page = readPage(build.outDir, 'metrics/headway-gaps');
    expect(text(page.querySelector('[data-why]'))).toBe('This metric matters because gaps are the first sign that buses will bunch and run late.');
    const traces = page.querySelectorAll('[data-trace]');
    expect(traces).toHaveLength(1);
    // In the trace diagram's reading order: the mission first, the metric last.
    expect(traces[0]!.querySelectorAll('li').map((li) => text(li.querySelector('a') ?? li.querySelector('strong')))).toEqual([
      'Move the city',
      'Reliable service riders can plan around',
      'Buses keep to the timetable',
      'Dispatch <script>document.title="pwned"</script> closes gaps fast',
      'Headway gaps <script>alert(1)</script>',
    ]);
    expect(traces[0]!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/goals/move-the-city/', '/goals/reliable-service/', '/goals/on-time-buses/', '/goals/dispatch-gaps/']);
  });

  it('shows the definition, drivers, initiatives, owner and a propose-a-change link', () => {
    const page = readPage(build.outDir, 'metrics/on-time-performance');
    const body = text(page);
    expect(body).toContain('on-time departures / all timepoint departures * 100');
    expect(body).toContain('Green: at or above 85%');
    expect(body).toContain('Red: below 75%');
    expect(body).toContain('88% by 2026-12-31');
    const trigger = page.querySelectorAll('[data-triggers] tbody td').map(text);
    expect(trigger).toEqual(['falls below 75%', 'Add supervisors on the three worst routes.', 'Service <b>planning</b>']);
    expect(text(page.querySelector('[data-driver-list]'))).toContain('Headway gaps <script>alert(1)</script>');
    expect(text(page)).toContain('Red bus lanes on Harbor Street');
    expect(page.querySelector('[data-propose]')!.getAttribute('href')).toBe('https://github.com/harbor/metrics/edit/trunk/metrics/on-time-performance.mdx');
    expect(page.querySelector('a[href="https://reports.harbor.example.org/otp"]')).not.toBeNull();
  });

  it('renders the MDX narrative of a metric', () => {
    const narrative = readPage(build.outDir, 'metrics/on-time-performance').querySelector('[data-narrative]');
    expect(text(narrative?.querySelector('h2'))).toBe('How we count');
    expect(text(narrative)).toContain('a rider who arrives on time misses an early bus');
  });

  it('says a retired metric is retired and links its replacement', () => {
    const notice = readPage(build.outDir, 'metrics/paper-ticket-sales').querySelector('[data-retired]');
    expect(text(notice)).toContain('Retired on 2026-06-30. Paper tickets were withdrawn.');
    expect(notice!.querySelector('a')!.getAttribute('href')).toBe('/metrics/on-time-performance/');
  });

  it('gives a goal its breadcrumb to the mission, its children and its metrics', () => {
    const page = readPage(build.outDir, 'goals/on-time-buses');
    expect(page.querySelectorAll('[data-breadcrumb] a').map(text)).toEqual(['Goals', 'Move the city', 'Reliable service riders can plan around']);
    expect(text(page.querySelector('[data-children]'))).toContain('Dispatch <script>');
    const reliable = readPage(build.outDir, 'goals/reliable-service');
    expect(text(reliable.querySelector('[data-goal-metrics]'))).toContain('On-time performance');
  });

  it('lists an owner’s metrics, goals, initiatives, members and the actions they take', () => {
    const page = text(readPage(build.outDir, 'owners/service-planning'));
    expect(page).toContain('Lee Chen');
    expect(page).toContain('Red bus lanes on Harbor Street');
    expect(page).toContain('When On-time performance falls below 75%: Add supervisors on the three worst routes.');
  });

  it('escapes catalog text everywhere: no script or markup from YAML reaches a page', () => {
    // Parsed as a browser would: catalog text must never become an element.
    for (const file of htmlFiles(build.outDir)) {
      const dom = parse(readFileSync(join(build.outDir, file), 'utf8'));
      expect(dom.querySelectorAll('script').map((s) => s.textContent).filter((t) => /alert|pwned/.test(t)), file).toEqual([]);
      expect(dom.querySelectorAll('b'), file).toEqual([]);
    }
    expect(readFileSync(join(build.outDir, 'metrics/headway-gaps/index.html'), 'utf8')).toContain('Headway gaps &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists every metric in the metrics table with owner, indicator and goals', () => {
    const rows = readPage(build.outDir, 'metrics').querySelectorAll('[data-metric]');
    expect(rows.map((r) => r.getAttribute('data-metric')).sort()).toEqual(['headway-gaps', 'on-time-performance', 'paper-ticket-sales']);
    const headway = rows.find((r) => r.getAttribute('data-metric') === 'headway-gaps')!;
    expect(headway.querySelectorAll('td').map(text)).toEqual(['Headway gaps <script>alert(1)</script>', 'Off targetStale', '91', 'Lee Chen', 'leading', 'Dispatch <script>document.title="pwned"</script> closes gaps fast', '—']);
  });

  it('publishes catalog.json with every entry and its links both ways', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'catalog.json'), 'utf8'));
    expect(json.asOf).toBe('2026-11-23');
    expect(json.metrics.map((m: { id: string }) => m.id).sort()).toEqual(['headway-gaps', 'on-time-performance', 'paper-ticket-sales']);
    const otp = json.metrics.find((m: { id: string }) => m.id === 'on-time-performance');
    expect(otp).toMatchObject({ drivenBy: ['headway-gaps'], guardrailFor: ['headway-gaps'], movedBy: ['bus-lanes'], replaces: ['paper-ticket-sales'], file: 'metrics/on-time-performance.mdx' });
    expect(otp.observations).toHaveLength(3);
    const team = json.goals.find((g: { id: string }) => g.id === 'dispatch-gaps');
    expect(team).toMatchObject({ parent: 'on-time-buses', ancestors: ['on-time-buses', 'reliable-service', 'move-the-city'], metrics: ['headway-gaps'] });
    expect(json.owners.find((o: { id: string }) => o.id === 'operations').members).toEqual(['service-planning']);
  });

  it('says which Plumbline and catalog format published it, in every footer and in catalog.json', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'catalog.json'), 'utf8'));
    expect(json).toMatchObject({ plumbline: PLUMBLINE_VERSION, format: FORMAT_VERSION });
    for (const file of htmlFiles(build.outDir)) {
      const footer = parse(readFileSync(join(build.outDir, file), 'utf8')).querySelector('footer');
      expect(text(footer), file).toContain(`Published with Plumbline ${PLUMBLINE_VERSION} · catalog format ${FORMAT_VERSION}`);
    }
  });

  it('builds the same bytes twice for the same input and date', () => {
    const again = buildSite(FIXTURE);
    try {
      expect(again.status).toBe(0);
      for (const file of [...htmlFiles(build.outDir), 'catalog.json']) {
        expect(readFileSync(join(again.outDir, file), 'utf8'), file).toBe(readFileSync(join(build.outDir, file), 'utf8'));
      }
    } finally {
      rmSync(again.outDir, { recursive: true, force: true });
    }
  });
});
