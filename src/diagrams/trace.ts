/**
 * A metric page's trace diagram: the metric at the bottom, each goal it supports above it, and
 * every goal on their paths up to the mission at the top, shared ancestors drawn once.
 */
import { pathToTop, type Catalog, type GoalNode } from '../core/graph.ts';
import { goalSpec, type DiagramLink, type DiagramNode, type NodeSpec } from './cascade.ts';
import { BOX, metricBox } from './kit.ts';
import { metricStatus, statusesOf, type StatusSource } from './status.ts';
import { placeTree, treeLink, type Box, type TreeInput } from './tree.ts';

/** Space between boxes side by side, and between rows. */
const GAP = 16;
const ROW_GAP = 36;

export interface TraceDiagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  links: DiagramLink[];
}

export function layoutTrace(catalog: Catalog, metricId: string, derived?: StatusSource): TraceDiagram | undefined {
  const statuses = statusesOf(catalog, derived);
  const metric = catalog.metrics.get(metricId);
  const supported = [...new Set(metric?.data.supports ?? [])].filter((id) => catalog.goals.has(id));
  if (!metric || !supported.length) return undefined;

  // The union of the paths to the top, as a tree: each goal's children on some path.
  const onPath = new Map<string, GoalNode>();
  for (const id of supported) for (const goal of pathToTop(catalog, id)) onPath.set(goal.id, goal);
  const childrenOf = new Map<string, string[]>();
  const tops: string[] = [];
  for (const goal of onPath.values()) {
    const parent = goal.data.parent;
    if (parent && onPath.has(parent) && parent !== goal.id) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), goal.id]);
    else tops.push(goal.id);
  }
  const specs = new Map<string, NodeSpec>();
  const rankOf = new Map<string, number>();
  const goalInput = (id: string, parentRank: number, seen: Set<string>): TreeInput => {
    const goal = onPath.get(id)!;
    const rank = Math.max(goal.depth, parentRank + 1);
    seen.add(id);
    rankOf.set(id, rank);
    specs.set(id, goalSpec(catalog, goal, rank, []));
    const children = (childrenOf.get(id) ?? []).filter((c) => !seen.has(c)).map((c) => goalInput(c, rank, seen));
    return { id, rank, size: BOX.width, children };
  };
  const seen = new Set<string>();
  const roots = tops.map((id) => goalInput(id, -1, seen));
  const metricRank = Math.max(...supported.map((id) => rankOf.get(id) ?? 0)) + 1;
  // Each supported goal gets a slot in the metric's row; the metric's box spans them all.
  const leafId = (goalId: string) => `\0leaf:${goalId}`;
  const attach = (input: TreeInput) => {
    input.children.forEach(attach);
    if (supported.includes(input.id)) input.children.push({ id: leafId(input.id), rank: metricRank, size: BOX.width, children: [] });
  };
  roots.forEach(attach);
  const root: TreeInput = roots.length === 1 ? roots[0]! : { id: '\0root', rank: -1, size: 0, children: roots };
  const placed = placeTree(root, GAP, GAP);

  // The metric's box spans the slots of every goal it supports, and its text wraps at that width.
  const slotX = (goalId: string) => Math.round(placed.get(leafId(goalId))!.at - BOX.width / 2);
  const left = Math.min(...supported.map(slotX));
  const right = Math.max(...supported.map(slotX)) + BOX.width;
  const metricSpec: NodeSpec = { id: `metric:${metric.id}`, entry: metric.id, kind: 'metric', depth: metricRank, ...metricBox(catalog, metric, metricStatus(statuses, metric.id), right - left), children: [] };

  // Rows: each as tall as its tallest box.
  const heights = new Map<number, number>();
  for (const spec of [...specs.values(), metricSpec]) heights.set(spec.depth, Math.max(heights.get(spec.depth) ?? 0, spec.height));
  const rowTop = new Map<number, number>();
  let y = 0;
  for (let rank = 0; rank <= metricRank; rank++) {
    rowTop.set(rank, y);
    if (heights.has(rank)) y += heights.get(rank)! + ROW_GAP;
  }
  const boxOf = (id: string, height: number): Box => {
    const { rank, at } = placed.get(id)!;
    return { x: Math.round(at - BOX.width / 2), y: rowTop.get(rank)!, width: BOX.width, height };
  };

  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  const gapEnd = (rank: number) => rowTop.get(rank + 1) ?? rowTop.get(metricRank)!;
  const visit = (input: TreeInput, parent?: DiagramNode) => {
    if (input.id.startsWith('\0')) return;
    const { children, ...spec } = specs.get(input.id)!;
    const node: DiagramNode = { ...spec, ...boxOf(input.id, spec.height), parent: parent?.id, children: [], collapsedByDefault: false, hiddenByDefault: false };
    parent?.children.push(node.id);
    nodes.push(node);
    if (parent) links.push({ source: parent.id, target: node.id, path: treeLink(parent, node, 'rows', gapEnd(parent.depth)) });
    input.children.forEach((child) => visit(child, node));
  };
  if (root.id === '\0root') root.children.forEach((child) => visit(child));
  else visit(root);

  const slots = supported.map((id) => boxOf(leafId(id), metricSpec.height));
  const { children, ...shown } = metricSpec;
  const metricNode: DiagramNode = { ...shown, x: left, y: rowTop.get(metricRank)!, width: right - left, height: metricSpec.height, parent: undefined, children: [], collapsedByDefault: false, hiddenByDefault: false };
  nodes.push(metricNode);
  supported.forEach((id, i) => {
    const goal = nodes.find((n) => n.id === id)!;
    links.push({ source: id, target: metricNode.id, path: treeLink(goal, slots[i]!, 'rows', gapEnd(goal.depth)) });
  });
  const width = Math.max(...nodes.map((n) => n.x + n.width));
  const height = Math.max(...nodes.map((n) => n.y + n.height)) + 2;
  return { width, height, nodes, links };
}
