/**
 * Everything derived from observed values, computed once per analysis and shared by the site,
 * catalog.json and the rules: each metric's status, staleness, progress, trend and fired
 * triggers; each goal's rolled-up status; and how well each leading metric still leads. Only
 * values dated on or before the catalog's "as of" date count (see `metricState`).
 */
import type { Catalog, MetricNode } from '../graph.ts';
import { freshUntil } from '../periods.ts';
import { leadLagCorrelation, type LeadLag } from './correlation.ts';
import { splitAtToday } from './observation.ts';
import { progressOf, targetPath, type PathPoint, type Progress } from './progress.ts';
import { rollUpGoals } from './rollup.ts';
import { currentTarget, statusOf, type Status } from './status.ts';
import { firedTriggers, type FiredTrigger } from './triggers.ts';
import { trendOf, type Trend } from './trend.ts';

export interface MetricState {
  /**
   * The values everything here is derived from: the rows dated on or before the "as of" date,
   * oldest first. Use these, not the metric's raw rows, to show or judge the metric.
   */
  counted: MetricNode['observations'];
  /** Rows dated after the "as of" date: counted for nothing, reported by the `future-value` rule. */
  future: MetricNode['observations'];
  status: Status;
  stale: boolean;
  latest: { date: string; value: number } | null;
  /** The last day the latest value counts as fresh. */
  freshUntil: string | null;
  progress: Progress;
  path: PathPoint[];
  trend: Trend | null;
  fired: FiredTrigger[];
}

export interface DriverLink {
  from: string;
  to: string;
  correlation: LeadLag;
}

export interface Derived {
  metrics: Map<string, MetricState>;
  goals: Map<string, Status>;
  /** One per drives edge whose two metrics both have values that count. */
  drivers: DriverLink[];
}

export function metricState(metric: MetricNode, today: string): MetricState {
  // The one place values enter derivation: rows dated after the "as of" date stop here.
  const { counted: observations, future } = splitAtToday(metric.observations, today);
  const last = observations.at(-1);
  const until = last ? freshUntil(last.date, metric.data.cadence) : null;
  const stale = until !== null && today > until;
  return {
    counted: observations,
    future,
    // A stale value still has a status; `stale` says not to trust it, and pages show both.
    status: metric.data.status === 'retired' ? 'unknown' : statusOf(metric.data, last?.value, last?.date ?? today),
    stale,
    latest: last ? { date: last.date, value: last.value } : null,
    freshUntil: until,
    progress: progressOf(metric.data, observations),
    path: targetPath(metric.data, observations),
    trend: trendOf(metric.data, observations),
    fired: metric.data.status === 'active' ? firedTriggers(metric.data, observations) : [],
  };
}

export function deriveCatalog(catalog: Catalog): Derived {
  const metrics = new Map([...catalog.metrics.values()].map((m) => [m.id, metricState(m, catalog.today)]));
  const goals = rollUpGoals(catalog, (id) => metrics.get(id)?.status ?? 'unknown');
  const drivers: DriverLink[] = [];
  for (const metric of catalog.metrics.values()) {
    const leading = metrics.get(metric.id)!.counted;
    for (const targetId of metric.data.drives ?? []) {
      const target = catalog.metrics.get(targetId);
      const lagging = target && metrics.get(targetId)!.counted;
      if (!target || !lagging || !leading.length || !lagging.length) continue;
      drivers.push({ from: metric.id, to: targetId, correlation: leadLagCorrelation(leading, metric.data.cadence, lagging, target.data.cadence) });
    }
  }
  return { metrics, goals, drivers };
}

export { currentTarget };
export type { Status, Progress, Trend, FiredTrigger, LeadLag, PathPoint };
