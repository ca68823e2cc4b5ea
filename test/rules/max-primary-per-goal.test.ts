import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'max-primary-per-goal';

/** The valid catalog, whose goal `access` has one primary metric, plus `extra` more primary metrics on it. */
function withPrimary(extra: number, fields: Record<string, string> = {}): Files {
  const files = validCatalog();
  for (let i = 1; i <= extra; i++) files[`metrics/headline-${i}.yaml`] = metricYaml({ name: `Headline ${i}`, primary: 'true', ...fields });
  return files;
}

describe(RULE, () => {
  it('allows three primary metrics per goal by default', () => {
    expect(hits(withPrimary(2), RULE)).toEqual([]);
  });

  it('reports a goal with more than three active primary metrics, at the goal', () => {
    const files = withPrimary(3);
    expect(hits(files, RULE)).toEqual(['goals/access.yaml:1:1 warning']);
    expect(messages(files, RULE)).toEqual(['4 active primary metrics (headline-1, headline-2, headline-3, wait-days), more than 3: with this many, none stands out as the headline']);
  });

  it('counts only active metrics', () => {
    expect(hits(withPrimary(3, { status: 'proposed' }), RULE)).toEqual([]);
  });

  it('takes `max` from catalog.config.yaml', () => {
    expect(hits(withRules(withPrimary(3), `${RULE}: { max: 4 }`), RULE)).toEqual([]);
    expect(hits(withRules(withPrimary(1), `${RULE}: { severity: error, max: 1 }`), RULE)).toEqual(['goals/access.yaml:1:1 error']);
  });

  it('reports a bad option value and keeps the default; an unknown option is an error of its own', () => {
    const files = withRules(withPrimary(3), `${RULE}: { max: three, maximum: 5 }`);
    expect(hits(files, RULE)).toEqual(['catalog.config.yaml:4:32 warning', 'goals/access.yaml:1:1 warning']);
    expect(messages(files, RULE)[0]).toBe('`max` must be a whole number of at least 1; using the default, 3');
    expect(hits(files, 'unknown-rule')).toEqual(['catalog.config.yaml:4:39 error']);
    expect(messages(files, 'unknown-rule')).toEqual(['`max-primary-per-goal` has no option `maximum`']);
  });

  it('can be switched off', () => {
    expect(hits(withRules(withPrimary(5), `${RULE}: off`), RULE)).toEqual([]);
  });
});
