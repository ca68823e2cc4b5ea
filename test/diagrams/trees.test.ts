/** A goal page's subtree with its metrics, and a metric page's trace to the mission. */
import { describe, expect, it } from 'vitest';
import { layoutSubtree, MAX_SUBTREE_NODES } from '../../src/diagrams/subtree.ts';
import { layoutTrace } from '../../src/diagrams/trace.ts';
import { catalogOf, syntheticCascade } from '../helpers/diagram-catalog.ts';
import { isWhole, overlaps } from '../helpers/boxes.ts';

const catalog = catalogOf(
  [
    { id: 'mission', level: 'mission' },
    { id: 'access', level: 'strategy', parent: 'mission' },
    { id: 'money', level: 'strategy', parent: 'mission' },
    { id: 'clinics', level: 'department', parent: 'access' },
    { id: 'reminders', level: 'team', parent: 'clinics' },
    { id: 'mobile', level: 'team', parent: 'access' },
  ],
  [
    { id: 'seen-in-7', supports: ['access', 'clinics'] },
    { id: 'no-shows', supports: ['reminders'], drives: ['seen-in-7'] },
    { id: 'margin', supports: ['money'] },
    { id: 'orphan', status: 'proposed' },
  ],
);

describe('a goal’s subtree', () => {
  const diagram = layoutSubtree(catalog, 'access');
  const ids = diagram.nodes.map((n) => n.id);

  it('holds the goal, every goal under it and each one’s metrics, metrics first', () => {
    expect(diagram.roots).toEqual(['access']);
    expect(ids).toEqual(['access', 'access>seen-in-7', 'clinics', 'clinics>seen-in-7', 'reminders', 'reminders>no-shows', 'mobile']);
    expect(diagram.nodes.find((n) => n.id === 'access')!.children).toEqual(['access>seen-in-7', 'clinics', 'mobile']);
    expect(diagram.nodes.find((n) => n.id === 'reminders>no-shows')).toMatchObject({ kind: 'metric', entry: 'no-shows', indicator: 'leading', caption: 'Leading', parent: 'reminders' });
  });

  it('places metrics one column right of their goal and goals in their level’s column', () => {
    const depth = Object.fromEntries(diagram.nodes.map((n) => [n.id, n.depth]));
    expect(depth).toMatchObject({ access: 0, 'access>seen-in-7': 1, clinics: 1, reminders: 2, 'reminders>no-shows': 3, mobile: 2 });
    expect(overlaps(diagram.nodes)).toEqual([]);
    expect(diagram.nodes.every(isWhole)).toBe(true);
  });

  it('stops adding generations at the node budget and counts what it left out', () => {
    const big = syntheticCascade(500, 3);
    const mission = layoutSubtree(big, 'mission-1');
    expect(mission.nodes.length).toBeLessThanOrEqual(MAX_SUBTREE_NODES);
    const left = mission.nodes.filter((n) => n.more);
    expect(left.length).toBeGreaterThan(0);
    expect(mission.nodes.filter((n) => n.kind === 'goal').length + left.reduce((s, n) => s + n.more!, 0)).toBe(500);
    expect(overlaps(mission.nodes)).toEqual([]);
  });

  it('is a single box for a goal with nothing under it', () => {
    expect(layoutSubtree(catalog, 'mobile').nodes.map((n) => n.id)).toEqual(['mobile']);
  });
});

describe('a metric’s trace', () => {
  it('goes from the metric through each goal it supports to the mission, shared goals drawn once', () => {
    const trace = layoutTrace(catalog, 'seen-in-7')!;
    expect(trace.nodes.map((n) => n.id)).toEqual(['mission', 'access', 'clinics', 'metric:seen-in-7']);
    expect(trace.links.map((l) => `${l.source}>${l.target}`)).toEqual(['mission>access', 'access>clinics', 'access>metric:seen-in-7', 'clinics>metric:seen-in-7']);
    const metric = trace.nodes.at(-1)!;
    expect(metric).toMatchObject({ kind: 'metric', entry: 'seen-in-7', depth: 3 });
    // The metric sits in the bottom row, under every goal it supports.
    for (const n of trace.nodes.slice(0, -1)) expect(n.y + n.height).toBeLessThan(metric.y);
    expect(overlaps(trace.nodes)).toEqual([]);
  });

  it('is one column for a metric on one path, rows top to bottom from the mission', () => {
    const trace = layoutTrace(catalog, 'no-shows')!;
    expect(trace.nodes.map((n) => n.id)).toEqual(['mission', 'access', 'clinics', 'reminders', 'metric:no-shows']);
    const ys = trace.nodes.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(trace.nodes.map((n) => n.x)).size).toBe(1);
  });

  it('is nothing for a metric that supports no goal', () => {
    expect(layoutTrace(catalog, 'orphan')).toBeUndefined();
  });
});
