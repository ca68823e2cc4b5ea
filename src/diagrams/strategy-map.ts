/**
 * The strategy map: strategic objectives in Balanced Scorecard perspective bands (the configured
 * perspectives, top to bottom), with a cause-and-effect arrow from one objective to another
 * wherever a leading metric under the first drives a metric under the second.
 */
import { curveBumpY, line, linkHorizontal, linkVertical } from 'd3';
import { descendantsOf, type Catalog, type GoalNode } from '../core/graph.ts';
import { plural } from '../core/plural.ts';
import { formatValue } from '../core/value-words.ts';
import { metricsInSubtree } from './cascade.ts';
import { BOX, captionWithStatus, labelBox, ownerLabel } from './kit.ts';
import { goalStatus, metricStatus, STATUS_MARKS, statusesOf, type Status, type StatusSource, type Statuses } from './status.ts';
import { capitalise, textWidth, truncate } from './text.ts';
import type { Box, BoxLabel } from './tree.ts';

/** An objective's box: wider than a cascade box, to hold a value beside each metric name. */
export const OBJECTIVE_WIDTH = 236;
/** At most this many primary metrics are listed in an objective's box; the rest are counted. */
export const MAX_ROWS = 4;
/** Where a row's value ends: the right edge of an objective box's text, from the text's left edge. */
export const BOX_TEXT_RIGHT = OBJECTIVE_WIDTH - 2 * BOX.padding;
/** A row's value takes at most this share of the box's text width, its unit dropped if need be. */
const MAX_VALUE_SHARE = 0.4;
const GAP = 36;
const BAND_LABEL = 26;
const BAND_PAD = 14;
/** Room under the boxes of a band for arrows between objectives of the same band. */
const BAND_FOOT = 30;
/** Margin left and right of the widest band, where arrows that skip a band can run. */
const SIDE = 28;

/** One primary metric in an objective's box: name on the left, latest value and status mark on the right. */
export interface MetricRow {
  id: string;
  /** The name as drawn, cut to leave room for the value. */
  name: string;
  fullName: string;
  /** The latest value, formatted with its unit, or "no value". */
  value: string;
  /** The value as drawn: without its unit when the unit is long words ("ED visits per 1,000"). */
  shownValue: string;
  rag: Status;
  /** A shape for the status (✓ ! ✕ –), so the row does not rely on colour. */
  mark: string;
  statusWord: string;
}

export interface Objective extends Box, BoxLabel {
  id: string;
  band: number;
  /** Lifecycle: active, proposed or retired. */
  status: string;
  /** Its primary metrics (its own and those of goals under it), worst status first. */
  rows: MetricRow[];
  /** Primary metrics left out of the box for room. */
  moreRows: number;
}

export interface Band extends Box {
  /** The perspective id, or '' for objectives without one. */
  perspective: string;
  label: string;
  objectives: string[];
}

/** One cause-and-effect arrow and the metric links it stands for. */
export interface Arrow {
  source: string;
  target: string;
  /** Pairs of metric ids [driver, driven], in catalog order. */
  via: [string, string][];
  path: string;
}

export interface StrategyMap {
  width: number;
  height: number;
  bands: Band[];
  objectives: Objective[];
  arrows: Arrow[];
}

/** Strategic objectives: the goals at the second level, retired ones left out. */
export function objectivesOf(catalog: Catalog): GoalNode[] {
  return [...catalog.goals.values()].filter((g) => g.depth === 1 && g.data.status !== 'retired');
}

/** Cause-and-effect links between objectives, from `drives` between metrics under each. */
export function objectiveLinks(catalog: Catalog, objectives: GoalNode[]): Omit<Arrow, 'path'>[] {
  const under = new Map<string, string[]>(); // metric id → objectives it counts toward
  for (const objective of objectives) {
    const goals = [objective, ...descendantsOf(catalog, objective.id)];
    for (const metricId of new Set(goals.flatMap((g) => g.metrics))) {
      if (catalog.metrics.get(metricId)?.data.status === 'retired') continue;
      under.set(metricId, [...(under.get(metricId) ?? []), objective.id]);
    }
  }
  const arrows = new Map<string, Omit<Arrow, 'path'>>();
  for (const [metricId, sources] of under) {
    for (const driven of catalog.metrics.get(metricId)?.data.drives ?? []) {
      for (const target of under.get(driven) ?? []) {
        for (const source of sources) {
          if (source === target) continue;
          const key = `${source}\0${target}`;
          const arrow = arrows.get(key) ?? { source, target, via: [] };
          arrow.via.push([metricId, driven]);
          arrows.set(key, arrow);
        }
      }
    }
  }
  return [...arrows.values()];
}

