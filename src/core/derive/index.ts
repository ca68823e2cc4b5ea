/**
 * Everything derived from observed values, computed once per analysis and shared by the site,
 * catalog.json and the rules: each metric's status, staleness, progress, trend and fired
 * triggers; each goal's rolled-up status; and how well each leading metric still leads. Only
 * values dated on or before the catalog's "as of" date reach it (the graph keeps the rest apart).
 */
import type { Catalog, MetricNode } from '../graph.ts';
import { freshUntil } from '../periods.ts';
import { leadLagCorrelation, type LeadLag } from './correlation.ts';
import { progressOf, targetPath, type PathPoint, type Progress } from './progress.ts';
import { rollUpGoals } from './rollup.ts';
import { statusOf, type Status } from './status.ts';
import { firedTriggers, type FiredTrigger } from './triggers.ts';
import { trendOf, type Trend } from './trend.ts';

export interface MetricState {
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
  const { observations } = metric;
  const last = observations.at(-1);
  const until = last ? freshUntil(last.date, metric.data.cadence) : null;
  const stale = until !== null && today > until;
  return {
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
    const leading = metric.observations;
    for (const targetId of metric.data.drives ?? []) {
      const target = catalog.metrics.get(targetId);
      const lagging = target?.observations;
      if (!target || !lagging || !leading.length || !lagging.length) continue;
      drivers.push({ from: metric.id, to: targetId, correlation: leadLagCorrelation(leading, metric.data.cadence, lagging, target.data.cadence) });
    }
  }
  return { metrics, goals, drivers };
}

export type { Status, Progress, Trend, FiredTrigger, LeadLag, PathPoint };
