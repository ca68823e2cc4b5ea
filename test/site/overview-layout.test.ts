/**
 * The overview in a browser at phone and desktop width, light and dark: nothing wider than the
 * screen, "Needs action" short enough that the objectives start on a phone's first screen, the
 * action opened from the keyboard. (axe on the overview is in test/browser/pages.test.ts.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDirectory } from '../helpers/browser.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** What the page may spend above the objectives on a phone, besides the site header. */
const PHONE_BUDGET = PHONE.height - 64;

let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Browser;
beforeAll(async () => {
  const build = await sharedBuild(PROJECT_ROOT);
  expect(build.status, build.stderr.slice(-2000)).toBe(0);
  server = await serveDirectory(build.outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(`${server.url}/`);
  return page;
}

/** Elements of the main content whose right edge passes the viewport's. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > width + 0.5).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.trim().slice(0, 40)}`);
  });

describe('the overview in a browser', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    it(`cuts nothing off at ${viewport.width} px`, async () => {
      const page = await open(viewport);
      expect(await overflowing(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });
  }

  it('starts the objectives on the first phone screen, the site header aside', async () => {
    const page = await open(PHONE);
    const { top, header } = await page.evaluate(() => ({
      top: document.querySelector('#objectives-heading')!.getBoundingClientRect().top,
      header: document.querySelector('body > header, .site-header')!.getBoundingClientRect().height,
    }));
    expect(top - header).toBeLessThanOrEqual(PHONE_BUDGET);
    await page.close();
  });

  it('opens a line’s action from the keyboard', async () => {
    const page = await open(DESKTOP);
    const shown = () => page.evaluate(() => document.querySelector('[data-action-line] [data-action]')!.checkVisibility());
    expect(await shown()).toBe(false);
    await page.locator('[data-action-line] summary').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(shown).toBe(true);
    await page.close();
  });
});
