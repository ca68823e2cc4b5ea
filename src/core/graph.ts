/**
 * The Catalog graph: goals form a tree from the mission down, metrics hang from the goals they
 * support, leading metrics point at what they drive, initiatives at what they move, owners own
 * it all. Every link is kept in both directions so pages and tools only look things up.
 */
import { splitAtToday } from './derive/observation.ts';
import { KINDS, type EntryKind } from './kinds.ts';
import type { Entry, LoadedCatalog, ObservationFile } from './load.ts';
import type { ObservationRow } from './read/csv.ts';
import type { CatalogConfig, GoalData, InitiativeData, MetricData, OwnerData } from './schemas/index.ts';

export interface GoalNode extends Entry<GoalData> {
  /** Index of the goal's level in the configured levels: 0 is the mission. */
  depth: number;
  children: string[];
  /** Metrics that support this goal, primary ones first. */
  metrics: string[];
}

export interface MetricNode extends Entry<MetricData> {
  /** Leading metrics that name this one in `drives`. */
  drivenBy: string[];
  /** Metrics that name this one in `guardrails`. */
  guardrailFor: string[];
  /** Initiatives that name this one in `moves`. */
  movedBy: string[];
  /** Retired metrics whose `replaced_by` is this one. */
  replaces: string[];
  /**
   * Observed values dated on or before the "as of" date, oldest first: the only values any page,
   * export or derivation uses.
   */
  observations: ObservationRow[];
  /** Rows dated after the "as of" date: counted for nothing, reported by the `future-value` rule. */
  futureObservations: ObservationRow[];
  /** The CSV file the values come from. */
  dataFile?: string;
}

export interface OwnerNode extends Entry<OwnerData> {
  /** Teams and people whose `parent` is this owner. */
  members: string[];
  goals: string[];
  metrics: string[];
  initiatives: string[];
}

export type InitiativeNode = Entry<InitiativeData>;

export interface Catalog {
  root: string;
  config: CatalogConfig;
  /** The "as of" date, YYYY-MM-DD. */
  today: string;
  goals: Map<string, GoalNode>;
  metrics: Map<string, MetricNode>;
  owners: Map<string, OwnerNode>;
  initiatives: Map<string, InitiativeNode>;
  /** Goals without a (valid) parent: the mission, normally exactly one. */
  roots: string[];
  /** Checked image files narratives show, by path from the catalog root. */
  assets: Map<string, string>;
}

/** One kind's entries as plain records, for code that treats every kind alike (diffs, links). */
export function entriesOf(catalog: Catalog, kind: EntryKind): ReadonlyMap<string, Entry<Record<string, unknown>>> {
  return catalog[KINDS[kind].collection];
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));

/** Adds `value` to the list at `key`, if `key` is in the map. */
function link<T>(map: Map<string, T>, key: string | undefined, pick: (node: T) => string[], value: string) {
  const node = key === undefined ? undefined : map.get(key);
  if (node) pick(node).push(value);
}

export function buildCatalog(loaded: LoadedCatalog, today: string): Catalog {
  const { config } = loaded;
  const goals = byId(loaded.goals.map((g): GoalNode => ({ ...g, depth: config.levels.indexOf(g.data.level), children: [], metrics: [] })));
  const metrics = byId(loaded.metrics.map((m): MetricNode => ({ ...m, drivenBy: [], guardrailFor: [], movedBy: [], replaces: [], observations: [], futureObservations: [] })));
  const owners = byId(loaded.owners.map((o): OwnerNode => ({ ...o, members: [], goals: [], metrics: [], initiatives: [] })));
  const initiatives = byId(loaded.initiatives);

  for (const goal of goals.values()) {
    link(goals, goal.data.parent, (g) => g.children, goal.id);
    link(owners, goal.data.owner, (o) => o.goals, goal.id);
  }
  for (const metric of metrics.values()) {
    for (const goalId of metric.data.supports ?? []) link(goals, goalId, (g) => g.metrics, metric.id);
    for (const target of metric.data.drives ?? []) link(metrics, target, (m) => m.drivenBy, metric.id);
    for (const guarded of metric.data.guardrails ?? []) link(metrics, guarded, (m) => m.guardrailFor, metric.id);
    link(metrics, metric.data.retired?.replaced_by, (m) => m.replaces, metric.id);
    link(owners, metric.data.owner, (o) => o.metrics, metric.id);
  }
  for (const initiative of initiatives.values()) {
    for (const moved of initiative.data.moves) link(metrics, moved, (m) => m.movedBy, initiative.id);
    link(owners, initiative.data.owner, (o) => o.initiatives, initiative.id);
  }
  for (const owner of owners.values()) link(owners, owner.data.parent, (o) => o.members, owner.id);
  for (const [metricId, { file, rows }] of loaded.observations as Map<string, ObservationFile>) {
    const metric = metrics.get(metricId);
    // The one place values enter the catalog: rows dated after the "as of" date stop here.
    const { counted, future } = splitAtToday(rows, today);
    if (metric) Object.assign(metric, { observations: counted, futureObservations: future, dataFile: file });
  }
  for (const goal of goals.values()) {
    goal.metrics.sort((a, b) => Number(metrics.get(b)!.data.primary) - Number(metrics.get(a)!.data.primary));
  }
  const roots = [...goals.values()].filter((g) => !g.data.parent || !goals.has(g.data.parent)).map((g) => g.id);
  return { root: loaded.root, config, today, goals, metrics, owners, initiatives, roots, assets: loaded.assets };
}

/** The goal and its ancestors up to the top of the cascade, nearest first; stops at a cycle. */
export function pathToTop(catalog: Catalog, goalId: string): GoalNode[] {
  const path: GoalNode[] = [];
  const seen = new Set<string>();
  let current = catalog.goals.get(goalId);
  while (current && !seen.has(current.id)) {
    path.push(current);
    seen.add(current.id);
    current = current.data.parent ? catalog.goals.get(current.data.parent) : undefined;
  }
  return path;
}

/** For each goal a metric supports, the chain of goals from that goal up to the mission. */
export function tracesOf(catalog: Catalog, metricId: string): GoalNode[][] {
  const metric = catalog.metrics.get(metricId);
  return (metric?.data.supports ?? []).filter((id) => catalog.goals.has(id)).map((id) => pathToTop(catalog, id));
}

/** Every goal below `goalId`, depth first, the goal itself excluded. */
export function descendantsOf(catalog: Catalog, goalId: string): GoalNode[] {
  const result: GoalNode[] = [];
  const seen = new Set([goalId]);
  const stack = [...(catalog.goals.get(goalId)?.children ?? [])].reverse();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const goal = catalog.goals.get(id);
    if (!goal) continue;
    result.push(goal);
    stack.push(...[...goal.children].reverse());
  }
  return result;
}
