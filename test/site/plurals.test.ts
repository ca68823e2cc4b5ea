/**
 * A catalog with one of everything, built: every page that counts says "1 owner", never
 * "1 owners" (the home page did), through the one helper src/core/plural.ts.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCatalogs, TODAY, writeCatalog } from '../helpers/catalog.ts';
import { buildSite, readPage, text, type BuildResult } from '../helpers/site.ts';

const ONE_OF_EACH = {
  'catalog.config.yaml': 'name: Solo Clinic\n',
  'owners/ops.yaml': 'name: Operations\nkind: team\n',
  'goals/mission.yaml': 'title: Healthy people\nlevel: mission\nowner: ops\n',
  'metrics/wait-days.yaml': [
    'name: Days to appointment',
    'description: Median days from request to appointment.',
    'why: waiting is what patients feel first.',
    'supports: [mission]',
    'indicator: lagging',
    'owner: ops',
    'unit: days',
    'direction: down',
    'formula: median(appointment_date - request_date)',
    'source: { system: Epic }',
    'cadence: weekly',
    'thresholds: { green: 7, red: 14 }',
    '',
  ].join('\n'),
  'initiatives/slot-release.yaml': 'name: Slot release\nowner: ops\nmoves: [wait-days]\n',
  'data/wait-days.csv': 'date,value,note\n2026-11-16,8,\n',
};

let build: BuildResult;
beforeAll(() => {
  build = buildSite(writeCatalog(ONE_OF_EACH), TODAY);
  expect(build.status, build.stderr.slice(-2000)).toBe(0);
});
afterAll(() => {
  rmSync(build.outDir, { recursive: true, force: true });
  removeCatalogs();
});

describe('pages of a catalog with one goal, metric, owner and initiative', () => {
  it('the home page counts 1 goal, 1 metric, 1 owner, 1 initiative', () => {
    const cards = readPage(build.outDir, '').querySelectorAll('ul.cards li.card a').map((a) => text(a));
    expect(cards).toEqual(expect.arrayContaining(['1 goal', '1 metric', '1 owner', '1 initiative']));
    expect(cards.join(' ')).not.toMatch(/\b1 (goals|metrics|owners|initiatives)\b/);
  });

  it('each index says it in the singular', () => {
    const lede = (path: string) => text(readPage(build.outDir, path).querySelector('p.lede'));
    expect(lede('goals')).toMatch(/ 1 goal\.$/);
    expect(lede('metrics')).toMatch(/^1 metric, each traced/);
    expect(lede('owners')).toBe('1 team or person, and what it owns.');
    expect(lede('initiatives')).toBe('1 project and the metrics it is designed to move.');
    expect(lede('health')).toMatch(/: 1 active metric, 0 with stale data, \d+ governance findings?\.$/);
    expect(text(readPage(build.outDir, 'metrics').querySelector('[data-filter-count]'))).toBe('1 of 1 metric');
  });

  it('no page anywhere says "1" before a plural noun', () => {
    for (const path of ['', 'goals', 'metrics', 'owners', 'initiatives', 'health', 'cascade', 'goals/mission', 'metrics/wait-days', 'owners/ops']) {
      expect(text(readPage(build.outDir, path)), path).not.toMatch(/\b1 (goals|metrics|owners|initiatives|projects|teams|values|active metrics)\b/);
    }
  });
});