/** The x nearest to `want` that keeps clear of every box, the margins always being clear. */
function freeLane(boxes: Box[], want: number, width: number): number {
  const clearance = 10;
  const blocked = (x: number) => boxes.some((b) => x > b.x - clearance && x < b.x + b.width + clearance);
  const candidates = [SIDE / 2, width - SIDE / 2, ...boxes.flatMap((b) => [b.x - GAP / 2, b.x + b.width + GAP / 2])].filter((x) => x > 0 && x < width && !blocked(x));
  return Math.round(candidates.sort((p, q) => Math.abs(p - want) - Math.abs(q - want) || p - q)[0] ?? SIDE / 2);
}

const WORST_FIRST: Record<Status, number> = { red: 0, amber: 1, unknown: 2, green: 3 };

/** The primary metrics under an objective (not retired), worst status first, then by name. */
function primaryRows(catalog: Catalog, statuses: Statuses, objective: GoalNode): MetricRow[] {
  const inner = OBJECTIVE_WIDTH - 2 * BOX.padding;
  const ids = new Set([objective, ...descendantsOf(catalog, objective.id)].flatMap((g) => g.metrics));
  const rows = [...ids].flatMap((id) => {
    const metric = catalog.metrics.get(id);
    if (!metric?.data.primary || metric.data.status === 'retired') return [];
    const { rag, statusWord } = metricStatus(statuses, id);
    const latest = metric.observations.at(-1);
    const value = latest ? formatValue(latest.value, metric.data.unit) : 'no value';
    const shownValue = latest && textWidth(value, BOX.smallFont) > inner * MAX_VALUE_SHARE ? formatValue(latest.value, 'count') : value;
    const room = inner - textWidth(`${shownValue} ${STATUS_MARKS[rag]}`, BOX.smallFont) - 10;
    return [{ id, name: truncate(metric.data.name, room, BOX.smallFont), fullName: metric.data.name, value, shownValue, rag, mark: STATUS_MARKS[rag], statusWord }];
  });
  return rows.sort((a, b) => WORST_FIRST[a.rag] - WORST_FIRST[b.rag] || a.fullName.localeCompare(b.fullName, 'en'));
}

const vertical = linkVertical<{ source: [number, number]; target: [number, number] }, [number, number]>().digits(0);
const bumpy = line().curve(curveBumpY).digits(0);
const horizontal = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>().digits(0);

