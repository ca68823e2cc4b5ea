/**
 * The site's shell in a real browser at desktop (1280 px) and phone (390 px) widths: a compact
 * sticky header, the menu button, the "/" shortcut, all search results past the first few,
 * sticky table headers, and table frames that scroll only when they must
 * (axe on these pages is in pages.test.ts).
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveDirectory } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/site-in-browser.ts';
import { buildSite, PROJECT_ROOT } from '../helpers/site.ts';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const site = siteInBrowser();

async function open(path: string, viewport: { width: number; height: number }, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}
const close = (page: Page) => page.context().close();
const headerBox = (page: Page) => page.locator('.site-header').evaluate((e) => ({ top: e.getBoundingClientRect().top, height: e.getBoundingClientRect().height }));

describe('the header', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('is one row at most 64 px tall on %s and stays at the top while the page scrolls', async (_name, viewport) => {
    const page = await open('/metrics/', viewport);
    const before = await headerBox(page);
    expect(before.height).toBeGreaterThanOrEqual(48);
    expect(before.height).toBeLessThanOrEqual(64);
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction(() => window.scrollY > 1000);
    const after = await headerBox(page);
    expect(after).toEqual({ top: 0, height: before.height });
    await close(page);
  });

  it('shows the whole navigation and the search box on desktop, with no menu button', async () => {
    const page = await open('/', DESKTOP);
    await expect(page.locator('[data-menu-button]').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-nav a', { hasText: 'Guide' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(true);
    await close(page);
  });

  it('opens and closes the navigation and the search box with the menu button on a phone', async () => {
    const page = await open('/', PHONE);
    const button = page.locator('[data-menu-button]');
    const guide = page.locator('.site-nav a', { hasText: 'Guide' });
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(guide.isVisible()).resolves.toBe(false);
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(false);
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(guide.isVisible()).resolves.toBe(true);
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(true);
    // Escape closes it and puts focus back on the button.
    await guide.focus();
    await page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(guide.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).resolves.toBe(true);
    // Tabbing past the open menu closes it, so it never covers what has focus.
    await button.click();
    await page.locator('#site-search').focus();
    while (await page.evaluate(() => document.activeElement?.closest('[data-site-header]') !== null)) await page.keyboard.press('Tab');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await close(page);
  });

  it('keeps the navigation open on a phone without JavaScript, and no dead menu button', async () => {
    const page = await open('/', PHONE, { javaScriptEnabled: false });
    await expect(page.locator('[data-menu-button]').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-nav a', { hasText: 'Guide' }).isVisible()).resolves.toBe(true);
    // That header is taller than one row, so it scrolls away with the page instead of sticking.
    await expect(page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).resolves.toBe('static');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await close(page);
  });
});

describe('search', () => {
  it('"/" jumps to the search box, but not while typing in a field', async () => {
    const page = await open('/metrics/', DESKTOP);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    await expect(page.locator('#site-search').inputValue()).resolves.toBe('');
    await page.goto(`${site.url}/search/`);
    await page.locator('#search-page-query').fill('');
    await page.locator('#search-page-query').pressSequentially('a/b');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-page-query');
    await expect(page.locator('#search-page-query').inputValue()).resolves.toBe('a/b');
    await close(page);
  });

  it('shows the first 8 results, then "Show all N results", which lists all N on /search/', async () => {
    const page = await open('/', DESKTOP);
    await page.fill('#site-search', 'patients');
    const more = page.locator('[data-all-results]');
    await more.waitFor();
    const total = Number(/^Show all (\d+) results$/.exec((await more.textContent())!)![1]);
    expect(total).toBeGreaterThan(8);
    await expect(page.locator('.search__results li:not(.search__more)').count()).resolves.toBe(8);
    await more.click();
    await page.waitForURL(/\/search\/\?q=patients$/);
    const results = page.locator('[data-search-results] li');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length === Math.min(n, 25), total);
    await expect(page.locator('[data-search-summary]').textContent()).resolves.toBe(`${total} results for “patients”.`);
    if (total > 25) {
      await page.locator('[data-search-more]').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length === Math.min(n, 50), total);
    }
    expect(await results.count()).toBeGreaterThan(8);
    await expect(page.locator('#search-page-query').inputValue()).resolves.toBe('patients');
    await close(page);
  });

  it('"Show more results" adds each batch once, however fast it is clicked, and hands focus to the first new result', async () => {
    const page = await open('/search/?q=patients', DESKTOP);
    const summary = page.locator('[data-search-summary]');
    await page.waitForFunction(() => /results for/.test(document.querySelector('[data-search-summary]')!.textContent!));
    const total = Number(/^(\d+) results/.exec((await summary.textContent())!)![1]);
    expect(total).toBeGreaterThan(25);
    const more = page.locator('[data-search-more]');
    const hrefs = () => page.locator('[data-search-results] li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // A double click while the batch loads: the second click must not add the same batch again.
    await more.dblclick();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length >= Math.min(n, 50), total);
    await page.waitForTimeout(300);
    const listed = await hrefs();
    expect(listed.length).toBe(Math.min(total, 50));
    expect(new Set(listed).size).toBe(listed.length);
    // From the keyboard, to the last batch: focus goes on to the first new result, never to the page.
    let shown = listed.length;
    while (shown < total) {
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length > n, shown);
      await expect(page.evaluate((n) => document.activeElement === document.querySelectorAll('[data-search-results] li')[n]?.querySelector('a'), shown)).resolves.toBe(true);
      shown = await page.locator('[data-search-results] li').count();
    }
    await expect(more.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('A');
    await close(page);
  });

  it('opens all results with Enter in the header box', async () => {
    const page = await open('/', DESKTOP);
    await page.fill('#site-search', 'wait');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=wait$/);
    await page.locator('[data-search-results] li').first().waitFor();
    await close(page);
  });
});

describe('tables', () => {
  it('keeps the metrics table header under the page header while its rows scroll by', async () => {
    const page = await open('/metrics/', DESKTOP);
    await page.locator('.table-scroll[data-fits]').waitFor({ state: 'attached' });
    const th = page.locator('[data-metrics-table] thead th').first();
    await page.locator('[data-metrics-table] tbody tr').nth(20).scrollIntoViewIfNeeded();
    const header = await headerBox(page);
    const top = await th.evaluate((e) => e.getBoundingClientRect().top);
    expect(Math.abs(top - header.height)).toBeLessThanOrEqual(1);
    await close(page);
  });

  it('shows the metrics as cards on a phone, with no sideways scrolling on the page', async () => {
    const page = await open('/metrics/', PHONE);
    const row = page.locator('[data-metrics-table] tbody tr').first();
    await expect(row.evaluate((e) => getComputedStyle(e).display)).resolves.toBe('grid');
    await expect(page.locator('.table-scroll').getAttribute('tabindex')).resolves.toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await close(page);
  });

  it('makes a table frame a named, focusable region only while it scrolls', async () => {
    const page = await open('/owners/', PHONE);
    const frame = page.locator('.table-scroll').first();
    await expect(frame.getAttribute('tabindex')).resolves.toBe('0');
    await expect(frame.getAttribute('role')).resolves.toBe('region');
    await expect(frame.getAttribute('aria-label')).resolves.toMatch(/\(scrolls sideways\)$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
    await page.waitForFunction(() => document.querySelector('.table-scroll')!.hasAttribute('data-fits'));
    await expect(frame.getAttribute('tabindex')).resolves.toBeNull();
    await expect(frame.getAttribute('role')).resolves.toBeNull();
    await close(page);
  });

  it('makes a wide table in a narrative focusable on a phone, and keeps it a table', async () => {
    const catalog = mkdtempSync(join(tmpdir(), 'plumbline-shell-table-'));
    cpSync(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), catalog, { recursive: true });
    // Cell text may wrap anywhere, so only many columns make a table wider than a phone.
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    appendFileSync(join(catalog, 'metrics/on-time-performance.mdx'), `\n## By route\n\n| Route | ${months.join(' | ')} |\n|${' --- |'.repeat(13)}\n| 12 |${' 81% |'.repeat(12)}\n`);
    const built = buildSite(catalog);
    const local = await serveDirectory(built.outDir);
    try {
      expect(built.status, built.stderr).toBe(0);
      const context = await site.browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${local.url}/metrics/on-time-performance/`);
      const table = page.locator('.narrative table');
      await expect(table.getAttribute('tabindex')).resolves.toBe('0');
      await expect(table.getAttribute('role')).resolves.toBeNull();
      await expect(table.getAttribute('aria-label')).resolves.toBe('By route (scrolls sideways)');
      await context.close();
    } finally {
      await local.close();
      rmSync(catalog, { recursive: true, force: true });
      rmSync(built.outDir, { recursive: true, force: true });
    }
  });
});
