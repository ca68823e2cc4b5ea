import { afterAll, describe, expect, it } from 'vitest';
import { deriveCatalog } from '../../src/core/derive/index.ts';
import { statusFromScores } from '../../src/core/derive/rollup.ts';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';

afterAll(removeCatalogs);

describe('rolling goal status up', () => {
  it('maps the weighted mean: green from 0.75, amber from 0.4, red below, unknown with nothing', () => {
    expect(statusFromScores([{ score: 1, weight: 2 }, { score: 0, weight: 1 }])).toBe('amber'); // 0.667
    expect(statusFromScores([{ score: 1, weight: 3 }, { score: 0, weight: 1 }])).toBe('green'); // 0.75
    expect(statusFromScores([{ score: 0.5, weight: 1 }, { score: 0, weight: 1 }])).toBe('red'); // 0.25
    expect(statusFromScores([{ score: 0.5, weight: 1 }, { score: 0.5, weight: 1 }, { score: 0, weight: 1 }, { score: 0, weight: 0 }])).toBe('red'); // 0.333
    expect(statusFromScores([])).toBe('unknown');
  });

  it('rolls a red primary metric up through the cascade, weighting primaries double', () => {
    const files = validCatalog();
    // wait-days (primary, down, green ≤7, red >14): latest 16 → red.
    files['data/wait-days.csv'] = 'date,value\n2026-11-09,9\n2026-11-16,16\n';
    // open-slots has no thresholds → unknown, which does not count.
    const { catalog } = analyze(files);
    const derived = deriveCatalog(catalog);
    expect(derived.metrics.get('wait-days')!.status).toBe('red');
    expect(derived.metrics.get('open-slots')!.status).toBe('unknown');
    expect(derived.goals.get('access')).toBe('red');
    expect(derived.goals.get('mission')).toBe('red');
    expect(derived.goals.get('scheduling')).toBe('unknown');
  });

  it('marks a metric stale past one period plus grace, as of the catalog date', () => {
    const { catalog } = analyze(validCatalog(), '2026-11-26'); // latest weekly value 2026-11-16 + 7 + 3 days = 2026-11-26
    expect(deriveCatalog(catalog).metrics.get('wait-days')).toMatchObject({ stale: false, freshUntil: '2026-11-26', latest: { date: '2026-11-16', value: 8 } });
    const later = analyze(validCatalog(), '2026-11-27');
    expect(deriveCatalog(later.catalog).metrics.get('wait-days')!.stale).toBe(true);
  });
});
