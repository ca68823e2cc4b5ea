import { describe, expect, it } from 'vitest';
import { expectedOn, progressOf, targetPath } from '../../src/core/derive/progress.ts';
import { trendOf } from '../../src/core/derive/trend.ts';

const obs = (...rows: [string, number][]) => rows.map(([date, value]) => ({ date, value }));

describe('target path and progress', () => {
  const metric = { direction: 'up' as const, baseline: { value: 50, date: '2026-01-01' }, target: { value: 70, by: '2026-12-31' } };

  it('runs from the baseline to each target', () => {
    expect(targetPath(metric, [])).toEqual([{ date: '2026-01-01', value: 50 }, { date: '2026-12-31', value: 70 }]);
    const stepped = { ...metric, target: [{ value: 60, by: '2026-06-30' }, { value: 70, by: '2026-12-31' }] };
    expect(targetPath(stepped, []).map((p) => p.value)).toEqual([50, 60, 70]);
  });

  it('starts at the first value when there is no baseline', () => {
    expect(targetPath({ direction: 'down', target: { value: 5, by: '2026-12-31' } }, obs(['2026-02-01', 9]))[0]).toEqual({ date: '2026-02-01', value: 9 });
  });

  it('interpolates the expected value by date and stays flat after the last target', () => {
    const path = targetPath(metric, []);
    // 2026-07-02 is 182 of 364 days along: halfway.
    expect(expectedOn(path, '2026-07-02')).toBeCloseTo(60, 5);
    expect(expectedOn(path, '2027-03-01')).toBe(70);
    expect(expectedOn(path, '2025-12-01')).toBeUndefined();
  });

  it('is on track at or above the path, behind below it, met at the final target', () => {
    expect(progressOf(metric, obs(['2026-07-02', 60]))).toBe('on-track');
    expect(progressOf(metric, obs(['2026-07-02', 59]))).toBe('behind');
    expect(progressOf(metric, obs(['2026-07-02', 71]))).toBe('met');
    expect(progressOf({ ...metric, direction: 'down', baseline: { value: 12, date: '2026-01-01' }, target: { value: 5, by: '2026-12-31' } }, obs(['2026-07-02', 8.4]))).toBe('on-track');
  });

  it('is unknown without values, targets, or for range metrics', () => {
    expect(progressOf(metric, [])).toBe('unknown');
    expect(progressOf({ direction: 'up' }, obs(['2026-01-01', 1]))).toBe('unknown');
    expect(progressOf({ direction: 'range', target: { min: 1, max: 2, by: '2026-12-31' } }, obs(['2026-01-01', 1]))).toBe('unknown');
  });
});

describe('trend', () => {
  it('says which way it moved since the previous value and whether that is better', () => {
    expect(trendOf({ direction: 'up' }, obs(['2026-01-01', 5], ['2026-02-01', 7]))).toEqual({ direction: 'up', better: true, change: 2, since: '2026-01-01' });
    expect(trendOf({ direction: 'down' }, obs(['2026-01-01', 5], ['2026-02-01', 7]))!.better).toBe(false);
    expect(trendOf({ direction: 'down' }, obs(['2026-01-01', 0.3], ['2026-02-01', 0.1]))).toMatchObject({ direction: 'down', better: true, change: -0.2 });
    expect(trendOf({ direction: 'up' }, obs(['2026-01-01', 5], ['2026-02-01', 5]))).toMatchObject({ direction: 'flat', better: null });
    expect(trendOf({ direction: 'range' }, obs(['2026-01-01', 5], ['2026-02-01', 6]))!.better).toBeNull();
  });

  it('needs two values', () => {
    expect(trendOf({ direction: 'up' }, obs(['2026-01-01', 5]))).toBeNull();
  });
});
