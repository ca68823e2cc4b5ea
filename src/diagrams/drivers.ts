/**
 * A metric page's driver diagram: the leading metrics that drive it and the metrics it drives, up
 * to two hops each way, in columns by hop distance (−2 … +2) so cause reads left to effect right.
 * Within a column, boxes are ordered by the mean row of their neighbours (the barycentre
 * heuristic of layered graph drawing) so few arrows cross.
 */
import { linkHorizontal } from 'd3';
import type { Catalog } from '../core/graph.ts';
import type { DiagramLink } from './cascade.ts';
import { BOX, metricBox } from './kit.ts';
import { metricStatus, statusesOf, type StatusSource } from './status.ts';
import type { Box, BoxLabel } from './tree.ts';

/** How far the diagram follows `drives` links each way. */
export const HOPS = 2;
const STEP = BOX.width + 56;
const GAP = 12;
const TOP = 26;

export interface DriverNode extends Box, BoxLabel {
  id: string;
  /** Hop distance from the metric: negative for what drives it, positive for what it drives. */
  hop: number;
  /** Position in its column, top first. */
  row: number;
  indicator: 'leading' | 'lagging';
  /** Lifecycle: active, proposed or retired. */
  status: string;
  owner: string;
}

export interface DriverDiagram {
  width: number;
  height: number;
  columns: { hop: number; label: string; x: number }[];
  nodes: DriverNode[];
  /** Arrows from a metric to one it drives, between neighbouring columns. */
  links: DiagramLink[];
}

export const HOP_LABELS: Record<number, string> = { [-2]: 'Two steps before', [-1]: 'Drives it', 0: 'This metric', 1: 'It drives', 2: 'Two steps after' };

/** Shortest hop distance from `start` along `next`, up to `HOPS`. */
function hopsFrom(start: string, next: (id: string) => string[]): Map<string, number> {
  const distance = new Map([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= HOPS; hop++) {
    frontier = frontier.flatMap(next).filter((id) => !distance.has(id));
    for (const id of frontier) distance.set(id, hop);
    frontier = [...new Set(frontier)];
  }
  distance.delete(start);
  return distance;
}

const arrow = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>().digits(0);

export function layoutDrivers(catalog: Catalog, metricId: string, derived?: StatusSource): DriverDiagram | undefined {
  const statuses = statusesOf(catalog, derived);
  const focus = catalog.metrics.get(metricId);
  if (!focus) return undefined;
  const exists = (id: string) => catalog.metrics.has(id);
  const forward = (id: string) => (catalog.metrics.get(id)?.data.drives ?? []).filter(exists);
  const backward = (id: string) => (catalog.metrics.get(id)?.drivenBy ?? []).filter(exists);
  const hop = new Map<string, number>([[metricId, 0]]);
  for (const [id, d] of hopsFrom(metricId, backward)) hop.set(id, -d);
  for (const [id, d] of hopsFrom(metricId, forward)) if (!hop.has(id)) hop.set(id, d);
  if (hop.size === 1) return undefined;

  // Arrows that step one column right: the hop structure the diagram shows.
  const edges: [string, string][] = [];
  for (const [id, h] of hop) for (const target of forward(id)) if (hop.get(target) === h + 1) edges.push([id, target]);

  const name = (id: string) => catalog.metrics.get(id)!.data.name;
  const byName = (a: string, b: string) => name(a).localeCompare(name(b), 'en') || a.localeCompare(b);
  const columns = new Map<number, string[]>();
  for (const [id, h] of [...hop].sort(([a], [b]) => byName(a, b))) columns.set(h, [...(columns.get(h) ?? []), id]);

  // Order each column by the mean row of its neighbours in the column nearer the metric, then
  // once more outward-in so the near columns follow the far ones.
  const neighbours = (id: string) => edges.filter(([a, b]) => a === id || b === id).map(([a, b]) => (a === id ? b : a));
  const reorder = (h: number, towards: number) => {
    const column = columns.get(h);
    const reference = columns.get(towards);
    if (!column || !reference) return;
    const centre = (id: string, index: number) => {
      const rows = neighbours(id).map((n) => reference.indexOf(n)).filter((r) => r >= 0);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : index;
    };
    const keyed = column.map((id, index) => ({ id, key: centre(id, index), index }));
    columns.set(h, keyed.sort((a, b) => a.key - b.key || a.index - b.index).map((k) => k.id));
  };
  for (const side of [-1, 1]) {
    reorder(2 * side, side);
    reorder(side, 2 * side);
    reorder(2 * side, side);
  }

  const hops = [...columns.keys()].sort((a, b) => a - b);
  const first = hops[0]!;
  const boxes = new Map<string, DriverNode>();
  let height = 0;
  const stacks = hops.map((h) => {
    const column = columns.get(h)!.map((id, row) => {
      const { height: boxHeight, ...shown } = metricBox(catalog, catalog.metrics.get(id)!, metricStatus(statuses, id));
      return { id, hop: h, row, ...shown, x: (h - first) * STEP, y: 0, width: BOX.width, height: boxHeight };
    });
    const total = column.reduce((sum, n) => sum + n.height, 0) + GAP * (column.length - 1);
    height = Math.max(height, total);
    return { column, total };
  });
  for (const { column, total } of stacks) {
    let y = TOP + Math.round((height - total) / 2);
    for (const node of column) {
      node.y = y;
      y += node.height + GAP;
      boxes.set(node.id, node);
    }
  }
  const links = edges.map(([source, target]) => {
    const a = boxes.get(source)!;
    const b = boxes.get(target)!;
    return { source, target, path: arrow({ source: [a.x + a.width, a.y + a.height / 2], target: [b.x - 4, b.y + b.height / 2] })! };
  });
  return {
    width: (hops.length - 1) * STEP + BOX.width,
    height: TOP + height + 2,
    columns: hops.map((h) => ({ hop: h, label: HOP_LABELS[h]!, x: (h - first) * STEP })),
    nodes: hops.flatMap((h) => columns.get(h)!.map((id) => boxes.get(id)!)),
    links,
  };
}
