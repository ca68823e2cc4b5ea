/** Values enter the catalog once, in the graph: rows dated after the "as of" date are set aside there, and derivation sees only the rest. */
import { describe, expect, it } from 'vitest';
import { metricState } from '../../src/core/derive/index.ts';
import { splitAtToday } from '../../src/core/derive/observation.ts';
import type { MetricNode } from '../../src/core/graph.ts';

const row = (date: string, value: number, line: number) => ({ date, value, line, dateAt: { line, column: 1 } });

describe('values as of a date', () => {
  it('counts rows dated on or before the day, in order, and sets aside the later ones', () => {
    const rows = [row('2026-11-01', 1, 2), row('2026-11-23', 2, 3), row('2026-11-24', 3, 4), row('2099-12-31', 4, 5)];
    const { counted, future } = splitAtToday(rows, '2026-11-23');
    expect(counted.map((r) => r.date)).toEqual(['2026-11-01', '2026-11-23']);
    expect(future.map((r) => r.line)).toEqual([4, 5]);
  });

  it('derives a metric only from the rows that count', () => {
    const { counted, future } = splitAtToday([row('2026-11-09', 15, 2), row('2026-11-16', 16, 3), row('2099-12-31', 5, 4)], '2026-11-23');
    const metric = {
      id: 'wait-days',
      data: { status: 'active', cadence: 'weekly', direction: 'down', thresholds: { green: 7, red: 14 }, owner: 'ops', triggers: [{ when: { above: 14 }, action: 'Open slots.' }] },
      observations: counted,
      futureObservations: future,
    } as unknown as MetricNode;
    const state = metricState(metric, '2026-11-23');
    expect(state).toMatchObject({ status: 'red', stale: false, latest: { date: '2026-11-16', value: 16 }, freshUntil: '2026-11-26', trend: { direction: 'up', better: false } });
    expect(state.fired).toHaveLength(1);
    expect(counted.map((r) => r.date)).toEqual(['2026-11-09', '2026-11-16']);
  });
});
