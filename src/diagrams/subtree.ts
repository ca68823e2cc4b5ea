/**
 * A goal page's diagram: the goal, the goals under it and the metrics hanging from each. A goal
 * near the top of a large cascade would draw half the catalog, so whole generations are added
 * only while the diagram stays small; what is left out is counted on the box it hangs from.
 */
import { descendantsOf, type Catalog, type GoalNode, type MetricNode } from '../core/graph.ts';
import { arrangeTree, goalSpec, type NodeSpec, type TreeDiagram } from './cascade.ts';
import { metricBox, SUBTREE_GRID } from './kit.ts';
import { metricStatus, statusesOf, type StatusSource } from './status.ts';

/** The most boxes a goal page's diagram draws. */
export const MAX_SUBTREE_NODES = 40;

/** A metric's box under one goal; a metric supporting two goals in the subtree is drawn under each. */
function metricSpec(catalog: Catalog, metric: MetricNode, goalId: string, depth: number): NodeSpec {
  return { id: `${goalId}>${metric.id}`, entry: metric.id, kind: 'metric', depth, ...metricBox(catalog, metric, metricStatus(statusesOf(catalog), metric.id)), children: [] };
}

/** How many generations of goals below `root` fit, with their metrics, in the node budget. */
function generationsThatFit(catalog: Catalog, root: GoalNode, budget: number): { goals: number; metricsOfLast: boolean } {
  let used = 1 + root.metrics.length;
  let generation = [root];
  let goals = 0;
  while (true) {
    const next = generation.flatMap((g) => g.children.map((id) => catalog.goals.get(id)).filter((c) => c !== undefined));
    if (!next.length) return { goals, metricsOfLast: true };
    if (goals > 0 && used + next.length > budget) return { goals, metricsOfLast: true };
    used += next.length;
    goals++;
    const metrics = next.reduce((sum, g) => sum + g.metrics.length, 0);
    if (used + metrics > budget) return { goals, metricsOfLast: false };
    used += metrics;
    generation = next;
  }
}

/** The goal's subtree, as deep as fits, with the metrics of every goal drawn. */
export function layoutSubtree(catalog: Catalog, goalId: string, derived?: StatusSource): TreeDiagram {
  statusesOf(catalog, derived);
  const root = catalog.goals.get(goalId);
  if (!root) return { width: 0, height: 0, columns: [], nodes: [], links: [], roots: [] };
  const { goals: generations, metricsOfLast } = generationsThatFit(catalog, root, MAX_SUBTREE_NODES);
  const seen = new Set<string>();
  const build = (goal: GoalNode, depth: number, generation: number): NodeSpec => {
    seen.add(goal.id);
    const withMetrics = generation < generations || metricsOfLast;
    const metrics = withMetrics ? goal.metrics.map((id) => catalog.metrics.get(id)).filter((m) => m !== undefined).map((m) => metricSpec(catalog, m, goal.id, depth + 1)) : [];
    const childGoals =
      generation < generations
        ? goal.children.filter((id) => !seen.has(id) && catalog.goals.has(id)).map((id) => {
            const child = catalog.goals.get(id)!;
            return build(child, Math.max(depth + 1, child.depth - root.depth), generation + 1);
          })
        : [];
    const spec = goalSpec(catalog, goal, depth, [...metrics, ...childGoals]);
    const hidden = generation < generations ? 0 : descendantsOf(catalog, goal.id).length;
    return hidden ? { ...spec, more: hidden } : spec;
  };
  return arrangeTree([build(root, 0, 0)], SUBTREE_GRID);
}
