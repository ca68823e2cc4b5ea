import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { editLine, hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'stale-data';
const WAIT = 'metrics/wait-days.yaml';

/** The valid catalog with wait-days measured at `cadence` and its latest value dated `latest`. */
function latestOn(latest: string, cadence = 'weekly'): Files {
  const files = editLine(validCatalog(), WAIT, 'cadence: weekly', `cadence: ${cadence}`);
  return { ...files, 'data/wait-days.csv': `date,value,note\n2020-01-06,12,\n${latest},9,\n` };
}

describe(RULE, () => {
  it('is silent when the latest values are recent', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports an active metric whose latest value is too old, at `cadence`', () => {
    const files = latestOn('2026-08-31', 'monthly');
    expect(hits(files, RULE)).toEqual([`${WAIT}:11:10 warning`]);
    expect(messages(files, RULE)).toEqual(['the latest value is from 2026-08-31, 84 days old as of 2026-11-23; monthly data stays fresh for 1 month + 15 days of grace (until 2026-10-15)']);
  });

  it.each([
    ['daily', '2026-11-21'], // 1 + 1 days
    ['weekly', '2026-11-13'], // 7 + 3 days
    ['monthly', '2026-10-08'], // 1 month + 15 days
    ['quarterly', '2026-07-23'], // 3 months + 1 month
    ['yearly', '2025-09-23'], // 12 months + 2 months
  ])('%s data from %s is fresh on 2026-11-23 and stale the next day', (cadence, latest) => {
    expect(hits(latestOn(latest, cadence), RULE, '2026-11-23')).toEqual([]);
    expect(hits(latestOn(latest, cadence), RULE, '2026-11-24')).toEqual([`${WAIT}:11:10 warning`]);
  });

  it('leaves metrics that are not active alone', () => {
    const files = editLine(latestOn('2025-01-05'), WAIT, null, 'status: proposed');
    expect(hits(files, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(latestOn('2026-01-05'), `${RULE}: error`), RULE)).toEqual([`${WAIT}:11:10 error`]);
    expect(hits(withRules(latestOn('2026-01-05'), `${RULE}: off`), RULE)).toEqual([]);
  });
});
