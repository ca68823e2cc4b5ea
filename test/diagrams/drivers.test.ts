/** The driver diagram: two hops each way, one column per hop, arrows one column right, few crossings. */
import { describe, expect, it } from 'vitest';
import { layoutDrivers } from '../../src/diagrams/drivers.ts';
import { catalogOf } from '../helpers/diagram-catalog.ts';
import { isWhole, overlaps } from '../helpers/boxes.ts';

const goals = [{ id: 'mission', level: 'mission' }];
const supports = ['mission'];
// far3 → far2 → near1 → focus → out1 → out2 → out3, plus side branches.
const catalog = catalogOf(goals, [
  { id: 'far3', supports, drives: ['far2'] },
  { id: 'far2', supports, drives: ['near1'] },
  { id: 'near1', supports, drives: ['focus'] },
  { id: 'near2', supports, drives: ['focus', 'out1'] },
  { id: 'focus', supports, drives: ['out1'], indicator: 'leading' },
  { id: 'out1', supports, drives: ['out2'], indicator: 'leading' },
  { id: 'out2', supports, drives: ['out3'], indicator: 'leading' },
  { id: 'out3', supports, indicator: 'lagging' },
  { id: 'alone', supports, indicator: 'lagging' },
]);

describe('the driver diagram', () => {
  const diagram = layoutDrivers(catalog, 'focus')!;
  const hop = Object.fromEntries(diagram.nodes.map((n) => [n.id, n.hop]));

  it('follows drives two hops each way and no further', () => {
    expect(hop).toEqual({ far2: -2, near1: -1, near2: -1, focus: 0, out1: 1, out2: 2 });
    expect(hop).not.toHaveProperty('far3');
    expect(hop).not.toHaveProperty('out3');
  });

  it('puts each hop in its own column, left to right from cause to effect', () => {
    expect(diagram.columns.map((c) => [c.hop, c.label])).toEqual([[-2, 'Two steps before'], [-1, 'Drives it'], [0, 'This metric'], [1, 'It drives'], [2, 'Two steps after']]);
    for (const n of diagram.nodes) expect(n.x).toBe(diagram.columns.find((c) => c.hop === n.hop)!.x);
    expect(overlaps(diagram.nodes)).toEqual([]);
    expect(diagram.nodes.every(isWhole)).toBe(true);
  });

  it('draws an arrow for each drives link between neighbouring columns', () => {
    expect(diagram.links.map((l) => `${l.source}>${l.target}`).sort()).toEqual(['far2>near1', 'focus>out1', 'near1>focus', 'near2>focus', 'out1>out2']);
    // near2 also drives out1 directly, two columns away: the arrow is left out, the list still has it.
    expect(diagram.links.some((l) => l.source === 'near2' && l.target === 'out1')).toBe(false);
  });

  it('shows a lagging metric the leading metrics that drive it, and a leading one what it drives', () => {
    const lagging = layoutDrivers(catalog, 'out3')!;
    expect(lagging.nodes.map((n) => [n.id, n.hop])).toEqual([['out1', -2], ['out2', -1], ['out3', 0]]);
    expect(lagging.nodes.find((n) => n.id === 'out2')).toMatchObject({ indicator: 'leading', caption: 'Leading' });
    const leading = layoutDrivers(catalog, 'far3')!;
    expect(leading.nodes.map((n) => [n.id, n.hop])).toEqual([['far3', 0], ['far2', 1], ['near1', 2]]);
  });

  it('is nothing for a metric with no drivers and nothing it drives', () => {
    expect(layoutDrivers(catalog, 'alone')).toBeUndefined();
  });

  it('orders a column by the rows of its neighbours so arrows do not cross', () => {
    // a1 and b1 drive the focus; a2 drives a1 and b2 drives b1; names sort b2 before a2.
    const crossing = catalogOf(goals, [
      { id: 'a2', name: 'Z upstream of A', supports, drives: ['a1'] },
      { id: 'b2', name: 'A upstream of B', supports, drives: ['b1'] },
      { id: 'a1', name: 'A driver', supports, drives: ['f'] },
      { id: 'b1', name: 'B driver', supports, drives: ['f'] },
      { id: 'f', supports },
    ]);
    const d = layoutDrivers(crossing, 'f')!;
    const row = (id: string) => d.nodes.find((n) => n.id === id)!.row;
    expect(row('a1')).toBeLessThan(row('b1'));
    expect(row('a2')).toBeLessThan(row('b2'));
  });

  it('lays out the same twice', () => {
    expect(layoutDrivers(catalog, 'focus')).toEqual(diagram);
  });
});
