/** Free-text targets: what a phrase clearly says (comparison, number, unit), and what it does not. */
import { describe, expect, it } from 'vitest';
import { describeParsed, parseTargetText, readNumber } from '../../src/import/targets.ts';

/** Phrases as they appear in GitLab's performance indicators (2022-11 snapshot). */
const PHRASES: [string, string | undefined][] = [
  ['at or above 84%', 'at-or-above 84 percent up'],
  ['At or above 95%', 'at-or-above 95 percent up'],
  ['At or above 95% to Priority Support SLAs', 'at-or-above 95 percent up'],
  ['Above 120 contributors per month', 'above 120 - up'],
  ['Above 99.95%', 'above 99.95 percent up'],
  ['equal or greater than 99.95%', 'at-or-above 99.95 percent up'],
  ['Greater than 6 MRs per Month', 'above 6 - up'],
  ['Greater than 0.55 per person per month', 'above 0.55 - up'],
  ['At or greater than 200 MR Reviews per month', 'at-or-above 200 - up'],
  ['more than 120 hours', 'above 120 hours up'],
  ['Below 5% (placeholder)', 'below 5 percent down'],
  ['Below 20%', 'below 20 percent down'],
  ['Below 15 minutes', 'below 15 minutes down'],
  ['Below 60 days', 'below 60 days down'],
  ['Below 2500ms at the 90th percentile', 'below 2500 milliseconds down'],
  ['Below 0.58', 'below 0.58 - down'],
  ['below 0', 'below 0 - down'],
  ['at or below 50 days', 'at-or-below 50 days down'],
  ['At or below 0.61', 'at-or-below 0.61 - down'],
  ['at or below 5 open issues', 'at-or-below 5 - down'],
  ['The target for this metric is at or below 10:1', 'at-or-below 10 - down'],
  ['Headcount and non-headcount expenses to be at or below 10% of ARR', 'at-or-below 10 percent down'],
  ['less than 12 hours', 'below 12 hours down'],
  ['less than $10K/Month', 'below 10000 USD down'],
  ['Less than 10% are over 14 days', 'below 10 percent down'],
  ['< 5% change in proportion of MRs with undefined label', 'below 5 percent down'],
  ['<.58 average location factor', 'below 0.58 - down'],
  ['Number of pages/month does not exceed +50% of monthly average of the last 12 months for 3 consecutive months', 'at-or-below 50 percent down'],
  ['5% increase in overall score from previous benchmarking, maintaining an overall score above 79/100.', 'above 79 - up'],
  // No comparison: no direction is read.
  ['At 48 Software Engineers in Test', undefined],
  ['at 90 mins', undefined],
  ['at or within 5% of Fiscal Year Operating plan', undefined],
  ['12%', undefined],
  ['77 (out of 100)', undefined],
  ['TBD', undefined],
  ['Greater than TBD MRs per month', undefined],
  ['See Sisense for target', undefined],
  ['Confidential, in Adaptive', undefined],
  ["It's against company policy to set diversity quotas (but we may add benchmarks to compare ourselves against).", undefined],
];

describe('parseTargetText', () => {
  it.each(PHRASES)('"%s" → %s', (phrase, expected) => {
    const parsed = parseTargetText(phrase);
    expect(parsed ? `${parsed.comparison} ${parsed.value} ${parsed.unit ?? '-'} ${parsed.direction}` : undefined).toBe(expected);
  });

  it('says what it read, for the report', () => {
    expect(describeParsed(parseTargetText('at or above 84%')!)).toBe('at or above 84 percent → direction up, unit percent');
    expect(parseTargetText('Above 120 contributors per month')!.matched).toBe('Above 120');
  });
});

describe('readNumber', () => {
  it('reads numbers as people write them, with their unit', () => {
    expect(readNumber('12%')).toMatchObject({ value: 12, unit: 'percent' });
    expect(readNumber('1,200')).toMatchObject({ value: 1200, unit: undefined });
    expect(readNumber('$1.2M')).toMatchObject({ value: 1_200_000, unit: 'USD' });
    expect(readNumber('€15k')).toMatchObject({ value: 15_000, unit: 'EUR' });
    expect(readNumber('7 days (until further data is provided)')).toMatchObject({ value: 7, unit: 'days' });
    expect(readNumber('-3.5')).toMatchObject({ value: -3.5 });
    expect(readNumber('TBD')).toBeUndefined();
  });
});
