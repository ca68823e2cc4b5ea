/**
 * The metric page answers first and says each fact once: on the example catalog (its longest page)
 * and on a copy of the site fixture with a retired metric that has values and an imported metric
 * whose text is still the importer's placeholders.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

let example: BuildResult;
let small: BuildResult;
let catalogDir: string;

const PLACEHOLDER = `name: Imported count
description: "TODO(import): the source gives no description."
why: "TODO(import): the source does not say why this matters."
supports: [dispatch-gaps]
indicator: lagging
owner: operations
unit: count
direction: up
formula: "TODO(import): the source gives no formula."
source: { system: "TODO(import): the source names no system." }
cadence: monthly
tags: [imported, todo-import-indicator, todo-import-cadence]
`;

beforeAll(async () => {
  catalogDir = mkdtempSync(join(tmpdir(), 'plumbline-metric-page-'));
  cpSync(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), catalogDir, { recursive: true });
  // The retired metric kept its values up to its retirement.
  writeFileSync(join(catalogDir, 'data/paper-ticket-sales.csv'), 'date,value,note\n2026-04-30,1200,\n2026-05-31,900,\n2026-06-30,640,\n');
  writeFileSync(join(catalogDir, 'metrics/imported-count.yaml'), PLACEHOLDER);
  // One after the other: buildSite blocks this process, and sharedBuild's build needs it running.
  example = await sharedBuild(PROJECT_ROOT);
  small = buildSite(catalogDir);
  expect(example.status).toBe(0);
  expect(small.status, small.stderr).toBe(0);
});
afterAll(() => {
  if (catalogDir) rmSync(catalogDir, { recursive: true, force: true });
  if (small) rmSync(small.outDir, { recursive: true, force: true });
});

/** Does `a` come before `b` in the document? */
const before = (root: HTMLElement, a: HTMLElement, b: HTMLElement) => {
  const all = root.querySelectorAll('*');
  return all.indexOf(a) < all.indexOf(b);
};

