import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'no-data';
const withoutValues = () => withFiles(validCatalog(), { 'data/open-slots.csv': undefined });

describe(RULE, () => {
  it('is silent when every active metric has values', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports an active metric without a data file, in a catalog that keeps values', () => {
    const files = withoutValues();
    expect(hits(files, RULE)).toEqual(['metrics/open-slots.yaml:1:1 warning']);
    expect(messages(files, RULE)).toEqual(['no values: there is no data/open-slots.csv']);
  });

  it('reports a data file without rows, at the file', () => {
    const files = withFiles(validCatalog(), { 'data/open-slots.csv': 'date,value,note\n' });
    expect(hits(files, RULE)).toEqual(['data/open-slots.csv:1:1 warning']);
  });

  it('is silent in a catalog that keeps no values at all', () => {
    expect(hits(withFiles(withoutValues(), { 'data/wait-days.csv': undefined }), RULE)).toEqual([]);
  });

  it('leaves proposed metrics alone', () => {
    const files = withFiles(validCatalog(), { 'metrics/visits.yaml': metricYaml({ name: 'Clinic visits', status: 'proposed' }) });
    expect(hits(files, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(withoutValues(), `${RULE}: error`), RULE)).toEqual(['metrics/open-slots.yaml:1:1 error']);
    expect(hits(withRules(withoutValues(), `${RULE}: off`), RULE)).toEqual([]);
  });
});
