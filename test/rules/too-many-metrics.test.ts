import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'too-many-metrics';

/** The valid catalog, whose goal `access` has one metric, plus `extra` more on it. */
function withMetrics(extra: number, fields: Record<string, string> = {}): Files {
  const files = validCatalog();
  for (let i = 1; i <= extra; i++) files[`metrics/count-${i}.yaml`] = metricYaml({ name: `Count ${i}`, ...fields });
  return files;
}

describe(RULE, () => {
  it('allows seven metrics per goal by default', () => {
    expect(hits(withMetrics(6), RULE)).toEqual([]);
  });

  it('reports a goal directly supported by more than seven active metrics', () => {
    const files = withMetrics(7);
    expect(hits(files, RULE)).toEqual(['goals/access.yaml:1:1 warning']);
    expect(messages(files, RULE)).toEqual(['8 active metrics support this goal directly, more than 7: too many to review and act on']);
  });

  it('counts only active metrics, and only direct ones', () => {
    expect(hits(withMetrics(7, { status: 'proposed' }), RULE)).toEqual([]);
    // Seven metrics on the sub-goal scheduling (six plus open-slots) do not count toward access.
    expect(hits(withMetrics(6, { supports: '[scheduling]' }), RULE)).toEqual([]);
  });

  it('takes `max` and the severity from catalog.config.yaml', () => {
    expect(hits(withRules(withMetrics(7), `${RULE}: { max: 8 }`), RULE)).toEqual([]);
    expect(hits(withRules(withMetrics(2), `${RULE}: { severity: error, max: 2 }`), RULE)).toEqual(['goals/access.yaml:1:1 error']);
    expect(hits(withRules(withMetrics(9), `${RULE}: off`), RULE)).toEqual([]);
  });

  it('reports a `max` that is not a whole number of at least 1', () => {
    expect(hits(withRules(withMetrics(1), `${RULE}: { max: 0 }`), RULE)).toEqual(['catalog.config.yaml:4:28 warning']);
  });
});
