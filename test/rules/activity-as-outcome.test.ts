import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { editLine, hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'activity-as-outcome';

describe(RULE, () => {
  it('is silent when no metric is marked as an activity', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a primary lagging activity metric, at `measures`', () => {
    const files = editLine(validCatalog(), 'metrics/wait-days.yaml', null, 'measures: activity');
    expect(hits(files, RULE)).toEqual(['metrics/wait-days.yaml:17:11 warning']);
    expect(messages(files, RULE)).toEqual(['an activity metric is marked primary and lagging, as if doing the work were the result']);
  });

  it('reports a lagging activity metric that is not primary', () => {
    const files = withFiles(validCatalog(), { 'metrics/calls-made.yaml': metricYaml({ name: 'Reminder calls made', measures: 'activity' }) });
    expect(hits(files, RULE)).toEqual(['metrics/calls-made.yaml:13:11 warning']);
    expect(messages(files, RULE)[0]).toContain('marked lagging,');
  });

  it('accepts an activity that is a leading driver, and an outcome that is primary', () => {
    const leading = editLine(validCatalog(), 'metrics/open-slots.yaml', null, 'measures: activity');
    expect(hits(leading, RULE)).toEqual([]);
    const outcome = editLine(validCatalog(), 'metrics/wait-days.yaml', null, 'measures: outcome');
    expect(hits(outcome, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = editLine(validCatalog(), 'metrics/wait-days.yaml', null, 'measures: activity');
    expect(hits(withRules(files, `${RULE}: { severity: error }`), RULE)).toEqual(['metrics/wait-days.yaml:17:11 error']);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
