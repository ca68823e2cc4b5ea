/**
 * The diagram kit: the box every diagram draws and what it says. Its sizes and text positions are
 * shared by the layouts, the components that draw the boxes and the cascade's client script; the
 * captions and owner label are written once here, so an entry reads the same in every diagram.
 */
import type { Catalog, MetricNode } from '../core/graph.ts';
import type { ColumnGrid } from './tree.ts';
import { capitalise, truncate, wrapText } from './text.ts';

/** Box and text sizes, in pixels. */
export const BOX = {
  width: 196,
  padding: 8,
  titleFont: 13,
  smallFont: 11,
  lineHeight: 15,
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

/** Baseline of the caption (level, or the metric's indicator) at the top of a box. */
export const CAPTION_Y = 16;
/** Baseline of title line `index` inside a box. */
export const titleY = (index: number) => 32 + BOX.lineHeight * index;
/** Baseline of the byline (metric count and owner) under `lines` title lines. */
export const bylineY = (lines: number) => titleY(Math.max(lines, 1) - 1) + 16;
/** Height of a box with `lines` title lines. */
export const boxHeight = (lines: number) => bylineY(lines) + 9;

/** Title lines, caption, byline and height of a box. */
export function labelBox(label: string, caption: string, byline: string) {
  const inner = BOX.width - 2 * BOX.padding;
  const { lines, truncated } = wrapText(label, inner, BOX.titleFont, BOX.maxLines);
  const drawn = lines.length ? lines : [''];
  const shortCaption = truncate(caption, inner, BOX.smallFont);
  const shortByline = truncate(byline, inner, BOX.smallFont);
  return {
    lines: drawn,
    truncated: truncated || shortCaption !== caption || shortByline !== byline,
    caption: shortCaption,
    byline: shortByline,
    fullCaption: caption,
    fullByline: byline,
    height: boxHeight(drawn.length),
  };
}

/** A caption's parts joined, the status last unless it is active (the usual case goes unsaid). */
export function captionWithStatus(parts: string[], status: string): string {
  return [...parts, ...(status === 'active' ? [] : [status])].join(' · ');
}

/** A metric's caption in every diagram: indicator, then primary and status when they apply. */
export function metricCaption(metric: MetricNode): string {
  return captionWithStatus([`${capitalise(metric.data.indicator)} metric`, ...(metric.data.primary ? ['primary'] : [])], metric.data.status);
}

/** The owner as a box names it: the display name, or the id when no owner file gives one. */
export function ownerLabel(catalog: Catalog, ownerId: string): string {
  return catalog.owners.get(ownerId)?.data.name ?? ownerId;
}

/** What a metric's box says (name, caption, owner) and the indicator and status it is coloured by. */
export function metricBox(catalog: Catalog, metric: MetricNode) {
  const owner = ownerLabel(catalog, metric.data.owner);
  return { label: metric.data.name, owner, status: metric.data.status, indicator: metric.data.indicator, ...labelBox(metric.data.name, metricCaption(metric), owner) };
}
