import { describe, expect, it } from 'vitest';
import { currentTarget, statusOf } from '../../src/core/derive/status.ts';

const up = { direction: 'up' as const, thresholds: { green: 80, red: 60 } };
const down = { direction: 'down' as const, thresholds: { green: 5, red: 9 } };
const range = { direction: 'range' as const, target: [{ min: 75, max: 85, by: '2026-06-30' }, { min: 80, max: 90, by: '2026-12-31' }] };

describe('status from thresholds', () => {
  it.each([
    [95, 'green'], [80, 'green'], [79.9, 'amber'], [60, 'amber'], [59.9, 'red'],
  ])('direction up: %s is %s', (value, status) => {
    expect(statusOf(up, value, '2026-11-01')).toBe(status);
  });

  it.each([
    [1, 'green'], [5, 'green'], [5.1, 'amber'], [9, 'amber'], [9.1, 'red'],
  ])('direction down: %s is %s', (value, status) => {
    expect(statusOf(down, value, '2026-11-01')).toBe(status);
  });

  it('is unknown without a value or without thresholds', () => {
    expect(statusOf(up, undefined, '2026-11-01')).toBe('unknown');
    expect(statusOf({ direction: 'up' }, 50, '2026-11-01')).toBe('unknown');
  });
});

describe('status of a range metric against its current band', () => {
  it('uses the first target not yet due, then the last one', () => {
    expect(currentTarget(range, '2026-03-01')).toEqual(range.target[0]);
    expect(currentTarget(range, '2026-07-01')).toEqual(range.target[1]);
    expect(currentTarget(range, '2027-07-01')).toEqual(range.target[1]);
  });

  it.each([
    ['2026-03-01', 75, 'green'], ['2026-03-01', 85, 'green'], ['2026-03-01', 74, 'amber'], ['2026-03-01', 86, 'amber'],
    ['2026-03-01', 73.9, 'red'], ['2026-03-01', 86.1, 'red'], ['2026-09-01', 79.5, 'amber'], ['2026-09-01', 78, 'red'], ['2026-09-01', 88, 'green'],
  ])('on %s, %s is %s (amber within a tenth of the band width outside it)', (date, value, status) => {
    expect(statusOf(range, value, date)).toBe(status);
  });

  it('is unknown without a band', () => {
    expect(statusOf({ direction: 'range' }, 80, '2026-01-01')).toBe('unknown');
  });
});
