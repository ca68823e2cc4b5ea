/**
 * The diagrams in a real browser: the cascade complete with JavaScript off; with it on, the find
 * box highlighting a path, subtrees collapsing and expanding (deeper levels collapsed at first
 * on a larger tree), and every diagram link reachable with the Tab key.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { launchBrowser, serveDirectory } from '../helpers/browser.ts';
import { removeCatalogs, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
const { catalog } = analyzeCatalog(FIXTURE, '2026-11-23');

/** 1 mission, 4 strategies, 16 departments, 64 teams: more than the first view shows. */
function largerCatalog(): string {
  const files = validCatalog();
  for (const path of Object.keys(files)) if (path.startsWith('goals/') || path.startsWith('metrics/') || path.startsWith('initiatives/') || path.startsWith('data/')) delete files[path];
  files['goals/mission.yaml'] = 'title: Healthy people\nlevel: mission\nowner: ops\n';
  for (let s = 1; s <= 4; s++) {
    files[`goals/s${s}.yaml`] = `title: Strategy ${s}\nlevel: strategy\nparent: mission\nowner: ops\n`;
    for (let d = 1; d <= 4; d++) {
      files[`goals/s${s}-d${d}.yaml`] = `title: Department ${s}.${d}\nlevel: department\nparent: s${s}\nowner: ana\n`;
      for (let t = 1; t <= 4; t++) files[`goals/s${s}-d${d}-t${t}.yaml`] = `title: Team ${s}.${d}.${t}\nlevel: team\nparent: s${s}-d${d}\nowner: ana\n`;
    }
  }
  return writeCatalog(files);
}

let fixture: BuildResult;
let larger: BuildResult;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let largerServer: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;

beforeAll(async () => {
  fixture = await sharedBuild(FIXTURE);
  expect(fixture.status, fixture.stderr).toBe(0);
  larger = buildSite(largerCatalog());
  expect(larger.status, larger.stderr).toBe(0);
  server = await serveDirectory(fixture.outDir);
  largerServer = await serveDirectory(larger.outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await largerServer?.close();
  if (larger) rmSync(larger.outDir, { recursive: true, force: true });
  removeCatalogs();
});

/** Presses Tab from the top until focus runs off the end of the page; the hrefs of what got focus. */
async function tabThrough(page: Page, limit = 300): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return null;
      return active.getAttribute('href') ?? `${active.tagName.toLowerCase()}:${active.getAttribute('aria-label') ?? ''}`;
    });
    if (href === null) break;
    seen.push(href);
  }
  return seen;
}

const diagramLinks = (page: Page, selector: string) => page.locator(`${selector} svg a`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));

describe('the cascade with JavaScript off', () => {
  it('shows every goal title in the diagram, and no controls that would need a script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/cascade/`);
    const svg = page.locator('cascade-diagram svg');
    await expect(svg.isVisible()).resolves.toBe(true);
    const shown = await svg.evaluate((element) => [...element.querySelectorAll('a')].map((a) => a.querySelector('title')?.textContent ?? [...a.querySelectorAll('text')].map((t) => t.textContent).join('')));
    for (const goal of catalog.goals.values()) expect(shown.some((s) => s.replace(/\s+/g, '').includes(goal.data.title.replace(/\s+/g, ''))), goal.id).toBe(true);
    // Every box is painted: none hidden, none outside the drawing.
    for (const link of await svg.locator('a').all()) await expect(link.isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-tools]').isVisible()).resolves.toBe(false);
    expect(await page.title()).not.toBe('pwned');
    await context.close();
  });
});

