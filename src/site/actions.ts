/**
 * What needs action: fired triggers across the catalog, grouped one line per metric and ordered
 * worst first, and the honest sentence to show when nothing fired.
 */
import type { Analysis } from '../core/analyze.ts';
import type { Derived, FiredTrigger, Status } from '../core/derive/index.ts';
import type { MetricNode } from '../core/graph.ts';
import { plural } from '../core/plural.ts';
import { formatValue } from './describe.ts';

export interface ActionItem {
  metric: MetricNode;
  fired: FiredTrigger;
}

export function firedTriggerItems({ catalog, derived }: Analysis, owner?: string): ActionItem[] {
  return [...catalog.metrics.values()]
    .flatMap((metric) => derived.metrics.get(metric.id)!.fired.map((fired) => ({ metric, fired })))
    .filter((item) => owner === undefined || item.fired.owner === owner);
}

/** One metric with every trigger that fired on it. */
export interface ActionLine {
  metric: MetricNode;
  status: Status;
  fired: FiredTrigger[];
  /** Each fired trigger's condition in a few words: "126.6 above 125". */
  conditions: string[];
  /** Who acts, each owner once, in the order the triggers name them. */
  owners: string[];
}

/** Worst first: what is off target before what is only being watched. */
const WORST_FIRST: Record<Status, number> = { red: 0, amber: 1, unknown: 2, green: 3 };

export function actionLines(items: ActionItem[], derived: Derived): ActionLine[] {
  const byMetric = Map.groupBy(items, (item) => item.metric);
  return [...byMetric]
    .map(([metric, group]) => {
      const fired = group.map((item) => item.fired);
      const latest = derived.metrics.get(metric.id)!.latest;
      return {
        metric,
        status: derived.metrics.get(metric.id)!.status,
        fired,
        conditions: fired.map((f) => shortCondition(f, latest?.value, metric.data.unit)),
        owners: [...new Set(fired.map((f) => f.owner))],
      };
    })
    .sort((a, b) => WORST_FIRST[a.status] - WORST_FIRST[b.status] || b.fired.length - a.fired.length || a.metric.data.name.localeCompare(b.metric.data.name, 'en'));
}

/** A value with only a short unit (%, days, hours): a long one ("ED visits per 1,000 patients") would not fit one line. */
export function shortValue(value: number, unit: string): string {
  return formatValue(value, SHORT_UNITS.has(unit) ? unit : 'count');
}
const SHORT_UNITS = new Set(['percent', 'days', 'hours']);

/** Why a trigger fired, short enough for one line: "126.6 above 125", "+10.2% over a quarter (limit +10%)". */
export function shortCondition(fired: FiredTrigger, latest: number | undefined, unit: string): string {
  const when = fired.trigger.when;
  if (latest !== undefined && 'above' in when) return `${shortValue(latest, unit)} above ${shortValue(when.above, unit)}`;
  if (latest !== undefined && 'below' in when) return `${shortValue(latest, unit)} below ${shortValue(when.below, unit)}`;
  if ('change' in when) {
    // The reason core/derive/triggers.ts writes for a change starts with the change itself ("+10.2% from …").
    const change = /^[+-]\d+(?:\.\d+)?%/.exec(fired.reason)?.[0];
    return change ? `${change} over a ${when.over} (limit ${when.change})` : `changed ${when.change} or more over a ${when.over}`;
  }
  return fired.reason;
}

/**
 * What to say when no trigger fired among these metrics: "every metric is within its limits" only
 * when some metric has both values and triggers; otherwise the reason nothing could fire.
 */
export function nothingFiredMessage(metrics: readonly MetricNode[], derived: Derived): string {
  const active = metrics.filter((m) => m.data.status === 'active');
  const withValues = active.filter((m) => derived.metrics.get(m.id)!.latest !== null);
  const withTriggers = active.filter((m) => (m.data.triggers ?? []).length > 0);
  const judged = withTriggers.filter((m) => derived.metrics.get(m.id)!.latest !== null);
  if (active.length === 0) return 'No metric is active yet, so there is nothing to act on.';
  if (withValues.length === 0) return 'No metric has values yet, so nothing can be judged.';
  if (withTriggers.length === 0) return 'No trigger is defined yet: no owner has said at what value to act.';
  if (judged.length === 0) return 'No metric with a trigger has values yet, so no trigger can fire.';
  const unjudged = active.length - judged.length;
  const rest = unjudged > 0 ? `; ${plural(unjudged, 'other metric')} without a trigger or values ${unjudged === 1 ? 'is' : 'are'} not judged` : '';
  return `No trigger has fired: the latest values of the ${plural(judged.length, 'metric')} with triggers are within the limits their owners set${rest}.`;
}
