/**
 * What the cascade's client script needs to lay a box out again, written by the build as data-*
 * attributes on the box's group and read back by the script: its column, its height, and whether
 * its subtree starts collapsed. Both sides go through this module, so the names cannot drift.
 */
import type { DiagramNode } from './cascade.ts';

export interface GroupData {
  /** The column (level index) the box sits in. */
  rank: number;
  height: number;
  collapsedAtFirst: boolean;
}

/** The data attributes of a node's group; `data-c` is there only when its subtree starts collapsed. */
export function groupDataAttributes(node: Pick<DiagramNode, 'depth' | 'height' | 'collapsedByDefault'>) {
  return { 'data-c': node.collapsedByDefault ? '' : undefined, 'data-rank': node.depth, 'data-height': node.height };
}

/** A group's data attributes read back from its `dataset`. */
export function readGroupData(dataset: Readonly<Record<string, string | undefined>>): GroupData {
  return { rank: Number(dataset.rank), height: Number(dataset.height), collapsedAtFirst: dataset.c !== undefined };
}
