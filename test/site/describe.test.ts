/** Values, changes, triggers and correlations in words: percentage points against percent, lag 0 against lag n. */
import { describe, expect, it } from 'vitest';
import { changeAmount, correlationStrength, describeChange, describeCondition, describeCorrelation, formatValue } from '../../src/site/describe.ts';

describe('changes', () => {
  it('words a change of a percent metric in percentage points, of any other unit in that unit', () => {
    expect(describeChange(0.6, 'percent')).toBe('up 0.6 percentage points');
    expect(describeChange(-1, 'percent')).toBe('down 1 percentage point');
    expect(describeChange(-2.25, 'days')).toBe('down 2.25 days');
    expect(describeChange(1200, 'count')).toBe('up 1,200');
    expect(describeChange(0, 'percent')).toBe('unchanged');
    expect(changeAmount(-0.5, 'percent')).toBe('0.5 percentage points');
  });

  it('says a change trigger is relative, so a percent metric’s "-3%" is not read as 3 points', () => {
    expect(describeCondition({ change: '-3%', over: 'month' }, 'percent')).toBe('falls by 3% or more of its value over a month (a relative change)');
    expect(describeCondition({ change: '+20%', over: 'week' }, 'count')).toBe('rises by 20% or more of its value over a week (a relative change)');
    expect(describeCondition({ below: 60 }, 'percent')).toBe('falls below 60%');
  });
});

describe('correlations', () => {
  const sentence = (words: { before: string; after: string }) => `${words.before}X${words.after}`;

  it('says lag 0 is "together in the same month", never led by', () => {
    expect(sentence(describeCorrelation({ lag: 0, r: 0.943, pairs: 11 }, 'monthly', true))).toBe('Moves together with X in the same month: strong, over 11 months of data');
    expect(sentence(describeCorrelation({ lag: 0, r: 0.943, pairs: 11 }, 'monthly', false))).toBe('Moves together with X in the same month: strong, over 11 months of data');
  });

  it('says which moves first for lag n, in the cadence’s periods', () => {
    expect(sentence(describeCorrelation({ lag: 2, r: 0.55, pairs: 18 }, 'monthly', true))).toBe('Moves with X about 2 months earlier: moderate, over 18 months of data');
    expect(sentence(describeCorrelation({ lag: 1, r: 0.3, pairs: 12 }, 'weekly', false))).toBe('Moves with X about 1 week later: weak, over 12 weeks of data');
  });

  it('says a negative correlation moves opposite', () => {
    expect(sentence(describeCorrelation({ lag: 1, r: -0.81, pairs: 9 }, 'quarterly', true))).toBe('Moves opposite to X about 1 quarter earlier: strong, over 9 quarters of data');
  });

  it('names the strength from |r| in the bands docs/statuses.md states', () => {
    expect([0.7, 0.69, 0.4, 0.39, 0.2, 0.19, 0, -0.75].map(correlationStrength)).toEqual(['strong', 'moderate', 'moderate', 'weak', 'weak', 'very weak', 'very weak', 'strong']);
  });
});

describe('values', () => {
  it('says a value with its unit, and leaves out a unit an import left open', () => {
    expect(formatValue(67, 'percent')).toBe('67%');
    expect(formatValue(4440000, 'USD')).toBe('4,440,000 USD');
    expect(formatValue(12.345, 'days')).toBe('12.35 days');
    expect(formatValue(3, 'TODO(import): the source states no unit.')).toBe('3');
  });
});
