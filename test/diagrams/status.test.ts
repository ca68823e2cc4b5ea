/**
 * Status on every diagram box: each goal and metric box of the cascade, strategy map, subtree,
 * trace and driver diagrams carries its status (a goal's rollup) and says it in words; owner
 * names wrap instead of being cut; the trace's wide metric box wraps its text at its own width;
 * the strategy map lists each objective's primary metrics with values, worst first.
 */
import { describe, expect, it } from 'vitest';
import type { MetricState } from '../../src/core/derive/index.ts';
import type { Status } from '../../src/core/derive/status.ts';
import { layoutCascade } from '../../src/diagrams/cascade.ts';
import { layoutDrivers } from '../../src/diagrams/drivers.ts';
import { BOX, bylineLines, labelBox } from '../../src/diagrams/kit.ts';
import { statusesOf, type StatusSource } from '../../src/diagrams/status.ts';
import { layoutStrategyMap, MAX_ROWS, OBJECTIVE_WIDTH } from '../../src/diagrams/strategy-map.ts';
import { layoutSubtree } from '../../src/diagrams/subtree.ts';
import { textWidth } from '../../src/diagrams/text.ts';
import { layoutTrace } from '../../src/diagrams/trace.ts';
import { catalogOf } from '../helpers/diagram-catalog.ts';

const catalog = catalogOf(
  [
    { id: 'mission', level: 'mission' },
    { id: 'money', level: 'strategy', parent: 'mission', perspective: 'financial' },
    { id: 'patients', level: 'strategy', parent: 'mission', perspective: 'customer' },
    { id: 'clinics', level: 'department', parent: 'patients' },
  ],
  [
    { id: 'margin', supports: ['money'] },
    { id: 'seen', name: 'Patients seen within seven days of asking for an appointment', supports: ['clinics', 'money'] },
    { id: 'slots', supports: ['clinics'], drives: ['seen'] },
    { id: 'calls', supports: ['patients'], drives: ['slots'] },
  ],
);

const METRICS: Record<string, [Status, boolean]> = { margin: ['green', false], seen: ['red', true], slots: ['amber', false], calls: ['unknown', false] };
const GOALS: Record<string, Status> = { mission: 'amber', money: 'amber', patients: 'red', clinics: 'red' };
const derived: StatusSource = {
  metrics: new Map(Object.entries(METRICS).map(([id, [status, stale]]) => [id, { status, stale } as MetricState])),
  goals: new Map(Object.entries(GOALS)),
};
const WORDS: Record<Status, string> = { green: 'On target', amber: 'Watch', red: 'Off target', unknown: 'No status' };

/** The status a box should carry: a metric's own, a goal's rollup. */
const expected = (kind: 'goal' | 'metric', entry: string) => (kind === 'goal' ? GOALS[entry]! : METRICS[entry]![0]);

describe('status on every box', () => {
  it('colours every cascade box by its goal’s rollup and says it in words', () => {
    const diagram = layoutCascade(catalog, derived);
    expect(diagram.nodes).toHaveLength(4);
    for (const node of diagram.nodes) {
      expect(node.rag, node.id).toBe(GOALS[node.entry]);
      expect(node.statusWord, node.id).toBe(WORDS[node.rag]);
    }
  });

  it('colours the subtree’s goals by rollup and its metrics by their own status, stale said in words', () => {
    const diagram = layoutSubtree(catalog, 'patients', derived);
    for (const node of diagram.nodes) expect(node.rag, node.id).toBe(expected(node.kind, node.entry));
    const seen = diagram.nodes.find((n) => n.entry === 'seen')!;
    expect(seen).toMatchObject({ stale: true, statusWord: 'Off target · stale' });
  });

  it('colours every box of the trace and the driver diagram', () => {
    const trace = layoutTrace(catalog, 'seen', derived)!;
    for (const node of trace.nodes) expect(node.rag, node.id).toBe(expected(node.kind, node.entry));
    const drivers = layoutDrivers(catalog, 'seen', derived)!;
    expect(drivers.nodes.map((n) => [n.id, n.rag, n.owner])).toEqual([['calls', 'unknown', 'The team'], ['slots', 'amber', 'The team'], ['seen', 'red', 'The team']]);
  });

  it('colours every objective of the strategy map by its rollup', () => {
    const map = layoutStrategyMap(catalog, derived);
    expect(map.objectives.map((o) => [o.id, o.rag, o.statusWord])).toEqual([['money', 'amber', 'Watch'], ['patients', 'red', 'Off target']]);
  });

  it('derives the statuses itself when a page does not pass them: no values, no status', () => {
    const bare = catalogOf([{ id: 'mission', level: 'mission' }], [{ id: 'm', supports: ['mission'] }]);
    expect(layoutSubtree(bare, 'mission').nodes.map((n) => [n.id, n.rag, n.statusWord])).toEqual([['mission', 'unknown', 'No status'], ['mission>m', 'unknown', 'No status']]);
    expect(statusesOf(bare).metric('m')).toEqual({ status: 'unknown', stale: false });
  });
});

