/**
 * The diagrams as built from the fixture catalog: every goal inside the cascade's SVG with no
 * script, accessible SVG (group, title, description), links to the right pages, escaped text, and
 * a leading metric's page showing the lagging metric it drives, in the diagram and the list.
 */
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { layoutCascade } from '../../src/diagrams/cascade.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
const { catalog } = analyzeCatalog(FIXTURE, '2026-11-23');
let build: BuildResult;

beforeAll(async () => {
  build = await sharedBuild(FIXTURE);
});

/** The text an SVG shows or gives as a tooltip: every <text> and <title> inside it. */
const svgText = (svg: HTMLElement) => [...svg.querySelectorAll('text'), ...svg.querySelectorAll('title')].map((t) => t.textContent).join(' ');

function expectAccessible(svg: HTMLElement | null, id: string) {
  expect(svg, id).not.toBeNull();
  expect(svg!.getAttribute('role')).toBe('group');
  const title = svg!.querySelector(`title#${svg!.getAttribute('aria-labelledby')}`);
  const desc = svg!.querySelector(`desc#${svg!.getAttribute('aria-describedby')}`);
  expect(text(title), id).not.toBe('');
  expect(text(desc), id).not.toBe('');
  expect(svg!.closest('[data-pagefind-ignore]'), id).not.toBeNull();
}

describe('the cascade page', () => {
  let page: HTMLElement;
  let svg: HTMLElement;
  beforeAll(() => {
    expect(build.status).toBe(0);
    page = readPage(build.outDir, 'cascade');
    svg = page.querySelector('cascade-diagram svg')!;
  });

  it('draws every goal of the catalog inside the SVG, with its title as text', () => {
    const shown = svgText(svg);
    for (const goal of catalog.goals.values()) expect(shown, goal.id).toContain(goal.data.title.slice(0, 12));
    // Whole titles: drawn on wrapped lines, joined back they read as written.
    const titles = svg.querySelectorAll('a').map((a) => a.querySelectorAll('text:not([class])').map((t) => t.textContent.trim()).join(' '));
    for (const goal of catalog.goals.values()) {
      const full = svg.querySelectorAll('a title').map((t) => t.textContent);
      expect(titles.includes(goal.data.title) || full.some((t) => t.startsWith(goal.data.title)), goal.id).toBe(true);
    }
  });

  it('is an accessible group with a title and a description, kept out of the search index', () => {
    expectAccessible(svg, 'cascade');
    expect(svg.getAttribute('role')).not.toBe('img');
  });

  it('links every box to its goal page, one box per goal', () => {
    const hrefs = svg.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs.sort()).toEqual([...catalog.goals.keys()].map((id) => `/goals/${id}/`).sort());
  });

  it('nests subtrees, shows everything (nothing hidden or collapsed in the HTML) and keeps the controls hidden', () => {
    expect(svg.querySelectorAll('g.z > g > g a').map((a) => a.getAttribute('href'))).toContain('/goals/dispatch-gaps/');
    expect(svg.querySelectorAll('.off, [hidden]')).toHaveLength(0);
    expect(page.querySelector('[data-tools]')!.hasAttribute('hidden')).toBe(true);
  });

  it('writes on each box’s group the column and height its script lays the tree out from', () => {
    const diagram = layoutCascade(catalog);
    for (const node of diagram.nodes) {
      const group = svg.querySelector(`a[href="/goals/${node.entry}/"]`)!.parentNode!;
      expect(group.tagName, node.id).toBe('G');
      expect(group.getAttribute('data-rank'), node.id).toBe(String(node.depth));
      expect(group.getAttribute('data-height'), node.id).toBe(group.querySelector(':scope > a > rect')!.getAttribute('height'));
    }
    // Goal pages draw the same boxes with no script, so they carry none of it.
    expect(readPage(build.outDir, 'goals/reliable-service').querySelectorAll('[data-diagram="subtree"] [data-rank], [data-diagram="subtree"] [data-height]')).toHaveLength(0);
  });

  it('keeps catalog text as text inside the SVG', () => {
    expect(svg.querySelectorAll('script')).toHaveLength(0);
    expect(svgText(svg)).toContain('<script>document.title="pwned"</script>'.slice(0, 12));
  });

  it('has the cascade as a nested list beside it', () => {
    const list = page.querySelector('[data-cascade-list]')!;
    expect(list.querySelectorAll('a').map(text).sort()).toEqual([...catalog.goals.values()].map((g) => g.data.title).sort());
    expect(list.querySelectorAll('ul ul ul a').map(text)).toContain('Dispatch <script>document.title="pwned"</script> closes gaps fast');
  });

  it('loads its script, and no page with only static diagrams loads it (they load only the small frame script)', () => {
    const scripts = page.querySelectorAll('script[type="module"][src]').map((s) => s.getAttribute('src'));
    expect(scripts).toHaveLength(1);
    for (const path of ['strategy-map', 'metrics/headway-gaps', 'goals/reliable-service', 'goals']) {
      const other = readPage(build.outDir, path);
      expect(other.querySelectorAll('script').map((s) => s.getAttribute('src')), path).not.toContain(scripts[0]);
      expect(other.querySelector('cascade-diagram'), path).toBeNull();
    }
    // The header search's small inline script, which every page has, and the diagram frame's
    // (scroll hint and Fit button), which carries no catalog data.
    const own = readPage(build.outDir, 'strategy-map').querySelectorAll('script').filter((s) => !s.textContent.includes('plumbline-search'));
    expect(own.length, 'strategy-map').toBeLessThanOrEqual(1);
    for (const script of own) expect(script.textContent + (script.getAttribute('src') ?? '')).not.toMatch(/Finances|strategy|metrics\//i);
  });
});

