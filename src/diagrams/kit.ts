/**
 * The diagram kit: the box every diagram draws and what it says. Its sizes and text positions are
 * shared by the layouts, the components that draw the boxes and the cascade's client script; the
 * captions and owner label are written once here, so an entry reads the same in every diagram.
 */
import { ownerName } from '../core/placeholders.ts';
import type { Catalog, MetricNode } from '../core/graph.ts';
import type { ColumnGrid } from './tree.ts';
import { capitalise, textWidth, truncate, wrapText } from './text.ts';

/** Box and text sizes, in pixels. */
export const BOX = {
  width: 196,
  padding: 8,
  titleFont: 13,
  smallFont: 11,
  lineHeight: 15,
  smallLineHeight: 14,
  maxLines: 3,
} as const;

/** The whole cascade: room above the boxes for the level headings. */
export const CASCADE_GRID: ColumnGrid = { width: BOX.width, step: 240, gap: 10, groupGap: 18, top: 28 };

/** A goal page's subtree: a little tighter than the cascade, with no headings. */
export const SUBTREE_GRID: ColumnGrid = { width: BOX.width, step: 236, gap: 8, groupGap: 16, top: 0 };

/** Baseline of a column heading above the boxes. */
export const HEADING_Y = 14;

/**
 * The transform that places a box drawn by NodeBox: its origin is where the text starts, one
 * padding in from the box's left edge, so no text element needs an x of its own.
 */
export const boxAt = (x: number, y: number) => `translate(${x + BOX.padding},${y})`;

/** Baseline of the caption (status, then level or indicator) at the top of a box. */
export const CAPTION_Y = 16;
/** Baseline of title line `index` inside a box. */
export const titleY = (index: number) => 32 + BOX.lineHeight * index;
/** Baseline of byline line `index` (metric count, owner) under `lines` title lines. */
export const bylineY = (lines: number, index = 0) => titleY(Math.max(lines, 1) - 1) + 16 + BOX.smallLineHeight * index;
/** Height of a box with `lines` title lines, `bylines` byline lines and `rows` extra rows under them. */
export const boxHeight = (lines: number, bylines = 1, rows = 0) => bylineY(lines, Math.max(bylines, 1) - 1 + rows) + 9;
/** Width of the stripe on a metric box's left edge that marks it leading or lagging. */
export const STRIPE = 4;

/** The status a box is drawn in: the status (green, amber, red, unknown), its words, and staleness. */
export interface BoxStatus {
  rag: 'green' | 'amber' | 'red' | 'unknown';
  /** The status in words as the box shows it, e.g. "Off target" or "On target · stale". */
  statusWord: string;
  stale: boolean;
}

/** What a box says and how it is sized, before it is placed. */
export interface LabelledBox extends BoxStatus {
  lines: string[];
  truncated: boolean;
  caption: string;
  fullCaption: string;
  bylines: string[];
  fullByline: string;
  height: number;
}

/** Bold caption text is a little wider than the estimate for regular text. */
const BOLD = 1.08;
const SEPARATOR = ' · ';

/** A byline part (an owner's name) wraps onto at most this many lines of its own. */
const PART_LINES = 2;

/**
 * One byline part that fits no line alone, on at most PART_LINES lines: wrapped at its spaces, or,
 * when even that is too long, shortened to what comes before its first comma (a name without its
 * job title: "Dr. Maria Okafor, Chief Medical Officer" → "Dr. Maria Okafor"), cut only as a last resort.
 */
function wrapPart(part: string, inner: number): { lines: string[]; shortened: boolean } {
  const whole = wrapText(part, inner, BOX.smallFont, PART_LINES);
  if (!whole.truncated) return { lines: whole.lines, shortened: false };
  const beforeComma = part.split(',')[0]!.trim();
  const short = beforeComma && beforeComma !== part ? wrapText(beforeComma, inner, BOX.smallFont, PART_LINES) : whole;
  return { lines: short.lines, shortened: true };
}

/**
 * Byline parts (metric count, owner) as drawn: joined on one line while they fit, a part that
 * does not fit beside the others on lines of its own (see wrapPart), so an owner's name is wrapped
 * or shortened at a comma rather than cut.
 */
export function bylineLines(parts: string[], inner: number): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let current = '';
  let truncated = false;
  for (const part of parts.filter(Boolean)) {
    const joined = current ? `${current}${SEPARATOR}${part}` : part;
    if (textWidth(joined, BOX.smallFont) <= inner) {
      current = joined;
      continue;
    }
    if (current) lines.push(current);
    const wrapped = wrapPart(part, inner);
    truncated ||= wrapped.shortened;
    lines.push(...wrapped.lines.slice(0, -1));
    current = wrapped.lines.at(-1) ?? '';
  }
  if (current) lines.push(current);
  return { lines, truncated };
}

/**
 * Title lines, caption, byline and height of a box `width` pixels wide. The caption starts with
 * the status in words (drawn bold in the status colour), then `caption` in what room is left.
 */
export function labelBox(label: string, caption: string, byline: string[], status: BoxStatus, width: number = BOX.width, rows = 0): LabelledBox {
  const inner = width - 2 * BOX.padding;
  const { lines, truncated } = wrapText(label, inner, BOX.titleFont, BOX.maxLines);
  const drawn = lines.length ? lines : [''];
  const captionRoom = inner - textWidth(status.statusWord + SEPARATOR, BOX.smallFont) * BOLD;
  const shortCaption = caption ? truncate(caption, captionRoom, BOX.smallFont) : '';
  const bylines = bylineLines(byline, inner);
  return {
    ...status,
    lines: drawn,
    truncated: truncated || shortCaption !== caption || bylines.truncated,
    caption: shortCaption,
    bylines: bylines.lines,
    fullCaption: caption,
    fullByline: byline.filter(Boolean).join(SEPARATOR),
    height: boxHeight(drawn.length, bylines.lines.length, rows),
  };
}

/** A caption's parts joined, the status last unless it is active (the usual case goes unsaid). */
export function captionWithStatus(parts: string[], status: string): string {
  return [...parts, ...(status === 'active' ? [] : [status])].join(SEPARATOR);
}

/** A metric's caption in every diagram: indicator, then primary and lifecycle status when they apply. */
export function metricCaption(metric: MetricNode): string {
  return captionWithStatus([capitalise(metric.data.indicator), ...(metric.data.primary ? ['primary'] : [])], metric.data.status);
}

/** The owner as a box names it: as every page does (ownerName). */
export function ownerLabel(catalog: Catalog, ownerId: string): string {
  return ownerName(catalog.owners, ownerId);
}

/** What a metric's box says (status, name, caption, owner) and the indicator it is marked by. */
export function metricBox(catalog: Catalog, metric: MetricNode, status: BoxStatus, width: number = BOX.width) {
  const owner = ownerLabel(catalog, metric.data.owner);
  return { label: metric.data.name, owner, status: metric.data.status, indicator: metric.data.indicator, ...labelBox(metric.data.name, metricCaption(metric), [owner], status, width) };
}
