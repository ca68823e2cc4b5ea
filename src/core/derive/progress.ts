/**
 * Progress against the target path: a straight line from the baseline (or the first value) to
 * each target in turn. A metric is on track when its latest value is at least as good as the
 * path says it should be by that date, the way commercial scorecards plot "expected" values.
 */
import { daysBetween } from '../periods.ts';
import type { MetricData } from '../schemas/metric.ts';
import type { Observation } from './observation.ts';
import { targetsOf } from './status.ts';

export type Progress = 'on-track' | 'behind' | 'met' | 'unknown';

export interface PathPoint {
  date: string;
  value: number;
}

/** The points of the target path, oldest first; empty for range metrics or without targets. */
export function targetPath(metric: Pick<MetricData, 'direction' | 'target' | 'baseline'>, observations: Observation[]): PathPoint[] {
  if (metric.direction === 'range') return [];
  const targets = targetsOf(metric).filter((t) => t.value !== undefined);
  const start = metric.baseline ?? (observations[0] ? { date: observations[0].date, value: observations[0].value } : undefined);
  if (!start || targets.length === 0) return [];
  return [{ date: start.date, value: start.value }, ...targets.map((t) => ({ date: t.by, value: t.value! }))].filter(
    (point, i, all) => i === 0 || point.date > all[i - 1]!.date,
  );
}

/** The path's expected value on a date: interpolated between points, flat after the last one. */
export function expectedOn(path: PathPoint[], date: string): number | undefined {
  if (path.length < 2 || date < path[0]!.date) return undefined;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    if (date <= to.date) {
      const share = daysBetween(from.date, date) / Math.max(1, daysBetween(from.date, to.date));
      return from.value + (to.value - from.value) * share;
    }
  }
  return path.at(-1)!.value;
}

export function progressOf(metric: Pick<MetricData, 'direction' | 'target' | 'baseline'>, observations: Observation[]): Progress {
  const latest = observations.at(-1);
  const path = targetPath(metric, observations);
  if (!latest || path.length < 2) return 'unknown';
  const better = (a: number, b: number) => (metric.direction === 'up' ? a >= b : a <= b);
  const final = path.at(-1)!;
  if (better(latest.value, final.value)) return 'met';
  const expected = expectedOn(path, latest.date);
  if (expected === undefined) return 'unknown';
  return better(latest.value, expected) ? 'on-track' : 'behind';
}
