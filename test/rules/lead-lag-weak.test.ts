import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'lead-lag-weak';
/** Weekly series for open-slots (leading) and wait-days (lagging), Mondays from 2026-08-03. */
function series(values: number[]): string {
  const start = Date.UTC(2026, 7, 3);
  return 'date,value\n' + values.map((v, i) => `${new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10)},${v}`).join('\n') + '\n';
}
const wait = [14, 13, 15, 12, 11, 13, 10, 9, 11, 8, 9, 7, 8, 6, 8];

describe(RULE, () => {
  it('is silent when the leading series tracks the outcome (here, one week ahead)', () => {
    const lead = [...wait.slice(1).map((w) => 60 - w * 2), 50];
    const files = withFiles(validCatalog(), { 'data/open-slots.csv': series(lead), 'data/wait-days.csv': series(wait) });
    expect(hits(files, RULE)).toEqual([]);
  });

  it('warns at the drives link when |r| < 0.3 at every lag over at least 8 periods', () => {
    // Alternating values that have nothing to do with the waits.
    const noise = [30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30];
    const files = withFiles(validCatalog(), { 'data/open-slots.csv': series(noise), 'data/wait-days.csv': series(wait) });
    expect(hits(files, RULE)).toEqual(['metrics/open-slots.yaml:6:10 warning']);
    expect(messages(files, RULE)[0]).toMatch(/^`open-slots` barely moves with `wait-days`: the strongest correlation is r = -?0\.\d+ at a lag of \d weekly periods?, over 1[2-5] paired periods$/);
  });

  it('stays silent with fewer than 8 paired periods', () => {
    const files = withFiles(validCatalog(), { 'data/open-slots.csv': series([30, 31, 30, 31, 30]), 'data/wait-days.csv': series(wait.slice(0, 5)) });
    expect(hits(files, RULE)).toEqual([]);
  });

  it('can be switched off', () => {
    const noise = [30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30];
    const files = withRules(withFiles(validCatalog(), { 'data/open-slots.csv': series(noise), 'data/wait-days.csv': series(wait) }), `${RULE}: off`);
    expect(hits(files, RULE)).toEqual([]);
  });
});
