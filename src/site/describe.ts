/** Metric definitions in words: targets, thresholds, triggers and values as a reader says them. */
import type { LagCorrelation } from '../core/derive/correlation.ts';
import type { Cadence } from '../core/schemas/common.ts';
import type { MetricData, Target, Trigger } from '../core/schemas/metric.ts';
import { formatNumber, formatValue } from '../core/value-words.ts';

/** Values are said one way everywhere; pages import it from here with the other words. */
export { formatValue };

export function directionWords(direction: MetricData['direction']): string {
  return { up: 'Higher is better', down: 'Lower is better', range: 'Best within a band' }[direction];
}

export function describeTarget(target: Target, unit: string): string {
  const what = target.value !== undefined ? formatValue(target.value, unit) : `between ${formatValue(target.min!, unit)} and ${formatValue(target.max!, unit)}`;
  return `${what} by ${target.by}`;
}

export function describeThresholds(metric: MetricData): { green: string; amber: string; red: string } | undefined {
  const t = metric.thresholds;
  if (!t) return undefined;
  const v = (n: number) => formatValue(n, metric.unit);
  return metric.direction === 'down'
    ? { green: `at or below ${v(t.green)}`, amber: `above ${v(t.green)} and up to ${v(t.red)}`, red: `above ${v(t.red)}` }
    : { green: `at or above ${v(t.green)}`, amber: `from ${v(t.red)} up to below ${v(t.green)}`, red: `below ${v(t.red)}` };
}

export function describeCondition(when: Trigger['when'], unit: string): string {
  if ('above' in when) return `rises above ${formatValue(when.above, unit)}`;
  if ('below' in when) return `falls below ${formatValue(when.below, unit)}`;
  // A relative change: "-20%" is a fifth of the earlier value, whatever the metric's unit, so
  // for a percent metric it is not 20 percentage points; the words say so.
  const limit = Number(when.change.replace('%', ''));
  return `${limit < 0 ? 'falls' : 'rises'} by ${Math.abs(limit)}% or more of its value over a ${when.over} (a relative change)`;
}

/**
 * How much a value changed, in the metric's unit: a percent metric moves in percentage points
 * (60% to 62% is 2 percentage points), every other unit in itself.
 */
export function changeAmount(change: number, unit: string): string {
  const size = Math.abs(change);
  if (unit === 'percent') return `${formatNumber(size)} percentage ${size === 1 ? 'point' : 'points'}`;
  return formatValue(size, unit);
}

/** "up 0.6 percentage points", "down 3 days", "unchanged": a change from one value to the next. */
export function describeChange(change: number, unit: string): string {
  if (change === 0) return 'unchanged';
  return `${change > 0 ? 'up' : 'down'} ${changeAmount(change, unit)}`;
}

/** The strength of a correlation in words, from |r|; the bands are stated in docs/statuses.md. */
export const CORRELATION_BANDS = [
  { from: 0.7, word: 'strong' },
  { from: 0.4, word: 'moderate' },
  { from: 0.2, word: 'weak' },
  { from: 0, word: 'very weak' },
] as const;

export function correlationStrength(r: number): (typeof CORRELATION_BANDS)[number]['word'] {
  return CORRELATION_BANDS.find((band) => Math.abs(r) >= band.from)!.word;
}

const PERIOD_WORDS: Record<Cadence, string> = { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** "11 months", "1 week": a number of periods of a cadence. */
export function periods(n: number, cadence: Cadence): string {
  return `${n} ${PERIOD_WORDS[cadence]}${n === 1 ? '' : 's'}`;
}

/**
 * A lead-lag correlation as a sentence around the other metric's name: `before` + name + `after`.
 * `leads` is true on the leading metric's page. Lag 0 is "together in the same month", never "led by".
 */
export function describeCorrelation(best: LagCorrelation, cadence: Cadence, leads: boolean): { before: string; after: string } {
  const verb = best.r < 0 ? 'Moves opposite to ' : best.lag === 0 ? 'Moves together with ' : 'Moves with ';
  const when = best.lag === 0 ? ` in the same ${PERIOD_WORDS[cadence]}` : ` about ${periods(best.lag, cadence)} ${leads ? 'earlier' : 'later'}`;
  return { before: verb, after: `${when}: ${correlationStrength(best.r)}, over ${periods(best.pairs, cadence)} of data` };
}
