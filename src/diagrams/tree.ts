/**
 * The tidy-tree placement every tree diagram shares, in the build and in the cascade's client
 * script: d3-hierarchy's `tree()` with boxes of their own height, and levels that may be skipped
 * (a team goal straight under a strategy) without any box landing on another.
 */
import { hierarchy, pathRound, tree } from 'd3';

export interface TreeInput {
  id: string;
  /** Which rank (column or row) the box sits in; greater than its parent's. */
  rank: number;
  /** The box's extent across the ranks: its height when ranks are columns. */
  size: number;
  children: TreeInput[];
}

export interface Placement {
  rank: number;
  /** Centre of the box across the ranks, in pixels, the first box's edge at 0. */
  at: number;
}

interface Slot {
  id?: string;
  size: number;
  children: Slot[];
}

/**
 * Places every box of a tree so that boxes in one rank keep at least `gap` pixels between them
 * (`groupGap` between boxes with different parents). A child several ranks below its parent gets
 * an invisible chain of placeholders, so its link runs straight through the skipped ranks.
 */
export function placeTree(root: TreeInput, gap: number, groupGap = gap): Map<string, Placement> {
  const toSlot = (node: TreeInput, parentRank: number): Slot => {
    let slot: Slot = { id: node.id, size: node.size, children: node.children.map((child) => toSlot(child, node.rank)) };
    for (let rank = node.rank - 1; rank > parentRank; rank--) slot = { size: 0, children: [slot] };
    return slot;
  };
  const layout = tree<Slot>()
    .nodeSize([1, 1])
    .separation((a, b) => (a.data.size + b.data.size) / 2 + (a.parent === b.parent ? gap : groupGap));
  const placed = layout(hierarchy(toSlot(root, root.rank - 1)));
  let start = Infinity;
  placed.each((node) => {
    start = Math.min(start, node.x - node.data.size / 2);
  });
  const result = new Map<string, Placement>();
  placed.each((node) => {
    if (node.data.id !== undefined) result.set(node.data.id, { rank: root.rank + node.depth, at: node.x - start });
  });
  return result;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a box says: the texts as drawn (wrapped, possibly cut) and in full for tooltips and lists. */
export interface BoxLabel {
  /** The full title or name. */
  label: string;
  /** The title as drawn: wrapped, the last line cut with an ellipsis if it did not fit. */
  lines: string[];
  /** Some text (title, caption or byline) was cut, so the box carries the full text in a tooltip. */
  truncated: boolean;
  /** The status the box is coloured by: green, amber, red or unknown (a goal's is its rollup). */
  rag: 'green' | 'amber' | 'red' | 'unknown';
  /** The status in words, first on the caption line: "Off target", "On target · stale". */
  statusWord: string;
  /** A metric's latest value is older than its cadence allows. */
  stale: boolean;
  /** The rest of the line above the title (level, or indicator), as drawn after the status. */
  caption: string;
  /** The caption in full. */
  fullCaption: string;
  /** The lines under the title (metric count, owner), as drawn: wrapped, never cut mid-name if two lines hold it. */
  bylines: string[];
  /** The byline in full. */
  fullByline: string;
}

/**
 * An S-curve from `source` to `target` leaving and arriving along the rank axis: the path d3-shape's
 * `linkHorizontal()` / `linkVertical()` draw, built on d3-path alone so the cascade's client
 * script does not carry all of d3-shape.
 */
function sCurve(source: [number, number], target: [number, number], across: 'columns' | 'rows'): string {
  const path = pathRound(0);
  const [x0, y0] = source;
  const [x1, y1] = target;
  path.moveTo(x0, y0);
  if (across === 'columns') {
    const xm = (x0 + x1) / 2;
    path.bezierCurveTo(xm, y0, xm, y1, x1, y1);
  } else {
    const ym = (y0 + y1) / 2;
    path.bezierCurveTo(x0, ym, x1, ym, x1, y1);
  }
  return path.toString();
}

/**
 * An SVG path from `from`'s far edge to `to`'s near edge: an S-curve across the gap after the
 * parent, then a straight run at the child's height through any skipped ranks. `gapEnd` is where
 * that first gap ends (the start of the rank after the parent's).
 */
export function treeLink(from: Box, to: Box, across: 'columns' | 'rows', gapEnd: number): string {
  if (across === 'columns') {
    const y = to.y + to.height / 2;
    const path = sCurve([from.x + from.width, from.y + from.height / 2], [gapEnd, y], across);
    return gapEnd < to.x ? `${path}H${to.x}` : path;
  }
  const x = to.x + to.width / 2;
  const path = sCurve([from.x + from.width / 2, from.y + from.height], [x, gapEnd], across);
  return gapEnd < to.y ? `${path}V${to.y}` : path;
}

/** Sizes of a left-to-right tree: ranks are columns `step` pixels apart, boxes `width` wide. */
export interface ColumnGrid {
  width: number;
  step: number;
  gap: number;
  groupGap: number;
  /** Space above the first box, for column headings. */
  top: number;
}

/** The box of every node of a left-to-right tree, and the tree's overall size. */
export function placeInColumns(root: TreeInput, grid: ColumnGrid): { boxes: Map<string, Box>; width: number; height: number } {
  const sizes = new Map<string, number>();
  const collect = (node: TreeInput) => {
    if (sizes.has(node.id)) throw new Error(`Two nodes of one tree share the id ${node.id}`);
    sizes.set(node.id, node.size);
    node.children.forEach(collect);
  };
  collect(root);
  const boxes = new Map<string, Box>();
  let width = 0;
  let height = 0;
  for (const [id, { rank, at }] of placeTree(root, grid.gap, grid.groupGap)) {
    const size = sizes.get(id)!;
    const box = { x: rank * grid.step, y: grid.top + Math.round(at - size / 2), width: grid.width, height: size };
    boxes.set(id, box);
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
  }
  return { boxes, width, height };
}

/** The link from a parent's box to a child's, in a left-to-right tree. */
export function columnLink(parent: Box, child: Box, grid: ColumnGrid): string {
  return treeLink(parent, child, 'columns', parent.x + grid.step);
}
