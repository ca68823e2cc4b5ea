/**
 * The header's navigation: a section the catalog has nothing for is left out, each for its own
 * reason; the words are the catalog's `site.nav` labels or the defaults; and the config field is
 * checked like every other, with a did-you-mean for a misspelled section.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_NAV_LABELS, NAV_SECTIONS } from '../../src/core/schemas/config.ts';
import type { History, HistoryResult } from '../../src/features/history.ts';
import { navItems } from '../../src/site/nav.ts';
import { analyze, removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { append, errors, one } from '../helpers/core.ts';

afterAll(removeCatalogs);

const CONFIG = 'catalog.config.yaml';
const NO_HISTORY: HistoryResult = { available: false, reason: 'the catalog is not in a git repository' };

/** A history in which one commit added the metric at `path`. */
function historyAdding(path: string): History {
  const commit = { hash: 'a'.repeat(40), date: '2026-10-05', time: '2026-10-05T10:00:00+00:00', author: 'Bo Chen', subject: 'Add the metric' };
  const file = { path, exists: true, changes: [{ commit, change: 'added' as const, path }] };
  return { available: true, shallow: false, commits: [commit], files: [file], byPath: new Map([[path, file]]), compared: 0, truncated: false };
}

function sections(files: Files, history: HistoryResult = NO_HISTORY): string[] {
  const { catalog } = analyze(files);
  return navItems(catalog, () => history).map((item) => item.id);
}

const without = (files: Files, ...paths: string[]) => Object.fromEntries(Object.entries(files).filter(([path]) => !paths.includes(path)));

describe('the sections in the header', () => {
  it('lists every section, in order, for a catalog that has something for each', () => {
    expect(sections(validCatalog(), historyAdding('metrics/wait-days.yaml'))).toEqual([...NAV_SECTIONS]);
  });

  it('leaves out Initiatives when the catalog has none', () => {
    expect(sections(without(validCatalog(), 'initiatives/slot-release.yaml'))).not.toContain('initiatives');
  });

  it('leaves out Changes without git history, or with history that changed no metric or goal', () => {
    expect(sections(validCatalog(), NO_HISTORY)).not.toContain('changes');
    expect(sections(validCatalog(), historyAdding('owners/ops.yaml'))).not.toContain('changes');
    expect(sections(validCatalog(), historyAdding('goals/access.yaml'))).toContain('changes');
  });

  it('reads the git history once, for the Changes link only', () => {
    let reads = 0;
    const { catalog } = analyze(validCatalog());
    navItems(catalog, () => (reads++, NO_HISTORY));
    expect(reads).toBe(1);
  });

  it('leaves out the strategy map when no goal sits under the mission, but keeps the cascade, goals and report', () => {
    const missionOnly = { [CONFIG]: validCatalog()[CONFIG]!, 'owners/ops.yaml': validCatalog()['owners/ops.yaml']!, 'goals/mission.yaml': 'title: Healthy people\nlevel: mission\nowner: ops\n' };
    expect(sections(missionOnly)).toEqual(['home', 'cascade', 'goals', 'owners', 'health', 'report', 'guide']);
  });

  it('keeps only the overview, the checks and the guide for a catalog with nothing in it yet', () => {
    expect(sections({ [CONFIG]: 'name: Empty Clinic\n' })).toEqual(['home', 'health', 'guide']);
  });
});

describe('the words in the header', () => {
  it('says "Catalog checks", not "Health", by default: /health/ is about the catalog, not patients', () => {
    const { catalog } = analyze(validCatalog());
    const health = navItems(catalog, () => NO_HISTORY).find((item) => item.id === 'health')!;
    expect(health).toEqual({ id: 'health', label: 'Catalog checks', path: 'health/' });
    expect(DEFAULT_NAV_LABELS.health).not.toMatch(/health/i);
  });

  it('takes the catalog’s own words from site.nav, trimmed, and keeps the URLs', () => {
    const files = append(validCatalog(), CONFIG, 'site:', '  nav:', '    health: " Data quality "', '    guide: Help', '    home: Scorecard');
    expect(errors(files)).toEqual([]);
    const items = navItems(analyze(files).catalog, () => NO_HISTORY);
    expect(items.filter((item) => ['home', 'health', 'guide', 'metrics'].includes(item.id))).toEqual([
      { id: 'home', label: 'Scorecard', path: '' },
      { id: 'metrics', label: 'Metrics', path: 'metrics/' },
      { id: 'health', label: 'Data quality', path: 'health/' },
      { id: 'guide', label: 'Help', path: 'guide/' },
    ]);
  });
});

describe('site.nav in catalog.config.yaml', () => {
  it('reports a misspelled section with a did-you-mean hint', () => {
    const files = append(validCatalog(), CONFIG, 'site:', '  nav:', '    helth: Checks');
    expect(errors(files)).toEqual([`${CONFIG}:5:5 unknown-field`]);
    expect(one(files, 'unknown-field')).toMatchObject({ message: 'unknown field `helth` in `site.nav`', hint: 'did you mean `health`?' });
  });

  it('refuses an empty label and one too long for the header', () => {
    const empty = append(validCatalog(), CONFIG, 'site:', '  nav:', '    health: ""');
    expect(one(empty, 'invalid-value').message).toBe('`site.nav.health` must not be empty');
    const long = append(validCatalog(), CONFIG, 'site:', '  nav:', `    health: ${'Checks '.repeat(5)}`);
    expect(one(long, 'invalid-value').message).toBe('`site.nav.health` is at most 24 characters, to fit the header');
  });

  it('refuses an unknown setting under site', () => {
    const files = append(validCatalog(), CONFIG, 'site:', '  navigation: {}');
    expect(errors(files)).toEqual([`${CONFIG}:4:3 unknown-field`]);
  });
});
