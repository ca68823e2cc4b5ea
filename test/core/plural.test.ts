/** One way to write a count and its noun: "1 owner", "2 owners", "0 owners", wherever it is printed. */
import { describe, expect, it } from 'vitest';
import { describePeriod } from '../../src/core/periods.ts';
import { noun, plural } from '../../src/core/plural.ts';
import { summary } from '../../src/features/report.ts';
import { formatSummary } from '../../src/import/report.ts';
import type { ImportPlan } from '../../src/import/plan.ts';

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(plural(1, 'owner')).toBe('1 owner');
    expect(plural(2, 'owner')).toBe('2 owners');
    expect(plural(0, 'owner')).toBe('0 owners');
    expect(plural(1.5, 'day')).toBe('1.5 days');
    expect(plural(-1, 'day')).toBe('-1 days');
  });

  it('takes the plural when it is not the noun plus "s"', () => {
    expect(plural(1, 'team or person', 'teams and people')).toBe('1 team or person');
    expect(plural(3, 'team or person', 'teams and people')).toBe('3 teams and people');
    expect(plural(2, 'performance indicator')).toBe('2 performance indicators');
  });

  it('noun gives the word alone, for a count shown apart or a verb that agrees', () => {
    expect(noun(1, 'metric')).toBe('metric');
    expect(noun(4, 'metric')).toBe('metrics');
    expect(noun(1, 'is', 'are')).toBe('is');
    expect(noun(0, 'is', 'are')).toBe('are');
  });
});

describe('count phrases built with it', () => {
  it('check and build summaries', () => {
    expect(summary([], 1)).toBe('0 errors, 0 warnings in 1 file');
  });

  it('periods', () => {
    expect(describePeriod({ months: 1, days: 1 })).toBe('1 month + 1 day');
    expect(describePeriod({ months: 0, days: 10 })).toBe('10 days');
  });

  it('the import summary: one row is "1 row", not "1 rows"', () => {
    const plan: ImportPlan = { kind: 'csv', source: 'kpis.csv', config: {}, entries: [], sourceEntries: 1, skipped: [], notes: [] };
    expect(formatSummary(plan, [], {}).split('\n')[0]).toBe('KPI register (CSV): 1 row in the source, 0 imported, 0 not imported.');
    const hub: ImportPlan = { ...plan, kind: 'metric-hub', sourceEntries: 1 };
    expect(formatSummary(hub, [], {}).split('\n')[0]).toBe('Mozilla metric-hub definitions: 1 metric in the source, 0 imported, 0 not imported.');
  });
});
