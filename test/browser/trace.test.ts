/** In a real browser: from a metric page, follow the trace link by link up to the mission. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveDirectory } from '../helpers/browser.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { siteInBrowser } from '../helpers/site-in-browser.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const site = siteInBrowser(join(PROJECT_ROOT, 'test/fixtures/site-catalog'));

describe('a staff member tracing a metric to the mission', () => {
  it('reads why the metric matters, then reaches the mission by following the trace', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/metrics/headway-gaps/`);
    await expect(page.locator('[data-why]').textContent()).resolves.toContain('gaps are the first sign that buses will bunch');

    const visited: string[] = [];
    for (let step = 0; step < 3; step++) {
      // The trace list reads like the diagram, mission first: its last link is the nearest goal.
      // On a goal page the breadcrumb's last link is its parent.
      if (step === 0) await page.locator('[data-trace-list] summary').click();
      const next = step === 0 ? page.locator('[data-trace] a').last() : page.locator('[data-breadcrumb] a').last();
      await next.click();
      await page.waitForLoadState('domcontentloaded');
      visited.push((await page.locator('h1').textContent())!.trim());
    }
    await page.locator('[data-breadcrumb] a').last().click();
    visited.push((await page.locator('h1').textContent())!.trim());

    expect(visited).toEqual(['Dispatch <script>document.title="pwned"</script> closes gaps fast', 'Buses keep to the timetable', 'Reliable service riders can plan around', 'Move the city']);
    await expect(page.locator('.eyebrow').first().textContent()).resolves.toContain('Mission goal');
    // Catalog text stayed text: the script in a goal title never ran.
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});

describe('the trace of a metric that supports two goals (example catalog)', () => {
  it('draws one wide metric box whose name wraps at the box’s own width, not a column’s', async () => {
    const example = await sharedBuild(PROJECT_ROOT, '2026-11-23');
    expect(example.status).toBe(0);
    const exampleServer = await serveDirectory(example.outDir);
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${exampleServer.url}/metrics/depression-remission-12-months/`);
    const box = await page.locator('[data-diagram="trace"] svg g.self').evaluate((group) => {
      const rect = group.querySelector('rect')!.getBoundingClientRect();
      const svg = (group as SVGGElement).ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const titles = [...group.querySelectorAll<SVGTextElement>('text:not([class])')];
      return { width: rect.width / scale, lines: titles.length, longest: Math.max(...titles.map((t) => t.getComputedTextLength())) };
    });
    await page.close();
    await exampleServer.close();
    expect(box.width).toBeGreaterThan(2 * 196); // spans both goals' columns
    // "Depression remission at 12 months" takes two lines in a single column; across the box, one.
    expect(box.lines).toBe(1);
    expect(box.longest).toBeLessThanOrEqual(box.width - 16);
  });
});