describe('the cascade with JavaScript on', () => {
  it('highlights the path from the mission to a goal found by title', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/cascade/`);
    await page.getByLabel('Find a goal or metric').fill('timetable');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForSelector('cascade-diagram svg a.hit');
    const highlighted = await page.locator('cascade-diagram svg a.hl').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(highlighted).toEqual(['/goals/move-the-city/', '/goals/reliable-service/', '/goals/on-time-buses/']);
    await expect(page.locator('cascade-diagram svg a.hit').getAttribute('href')).resolves.toBe('/goals/on-time-buses/');
    await expect(page.locator('cascade-diagram svg').getAttribute('class')).resolves.toContain('dim');
    await expect(page.locator('[data-say]').textContent()).resolves.toBe('Goal “Buses keep to the timetable”: Move the city › Reliable service riders can plan around › Buses keep to the timetable.');
    await page.close();
  });

  it('finds a metric and highlights the path to the goal it supports', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/cascade/`);
    await page.getByLabel('Find a goal or metric').focus();
    await page.waitForFunction(() => document.querySelectorAll('#cascade-options option').length > 5);
    await page.getByLabel('Find a goal or metric').fill('headway');
    await page.keyboard.press('Enter');
    await page.waitForSelector('cascade-diagram svg a.hit');
    const highlighted = await page.locator('cascade-diagram svg a.hl').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(highlighted).toEqual(['/goals/move-the-city/', '/goals/reliable-service/', '/goals/on-time-buses/', '/goals/dispatch-gaps/']);
    await expect(page.locator('[data-say]').textContent()).resolves.toContain('Metric “Headway gaps <script>alert(1)</script>”');
    await page.getByLabel('Find a goal or metric').fill('');
    await expect(page.locator('cascade-diagram svg a.hl').count()).resolves.toBe(0);
    await page.close();
  });

  it('collapses and expands a subtree with its button, by mouse or keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/cascade/`);
    const child = page.locator('cascade-diagram svg a[href="/goals/dispatch-gaps/"]');
    const toggle = page.getByRole('button', { name: /^Collapse Reliable service riders can plan around: 2 goals below$/ });
    await expect(child.isVisible()).resolves.toBe(true);
    await toggle.click();
    await expect(child.isVisible()).resolves.toBe(false);
    await expect(page.locator('cascade-diagram svg a[href="/goals/on-time-buses/"]').isVisible()).resolves.toBe(false);
    const expand = page.getByRole('button', { name: /^Expand Reliable service riders can plan around/ });
    await expect(expand.getAttribute('aria-expanded')).resolves.toBe('false');
    await expand.focus();
    await page.keyboard.press('Enter');
    await expect(child.isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('starts a larger tree with deeper levels collapsed, and expands one on demand or to show a found goal', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${largerServer.url}/cascade/`);
    const team = page.locator('cascade-diagram svg a[href="/goals/s2-d3-t4/"]');
    await expect(page.locator('cascade-diagram svg a[href="/goals/s2-d3/"]').isVisible()).resolves.toBe(true);
    await expect(team.isVisible()).resolves.toBe(false);
    await expect(page.locator('cascade-diagram svg a').filter({ visible: true }).count()).resolves.toBe(21);
    await page.getByRole('button', { name: /^Expand Department 2\.3: 4 goals below$/ }).click();
    await expect(team.isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /^Collapse Department 2\.3/ }).click();
    await expect(team.isVisible()).resolves.toBe(false);
    await page.getByLabel('Find a goal or metric').fill('Team 4.1.2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('cascade-diagram svg a.hit');
    await expect(page.locator('cascade-diagram svg a[href="/goals/s4-d1-t2/"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('cascade-diagram svg a.hl').count()).resolves.toBe(4);
    // No two visible boxes overlap after laying the tree out again.
    const boxes = await page.locator('cascade-diagram svg a').filter({ visible: true }).evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(page.locator('cascade-diagram svg a').filter({ visible: true }).count()).resolves.toBe(85);
    await page.close();
  });

  it('starts a larger tree one level shallower on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${largerServer.url}/cascade/`);
    await expect(page.locator('cascade-diagram svg a').filter({ visible: true }).count()).resolves.toBe(5);
    await page.getByRole('button', { name: /^Expand Strategy 3: 20 goals below$/ }).click();
    await expect(page.locator('cascade-diagram svg a').filter({ visible: true }).count()).resolves.toBe(9);
    await page.close();
  });

  it('zooms with the buttons and resets the view', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/cascade/`);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.locator('cascade-diagram svg g.z').getAttribute('transform')).resolves.toMatch(/scale\(1\.25\)/);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.locator('cascade-diagram svg g.z').getAttribute('transform')).resolves.toMatch(/translate\(0,0\) scale\(1\)/);
    await page.close();
  });
});

describe('keyboard access to the diagrams', () => {
  for (const [path, selector] of [
    ['/cascade/', 'cascade-diagram'],
    ['/metrics/headway-gaps/', '[data-diagram="trace"]'],
    ['/metrics/headway-gaps/', '[data-diagram="drivers"]'],
    ['/goals/reliable-service/', '[data-diagram="subtree"]'],
    ['/strategy-map/', '[data-diagram="strategy"]'],
  ] as const) {
    it(`reaches every link of ${selector} on ${path} with Tab`, async () => {
      const page = await browser.newPage();
      await page.goto(server.url + path);
      const links = await diagramLinks(page, selector);
      expect(links.length).toBeGreaterThan(0);
      const reached = await tabThrough(page);
      expect(links.filter((href) => !reached.includes(href))).toEqual([]);
      if (path === '/cascade/') expect(reached.filter((r) => r.startsWith('g:Collapse'))).toHaveLength(3); // the collapse buttons
      await page.close();
    });
  }
});

describe('the diagram pages at desktop and phone width', () => {
  const SHOTS = join(PROJECT_ROOT, 'test-results/screenshots');
  for (const width of [1280, 390]) {
    for (const path of ['/cascade/', '/strategy-map/', '/metrics/headway-gaps/', '/goals/reliable-service/']) {
      it(`${path} at ${width}px: the page never scrolls sideways, only a diagram's frame does`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(server.url + path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        for (const frame of await page.locator('.dg__frame').all()) {
          const box = (await frame.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${path.replace(/\W+/g, '_').replace(/^_|_$/g, '')}-${width}.png`), fullPage: true });
        await page.close();
      });
    }
  }
});

describe('the diagrams on a phone (390px)', () => {
  const frameState = (page: Page, selector: string) =>
    page.locator(`${selector} [data-frame]`).evaluate((frame) => {
      const svg = frame.querySelector('svg')!;
      const viewBox = svg.viewBox.baseVal;
      return {
        overflowX: getComputedStyle(frame).overflowX,
        scrolls: frame.scrollWidth > frame.clientWidth + 1,
        scale: svg.getBoundingClientRect().width / viewBox.width,
        fitsFrame: svg.getBoundingClientRect().width <= frame.clientWidth,
        pageWidth: document.documentElement.scrollWidth,
      };
    });

  for (const [path, selector] of [
    ['/cascade/', 'cascade-diagram'],
    ['/goals/reliable-service/', '[data-diagram="subtree"]'],
    ['/metrics/headway-gaps/', '[data-diagram="drivers"]'],
  ] as const) {
    it(`${path}: the diagram scrolls inside its frame at full size, with a hint, and the page does not`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
      await page.goto(server.url + path);
      const state = await frameState(page, selector);
      expect(state.pageWidth).toBeLessThanOrEqual(390);
      expect(state.overflowX).toBe('auto');
      expect(state.scrolls).toBe(true);
      expect(state.scale).toBeGreaterThanOrEqual(1); // 11px text stays 11px
      await expect(page.locator(`${selector} [data-scroll-hint]`).isVisible()).resolves.toBe(true);
      await expect(page.locator(`${selector} [data-fit]`).isVisible()).resolves.toBe(true);
      // While it scrolls, the frame is a named region the keyboard can reach.
      const frame = page.locator(`${selector} [data-frame]`).first();
      await expect(frame.getAttribute('tabindex')).resolves.toBe('0');
      await expect(frame.getAttribute('role')).resolves.toBe('region');
      await page.close();
    });
  }

  it('leaves a diagram that fits out of the tab order', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/metrics/headway-gaps/`);
    const frame = page.locator('[data-diagram="drivers"] [data-frame]').first();
    await expect.poll(() => frame.getAttribute('tabindex')).toBeNull();
    await expect(frame.getAttribute('role')).resolves.toBeNull();
    await page.close();
  });

  it('scales the cascade to the frame with "Fit to width" and back, and scrolls the named frame from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server.url}/cascade/`);
    const fit = page.getByRole('button', { name: 'Fit to width' });
    await fit.click();
    await expect(fit.getAttribute('aria-pressed')).resolves.toBe('true');
    let state = await frameState(page, 'cascade-diagram');
    expect(state).toMatchObject({ scrolls: false, fitsFrame: true });
    expect(state.scale).toBeLessThan(1);
    await expect.poll(() => page.locator('cascade-diagram [data-scroll-hint]').isVisible()).toBe(false);
    await fit.click();
    await expect(fit.getAttribute('aria-pressed')).resolves.toBe('false');
    state = await frameState(page, 'cascade-diagram');
    expect(state).toMatchObject({ scrolls: true });
    expect(state.scale).toBeGreaterThanOrEqual(1);

    const frame = page.getByRole('region', { name: /Goal cascade/ });
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Arrow-key scrolling may be animated: wait for it.
    await expect.poll(() => frame.evaluate((element) => element.scrollLeft), { timeout: 5000 }).toBeGreaterThan(0);
    await page.close();
  });
});
