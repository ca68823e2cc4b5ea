/** The strategy map: perspective bands in configured order, arrows derived from drives between objectives. */
import { describe, expect, it } from 'vitest';
import { layoutStrategyMap, objectiveLinks, objectivesOf } from '../../src/diagrams/strategy-map.ts';
import { catalogOf } from '../helpers/diagram-catalog.ts';
import { overlaps } from '../helpers/boxes.ts';

const catalog = catalogOf(
  [
    { id: 'mission', level: 'mission' },
    { id: 'money', level: 'strategy', parent: 'mission', perspective: 'financial', title: 'Finances that keep our doors open' },
    { id: 'patients', level: 'strategy', parent: 'mission', perspective: 'customer', title: 'Every patient seen within a week' },
    { id: 'ops', level: 'strategy', parent: 'mission', perspective: 'internal-process', title: 'Efficient operations' },
    { id: 'people', level: 'strategy', parent: 'mission', perspective: 'learning-growth', title: 'A great place to work' },
    { id: 'unfiled', level: 'strategy', parent: 'mission', title: 'No perspective yet' },
    { id: 'old', level: 'strategy', parent: 'mission', perspective: 'customer', status: 'retired' },
    { id: 'clinics', level: 'department', parent: 'patients' },
    { id: 'desk', level: 'team', parent: 'ops' },
  ],
  [
    { id: 'margin', supports: ['money'] },
    { id: 'seen', supports: ['clinics'] },
    { id: 'slots', supports: ['desk'], drives: ['seen', 'margin'] },
    { id: 'cycle-time', supports: ['desk'], drives: ['seen'] },
    { id: 'burnout', supports: ['people'], drives: ['slots'] },
    { id: 'inside', supports: ['patients'], drives: ['seen'] },
    { id: 'gone', supports: ['people'], drives: ['seen'], status: 'retired' },
  ],
);

describe('cause-and-effect links between objectives', () => {
  it('come from drives between metrics anywhere in each objective’s subtree, never to itself, not from retired metrics', () => {
    const links = objectiveLinks(catalog, objectivesOf(catalog));
    expect(links.map((l) => [l.source, l.target, l.via])).toEqual([
      ['ops', 'patients', [['slots', 'seen'], ['cycle-time', 'seen']]],
      ['ops', 'money', [['slots', 'margin']]],
      ['people', 'ops', [['burnout', 'slots']]],
    ]);
  });

  it('leave out retired objectives', () => {
    expect(objectivesOf(catalog).map((g) => g.id)).not.toContain('old');
  });
});

describe('the strategy map', () => {
  const map = layoutStrategyMap(catalog);

  it('has one band per configured perspective, in order, and one for objectives without a perspective', () => {
    expect(map.bands.map((b) => [b.label, b.objectives])).toEqual([
      ['Financial', ['money']],
      ['Customer', ['patients']],
      ['Internal process', ['ops']],
      ['Learning growth', ['people']],
      ['No perspective', ['unfiled']],
    ]);
    for (let i = 1; i < map.bands.length; i++) expect(map.bands[i]!.y).toBeGreaterThan(map.bands[i - 1]!.y + map.bands[i - 1]!.height - 1);
  });

  it('places each objective inside its band, no two overlapping', () => {
    for (const o of map.objectives) {
      const band = map.bands[o.band]!;
      expect(o.y).toBeGreaterThanOrEqual(band.y);
      expect(o.y + o.height).toBeLessThanOrEqual(band.y + band.height);
      expect(o.x).toBeGreaterThanOrEqual(0);
      expect(o.x + o.width).toBeLessThanOrEqual(map.width);
    }
    expect(overlaps(map.objectives)).toEqual([]);
    expect(map.objectives.find((o) => o.id === 'patients')!).toMatchObject({ caption: 'Strategy', bylines: ['2 metrics · The team'] });
  });

  it('draws an arrow per linked pair, upward when the effect sits in a higher band', () => {
    expect(map.arrows.map((a) => `${a.source}>${a.target}`)).toEqual(['ops>patients', 'ops>money', 'people>ops']);
    const ops = map.objectives.find((o) => o.id === 'ops')!;
    const up = map.arrows.find((a) => a.target === 'patients')!.path;
    expect(up.startsWith(`M`)).toBe(true);
    expect(Number(up.match(/^M\d+,(\d+)/)![1])).toBe(ops.y); // leaves the top of the cause
  });

  it('runs an arrow that skips a band down a lane clear of the boxes in between', () => {
    const skip = map.arrows.find((a) => a.target === 'money')!.path; // internal process → financial, over customer
    const patients = map.objectives.find((o) => o.id === 'patients')!;
    const lane = [...skip.matchAll(/(\d+),(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const).filter(([, y]) => y > patients.y && y < patients.y + patients.height);
    for (const [x] of lane) expect(x < patients.x || x > patients.x + patients.width).toBe(true);
  });
});
