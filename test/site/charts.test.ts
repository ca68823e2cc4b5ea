/** The trend chart's x axis: enough month labels for the width, never crowded. */
import { describe, expect, it } from 'vitest';
import { CHART_SIZES, MIN_TICK_GAP, trendChart } from '../../src/site/charts.ts';

const monthEnds = (n: number) => Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2025, i + 1, 0)).toISOString().slice(0, 10), value: 60 + i / 3 }));
const ticks = (points: { date: string; value: number }[], size: keyof typeof CHART_SIZES) =>
  trendChart({ points, path: [], direction: 'up' }, CHART_SIZES[size].width, CHART_SIZES[size].height)!.xTicks;

describe('x labels', () => {
  it('gives 22 months at least four labels, spaced apart, at both widths, the year under the first label of each year', () => {
    for (const size of ['wide', 'narrow'] as const) {
      const labels = ticks(monthEnds(22), size);
      expect(labels.length, size).toBeGreaterThanOrEqual(4);
      labels.forEach((t, i) => i > 0 && expect(t.x - labels[i - 1]!.x).toBeGreaterThanOrEqual(MIN_TICK_GAP));
      expect(labels.filter((t) => t.year).map((t) => t.year)).toEqual(['2025', '2026']);
    }
    expect(ticks(monthEnds(22), 'narrow').map((t) => t.label)).toEqual(['Apr', 'Jul', 'Oct', 'Jan', 'Apr', 'Jul', 'Oct']);
  });

  it('labels days for a few weeks of values, and years alone for many years on a narrow chart', () => {
    expect(ticks([{ date: '2026-10-05', value: 1 }, { date: '2026-10-26', value: 2 }], 'narrow').map((t) => t.label)).toEqual(['8 Oct', '15 Oct', '22 Oct']);
    const years = ticks(Array.from({ length: 12 }, (_, i) => ({ date: `${2010 + i}-06-30`, value: i })), 'narrow');
    expect(years.map((t) => t.label)).toEqual(['2011', '2013', '2015', '2017', '2019', '2021']);
  });
});