export function layoutStrategyMap(catalog: Catalog, derived?: StatusSource): StrategyMap {
  const statuses = statusesOf(catalog, derived);
  const objectives = objectivesOf(catalog);
  const links = objectiveLinks(catalog, objectives);
  const perspectives = [...catalog.config.perspectives];
  const bandOf = (g: GoalNode) => {
    const index = g.data.perspective ? perspectives.indexOf(g.data.perspective) : -1;
    return index < 0 ? perspectives.length : index;
  };
  const bandCount = perspectives.length + (objectives.some((g) => bandOf(g) === perspectives.length) ? 1 : 0);
  const rows: GoalNode[][] = Array.from({ length: bandCount }, () => []);
  for (const g of [...objectives].sort((a, b) => a.data.title.localeCompare(b.data.title, 'en') || a.id.localeCompare(b.id))) rows[bandOf(g)]!.push(g);

  // Order each band by the mean position of the objectives it is linked to, a few sweeps.
  const position = new Map<string, number>();
  const spread = () => rows.forEach((row) => row.forEach((g, i) => position.set(g.id, (i + 0.5) / row.length)));
  spread();
  for (let sweep = 0; sweep < 4; sweep++) {
    for (const row of rows) {
      const key = new Map(row.map((g) => {
        const others = links.filter((l) => l.source === g.id || l.target === g.id).map((l) => position.get(l.source === g.id ? l.target : l.source)!);
        return [g.id, others.length ? others.reduce((a, b) => a + b, 0) / others.length : position.get(g.id)!];
      }));
      row.sort((a, b) => key.get(a.id)! - key.get(b.id)! || position.get(a.id)! - position.get(b.id)!);
    }
    spread();
  }

  const boxes = new Map<string, Omit<Objective, keyof Box | 'id' | 'band'> & { height: number }>();
  for (const g of objectives) {
    const all = primaryRows(catalog, statuses, g);
    const rows = all.slice(0, MAX_ROWS);
    const moreRows = all.length - rows.length;
    const byline = [plural(metricsInSubtree(catalog, g), 'metric'), ownerLabel(catalog, g.data.owner)];
    const box = labelBox(g.data.title, captionWithStatus([capitalise(g.data.level)], g.data.status), byline, goalStatus(statuses, g.id), OBJECTIVE_WIDTH, rows.length + (moreRows ? 1 : 0));
    boxes.set(g.id, { ...box, label: g.data.title, status: g.data.status, rows, moreRows });
  }
  // The width of the fullest band: bands size to their content, with margins for the arrows.
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = SIDE * 2 + widest * OBJECTIVE_WIDTH + (widest - 1) * GAP;
  // Same-band arrows loop under the boxes; a band without any needs no room for them.
  const sameBand = new Set(links.map((l) => [bandOf(objectives.find((g) => g.id === l.source)!), bandOf(objectives.find((g) => g.id === l.target)!)]).filter(([a, b]) => a === b).map(([a]) => a));
  const bands: Band[] = [];
  const placed = new Map<string, Objective>();
  let y = 0;
  rows.forEach((row, band) => {
    const tallest = Math.max(0, ...row.map((g) => boxes.get(g.id)!.height));
    const inner = row.length * OBJECTIVE_WIDTH + (row.length - 1) * GAP;
    let x = Math.round((width - inner) / 2);
    for (const g of row) {
      const { height, ...text } = boxes.get(g.id)!;
      placed.set(g.id, { id: g.id, band, ...text, x, y: y + BAND_LABEL, width: OBJECTIVE_WIDTH, height });
      x += OBJECTIVE_WIDTH + GAP;
    }
    const perspective = perspectives[band] ?? '';
    const height = BAND_LABEL + (row.length ? tallest : 20) + (sameBand.has(band) ? BAND_FOOT : BAND_PAD);
    bands.push({ perspective, label: perspective ? capitalise(perspective) : 'No perspective', objectives: row.map((g) => g.id), x: 0, y, width, height });
    y += height + BAND_PAD;
  });

  // Where arrows meet a box edge: spread along it in the order of their other ends.
  const ports = new Map<string, { arrow: number; other: number }[]>();
  const edgeOf = (from: Objective, to: Objective): string => (to.band < from.band ? 'top' : to.band > from.band ? 'bottom' : 'foot');
  const portKey = (id: string, edge: string) => `${id}\0${edge}`;
  links.forEach((link, arrow) => {
    const a = placed.get(link.source)!;
    const b = placed.get(link.target)!;
    const aEdge = edgeOf(a, b);
    const bEdge = aEdge === 'top' ? 'bottom' : aEdge === 'bottom' ? 'top' : 'foot';
    for (const [box, edge, other] of [[a, aEdge, b], [b, bEdge, a]] as const) {
      const key = portKey(box.id, edge);
      ports.set(key, [...(ports.get(key) ?? []), { arrow, other: other.x }]);
    }
  });
  const portX = (box: Objective, edge: string, arrow: number) => {
    const list = [...ports.get(portKey(box.id, edge))!].sort((p, q) => p.other - q.other || p.arrow - q.arrow);
    const i = list.findIndex((p) => p.arrow === arrow);
    return Math.round(box.x + box.width * (0.2 + (0.6 * (i + 1)) / (list.length + 1)));
  };
  const arrows = links.map((link, index): Arrow => {
    const a = placed.get(link.source)!;
    const b = placed.get(link.target)!;
    const edge = edgeOf(a, b);
    const ax = portX(a, edge, index);
    const bx = portX(b, edge === 'top' ? 'bottom' : edge === 'bottom' ? 'top' : 'foot', index);
    let path: string;
    if (edge !== 'foot') {
      const up = edge === 'top';
      const start: [number, number] = [ax, up ? a.y : a.y + a.height];
      const end: [number, number] = [bx, up ? b.y + b.height + 4 : b.y - 4];
      const between = bands.slice(Math.min(a.band, b.band) + 1, Math.max(a.band, b.band));
      if (!between.length) path = vertical({ source: start, target: end })!;
      else {
        // Skipping a band: run down a lane clear of the boxes in the bands between.
        const x = freeLane(between.flatMap((band) => band.objectives.map((id) => placed.get(id)!)), (ax + bx) / 2, width);
        const near = up ? bands[a.band]!.y : bands[a.band]!.y + bands[a.band]!.height;
        const far = up ? bands[b.band]!.y + bands[b.band]!.height : bands[b.band]!.y;
        path = bumpy([start, [x, near], [x, far], end])!;
      }
    }
    else if (Math.abs(placed.get(link.source)!.x - b.x) === OBJECTIVE_WIDTH + GAP) {
      // Neighbours in one band: straight across the gap between them.
      const leftToRight = a.x < b.x;
      const mid = Math.round(Math.min(a.y + a.height, b.y + b.height) / 2 + Math.max(a.y, b.y) / 2);
      path = horizontal({ source: [leftToRight ? a.x + a.width : a.x, mid], target: [leftToRight ? b.x - 4 : b.x + b.width + 4, mid] })!;
    } else {
      // Further apart in one band: a loop under the boxes between them.
      const base = Math.max(a.y + a.height, b.y + b.height);
      path = `M${ax},${a.y + a.height}C${ax},${base + BAND_FOOT - 6} ${bx},${base + BAND_FOOT - 6} ${bx},${b.y + b.height + 4}`;
    }
    return { ...link, path };
  });
  const objectivesInOrder = rows.flat().map((g) => placed.get(g.id)!);
  return { width, height: Math.max(0, y - BAND_PAD), bands, objectives: objectivesInOrder, arrows };
}
