/**
 * The facets the metrics index filters on, per metric, and the choices each filter offers. Rows
 * carry them as `data-f-<facet>` attributes, each a `|`-delimited list, so one small script can
 * filter a table that is already complete without JavaScript.
 */
import type { Status } from '../core/derive/status.ts';
import { pathToTop, type Catalog, type MetricNode } from '../core/graph.ts';
import type { Derived } from '../core/derive/index.ts';
import { capitalise } from '../diagrams/text.ts';
import { ownerName, writtenTags } from '../core/placeholders.ts';
import { STATUS_WORDS } from '../core/derive/status.ts';

export const FACETS = ['owner', 'goal', 'level', 'perspective', 'indicator', 'tier', 'status', 'tag'] as const;
export type Facet = (typeof FACETS)[number];

/** Worst first, so sorting by status puts what needs attention on top. */
const STATUS_RANK: Record<Status, number> = { red: 0, amber: 1, green: 2, unknown: 3 };

export function metricFacets(catalog: Catalog, derived: Derived, metric: MetricNode): Record<Facet, string[]> {
  const goals = (metric.data.supports ?? []).filter((id) => catalog.goals.has(id));
  // A metric belongs to every goal above the ones it supports: filtering on a goal shows its subtree.
  const withAncestors = [...new Set(goals.flatMap((id) => pathToTop(catalog, id)))];
  const state = derived.metrics.get(metric.id)!;
  const status = metric.data.status === 'active' ? [state.status, ...(state.stale ? ['stale'] : [])] : [metric.data.status];
  return {
    owner: [metric.data.owner],
    goal: withAncestors.map((g) => g.id),
    level: [...new Set(goals.map((id) => catalog.goals.get(id)!.data.level))],
    perspective: [...new Set(withAncestors.flatMap((g) => (g.data.perspective ? [g.data.perspective] : [])))],
    indicator: [metric.data.indicator],
    tier: metric.data.tier ? [metric.data.tier] : [],
    status,
    tag: writtenTags(metric.data.tags),
  };
}

export function statusRank(derived: Derived, metric: MetricNode): number {
  return metric.data.status === 'active' ? STATUS_RANK[derived.metrics.get(metric.id)!.status] : 4;
}

/** `data-f-*` attributes for one row. */
export function facetAttributes(facets: Record<Facet, string[]>): Record<string, string> {
  return Object.fromEntries(FACETS.map((f) => [`data-f-${f}`, `|${facets[f].join('|')}|`]));
}

export interface Choice {
  value: string;
  label: string;
}

/** The options of each filter: only values some metric actually has, in a readable order. */
export function facetChoices(catalog: Catalog, all: Record<Facet, string[]>[]): Record<Facet, Choice[]> {
  const present = (facet: Facet) => new Set(all.flatMap((f) => f[facet]));
  const inOrder = (facet: Facet, order: readonly string[], label: (v: string) => string = capitalise) => {
    const values = present(facet);
    const known = order.filter((v) => values.has(v));
    const rest = [...values].filter((v) => !order.includes(v)).sort();
    return [...known, ...rest].map((value) => ({ value, label: label(value) }));
  };
  const goalsInTreeOrder: Choice[] = [];
  const goalValues = present('goal');
  const visit = (id: string, depth: number) => {
    const goal = catalog.goals.get(id);
    if (!goal) return;
    if (goalValues.has(id)) goalsInTreeOrder.push({ value: id, label: `${'\u00a0\u00a0'.repeat(depth)}${goal.data.title}` });
    for (const child of goal.children) visit(child, depth + 1);
  };
  for (const root of catalog.roots) visit(root, 0);
  const owners = [...present('owner')].map((id) => ({ value: id, label: ownerName(catalog.owners, id) }));
  const statusLabels: Record<string, string> = { ...STATUS_WORDS, stale: 'Stale' };
  return {
    owner: owners.sort((a, b) => a.label.localeCompare(b.label, 'en')),
    goal: goalsInTreeOrder,
    level: inOrder('level', catalog.config.levels),
    perspective: inOrder('perspective', catalog.config.perspectives),
    indicator: inOrder('indicator', ['lagging', 'leading']),
    tier: inOrder('tier', ['strategic', 'success', 'signal', 'workstream']),
    status: inOrder('status', ['red', 'amber', 'green', 'unknown', 'stale', 'proposed', 'retired'], (v) => statusLabels[v] ?? capitalise(v)),
    tag: inOrder('tag', []),
  };
}
