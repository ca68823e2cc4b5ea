/**
 * The overview as a scorecard: which objectives it shows and in what order, which metrics head
 * each one, how many metrics are in each status, and a metric's row in words (value, target, trend).
 */
import type { Derived, Status, Trend } from '../core/derive/index.ts';
import { currentTarget } from '../core/derive/status.ts';
import { descendantsOf, type Catalog, type GoalNode, type MetricNode } from '../core/graph.ts';
import { writtenText } from '../core/placeholders.ts';
import { changeAmount, describeTarget, describeThresholds } from './describe.ts';
import { href } from './links.ts';
import { STATUS_WORDS } from '../core/derive/status.ts';

/** The top goals under each mission, retired ones left out, in the configured perspective order. */
export function strategicObjectives(catalog: Catalog): GoalNode[] {
  const rank = (perspective: string | undefined) => {
    const index = perspective ? catalog.config.perspectives.indexOf(perspective) : -1;
    return index < 0 ? Infinity : index;
  };
  return catalog.roots
    .flatMap((root) => catalog.goals.get(root)!.children.map((id) => catalog.goals.get(id)!))
    .filter((g) => g.data.status !== 'retired')
    // The Balanced Scorecard reads top down by perspective; then by title.
    .sort((a, b) => rank(a.data.perspective) - rank(b.data.perspective) || a.data.title.localeCompare(b.data.title, 'en'));
}

export const HEADLINE_COUNT = 4;

/**
 * The rows of an objective's tile: its primary metrics (its own, then those of goals below it),
 * or its first metrics when none is primary; active metrics only. `total` counts them all.
 */
export function headlineMetrics(catalog: Catalog, goalId: string, count = HEADLINE_COUNT): { shown: MetricNode[]; total: number } {
  const goal = catalog.goals.get(goalId)!;
  const ids = [...new Set([...goal.metrics, ...descendantsOf(catalog, goalId).flatMap((g) => g.metrics)])];
  const active = ids.map((id) => catalog.metrics.get(id)!).filter((m) => m.data.status === 'active');
  const primary = active.filter((m) => m.data.primary);
  return { shown: (primary.length > 0 ? primary : active).slice(0, count), total: active.length };
}

export interface StatusCount {
  status: Status | 'stale';
  count: number;
  words: string;
  /** The metrics index filtered to these metrics, the way MetricFilters reads its URL. */
  url: string;
}

/** Active metrics per status, worst first, and how many are stale; each with its filtered index URL. */
export function statusCounts(catalog: Catalog, derived: Derived): { active: number; counts: StatusCount[] } {
  const active = [...catalog.metrics.values()].filter((m) => m.data.status === 'active').map((m) => derived.metrics.get(m.id)!);
  const order: Status[] = ['red', 'amber', 'green', 'unknown'];
  const counts: StatusCount[] = order.map((status) => ({ status, count: active.filter((s) => s.status === status).length, words: STATUS_WORDS[status].toLowerCase(), url: filteredIndex(status) }));
  counts.push({ status: 'stale', count: active.filter((s) => s.stale).length, words: 'stale', url: filteredIndex('stale') });
  return { active: active.length, counts };
}

const filteredIndex = (status: string) => `${href('metrics/')}?status=${encodeURIComponent(status)}`;

/**
 * What a target is, in words: the target in force on `date` (the date the status is judged at,
 * as the metric page's summary says it), else the green threshold, else nothing.
 */
export function targetWords(metric: MetricNode, date: string): string | undefined {
  const unit = writtenText(metric.data.unit) ?? '';
  const target = currentTarget(metric.data, date);
  if (target) return `Target ${describeTarget(target, unit)}`;
  const green = describeThresholds({ ...metric.data, unit })?.green;
  return green ? `On target ${green}` : undefined;
}

export const TREND_ARROWS: Record<Trend['direction'], string> = { up: '↑', down: '↓', flat: '→' };

/** A trend for a screen reader: "Up 0.5 percentage points since 2026-09-30, the better way". */
export function trendWords(trend: Trend, unit: string): string {
  if (trend.direction === 'flat') return `Unchanged since ${trend.since}`;
  return `${trend.direction === 'up' ? 'Up' : 'Down'} ${changeAmount(trend.change, unit)} since ${trend.since}${trendWay(trend)}`;
}

/** ", the better way", ", the worse way", or nothing when the metric has no better direction. */
export function trendWay(trend: Pick<Trend, 'better'>): string {
  return trend.better === null ? '' : trend.better ? ', the better way' : ', the worse way';
}
