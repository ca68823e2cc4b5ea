import { describe, expect, it } from 'vitest';
import { firedTriggers } from '../../src/core/derive/triggers.ts';

const obs = (...rows: [string, number][]) => rows.map(([date, value]) => ({ date, value }));
const metric = (when: object, owner?: string) => ({ owner: 'ops', triggers: [{ when, action: 'Act.', ...(owner ? { owner } : {}) }] }) as never;

describe('trigger evaluation on the latest value', () => {
  it('fires above and below strictly past the level', () => {
    expect(firedTriggers(metric({ above: 9 }), obs(['2026-01-05', 9.5]))).toHaveLength(1);
    expect(firedTriggers(metric({ above: 9 }), obs(['2026-01-05', 9]))).toHaveLength(0);
    expect(firedTriggers(metric({ below: 9 }), obs(['2026-01-05', 8.9]))).toHaveLength(1);
    expect(firedTriggers(metric({ below: 9 }), obs(['2026-01-05', 9]))).toHaveLength(0);
  });

  it('only looks at the latest value', () => {
    expect(firedTriggers(metric({ above: 9 }), obs(['2026-01-05', 12], ['2026-01-12', 8]))).toHaveLength(0);
  });

  it('compares a change with the last value on or before one period back', () => {
    const weekly = obs(['2026-01-05', 100], ['2026-01-12', 95], ['2026-01-19', 79]);
    // 79 vs 95 a week earlier: −16.8%.
    expect(firedTriggers(metric({ change: '-15%', over: 'week' }), weekly)[0]!.reason).toBe('-16.8% from 95 on 2026-01-12 to 79 on 2026-01-19 (trigger at -15% over a week)');
    expect(firedTriggers(metric({ change: '-20%', over: 'week' }), weekly)).toHaveLength(0);
    // Over a month, 2025-12-19 has no value on or before it, so nothing to compare with.
    expect(firedTriggers(metric({ change: '-20%', over: 'month' }), weekly)).toHaveLength(0);
    const monthly = obs(['2026-01-31', 10], ['2026-02-28', 11], ['2026-03-31', 12], ['2026-04-30', 12.5]);
    // A quarter before 2026-04-30 is 2026-01-30; the last value on or before it is none, so nothing fires…
    expect(firedTriggers(metric({ change: '+20%', over: 'quarter' }), monthly)).toHaveLength(0);
    // …but a month before 2026-04-30 is 2026-03-30, whose last value is 11 (2026-02-28): +13.6%.
    expect(firedTriggers(metric({ change: '+10%', over: 'month' }), monthly)).toHaveLength(1);
    expect(firedTriggers(metric({ change: '+15%', over: 'month' }), monthly)).toHaveLength(0);
  });

  it('names who acts: the trigger owner, else the metric owner', () => {
    expect(firedTriggers(metric({ above: 1 }, 'scheduling'), obs(['2026-01-05', 2]))[0]!.owner).toBe('scheduling');
    expect(firedTriggers(metric({ above: 1 }), obs(['2026-01-05', 2]))[0]!.owner).toBe('ops');
  });

  it('fires nothing without values', () => {
    expect(firedTriggers(metric({ above: 1 }), [])).toEqual([]);
  });
});