describe('the example’s longest metric page', () => {
  const page = () => readPage(example.outDir, 'metrics/hypertension-control-rate');

  it('holds status, latest value against the target, trend, owner and the propose link in a summary before the first section', () => {
    const p = page();
    const summary = p.querySelector('[data-metric-summary]')!;
    expect(summary.querySelector('[data-status]')!.getAttribute('data-status')).toBe('amber');
    expect(text(summary.querySelector('[data-status]'))).toBe('Watch');
    expect(text(summary.querySelector('[data-latest]'))).toBe('67%');
    expect(text(summary.querySelector('[data-target]'))).toBe('Target 72% by 2027-06-30 · behind the target path');
    expect(text(summary.querySelector('[data-trend]'))).toBe('↑ up 0.6 percentage points since 2026-09-30, the better way');
    expect(summary.querySelector('[data-owner] a')!.getAttribute('href')).toBe('/owners/primary-care/');
    expect(text(summary)).toContain('Monthly');
    expect(text(summary)).toContain('Due by 2026-12-15');
    expect(summary.querySelector('[data-propose]')!.getAttribute('href')).toMatch(/\/edit\/.+\/metrics\/care-quality\/hypertension-control-rate\.yaml$/);
    expect(before(p, summary, p.querySelector('h2')!)).toBe(true);
    expect(p.querySelectorAll('[data-propose]')).toHaveLength(1);
  });

  it('links the first use of percentage points, statuses and the target path to the guide', () => {
    const terms = page().querySelectorAll('a.term').map((a) => a.getAttribute('href'));
    for (const id of ['percentage-point', 'watch', 'target-path', 'lagging', 'tier', 'primary', 'trigger', 'guardrail', 'correlation']) expect(terms).toContain(`/guide/#${id}`);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('shows the drivers once, in the driver diagram, and says how closely they move in words', () => {
    const p = page();
    expect(p.querySelectorAll('[data-diagram="drivers"]')).toHaveLength(1);
    expect(p.querySelector('[data-driven-by]')).toBeNull();
    expect(p.querySelector('[data-drives]')).toBeNull();
    const words = p.querySelectorAll('[data-lead-lag] li').map(text);
    expect(words).toContain('Moves with Elevated blood pressure rechecked about 2 months later: strong, over 11 months of data. (r = 0.955 at a lag of 2)');
    expect(words).toContain('Moves together with Uncontrolled blood pressure followed up within 30 days in the same month: strong, over 16 months of data. (r = 0.989 at a lag of 0)');
    expect(text(p)).not.toMatch(/Led by|monthly periods/);
  });

  it('on the leading metric’s page, says it moves earlier', () => {
    const words = readPage(example.outDir, 'metrics/bp-recheck-completion-rate').querySelectorAll('[data-lead-lag] li').map(text);
    expect(words.join('\n')).toContain('Moves with Hypertension control about 2 months earlier: strong');
  });

  it('lists one trace per goal it supports, in the diagram’s order (the mission first, the metric last), inside the diagram’s list', () => {
    const traces = page().querySelectorAll('[data-trace-list] [data-trace]');
    expect(traces).toHaveLength(2);
    for (const trace of traces) {
      expect(text(trace.querySelector('li'))).toMatch(/^Healthier communities/);
      expect(text(trace.querySelectorAll('li').at(-1))).toBe('Hypertension control · this metric');
    }
  });

  it('has contents that link to every section, each heading with its id', () => {
    const p = page();
    const links = p.querySelectorAll('[data-on-this-page] a').map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) expect(p.querySelector(link), link).not.toBeNull();
    expect(links).toEqual(p.querySelectorAll('main h2[id]').filter((h) => links.includes(`#${h.id}`)).map((h) => `#${h.id}`));
  });

  it('lists the narrative’s own sections in the contents, in reading order, each linked to its heading', () => {
    const p = readPage(example.outDir, 'metrics/patients-seen-within-7-days');
    const narrative = p.querySelectorAll('[data-narrative] h2');
    expect(narrative.length).toBeGreaterThan(0);
    const links = p.querySelectorAll('[data-on-this-page] a').map((a) => [a.getAttribute('href'), text(a)]);
    const own = narrative.map((h) => [`#${h.id}`, text(h)]);
    expect(links.filter(([href]) => own.some(([id]) => id === href))).toEqual(own);
    // Before History, where the narrative stands on the page.
    expect(links.at(-1)![0]).toBe('#history-heading');
    for (const [href] of own) expect(href).toMatch(/^#user-content-narrative-/);
  });

  it('words a relative-change trigger as relative', () => {
    const conditions = page().querySelectorAll('[data-triggers] tbody tr td:first-child').map(text);
    expect(conditions).toEqual(['falls below 60%', 'falls by 3% or more of its value over a month (a relative change)']);
  });

  it('leaves out sections with nothing in them', () => {
    // Avoidable ED use: no initiative moves it.
    const p = readPage(example.outDir, 'metrics/avoidable-ed-use-per-1000');
    expect(p.querySelector('#initiatives-heading')).toBeNull();
    expect(text(p)).not.toContain('No initiative is moving it');
  });
});

describe('a retired metric with values', () => {
  const page = () => readPage(small.outDir, 'metrics/paper-ticket-sales');

  it('speaks in the past tense and shows its last value, its chart and its history', () => {
    const p = page();
    expect(text(p.querySelector('[data-why]'))).toBe('This metric mattered because it showed how many riders still needed paper.');
    expect(text(p)).not.toContain('matters because');
    const summary = p.querySelector('[data-metric-summary]')!;
    expect(text(summary.querySelector('[data-status]'))).toBe('Retired on 2026-06-30');
    expect(text(summary.querySelector('[data-latest]'))).toBe('640');
    expect(text(summary)).toContain('last, on 2026-06-30');
    expect(text(summary)).not.toMatch(/Next value|Next review/);
    expect(text(p.querySelector('#state-heading'))).toBe('How it went');
    expect(p.querySelectorAll('[data-values-table] tbody tr')).toHaveLength(3);
    expect(p.querySelector('[data-history]')).not.toBeNull();
  });

  it('has no empty driver, initiative or trace sections', () => {
    const p = page();
    for (const id of ['drivers-heading', 'initiatives-heading', 'trace-heading', 'triggers-heading']) expect(p.querySelector(`#${id}`), id).toBeNull();
    expect(text(p)).not.toMatch(/No leading metric|drives no metric|No initiative/);
  });
});

describe('an imported metric whose text is still placeholders', () => {
  const html = () => readFileSync(join(small.outDir, 'metrics/imported-count/index.html'), 'utf8');
  const page = () => readPage(small.outDir, 'metrics/imported-count');

  it('shows no TODO(import) text, no headline and no todo-import tag', () => {
    expect(html()).not.toContain('TODO(import)');
    expect(html()).not.toContain('todo-import');
    expect(page().querySelector('[data-why]')).toBeNull();
    expect(page().querySelector('meta[name="description"]')!.getAttribute('content')).toBe('Imported count: a lagging metric owned by Operations.');
    expect(text(page().querySelector('[data-tags]'))).toBe('imported');
  });

  it('says the description, formula and source are not written yet, and marks the assumed indicator and cadence', () => {
    const p = page();
    expect(p.querySelectorAll('[data-not-written]')).toHaveLength(3); // description, formula, source
    expect(text(p.querySelector('.eyebrow'))).toContain('lagging (assumed)');
    expect(text(p.querySelector('[data-metric-summary]'))).toContain('Monthly (assumed)');
    expect(p.querySelectorAll('[data-assumed]')).toHaveLength(2);
  });
});