describe('a metric page', () => {
  it('draws its trace from the metric up to the mission, beside the trace lists', () => {
    const page = readPage(build.outDir, 'metrics/headway-gaps');
    const svg = page.querySelector('[data-diagram="trace"] svg');
    expectAccessible(svg, 'trace');
    expect(svg!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/goals/move-the-city/', '/goals/reliable-service/', '/goals/on-time-buses/', '/goals/dispatch-gaps/']);
    expect(svgText(svg!)).toContain('Headway gaps');
    expect(page.querySelectorAll('[data-trace]')).toHaveLength(1);
  });

  it('of a leading metric shows the lagging metric it drives, in the driver diagram and the list', () => {
    const page = readPage(build.outDir, 'metrics/headway-gaps');
    const svg = page.querySelector('[data-diagram="drivers"] svg');
    expectAccessible(svg, 'drivers');
    const driven = svg!.querySelector('a[href="/metrics/on-time-performance/"]');
    expect(driven).not.toBeNull();
    expect(driven!.getAttribute('data-hop')).toBe('1');
    expect(svgText(driven!)).toContain('Lagging');
    expect(svgText(driven!)).toContain('On-time performance');
    expect(svg!.querySelectorAll(':scope > path')).toHaveLength(1);
    expect(page.querySelector('[data-driver-list] a[href="/metrics/on-time-performance/"]')).not.toBeNull();
  });

  it('of a lagging metric shows the leading metric that drives it', () => {
    const svg = readPage(build.outDir, 'metrics/on-time-performance').querySelector('[data-diagram="drivers"] svg')!;
    expect(svg.querySelector('a[href="/metrics/headway-gaps/"]')!.getAttribute('data-hop')).toBe('-1');
  });

  it('has no driver diagram when nothing drives it and it drives nothing', () => {
    expect(readPage(build.outDir, 'metrics/paper-ticket-sales').querySelector('[data-diagram="drivers"]')).toBeNull();
  });
});

describe('a goal page', () => {
  it('draws its subtree with its metrics, the goal itself marked as this page', () => {
    const page = readPage(build.outDir, 'goals/reliable-service');
    const svg = page.querySelector('[data-diagram="subtree"] svg');
    expectAccessible(svg, 'subtree');
    const hrefs = svg!.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/goals/reliable-service/', '/metrics/on-time-performance/', '/goals/on-time-buses/', '/goals/dispatch-gaps/', '/metrics/headway-gaps/']);
    expect(svg!.querySelector('a[aria-current="page"]')!.getAttribute('href')).toBe('/goals/reliable-service/');
    expect(page.querySelectorAll('[data-subtree-list] a')).toHaveLength(5);
  });

  it('draws no diagram for a goal with nothing under it', () => {
    expect(readPage(build.outDir, 'goals/old-fare-goal').querySelector('[data-diagram="subtree"]')).toBeNull();
  });
});

describe('the strategy map', () => {
  it('draws the objectives in the configured perspective bands', () => {
    const page = readPage(build.outDir, 'strategy-map');
    const svg = page.querySelector('[data-diagram="strategy"] svg');
    expectAccessible(svg, 'strategy');
    expect(svg!.querySelectorAll('[data-band]').map((b) => b.getAttribute('data-band'))).toEqual(['financial', 'customer', 'internal-process', 'learning-growth']);
    expect(svg!.querySelector('[data-band="customer"]')!.parentNode).not.toBeNull();
    // Retired objectives are not part of the strategy.
    expect(svg!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/goals/reliable-service/']);
  });
});

describe('the header', () => {
  it('links the cascade and the strategy map', () => {
    const nav = readPage(build.outDir, '').querySelectorAll('.site-nav a').map((a) => a.getAttribute('href'));
    expect(nav).toEqual(expect.arrayContaining(['/cascade/', '/strategy-map/']));
    expect(readPage(build.outDir, 'cascade').querySelector('.site-nav a[aria-current="page"]')!.getAttribute('href')).toBe('/cascade/');
  });
});

const STATUS_WORD = { green: 'On target', amber: 'Watch', red: 'Off target', unknown: 'No status' } as const;

/** Every box (link or group drawn with NodeBox) in `svg` carries one status class, data-status and the status word. */
function expectStatusOnEveryBox(svg: HTMLElement, label: string) {
  const boxes = svg.querySelectorAll('a, g').filter((el) => el.querySelector(':scope > text.c') !== null);
  expect(boxes.length, label).toBeGreaterThan(0);
  for (const box of boxes) {
    const status = box.getAttribute('data-status') as keyof typeof STATUS_WORD;
    expect(Object.keys(STATUS_WORD), `${label}: ${box.getAttribute('href')}`).toContain(status);
    expect(box.classList.contains(`dg-status--${status}`), `${label}: ${box.getAttribute('href')}`).toBe(true);
    expect(text(box.querySelector(':scope > text.c > tspan.st')), label).toMatch(new RegExp(`^${STATUS_WORD[status]}`));
  }
  return boxes;
}

describe('status on every diagram', () => {
  it('gives every cascade box its goal’s rolled-up status as a class, an attribute and words', () => {
    const svg = readPage(build.outDir, 'cascade').querySelector('cascade-diagram svg')!;
    const boxes = expectStatusOnEveryBox(svg, 'cascade');
    expect(boxes).toHaveLength(catalog.goals.size);
  });

  it('gives every strategy-map objective and each of its metric rows a status', () => {
    const svg = readPage(build.outDir, 'strategy-map').querySelector('[data-diagram="strategy"] svg')!;
    expectStatusOnEveryBox(svg, 'strategy map');
    for (const row of svg.querySelectorAll('g.r')) expect(Object.keys(STATUS_WORD)).toContain(row.getAttribute('data-status'));
  });

  it('gives every box of the subtree, trace and driver diagrams a status, and metrics a leading/lagging stripe', () => {
    const goal = readPage(build.outDir, 'goals/reliable-service').querySelector('[data-diagram="subtree"] svg')!;
    const boxes = expectStatusOnEveryBox(goal, 'subtree');
    for (const box of boxes.filter((b) => b.getAttribute('href')?.startsWith('/metrics/'))) {
      expect(box.querySelector(':scope > rect.ll'), box.getAttribute('href')!).not.toBeNull();
      expect(box.classList.contains('lead') || box.classList.contains('lag')).toBe(true);
    }
    const metric = readPage(build.outDir, 'metrics/headway-gaps');
    expectStatusOnEveryBox(metric.querySelector('[data-diagram="trace"] svg')!, 'trace');
    expectStatusOnEveryBox(metric.querySelector('[data-diagram="drivers"] svg')!, 'drivers');
  });

  it('shows a key with each diagram, and the goals page a status chip on every goal', () => {
    for (const path of ['cascade', 'strategy-map', 'goals/reliable-service', 'goals']) {
      const legend = readPage(build.outDir, path).querySelector('[data-legend]');
      expect(legend, path).not.toBeNull();
      for (const word of Object.values(STATUS_WORD)) expect(text(legend), path).toContain(word);
    }
    expect(text(readPage(build.outDir, 'metrics/headway-gaps').querySelector('[data-diagram="drivers"] [data-legend]'))).toMatch(/Leading.*Lagging/);
    const goals = readPage(build.outDir, 'goals').querySelectorAll('[data-goal-tree] li');
    expect(goals).toHaveLength(catalog.goals.size);
    for (const li of goals) expect(li.querySelector(':scope > .dg-chip[data-status]'), text(li)).not.toBeNull();
  });

  it('lists each driver with its status and owner inside the driver diagram', () => {
    const list = readPage(build.outDir, 'metrics/headway-gaps').querySelector('[data-diagram="drivers"] [data-driver-list]')!;
    expect(text(list.querySelector('summary'))).toBe('What drives it and what it drives, as a list');
    const item = list.querySelector('li')!;
    expect(item.querySelector('[data-status]')).not.toBeNull();
    expect(text(item)).toMatch(/owner: \S/);
  });
});

describe('diagram frames', () => {
  it('are named, focusable regions, with a Fit button and scroll hint left for the script to show', () => {
    for (const path of ['cascade', 'strategy-map', 'goals/reliable-service', 'metrics/headway-gaps']) {
      const frames = readPage(build.outDir, path).querySelectorAll('[data-frame]');
      expect(frames.length, path).toBeGreaterThan(0);
      for (const frame of frames) {
        expect(frame.getAttribute('role'), path).toBe('region');
        expect(frame.getAttribute('tabindex'), path).toBe('0');
        expect(frame.getAttribute('aria-label'), path).toMatch(/\S/);
        const bar = frame.parentNode!.querySelector('[data-frame-bar]')!;
        expect(bar.hasAttribute('hidden'), path).toBe(true);
        expect(bar.querySelector('button[data-fit]')!.getAttribute('aria-controls')).toBe(frame.getAttribute('id'));
      }
    }
  });

  it('give the cascade’s find form a name of its own beside the header search', () => {
    const forms = readPage(build.outDir, 'cascade').querySelectorAll('[role="search"], search');
    const names = forms.map((f) => f.getAttribute('aria-label') ?? f.getAttribute('aria-labelledby') ?? '');
    expect(names).toContain('Find in the cascade');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the example catalog’s diagrams', () => {
  let example: BuildResult;
  const TODAY = '2026-11-23';
  const { catalog: exampleCatalog } = analyzeCatalog(PROJECT_ROOT, TODAY);
  beforeAll(async () => {
    example = await sharedBuild(PROJECT_ROOT, TODAY);
    expect(example.status).toBe(0);
  });

  it('say how many metrics sit under the mission (all of them), not "0 metrics"', () => {
    const svg = readPage(example.outDir, 'cascade').querySelector('cascade-diagram svg')!;
    const mission = svg.querySelector(`a[href="/goals/${exampleCatalog.roots[0]}/"]`)!;
    const byline = mission.querySelectorAll(':scope > text.b').map(text).join(' ');
    const active = [...exampleCatalog.metrics.values()].filter((m) => (m.data.supports ?? []).length > 0).length;
    expect(byline).toMatch(new RegExp(`^${active} metrics`));
    expect(active).toBeGreaterThan(0);
  });

  it('never cut an owner’s name with "…" where the full name fits two lines', () => {
    for (const path of ['cascade', 'strategy-map', ...[...exampleCatalog.goals.keys()].slice(0, 8).map((id) => `goals/${id}`)]) {
      for (const svg of readPage(example.outDir, path).querySelectorAll('figure.dg svg')) {
        for (const line of svg.querySelectorAll('text.b')) expect(text(line), path).not.toMatch(/…$/);
      }
    }
  });
});
