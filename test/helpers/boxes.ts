/** Geometry checks shared by the diagram layout tests. */
import type { Box } from '../../src/diagrams/tree.ts';

/** Every pair of boxes that overlap (touching edges do not count), found with a sweep over x. */
export function overlaps<T extends Box & { id: string }>(boxes: T[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      const b = sorted[j]!;
      if (b.y < a.y + a.height && a.y < b.y + b.height) found.push([a.id, b.id]);
    }
  }
  return found;
}

export const isWhole = (box: Box) => [box.x, box.y, box.width, box.height].every(Number.isInteger);

/** Every number in an SVG path. */
export const pathNumbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
