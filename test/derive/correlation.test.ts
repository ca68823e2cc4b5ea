import { describe, expect, it } from 'vitest';
import { bucket, coarser, leadLagCorrelation, pearson, periodIndex } from '../../src/core/derive/correlation.ts';

const monthly = (values: number[]) => values.map((value, i) => ({ date: `2025-${String(i + 1).padStart(2, '0')}-15`, value }));

describe('periods', () => {
  it('numbers consecutive periods consecutively', () => {
    expect(periodIndex('2026-01-31', 'monthly') - periodIndex('2025-12-01', 'monthly')).toBe(1);
    expect(periodIndex('2026-04-01', 'quarterly') - periodIndex('2026-03-31', 'quarterly')).toBe(1);
    // Monday 2026-11-16 starts a new week; Sunday 2026-11-15 ends the previous one.
    expect(periodIndex('2026-11-16', 'weekly') - periodIndex('2026-11-15', 'weekly')).toBe(1);
    expect(periodIndex('2026-11-22', 'weekly')).toBe(periodIndex('2026-11-16', 'weekly'));
  });

  it('averages values within a period, on the coarser cadence of the two', () => {
    expect(coarser('weekly', 'monthly')).toBe('monthly');
    expect([...bucket([{ date: '2026-01-05', value: 2 }, { date: '2026-01-26', value: 4 }], 'monthly').values()]).toEqual([3]);
  });
});

describe('correlation', () => {
  it('computes Pearson r for known series', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 10);
    // Hand-computed: x̄=3, ȳ=3.2, Σdxdy=3, Σdx²=10, Σdy²=2.8 → r = 3/√28 = 0.5669.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 3, 3, 4])).toBeCloseTo(0.5669, 4);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('finds the lag at which a leading series predicts the lagging one', () => {
    const lead = [3, 7, 1, 9, 4, 6, 2, 8, 5, 5, 3, 9];
    // The outcome repeats the leading series two months later.
    const lag = [0, 0, ...lead.slice(0, 10)];
    const result = leadLagCorrelation(monthly(lead), 'monthly', monthly(lag), 'monthly');
    expect(result.best).toEqual({ lag: 2, r: 1, pairs: 10 });
    expect(result.byLag.map((c) => c.lag)).toEqual([0, 1, 2, 3]);
  });

  it('reports no best lag without enough paired periods', () => {
    expect(leadLagCorrelation(monthly([1, 2]), 'monthly', monthly([2, 4]), 'monthly').best).toBeNull();
  });
});
