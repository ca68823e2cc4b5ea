/**
 * The class list and data attributes of a diagram box's element (the link or group around
 * NodeBox): status first (`dg-status--red`, `data-status="red"`), then the leading/lagging mark,
 * lifecycle (proposed, retired), staleness and whatever the diagram adds (`self`). Styles and
 * tests read these, so every diagram writes them the same way here.
 */
import type { BoxLabel } from '../../diagrams/tree.ts';

interface Marked extends Pick<BoxLabel, 'rag' | 'stale'> {
  indicator?: 'leading' | 'lagging';
  /** Lifecycle: active, proposed or retired. */
  status: string;
}

export function boxClass(box: Marked, ...extra: (string | false | undefined)[]): string {
  const indicator = box.indicator === 'leading' ? 'lead' : box.indicator === 'lagging' ? 'lag' : '';
  return [`dg-status--${box.rag}`, indicator, box.status === 'active' ? '' : box.status, box.stale ? 'dg-stale' : '', ...extra].filter(Boolean).join(' ');
}

export function boxData(box: Marked): Record<string, string | undefined> {
  return { 'data-status': box.rag, 'data-stale': box.stale ? '' : undefined };
}
