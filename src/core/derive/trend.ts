/** Which way a metric moved since its previous value, and whether that is the better way. */
import type { MetricData } from '../schemas/metric.ts';
import type { Observation } from './observation.ts';

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** true when it moved the way the metric's direction calls better; null when flat or a range metric. */
  better: boolean | null;
  /** latest − previous, in the metric's unit. */
  change: number;
  /** The previous value's date. */
  since: string;
}

export function trendOf(metric: Pick<MetricData, 'direction'>, observations: Observation[]): Trend | null {
  const latest = observations.at(-1);
  const previous = observations.at(-2);
  if (!latest || !previous) return null;
  const change = Number((latest.value - previous.value).toPrecision(12));
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const better = direction === 'flat' || metric.direction === 'range' ? null : (direction === 'up') === (metric.direction === 'up');
  return { direction, better, change, since: previous.date };
}