describe('the mission box', () => {
  it('counts every metric in the catalog under it, not only its own (none)', () => {
    const mission = layoutCascade(catalog, derived).nodes.find((n) => n.id === 'mission')!;
    expect(mission.metrics).toBe(4);
    expect(mission.bylines.join(' ')).toMatch(/^4 metrics/);
  });
});

describe('owner names in a byline', () => {
  const inner = BOX.width - 2 * BOX.padding;

  it('go on a line of their own, wrapped, rather than cut, when they fit two lines', () => {
    const { lines, truncated } = bylineLines(['11 metrics', 'Keisha Brown, RN, Primary Care Nurse Manager'], inner);
    expect(truncated).toBe(false);
    expect(lines[0]).toBe('11 metrics');
    expect(lines.slice(1).join(' ')).toBe('Keisha Brown, RN, Primary Care Nurse Manager');
    for (const line of lines) {
      expect(line.endsWith('…')).toBe(false);
      expect(textWidth(line, BOX.smallFont)).toBeLessThanOrEqual(inner);
    }
  });

  it('share the count’s line when both fit', () => {
    expect(bylineLines(['2 metrics', 'The team'], inner)).toEqual({ lines: ['2 metrics · The team'], truncated: false });
  });

  it('too long for two lines, are shortened to the name before the comma, the full text kept for the tooltip', () => {
    const owner = 'Dr. Maria Okafor, Chief Medical Officer and Executive Lead for Whole-Person Integrated Care Services';
    const { lines, truncated } = bylineLines(['3 metrics', owner], inner);
    expect(lines).toEqual(['3 metrics', 'Dr. Maria Okafor']);
    expect(truncated).toBe(true);
    const box = labelBox('Goal', 'Strategy', ['3 metrics', owner], { rag: 'green', statusWord: 'On target', stale: false });
    expect(box).toMatchObject({ truncated: true, fullByline: `3 metrics · ${owner}` });
  });
});

describe('the trace’s metric box', () => {
  it('spans the goals it supports and wraps its name at its own width, not a single column’s', () => {
    const trace = layoutTrace(catalog, 'seen', derived)!;
    const metric = trace.nodes.find((n) => n.kind === 'metric')!;
    expect(metric.width).toBeGreaterThan(BOX.width * 1.5);
    const inner = metric.width - 2 * BOX.padding;
    for (const line of metric.lines) expect(textWidth(line, BOX.titleFont)).toBeLessThanOrEqual(inner);
    // Narrow wrapping would take three lines; the wide box needs fewer, and its first line is wider than a column.
    expect(metric.lines.length).toBeLessThan(3);
    expect(textWidth(metric.lines[0]!, BOX.titleFont)).toBeGreaterThan(BOX.width - 2 * BOX.padding);
  });
});

describe('the strategy map’s objectives', () => {
  const withValues = catalogOf(
    [
      { id: 'mission', level: 'mission' },
      { id: 'money', level: 'strategy', parent: 'mission', perspective: 'financial' },
      { id: 'team', level: 'department', parent: 'money' },
    ],
    ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: `Metric ${id}`, supports: [id === 'f' ? 'team' : 'money'] })),
  );
  for (const metric of withValues.metrics.values()) {
    (metric.data as { primary: boolean }).primary = metric.id !== 'e';
    metric.observations.push({ date: '2026-10-31', value: 1234.5 } as never);
  }
  const rag: Record<string, Status> = { a: 'green', b: 'red', c: 'amber', d: 'unknown', e: 'red', f: 'red' };
  const source: StatusSource = {
    metrics: new Map(Object.entries(rag).map(([id, status]) => [id, { status, stale: false } as MetricState])),
    goals: new Map([['money', 'amber']]),
  };
  const map = layoutStrategyMap(withValues, source);
  const money = map.objectives[0]!;

  it('list their primary metrics (under any goal below), worst first, with the latest value and a status mark', () => {
    expect(money.rows.map((r) => [r.id, r.rag, r.mark])).toEqual([['b', 'red', '✕'], ['f', 'red', '✕'], ['c', 'amber', '!'], ['d', 'unknown', '–']].slice(0, MAX_ROWS));
    expect(money.rows[0]).toMatchObject({ value: '1,234.5', statusWord: 'Off target', fullName: 'Metric b' });
    expect(money.moreRows).toBe(1);
  });

  it('are sized to hold their rows, and the map is as wide as its fullest band', () => {
    expect(money.height).toBeGreaterThan(labelBox('x', 'Strategy', ['6 metrics · The team'], { rag: 'amber', statusWord: 'Watch', stale: false }).height + 4 * BOX.smallLineHeight);
    expect(map.width).toBeLessThan(2 * OBJECTIVE_WIDTH);
  });
});
