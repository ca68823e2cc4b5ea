/** future-value: a row dated after the "as of" date, reported at its date cell. */
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { at } from '../helpers/core.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, metricYaml } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'future-value';
const DATA = 'data/visits.csv';

/** A monthly metric `visits`, its values dated as given. */
function monthly(csv: string): Files {
  return withFiles(validCatalog(), { 'metrics/visits.yaml': metricYaml({ cadence: 'monthly' }), [DATA]: csv });
}

const counted = (files: Files, today: string) => analyze(files, today).catalog.metrics.get('visits')!.observations.map((row) => row.date);

describe('future-value', () => {
  it('counts a row dated the "as of" date, and reports one dated the day after', () => {
    const files = monthly('date,value\n2026-10-31,90\n2026-11-23,95\n2026-11-24,99\n');
    expect(hits(files, RULE, '2026-11-23')).toEqual([`${DATA}:4:1 error`]);
    expect(counted(files, '2026-11-23')).toEqual(['2026-10-31', '2026-11-23']);
    expect(hits(files, RULE, '2026-11-24')).toEqual([]);
  });

  it('counts a monthly value dated the first of the current month', () => {
    const files = monthly('date,value\n2026-10-01,90\n2026-11-01,95\n');
    expect(hits(files, RULE, '2026-11-23')).toEqual([]);
    expect(analyze(files, '2026-11-23').derived.metrics.get('visits')!.latest).toEqual({ date: '2026-11-01', value: 95 });
  });

  it('reports a monthly value dated the last day of a month not yet over, until that day', () => {
    const files = monthly('date,value\n2026-10-31,90\n2026-11-30,120\n');
    expect(hits(files, RULE, '2026-11-23')).toEqual([`${DATA}:3:1 error`]);
    expect(analyze(files, '2026-11-23').derived.metrics.get('visits')).toMatchObject({ latest: { date: '2026-10-31', value: 90 }, freshUntil: '2026-12-15' });
    expect(hits(files, RULE, '2026-11-30')).toEqual([]);
  });

  it('points at the date cell wherever the date column is, and past a note with line breaks', () => {
    const reordered = monthly('value,date\n90,2026-10-31\n99,2099-01-01\n');
    expect(hits(reordered, RULE)).toEqual([`${at(reordered, DATA, '2099-01-01')} error`]);
    expect(hits(reordered, RULE)).toEqual([`${DATA}:3:4 error`]);
    const noted = monthly('note,value,date\n"first line\nsecond line",99,2099-01-01\n,90,2026-10-31\n');
    expect(hits(noted, RULE)).toEqual([`${DATA}:3:17 error`]);
    expect(hits(noted, RULE)).toEqual([`${at(noted, DATA, '2099-01-01')} error`]);
  });

  it('reports every future row in file order, for retired metrics too', () => {
    const files = withFiles(monthly('date,value\n2099-02-01,1\n2026-10-31,90\n2098-01-01,2\n'), {
      'metrics/visits.yaml': metricYaml({ cadence: 'monthly', status: 'retired', retired: '{ date: 2026-11-01, reason: replaced by a better measure of access }' }),
    });
    expect(hits(files, RULE)).toEqual([`${DATA}:2:1 error`, `${DATA}:4:1 error`]);
    expect(messages(files, RULE)[0]).toMatch(/^the value dated 2099-02-01 is after the "as of" date 2026-11-23/);
  });

  it('lists the first 100 future rows of a file and counts the rest in one more finding', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${2100 + i}-01-01,${i}`);
    const files = monthly(`date,value\n2026-10-31,90\n${rows.join('\n')}\n`);
    const found = hits(files, RULE);
    expect(found).toHaveLength(101);
    expect(found[0]).toBe(`${DATA}:3:1 error`);
    expect(found.at(-1)).toBe(`${DATA}:103:1 error`);
    expect(messages(files, RULE).at(-1)).toBe('50 more rows are dated after the "as of" date 2026-11-23 and not counted');
  });
});
