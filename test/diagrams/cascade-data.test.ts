/** The data attributes the build writes on the cascade's groups, and the client script's reading of them. */
import { describe, expect, it } from 'vitest';
import { layoutCascade } from '../../src/diagrams/cascade.ts';
import { groupDataAttributes, readGroupData } from '../../src/diagrams/cascade-data.ts';
import { syntheticCascade } from '../helpers/diagram-catalog.ts';

/** An element's `dataset` as a browser builds it from these attributes (absent ones not set). */
function datasetOf(attributes: Record<string, string | number | undefined>): Record<string, string> {
  const entries = Object.entries(attributes).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries.map(([name, value]) => [name.slice('data-'.length).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), String(value)]));
}

describe('the cascade’s group data', () => {
  const diagram = layoutCascade(syntheticCascade(300, 11));

  it('gives each box its column and height, and marks the subtrees that start collapsed', () => {
    const node = diagram.nodes.find((n) => n.collapsedByDefault)!;
    expect(groupDataAttributes(node)).toEqual({ 'data-c': '', 'data-rank': node.depth, 'data-height': node.height });
    const open = diagram.nodes.find((n) => !n.collapsedByDefault && n.depth > 0)!;
    expect(groupDataAttributes(open)).toEqual({ 'data-c': undefined, 'data-rank': open.depth, 'data-height': open.height });
  });

  it('reads back, for every box of a large tree, what the layout placed it with', () => {
    expect(diagram.nodes.some((n) => n.collapsedByDefault)).toBe(true);
    expect(new Set(diagram.nodes.map((n) => n.height)).size).toBeGreaterThan(1);
    for (const node of diagram.nodes) {
      expect(readGroupData(datasetOf(groupDataAttributes(node))), node.id).toEqual({ rank: node.depth, height: node.height, collapsedAtFirst: node.collapsedByDefault });
    }
  });
});
