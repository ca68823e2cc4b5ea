/**
 * The status every diagram box is coloured by: a metric's own (and whether its latest value is
 * stale), a goal's rolled up from its metrics and child goals. The site passes the analysis it
 * already derived; a layout called without one (a test, a page that does not pass it) derives
 * the statuses once per catalog, with the same functions, so a box never goes without its status.
 */
import type { Catalog } from '../core/graph.ts';
import { metricState, type Derived } from '../core/derive/index.ts';
import { rollUpGoals } from '../core/derive/rollup.ts';
import { STATUS_WORDS, type Status } from '../core/derive/status.ts';
import type { BoxStatus } from './kit.ts';

export type { Status };

export interface Statuses {
  metric(id: string): { status: Status; stale: boolean };
  goal(id: string): Status;
}

/** What a layout needs of the analysis: each metric's state and each goal's rollup. */
export type StatusSource = Pick<Derived, 'metrics' | 'goals'>;

const known = new WeakMap<Catalog, Statuses>();

function fromDerived(derived: StatusSource): Statuses {
  return {
    metric: (id) => {
      const state = derived.metrics.get(id);
      return { status: state?.status ?? 'unknown', stale: state?.stale ?? false };
    },
    goal: (id) => derived.goals.get(id) ?? 'unknown',
  };
}

/** The statuses of `catalog`'s goals and metrics: from `derived` when given, else derived once here. */
export function statusesOf(catalog: Catalog, derived?: StatusSource): Statuses {
  if (derived) {
    const statuses = fromDerived(derived);
    known.set(catalog, statuses);
    return statuses;
  }
  let statuses = known.get(catalog);
  if (!statuses) {
    const metrics = new Map([...catalog.metrics.values()].map((m) => [m.id, metricState(m, catalog.today)]));
    statuses = fromDerived({ metrics, goals: rollUpGoals(catalog, (id) => metrics.get(id)?.status ?? 'unknown') });
    known.set(catalog, statuses);
  }
  return statuses;
}

/** The word a box shows for a status, "stale" added when the latest value is out of date. */
export function statusText(status: Status, stale = false): string {
  return stale ? `${STATUS_WORDS[status]} · stale` : STATUS_WORDS[status];
}

/** A shape per status for the strategy map's metric rows, so colour is never the only cue. */
export const STATUS_MARKS: Record<Status, string> = { green: '✓', amber: '!', red: '✕', unknown: '–' };

/** A metric box's status: its own, with "stale" when the latest value is out of date. */
export function metricStatus(statuses: Statuses, id: string): BoxStatus {
  const { status, stale } = statuses.metric(id);
  return { rag: status, statusWord: statusText(status, stale), stale };
}

/** A goal box's status: rolled up from its metrics and child goals. */
export function goalStatus(statuses: Statuses, id: string): BoxStatus {
  const rag = statuses.goal(id);
  return { rag, statusWord: statusText(rag), stale: false };
}
