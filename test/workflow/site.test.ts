/**
 * The site inside a git repository: the fixture catalog committed twice, built through Astro.
 * /changes/ shows the timeline from git; /propose/ has a form covering the metric schema, and in
 * a real browser it reports problems at their fields and opens GitHub's new-file page with a
 * metric file the catalog accepts.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { launchBrowser, serveDirectory } from '../helpers/browser.ts';
import { commitAll, plainFolder, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';
import { buildSite, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
let build: BuildResult;

beforeAll(() => {
  const { catalog } = repoWith({}, { message: 'Start', date: '2026-08-01T09:00:00Z' });
  cpSync(FIXTURE, catalog, { recursive: true });
  commitAll(catalog, 'Add the Harbor Transit catalog', { author: 'Ana Lima', date: '2026-09-01T10:00:00Z' });
  const before = readFileSync(join(catalog, 'metrics/headway-gaps.yaml'), 'utf8');
  const after = before.replace('thresholds: { green: 40, red: 80 }', 'thresholds: { green: 30, red: 70 }');
  expect(after).not.toBe(before);
  writeFiles(catalog, { 'metrics/headway-gaps.yaml': after });
  commitAll(catalog, 'Tighten the headway gap thresholds', { author: 'Bo Chen', date: '2026-10-05T10:00:00Z' });
  build = buildSite(catalog);
});
afterAll(() => {
  rmSync(build.outDir, { recursive: true, force: true });
  removeRepos();
});

/** The scripts a page loads: each external one by its address, each inline one by its text. */
const scriptsOf = (path: string) => readPage(build.outDir, path).querySelectorAll('script').map((s) => s.getAttribute('src') ?? s.textContent);

describe('/changes/', () => {
  it('builds', () => {
    expect(build.stderr).not.toMatch(/\[ERROR\]/);
    expect(build.status).toBe(0);
  });

  it('sums up metrics added, retired and changed per month', () => {
    const rows = readPage(build.outDir, 'changes').querySelectorAll('[data-changes-summary] tbody tr');
    expect(rows.map((r) => [r.getAttribute('data-month'), ...r.querySelectorAll('td').map(text)])).toEqual([
      ['2026-10', '0', '0', '1', '0', '0', '0', '0'],
      ['2026-09', '3', '0', '0', '0', '5', '0', '0'],
      // Retired in the month of its `retired.date`, as /health/ counts it, though git first saw it in September.
      ['2026-06', '0', '1', '0', '0', '0', '0', '0'],
    ]);
  });

  it('lists the change under its commit (date, subject, author) with what changed, linked to the metric', () => {
    const page = readPage(build.outDir, 'changes');
    const october = page.querySelector('[data-timeline-month="2026-10"] [data-commit]')!;
    expect(text(october.querySelector('[data-commit-line]'))).toMatch(/^2026-10-05 · [0-9a-f]{7} · Tighten the headway gap thresholds · Bo Chen$/);
    const item = october.querySelector('[data-entry="headway-gaps"]')!;
    expect(item.querySelector('a')!.getAttribute('href')).toBe('/metrics/headway-gaps/');
    expect(text(item)).toBe('Metric Headway gaps <script>alert(1)</script>: thresholds changed');
    const added = page.querySelectorAll('[data-timeline-month="2026-09"] [data-entry][data-change="added"]');
    expect(added.filter((li) => text(li).startsWith('Metric')).map((li) => li.getAttribute('data-entry')).sort()).toEqual(['headway-gaps', 'on-time-performance', 'paper-ticket-sales']);
  });

  it('is in the header navigation on every page', () => {
    const nav = readPage(build.outDir, 'metrics').querySelectorAll('.site-nav a').map((a) => a.getAttribute('href'));
    expect(nav).toContain('/changes/');
    expect(readPage(build.outDir, 'changes').querySelector('.site-nav a[aria-current="page"]')!.getAttribute('href')).toBe('/changes/');
  });

  it('loads no script of its own', () => {
    const shared = [...scriptsOf('metrics'), ...scriptsOf('health')];
    expect(scriptsOf('changes').filter((script) => !shared.includes(script))).toEqual([]);
  });
});

describe('/changes/ outside a git repository', () => {
  it('says there is no history', () => {
    const dir = plainFolder();
    cpSync(FIXTURE, dir, { recursive: true });
    const outside = buildSite(dir);
    try {
      expect(outside.status).toBe(0);
      expect(text(readPage(outside.outDir, 'changes').querySelector('[data-history-unavailable]'))).toBe('No change history: the catalog is not in a git repository. The timeline is read from the git log of the catalog\'s repository.');
    } finally {
      rmSync(outside.outDir, { recursive: true, force: true });
    }
  });
});

