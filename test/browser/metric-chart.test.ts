/**
 * The trend chart in Chromium at a phone's width and a desktop's: laid out for the width, not
 * scaled down, so every label renders at 11px or more, with at least four x labels for the
 * example's 22 months that do not overlap, and a legend in HTML. (The summary's place on the first screen is tested with every page type, in pages.test.ts.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../helpers/site-in-browser.ts';

const site = siteInBrowser();
const PAGE = '/metrics/hypertension-control-rate/';

/** What the visible chart draws: each text's rendered size in px, and the x labels' boxes. */
function measureChart(page: Page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('[data-trend-chart] svg')].find((s) => s.getBoundingClientRect().width > 0)!;
    const scale = svg.getScreenCTM()!.a;
    const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const xLabels = [...svg.querySelectorAll('[data-x-tick]')].map((t) => {
      const box = t.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });
    const legend = [...document.querySelectorAll('[data-chart-legend] li')].map((li) => (li as HTMLElement).innerText.trim());
    const room = svg.closest('[data-trend-chart]')!.getBoundingClientRect().width;
    return { size: svg.dataset.chartSize, room, sizes, xLabels, legend };
  });
}

describe('the trend chart of the example’s longest metric page', () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }, { width: 1152, height: 900 }, { width: 320, height: 640 }, { width: 700, height: 900 }]) {
    it(`at ${viewport.width}px: labels of 11px or more, at least four x labels that do not overlap, a legend`, async () => {
      const page = await site.browser.newPage({ viewport });
      await page.goto(`${site.url}${PAGE}`);
      const chart = await measureChart(page);
      // The drawing is chosen by the room the chart has, not the screen: a narrow column of a wide screen gets the narrow one.
      expect(chart.size).toBe(chart.room < 600 ? 'narrow' : 'wide');
      expect(Math.min(...chart.sizes)).toBeGreaterThanOrEqual(11);
      expect(chart.xLabels.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < chart.xLabels.length; i++) expect(chart.xLabels[i]!.left).toBeGreaterThan(chart.xLabels[i - 1]!.right);
      expect(chart.legend).toEqual(['Values', 'Target path', 'On target', 'Watch', 'Off target']);
      await page.close();
    });
  }

});
