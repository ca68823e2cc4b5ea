/** Settings under `rules:` in catalog.config.yaml: unknown ids, unknown options, integrity rules. */
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const settingsFindings = (...lines: string[]) =>
  analyze(withRules(validCatalog(), ...lines))
    .diagnostics.filter((d) => d.rule === 'unknown-rule')
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} | ${d.hint}`);

describe('rule settings', () => {
  it('reports an unknown rule id with a suggestion', () => {
    expect(settingsFindings('stale-dta: warn')).toEqual(['4:3 error there is no rule `stale-dta` | did you mean `stale-data`?']);
  });

  it('reports an option a rule does not take, even on rules that take none', () => {
    expect(settingsFindings('stale-data: { severity: warn, grace: 5 }')).toEqual(['4:33 error `stale-data` has no option `grace` | it takes only `severity`']);
    expect(settingsFindings('too-many-metrics: { mx: 5 }')).toEqual(['4:23 error `too-many-metrics` has no option `mx` | did you mean `max`?']);
  });

  it('refuses to configure an integrity rule', () => {
    expect(settingsFindings('unknown-reference: off')).toEqual(['4:3 error `unknown-reference` keeps the catalog well-formed and cannot be configured | remove this line and fix what the rule reports']);
  });

  it('accepts known rules and options silently', () => {
    expect(settingsFindings('stale-data: error', 'max-primary-per-goal: { severity: warn, max: 2 }')).toEqual([]);
  });
});
