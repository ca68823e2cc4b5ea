/** The cascade's layout data: one box per goal in its level's column, links, collapsing, no overlaps. */
import { describe, expect, it } from 'vitest';
import { collapseDepthFor, layoutCascade, MAX_VISIBLE_AT_FIRST } from '../../src/diagrams/cascade.ts';
import { CASCADE_GRID } from '../../src/diagrams/kit.ts';
import { catalogOf, syntheticCascade } from '../helpers/diagram-catalog.ts';
import { isWhole, overlaps, pathNumbers } from '../helpers/boxes.ts';

describe('the cascade of a small catalog', () => {
  const catalog = catalogOf(
    [
      { id: 'mission', level: 'mission', title: 'Move the city' },
      { id: 'reliable', level: 'strategy', parent: 'mission', title: 'Reliable service riders can plan around' },
      { id: 'fares', level: 'strategy', parent: 'mission', title: 'Paper tickets phased out', status: 'retired' },
      { id: 'on-time', level: 'department', parent: 'reliable', title: 'Buses keep to the timetable' },
      { id: 'dispatch', level: 'team', parent: 'on-time', title: 'Dispatch <script>alert(1)</script> closes gaps fast' },
      { id: 'lanes', level: 'team', parent: 'reliable', title: 'Bus lanes on every trunk route' },
    ],
    [
      { id: 'otp', supports: ['reliable'] },
      { id: 'gaps', supports: ['dispatch'], drives: ['otp'] },
      { id: 'delay', supports: ['reliable'] },
    ],
  );
  const diagram = layoutCascade(catalog);
  const node = (id: string) => diagram.nodes.find((n) => n.id === id)!;

  it('has one box per goal, parents before children, and a link from each parent', () => {
    expect(diagram.nodes.map((n) => n.id)).toEqual(['mission', 'reliable', 'on-time', 'dispatch', 'lanes', 'fares']);
    expect(diagram.roots).toEqual(['mission']);
    expect(node('dispatch').parent).toBe('on-time');
    expect(node('reliable').children).toEqual(['on-time', 'lanes']);
    expect(diagram.links.map((l) => `${l.source}>${l.target}`)).toEqual(['mission>reliable', 'reliable>on-time', 'on-time>dispatch', 'reliable>lanes', 'mission>fares']);
  });

  it('puts each goal in the column of its level, even when its parent skips a level', () => {
    expect(diagram.nodes.map((n) => [n.id, n.depth])).toEqual([['mission', 0], ['reliable', 1], ['on-time', 2], ['dispatch', 3], ['lanes', 3], ['fares', 1]]);
    for (const n of diagram.nodes) expect(n.x).toBe(n.depth * CASCADE_GRID.step);
    // The team goal straight under a strategy: its link runs on through the department column.
    expect(diagram.links.find((l) => l.target === 'lanes')!.path).toMatch(/H720$/);
    expect(diagram.columns.map((c) => c.label)).toEqual(['Mission', 'Strategy', 'Department', 'Team']);
  });

  it('gives each box its title, level, owner and the metric count of its whole subtree, text kept as text', () => {
    // Two metrics of its own and one under a team goal below it.
    expect(node('reliable')).toMatchObject({ label: 'Reliable service riders can plan around', caption: 'Strategy', bylines: ['3 metrics · The team'], metrics: 3, owner: 'The team', kind: 'goal', entry: 'reliable' });
    expect(node('fares')).toMatchObject({ caption: 'Strategy · retired', status: 'retired' });
    expect(node('dispatch').lines.join(' ')).toBe('Dispatch <script>alert(1)</script> closes gaps fast');
    expect(node('dispatch').bylines).toEqual(['1 metric · The team']);
    // The mission counts every metric under it, not the none it has of its own.
    expect(node('mission')).toMatchObject({ metrics: 3, bylines: ['3 metrics · The team'] });
  });

  it('uses whole pixels and keeps every box and link inside the drawing', () => {
    for (const n of diagram.nodes) {
      expect(isWhole(n), n.id).toBe(true);
      expect(n.x + n.width).toBeLessThanOrEqual(diagram.width);
      expect(n.y + n.height).toBeLessThanOrEqual(diagram.height);
      expect(n.y).toBeGreaterThanOrEqual(CASCADE_GRID.top);
    }
    for (const l of diagram.links) for (const v of pathNumbers(l.path)) expect(Number.isInteger(v), l.path).toBe(true);
  });

  it('collapses nothing in a small tree', () => {
    expect(diagram.nodes.some((n) => n.collapsedByDefault || n.hiddenByDefault)).toBe(false);
  });
});

describe('the cascade at 15 and 500 goals', () => {
  for (const size of [15, 500]) {
    const catalog = syntheticCascade(size, 11, 0.1);
    const diagram = layoutCascade(catalog);

    it(`${size} goals: every goal once, in its level's column, linked to its parent`, () => {
      expect(diagram.nodes).toHaveLength(size);
      expect(new Set(diagram.nodes.map((n) => n.id))).toEqual(new Set(catalog.goals.keys()));
      expect(diagram.links).toHaveLength(size - 1);
      for (const n of diagram.nodes) {
        expect(n.depth).toBe(catalog.goals.get(n.id)!.depth);
        expect(n.parent).toBe(catalog.goals.get(n.id)!.data.parent);
      }
    });

    it(`${size} goals: no two boxes overlap`, () => {
      expect(overlaps(diagram.nodes)).toEqual([]);
    });

    it(`${size} goals: lays out the same twice`, () => {
      expect(layoutCascade(syntheticCascade(size, 11, 0.1))).toEqual(diagram);
    });
  }

  it('500 goals: deeper levels start collapsed (for the client script), at most the first-view budget shown', () => {
    const diagram = layoutCascade(syntheticCascade(500, 11, 0));
    const depth = collapseDepthFor(diagram.nodes.map((n) => n.depth));
    expect(depth).toBe(2);
    for (const n of diagram.nodes) expect(n.collapsedByDefault, n.id).toBe(n.depth >= depth && n.children.length > 0);
    const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
    for (const n of diagram.nodes) {
      const parent = n.parent ? byId.get(n.parent) : undefined;
      expect(n.hiddenByDefault, n.id).toBe(parent ? parent.hiddenByDefault || parent.collapsedByDefault : false);
    }
    expect(diagram.nodes.filter((n) => !n.hiddenByDefault).length).toBeLessThanOrEqual(MAX_VISIBLE_AT_FIRST);
  });
});

describe('collapseDepthFor', () => {
  it('collapses nothing while the whole tree fits the first view', () => {
    expect(collapseDepthFor([0, 1, 1, 2])).toBe(Infinity);
  });
  it('stops at the deepest level that still fits, never above the strategies', () => {
    expect(collapseDepthFor([0, ...Array(5).fill(1), ...Array(30).fill(2), ...Array(100).fill(3)], 60)).toBe(2);
    expect(collapseDepthFor([0, ...Array(80).fill(1), ...Array(30).fill(2)], 60)).toBe(1);
  });
});

describe('a catalog with more than one top goal', () => {
  it('draws each tree, one above the other, with no link between them', () => {
    const diagram = layoutCascade(catalogOf([
      { id: 'a', level: 'mission' },
      { id: 'b', level: 'mission' },
      { id: 'a1', level: 'strategy', parent: 'a' },
      { id: 'b1', level: 'strategy', parent: 'b' },
    ]));
    expect(diagram.roots).toEqual(['a', 'b']);
    expect(diagram.links.map((l) => l.target)).toEqual(['a1', 'b1']);
    expect(overlaps(diagram.nodes)).toEqual([]);
  });
});
