import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { editLine, hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'no-target';
const WAIT = 'metrics/wait-days.yaml';
const noThresholds = () => editLine(validCatalog(), WAIT, 'thresholds: { green: 7, red: 14 }', undefined);

describe(RULE, () => {
  it('is silent when every active metric has a target or thresholds', () => {
    // wait-days has thresholds only, open-slots a target only.
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports an active metric with neither, at `direction`', () => {
    const files = noThresholds();
    expect(hits(files, RULE)).toEqual([`${WAIT}:8:1 warning`]);
    expect(messages(files, RULE)).toEqual(['no `target` and no `thresholds`: nothing says what a good value is']);
  });

  it('hints at a band for a range metric', () => {
    const files = withFiles(validCatalog(), { 'metrics/ratio.yaml': metricYaml({ name: 'Staff ratio', direction: 'range', thresholds: undefined }) });
    expect(hits(files, RULE)).toEqual(['metrics/ratio.yaml:8:1 warning']);
  });

  it('leaves proposed metrics alone', () => {
    const files = withFiles(validCatalog(), { 'metrics/ratio.yaml': metricYaml({ name: 'Staff ratio', thresholds: undefined, status: 'proposed' }) });
    expect(hits(files, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(noThresholds(), `${RULE}: error`), RULE)).toEqual([`${WAIT}:8:1 error`]);
    expect(hits(withRules(noThresholds(), `${RULE}: off`), RULE)).toEqual([]);
  });
});
