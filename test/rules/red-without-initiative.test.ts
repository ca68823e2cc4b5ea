import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'red-without-initiative';
// wait-days: direction down, green ≤ 7, red > 14.
const red = (files = validCatalog()) => withFiles(files, { 'data/wait-days.csv': 'date,value\n2026-11-09,9\n2026-11-16,16\n' });

describe(RULE, () => {
  it('is silent while the metric is not red', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('warns at the name of a red metric that no initiative moves', () => {
    expect(hits(red(), RULE)).toEqual(['metrics/wait-days.yaml:1:7 warning']);
    expect(messages(red(), RULE)).toEqual(['is red (16 on 2026-11-16) and no active initiative moves it']);
  });

  it('is satisfied by an active initiative, not by a planned one', () => {
    const active = withFiles(red(), { 'initiatives/more-slots.yaml': 'name: More slots\nowner: ops\nmoves: [wait-days]\nstatus: active\n' });
    expect(hits(active, RULE)).toEqual([]);
    const planned = withFiles(red(), { 'initiatives/more-slots.yaml': 'name: More slots\nowner: ops\nmoves: [wait-days]\nstatus: planned\n' });
    expect(hits(planned, RULE)).toEqual(['metrics/wait-days.yaml:1:7 warning']);
  });

  it('follows the configured severity', () => {
    expect(hits(withRules(red(), `${RULE}: error`), RULE)).toEqual(['metrics/wait-days.yaml:1:7 error']);
  });
});
