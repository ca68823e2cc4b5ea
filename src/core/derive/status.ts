/**
 * A metric's status from its latest value: green, amber or red against its thresholds (or, for a
 * range metric, its current target band), unknown when there is no value or nothing to judge by.
 */
import type { MetricData, Target } from '../schemas/metric.ts';

export type Status = 'green' | 'amber' | 'red' | 'unknown';
export const STATUSES: readonly Status[] = ['green', 'amber', 'red', 'unknown'];
/** Each status as the site says it, always beside its colour. */
export const STATUS_WORDS: Record<Status, string> = { green: 'On target', amber: 'Watch', red: 'Off target', unknown: 'No status' };

/** How far outside a range band still counts as amber: this share of the band's width. */
export const RANGE_AMBER_SHARE = 0.1;

export function targetsOf(metric: Pick<MetricData, 'target'>): Target[] {
  return metric.target === undefined ? [] : Array.isArray(metric.target) ? metric.target : [metric.target];
}

/** The target in force on `date`: the first one not yet due, else the last one. */
export function currentTarget(metric: Pick<MetricData, 'target'>, date: string): Target | undefined {
  const targets = targetsOf(metric);
  return targets.find((t) => t.by >= date) ?? targets.at(-1);
}

export function statusOf(metric: Pick<MetricData, 'direction' | 'thresholds' | 'target'>, value: number | undefined, date: string): Status {
  if (value === undefined) return 'unknown';
  if (metric.direction === 'range') {
    const band = currentTarget(metric, date);
    if (band?.min === undefined || band.max === undefined) return 'unknown';
    if (value >= band.min && value <= band.max) return 'green';
    const slack = (band.max - band.min) * RANGE_AMBER_SHARE;
    return value >= band.min - slack && value <= band.max + slack ? 'amber' : 'red';
  }
  const t = metric.thresholds;
  if (!t) return 'unknown';
  if (metric.direction === 'up') return value >= t.green ? 'green' : value < t.red ? 'red' : 'amber';
  return value <= t.green ? 'green' : value > t.red ? 'red' : 'amber';
}
