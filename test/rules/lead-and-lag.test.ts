import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'lead-and-lag';
const finance = 'title: Sustainable finances\nlevel: strategy\nparent: mission\nowner: ops\n';
const billing = 'title: Claims paid first time\nlevel: department\nparent: finance\nowner: ops\n';

describe(RULE, () => {
  it('is silent when a strategy goal has a leading metric and a lagging one below it', () => {
    // access carries the lagging wait-days; its sub-goal scheduling carries the leading open-slots.
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a strategy goal whose part of the cascade has no leading metric', () => {
    const files = withFiles(validCatalog(), {
      'goals/finance.yaml': finance,
      'goals/billing.yaml': billing,
      'metrics/margin.yaml': metricYaml({ name: 'Operating margin', supports: '[billing]' }),
    });
    expect(hits(files, RULE)).toEqual(['goals/finance.yaml:2:8 warning']);
    expect(messages(files, RULE)).toEqual(['this strategy goal and the goals below it have no active leading metric, so nothing warns early']);
  });

  it('reports a strategy goal whose part of the cascade has no lagging metric', () => {
    const files = withFiles(validCatalog(), {
      'goals/finance.yaml': finance,
      'goals/billing.yaml': billing,
      'metrics/clean-claims.yaml': metricYaml({ name: 'Clean claims', supports: '[billing]', indicator: 'leading', drives: '[wait-days]' }),
    });
    expect(hits(files, RULE)).toEqual(['goals/finance.yaml:2:8 warning']);
    expect(messages(files, RULE)[0]).toContain('no active lagging metric');
  });

  it('says when there is no active metric at all, and ignores proposed metrics', () => {
    const files = withFiles(validCatalog(), {
      'goals/finance.yaml': finance,
      'metrics/margin.yaml': metricYaml({ name: 'Operating margin', supports: '[finance]', status: 'proposed' }),
    });
    expect(messages(files, RULE)).toEqual(['this strategy goal and the goals below it have no active metric at all, leading or lagging']);
  });

  it('checks the second configured level, whatever it is called', () => {
    const files = {
      ...validCatalog(),
      'catalog.config.yaml': 'name: Test Clinic\nlevels: [company, pillar, team]\n',
      'goals/mission.yaml': 'title: Healthy people\nlevel: company\nowner: ops\n',
      'goals/access.yaml': 'title: Seen within a week\nlevel: pillar\nparent: mission\nowner: ops\n',
      'goals/scheduling.yaml': 'title: Open slots every day\nlevel: team\nparent: access\nowner: ana\n',
    };
    expect(hits(files, RULE)).toEqual([]);
    const noLeading = withFiles(files, { 'metrics/open-slots.yaml': undefined, 'data/open-slots.csv': undefined, 'initiatives/slot-release.yaml': undefined, 'goals/scheduling.yaml': undefined });
    expect(hits(noLeading, RULE)).toEqual(['goals/access.yaml:2:8 warning']);
    expect(messages(noLeading, RULE)[0]).toMatch(/^this pillar goal /);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = withFiles(validCatalog(), { 'goals/finance.yaml': finance, 'metrics/margin.yaml': metricYaml({ name: 'Operating margin', supports: '[finance]' }) });
    expect(hits(withRules(files, `${RULE}: { severity: error }`), RULE)).toEqual(['goals/finance.yaml:2:8 error']);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
