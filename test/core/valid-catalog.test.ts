import { afterAll, describe, expect, it } from 'vitest';
import { pathToTop, tracesOf } from '../../src/core/graph.ts';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';

afterAll(removeCatalogs);

describe('a valid catalog', () => {
  const { catalog, diagnostics, fileCount } = analyze(validCatalog());

  it('has no diagnostics and counts every file', () => {
    expect(diagnostics).toEqual([]);
    expect(fileCount).toBe(11);
  });

  it('resolves links in both directions', () => {
    expect(catalog.goals.get('mission')!.children).toEqual(['access']);
    expect(catalog.goals.get('access')!.metrics).toEqual(['wait-days']);
    expect(catalog.metrics.get('wait-days')!.drivenBy).toEqual(['open-slots']);
    expect(catalog.metrics.get('open-slots')!.movedBy).toEqual(['slot-release']);
    expect(catalog.owners.get('ops')!.members).toEqual(['ana']);
    expect(catalog.owners.get('ana')!.initiatives).toEqual(['slot-release']);
    expect(catalog.roots).toEqual(['mission']);
  });

  it('applies defaults and keeps dates as strings', () => {
    const metric = catalog.metrics.get('open-slots')!;
    expect(metric.data.status).toBe('active');
    expect(metric.data.primary).toBe(false);
    expect(metric.data.target).toEqual({ value: 40, by: '2026-12-31' });
    expect(catalog.config.levels).toEqual(['mission', 'strategy', 'department', 'team', 'individual']);
  });

  it('attaches observations to their metric, oldest first', () => {
    expect(catalog.metrics.get('wait-days')!.observations.map((o) => [o.date, o.value])).toEqual([
      ['2026-11-09', 9],
      ['2026-11-16', 8],
    ]);
  });

  it('traces a metric through every goal on its path to the mission', () => {
    expect(tracesOf(catalog, 'open-slots').map((trace) => trace.map((g) => g.id))).toEqual([['scheduling', 'access', 'mission']]);
    expect(pathToTop(catalog, 'mission').map((g) => g.id)).toEqual(['mission']);
  });
});
