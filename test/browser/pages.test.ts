/**
 * Every page type of the example catalog, looked at the way staff open it: at 1280 and 390 px wide,
 * light and dark. Nothing sticks out of the screen except inside a scroll frame, every goal and
 * metric box of the structural views says its status, the metric page answers first, and axe
 * finds nothing. (Chart text size is tested in metric-chart.test.ts.)
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { siteInBrowser } from '../helpers/site-in-browser.ts';

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
const RETIRED_METRIC = '/metrics/patient-satisfaction-mean-score/';

const site = siteInBrowser();
let pageTypes: string[];

/** The first link in a list page's main content that goes to one of its entries. */
async function firstEntry(page: Page, list: string): Promise<string> {
  await page.goto(`${site.url}${list}`);
  const link = await page.locator(`main a[href^="${list}"]:not([href="${list}"])`).first().getAttribute('href');
  return new URL(link!, site.url).pathname;
}

beforeAll(async () => {
  const page = await site.browser.newPage();
  const lists = ['/goals/', '/metrics/', '/owners/', '/initiatives/'];
  const entries = [];
  for (const list of lists) entries.push(await firstEntry(page, list));
  await page.close();
  pageTypes = ['/', ...lists, ...entries, RETIRED_METRIC, '/cascade/', '/strategy-map/', '/health/', '/changes/', '/report/', '/propose/', '/guide/', '/search/?q=clinic', '/404.html'];
});

/** Elements that reach past the right edge of the screen without a scroll frame around them. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const framed = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const { overflowX } = getComputedStyle(parent);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(overflowX) && parent.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || framed(element)) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      out.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> right edge ${Math.round(box.right)} > ${width}`);
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out.slice(0, 5);
  });
}

describe.each(WIDTHS)('every page type at $width px', (viewport) => {
  it('keeps everything on screen, or inside a scroll frame', async () => {
    const page = await site.browser.newPage({ viewport });
    const problems: string[] = [];
    for (const path of pageTypes) {
      await page.goto(`${site.url}${path}`);
      problems.push(...(await overflowing(page)).map((p) => `${path}: ${p}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('puts status, latest value, target, owner and the propose link on the metric page’s first screen', async () => {
    const page = await site.browser.newPage({ viewport });
    await page.goto(`${site.url}/metrics/hypertension-control-rate/`);
    const facts = { status: '[data-metric-summary] [data-status]', latest: '[data-latest]', target: '[data-target]', owner: '[data-owner] a', propose: '[data-propose]' };
    for (const [fact, selector] of Object.entries(facts)) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, fact).not.toBeNull();
      expect(box!.y + box!.height, fact).toBeLessThanOrEqual(viewport.height);
    }
    const summary = (await page.locator('[data-metric-summary]').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toMatch(/Watch/);
    expect(summary).toContain('67%');
    expect(summary).toContain('72%');
    expect(summary).toContain('Primary care and mobile clinic');
    await page.close();
  });
});

describe('status on the structural views', () => {
  it.each(['/cascade/', '/strategy-map/'])('gives every goal and metric box of %s a status', async (path) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${path}`);
    // A box is the link to its goal or metric; it, or the group drawing it, says the status.
    const boxes = await page.locator('svg a[href*="/goals/"], svg a[href*="/metrics/"]').evaluateAll((links) => links.map((link) => ({ id: link.getAttribute('href'), status: link.closest('[data-status]')?.getAttribute('data-status'), word: link.textContent })));
    await page.close();
    expect(boxes.length).toBeGreaterThan(4);
    for (const box of boxes) {
      expect(['green', 'amber', 'red', 'unknown'], box.id ?? '').toContain(box.status);
      // Colour is never the only cue: the box says its status in words too.
      expect(box.word, box.id ?? '').toMatch(/On target|Watch|Off target|No status|✓|!|✕|–/);
    }
  });
});

// One test per scheme and width, so each stays well inside the test timeout on a busy machine.
describe.each([
  { colorScheme: 'light' as const, ...WIDTHS[0] },
  { colorScheme: 'dark' as const, ...WIDTHS[0] },
  { colorScheme: 'light' as const, ...WIDTHS[1] },
  { colorScheme: 'dark' as const, ...WIDTHS[1] },
])('accessibility, $colorScheme, at $width px', ({ colorScheme, width, height }) => {
  it('has no axe violation on any page type', async () => {
    const problems: string[] = [];
    const page = await site.browser.newPage({ colorScheme, viewport: { width, height } });
    for (const path of pageTypes) {
      await page.goto(`${site.url}${path}`);
      // The results page fills in after Pagefind answers: check it with its results.
      if (path.startsWith('/search/')) await page.locator('[data-search-results] li').first().waitFor();
      problems.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
