/**
 * The cascade diagram's geometry: the goal tree from the mission down, one column per level,
 * each goal a box with its title, level, owner and metric count. Pure data for the page; large
 * trees say which subtrees the client script collapses at first.
 */
import { descendantsOf, type Catalog, type GoalNode } from '../core/graph.ts';
import { plural } from '../core/plural.ts';
import { CASCADE_GRID, captionWithStatus, labelBox, ownerLabel } from './kit.ts';
import { placeInColumns, columnLink, type Box, type BoxLabel, type ColumnGrid, type TreeInput } from './tree.ts';
import { goalStatus, statusesOf, type StatusSource } from './status.ts';
import { capitalise } from './text.ts';

/** Until the client script collapses deeper levels, at most this many goals show at first. */
export const MAX_VISIBLE_AT_FIRST = 60;

/** The caption is level and status (goals) or indicator (metrics); the byline metric count and owner. */
export interface DiagramNode extends Box, BoxLabel {
  /** Unique within the diagram. */
  id: string;
  kind: 'goal' | 'metric';
  /** The goal or metric id in the catalog. */
  entry: string;
  parent?: string;
  children: string[];
  /** Column: the goal's level index (0 is the mission); a metric sits one right of its goal. */
  depth: number;
  status: string;
  level?: string;
  owner?: string;
  /** A goal's metrics, its own and those of every goal under it, each counted once. */
  metrics?: number;
  indicator?: 'leading' | 'lagging';
  /** Goals below this one that the diagram leaves out (goal pages show two levels). */
  more?: number;
  /** The client script starts with this node's children hidden. */
  collapsedByDefault: boolean;
  /** An ancestor is collapsed by default, so the script starts with this node hidden. */
  hiddenByDefault: boolean;
}

export interface DiagramLink {
  source: string;
  target: string;
  path: string;
}

export interface TreeDiagram {
  width: number;
  height: number;
  /** Column headings (levels), left to right. */
  columns: { label: string; x: number }[];
  /** Every node, depth first in drawing order: a parent before its children. */
  nodes: DiagramNode[];
  links: DiagramLink[];
  roots: string[];
}

/** A node before placement: what it shows and which nodes hang under it. */
export type NodeSpec = Omit<DiagramNode, keyof Box | 'parent' | 'children' | 'collapsedByDefault' | 'hiddenByDefault' | 'depth'> & {
  depth: number;
  width?: number;
  height: number;
  children: NodeSpec[];
};

/** How many distinct metrics measure `goal` or any goal under it: what its box counts. */
export function metricsInSubtree(catalog: Catalog, goal: GoalNode): number {
  return new Set([goal, ...descendantsOf(catalog, goal.id)].flatMap((g) => g.metrics)).size;
}

export function goalSpec(catalog: Catalog, goal: GoalNode, depth: number, children: NodeSpec[]): NodeSpec {
  const owner = ownerLabel(catalog, goal.data.owner);
  const { status } = goal.data;
  const metrics = metricsInSubtree(catalog, goal);
  const box = labelBox(goal.data.title, captionWithStatus([capitalise(goal.data.level)], status), [plural(metrics, 'metric'), owner], goalStatus(statusesOf(catalog), goal.id));
  return { id: goal.id, entry: goal.id, kind: 'goal', label: goal.data.title, level: goal.data.level, owner, metrics, status, depth, ...box, children };
}

/**
 * Places a forest of node specs in columns and returns the diagram. `collapseDepth`: goals at
 * that column or deeper with children start collapsed (the client script only).
 */
export function arrangeTree(roots: NodeSpec[], grid: ColumnGrid, collapseDepth = Infinity, columnLabels: string[] = []): TreeDiagram {
  const VIRTUAL = '\0root';
  const input = (spec: NodeSpec): TreeInput => ({ id: spec.id, rank: spec.depth, size: spec.height, children: spec.children.map(input) });
  const minDepth = Math.min(...roots.map((r) => r.depth));
  const root: TreeInput = roots.length === 1 ? input(roots[0]!) : { id: VIRTUAL, rank: minDepth - 1, size: 0, children: roots.map(input) };
  const { boxes, width, height } = placeInColumns(root, grid);

  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  const visit = (spec: NodeSpec, parent: DiagramNode | undefined, hidden: boolean) => {
    const box = boxes.get(spec.id)!;
    const collapsedByDefault = spec.kind === 'goal' && spec.depth >= collapseDepth && spec.children.length > 0;
    const { children, ...shown } = spec;
    const node: DiagramNode = { ...shown, ...box, parent: parent?.id, children: children.map((c) => c.id), collapsedByDefault, hiddenByDefault: hidden };
    nodes.push(node);
    if (parent) links.push({ source: parent.id, target: node.id, path: columnLink(parent, node, grid) });
    for (const child of children) visit(child, node, hidden || collapsedByDefault);
  };
  for (const spec of roots) visit(spec, undefined, false);
  const usedColumns = Math.max(...nodes.map((n) => n.depth)) + 1;
  const columns = columnLabels.slice(0, usedColumns).map((label, index) => ({ label, x: index * grid.step }));
  return { width, height: height + 2, columns, nodes, links, roots: roots.map((r) => r.id) };
}

/** Goals in the cascade under `goal`, children before deeper goals, never revisiting one. */
function goalTree(catalog: Catalog, goal: GoalNode, parentDepth: number, seen: Set<string>): NodeSpec {
  seen.add(goal.id);
  const depth = Math.max(goal.depth, parentDepth + 1);
  const children = goal.children
    .filter((id) => !seen.has(id) && catalog.goals.has(id))
    .map((id) => goalTree(catalog, catalog.goals.get(id)!, depth, seen));
  return goalSpec(catalog, goal, depth, children);
}

/** The column from which subtrees start collapsed so that at most `max` goals show at first. */
export function collapseDepthFor(depths: number[], max = MAX_VISIBLE_AT_FIRST): number {
  if (depths.length <= max) return Infinity;
  const counts: number[] = [];
  for (const depth of depths) counts[depth] = (counts[depth] ?? 0) + 1;
  let shown = 0;
  for (let depth = 0; depth < counts.length; depth++) {
    shown += counts[depth] ?? 0;
    if (shown > max) return Math.max(depth - 1, 1);
  }
  return Infinity;
}

/** The whole cascade from the mission (every root, if a catalog has several) down. */
export function layoutCascade(catalog: Catalog, derived?: StatusSource): TreeDiagram {
  statusesOf(catalog, derived);
  const seen = new Set<string>();
  const roots = catalog.roots.filter((id) => catalog.goals.has(id)).map((id) => goalTree(catalog, catalog.goals.get(id)!, -1, seen));
  if (!roots.length) return { width: 0, height: 0, columns: [], nodes: [], links: [], roots: [] };
  const depths: number[] = [];
  const collect = (spec: NodeSpec) => {
    depths.push(spec.depth);
    spec.children.forEach(collect);
  };
  roots.forEach(collect);
  return arrangeTree(roots, CASCADE_GRID, collapseDepthFor(depths), catalog.config.levels.map(capitalise));
}
