/**
 * Browsing the published catalog in a real browser: the journey from home to a metric and back up
 * to the mission, header search (Pagefind), metrics filters in the URL, keyboard-only navigation.
 * (axe on every page type is in pages.test.ts.)
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDirectory } from '../helpers/browser.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { PROJECT_ROOT, type BuildResult } from '../helpers/site.ts';


let example: BuildResult;
let fixture: BuildResult;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let fixtureServer: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

beforeAll(async () => {
  [example, fixture] = await Promise.all([sharedBuild(PROJECT_ROOT), sharedBuild(join(PROJECT_ROOT, 'test/fixtures/site-catalog'))]);
  expect(example.status, example.stderr).toBe(0);
  expect(fixture.status, fixture.stderr).toBe(0);
  server = await serveDirectory(example.outDir);
  fixtureServer = await serveDirectory(fixture.outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtureServer?.close();
});

describe('the example catalog in a browser', () => {
  it('goes home → objective → metric, then traces back up to the mission', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const mission = (await page.locator('[data-mission] a').first().textContent())!.trim();
    await page.locator('[data-objectives] h3 a').first().click();
    await expect(page.locator('.eyebrow').first().textContent()).resolves.toMatch(/goal/i);
    await page.locator('[data-goal-metrics] a').first().click();
    await expect(page.locator('.eyebrow').first().textContent()).resolves.toMatch(/^\s*Metric/);
    // The trace list reads like the diagram, from the mission down: its first link is the mission.
    await page.locator('[data-trace-list] summary').click();
    await page.locator('[data-trace] a').first().click();
    await expect(page.locator('h1').textContent()).resolves.toContain(mission);
    await page.close();
  });

  it('filters the metrics table, keeps the state in the URL and restores it on reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/metrics/`);
    const rows = page.locator('[data-metrics-table] tbody tr');
    const total = await rows.count();
    await page.selectOption('select[name=status]', 'red');
    const visible = page.locator('[data-metrics-table] tbody tr:not([hidden])');
    const shown = await visible.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    for (const status of await visible.locator('td:nth-child(2) [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) expect(status).toBe('red');
    expect(new URL(page.url()).searchParams.get('status')).toBe('red');
    await page.locator('th button', { hasText: 'Metric' }).click();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    await page.locator('th button', { hasText: 'Metric' }).click();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-name');
    await expect(page.locator('th[data-sort=name]').getAttribute('aria-sort')).resolves.toBe('descending');
    const names = await visible.locator('td:first-child > a').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en')));
    await page.reload();
    await expect(page.locator('select[name=status]').inputValue()).resolves.toBe('red');
    expect(await visible.count()).toBe(shown);
    await page.close();
  });

  it('filters by a goal including the goals below it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/metrics/`);
    const firstGoal = await page.locator('select[name=goal] option').nth(1).getAttribute('value');
    await page.selectOption('select[name=goal]', firstGoal!);
    // The first option is a mission: every metric under it stays.
    const visible = await page.locator('[data-metrics-table] tbody tr:not([hidden])').count();
    expect(visible).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the full table and no filter controls with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/metrics/?status=red`);
    await expect(page.locator('[data-filters]').isVisible()).resolves.toBe(false);
    await expect(page.locator('plumbline-search form').isVisible()).resolves.toBe(false);
    const rows = page.locator('[data-metrics-table] tbody tr');
    expect(await rows.count()).toBe(await page.locator('[data-metrics-table] tbody tr:not([hidden])').count());
    await context.close();
  });

  it('reaches the skip link, nav, search and main content with Tab, focus visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const seen: { tag: string; text: string; outline: string }[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return { tag: el.tagName, text: (el.textContent ?? '').trim() || (el.getAttribute('placeholder') ?? ''), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        }),
      );
    }
    expect(seen[0]!.text).toBe('Skip to content');
    const texts = seen.map((s) => s.text);
    expect(texts).toContain('Metrics');
    expect(seen.some((s) => s.tag === 'INPUT' && s.text === 'Search')).toBe(true);
    expect(texts.indexOf('Search')).toBeLessThan(seen.findIndex((s, i) => i > texts.indexOf('Search') && s.tag === 'A'));
    for (const s of seen) expect(s.outline, s.text).not.toMatch(/^none/);
    // The skip link moves focus into the main content.
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement!.closest('main') !== null)).resolves.toBe(true);
    await page.close();
  });
});

describe('search on the fixture catalog', () => {
  it('finds entries by name and shows their kind, owner and status', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureServer.url}/`);
    await page.fill('#site-search', 'headway');
    const first = page.locator('.search__results li').first();
    await first.waitFor();
    const text = (await first.textContent())!;
    expect(text).toMatch(/metric/i);
    expect(text).toMatch(/On target|Watch|Off target|No status|Retired|Proposed/);
    await first.locator('a').click();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/headway/i);
    await page.close();
  });

  it('loads Pagefind only once someone uses the box', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${fixtureServer.url}/`);
    expect(requested.some((u) => u.includes('/pagefind/'))).toBe(false);
    const loaded = page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
    await page.focus('#site-search');
    await loaded;
    await page.close();
  });
});