describe('/propose/', () => {
  it('is linked from the metrics index', () => {
    expect(readPage(build.outDir, 'metrics').querySelector('[data-propose-link]')!.getAttribute('href')).toBe('/propose/');
  });

  it("has a form with a control for each of the metric schema's required fields", () => {
    const page = readPage(build.outDir, 'propose');
    const form = page.querySelector('propose-metric form[data-propose-form]')!;
    const names = form.querySelectorAll('[name]').map((c) => c.getAttribute('name'));
    const required = (z.toJSONSchema(metricSchema, { io: 'input' }) as { required: string[] }).required;
    expect(required.length).toBeGreaterThan(5);
    expect(required.filter((field) => !names.includes(field))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['id', 'supports', 'source.system', 'source.url', 'thresholds.green', 'target.by']));
    // A proposal is always proposed: no control sets the status.
    expect(names).not.toContain('status');
    for (const field of required) expect(text(form.querySelector(`[data-field-box="${field}"] :is(label, legend)`)), field).toContain('(required)');
    const host = page.querySelector('propose-metric')!;
    expect(host.getAttribute('data-repository')).toBe('https://github.com/harbor/metrics');
    expect(host.getAttribute('data-branch')).toBe('trunk');
    // Goals are chosen by name; the file holds their ids. A retired goal is not offered.
    const goals = form.querySelectorAll('[data-field-box="supports"] [data-options] li');
    expect(goals.map((li) => li.querySelector('input')!.getAttribute('value')).sort()).toEqual(['dispatch-gaps', 'move-the-city', 'on-time-buses', 'reliable-service']);
    expect(text(goals.find((li) => li.querySelector('input')!.getAttribute('value') === 'on-time-buses')!.querySelector('label'))).toContain('Buses keep to the timetable');
  });

  it('loads one small module script, which no other page loads', () => {
    // What every page loads (the layout's own scripts, if any) is not the form's.
    const scripts = scriptsOf('propose').filter((src) => !scriptsOf('metrics').includes(src));
    expect(scripts).toHaveLength(1);
    const size = statSync(join(build.outDir, scripts[0]!)).size;
    // zod and the metric schema are most of it (about 100 KB minified, 30 KB gzipped).
    expect(size).toBeLessThan(160 * 1024);
    for (const page of ['metrics', 'changes', 'metrics/headway-gaps', 'goals']) expect(scriptsOf(page), page).not.toContain(scripts[0]);
    expect(readdirSync(join(build.outDir, 'propose'))).toEqual(['index.html']);
  });
});

describe('/propose/ in a browser', () => {
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDirectory(build.outDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each problem at its field, then opens the new-file page with a valid metric file', async () => {
    const context = await browser.newContext();
    // Nothing leaves the machine: the new-file page opens in a tab whose request is refused.
    const opened: string[] = [];
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : (opened.push(route.request().url()), route.abort())));
    const page = await context.newPage();
    await page.goto(`${server.url}/propose/`);

    await page.getByRole('button', { name: /Check, then open/ }).click();
    await expect(page.locator('[data-error-for="name"]').textContent()).resolves.toMatch(/^Name is required: /);
    await expect(page.locator('form [name="name"]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-form-errors]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-result]').isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');

    const fill = async (name: string, value: string) => page.locator(`form [name="${name}"]`).fill(value);
    await fill('name', 'Late departures: first trips');
    await fill('id', 'late-departures');
    await fill('description', 'First trips of the day that leave the depot more than 2 minutes late.');
    await fill('why', 'a late first trip makes the whole route late.');
    await page.getByRole('checkbox', { name: 'Buses keep to the timetable' }).check();
    await page.selectOption('form [name="indicator"]', 'leading');
    await page.getByRole('radio', { name: 'Lee Chen' }).check();
    await fill('unit', 'count');
    await page.selectOption('form [name="direction"]', 'down');
    await fill('formula', 'count of first trips departing > 2 min after schedule, per week');
    await fill('source.system', 'CAD/AVL');
    await page.selectOption('form [name="cadence"]', 'weekly');
    // Thresholds are optional: their step starts collapsed.
    await page.locator('[data-step="target"] summary').click();
    await fill('thresholds.green', '3');
    await fill('thresholds.red', 'ten');
    await page.getByRole('button', { name: /Check, then open/ }).click();
    await expect(page.locator('[data-error-for="thresholds.red"]').textContent()).resolves.toMatch(/^Red \(off target\) from must be a number: /);
    await expect(page.locator('[data-error-for="name"]').isVisible()).resolves.toBe(false);

    await fill('thresholds.red', '10');
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: /Check, then open/ }).click();
    await popup;
    await expect(page.locator('[data-result]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-path]').textContent()).resolves.toBe('metrics/late-departures.yaml');
    const href = (await page.locator('[data-new-file-link]').getAttribute('href'))!;
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/harbor/metrics/new/trunk');
    expect(url.searchParams.get('filename')).toBe('metrics/late-departures.yaml');
    const yaml = url.searchParams.get('value')!;
    expect(yaml).toBe(await page.locator('[data-yaml]').textContent());
    const parsed = parseYaml('metrics/late-departures.yaml', yaml);
    expect(parsed.diagnostics).toEqual([]);
    const result = metricSchema.safeParse(parsed.value);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: 'Late departures: first trips', supports: ['on-time-buses'], owner: 'lee-chen', status: 'proposed', thresholds: { green: 3, red: 10 }, source: { system: 'CAD/AVL' } });
    expect(opened.some((u) => u.startsWith('https://github.com/harbor/metrics/new/trunk?filename=metrics%2Flate-departures.yaml&value='))).toBe(true);
    await context.close();
  });
});
