/** Metric definitions in words: targets, thresholds, triggers and values as a reader says them. */
import type { MetricData, Target, Trigger } from '../core/schemas/metric.ts';

const UNIT_WORDS: Record<string, string> = { percent: '%', days: ' days', hours: ' hours', count: '', score: '', ratio: '' };

// One formatter each, made once: `toLocaleString` with options builds a new one per call, and
// pages format thousands of values (it was a quarter of page rendering time).
const WHOLE = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatValue(value: number, unit: string): string {
  const number = Number.isInteger(value) ? WHOLE.format(value) : DECIMAL.format(value);
  if (unit in UNIT_WORDS) return `${number}${UNIT_WORDS[unit]}`;
  return `${number} ${unit}`;
}

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
  return `changes by ${when.change} over a ${when.over}`;
}
