import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addPeriod, daysBetween, describePeriod, freshUntil, reviewDueBy } from '../../src/core/periods.ts';

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-11-30', 1)).toBe('2026-12-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-06-30', 12)).toBe('2027-06-30');
  });

  it('clamps the day to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('moves back with a negative count, across years', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10');
    expect(addMonths('2026-02-10', -14)).toBe('2024-12-10');
  });

  it('moves exactly n calendar months and never past the original day', () => {
    const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (start, n) => {
        const moved = addMonths(start, n);
        const [y0, m0, d0] = start.split('-').map(Number) as [number, number, number];
        const [y1, m1, d1] = moved.split('-').map(Number) as [number, number, number];
        expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(n);
        expect(d1).toBeLessThanOrEqual(d0);
        expect(d1 === d0 || d1 >= 28).toBe(true);
      }),
    );
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-11-23', '2026-11-16')).toBe(-7);
  });

  it('are inverse to each other', () => {
    const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(date, fc.integer({ min: -5000, max: 5000 }), (start, n) => daysBetween(start, addDays(start, n)) === n));
  });
});

describe('freshUntil: one period of the cadence plus a grace', () => {
  it.each([
    ['daily', '2026-11-21', '2026-11-23'], // 1 + 1 days
    ['weekly', '2026-11-13', '2026-11-23'], // 7 + 3 days
    ['monthly', '2026-09-30', '2026-11-14'], // 1 month (clamped to 10-30) + 15 days
    ['quarterly', '2026-07-23', '2026-11-23'], // 3 months + 1 month
    ['yearly', '2025-09-23', '2026-11-23'], // 12 months + 2 months
  ] as const)('%s data from %s is fresh until %s', (cadence, latest, until) => {
    expect(freshUntil(latest, cadence)).toBe(until);
  });

  it('adds months before days, so month ends clamp first', () => {
    expect(freshUntil('2026-01-31', 'monthly')).toBe('2026-03-15'); // 02-28 + 15 days
    expect(addPeriod('2026-01-31', { months: 1, days: 1 })).toBe('2026-03-01');
  });
});

describe('reviewDueBy: one period plus 10% of it (at least a day)', () => {
  it.each([
    ['daily', '2026-11-21', '2026-11-23'], // 1 + 1 days
    ['weekly', '2026-11-15', '2026-11-23'], // 7 + 1 days
    ['monthly', '2026-10-20', '2026-11-23'], // 1 month + 3 days
    ['quarterly', '2026-08-14', '2026-11-23'], // 3 months + 9 days
    ['yearly', '2025-10-18', '2026-11-23'], // 12 months + 36 days
  ] as const)('a %s review last done %s is due by %s', (every, last, due) => {
    expect(reviewDueBy(last, every)).toBe(due);
  });
});

describe('describePeriod', () => {
  it('says months and days in words', () => {
    expect(describePeriod({ months: 1, days: 15 })).toBe('1 month + 15 days');
    expect(describePeriod({ months: 3, days: 0 })).toBe('3 months');
    expect(describePeriod({ months: 0, days: 1 })).toBe('1 day');
  });
});
