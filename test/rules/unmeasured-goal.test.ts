import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { editLine, hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'unmeasured-goal';
const billing = 'title: Claims paid first time\nlevel: department\nparent: access\nowner: ops\n';

describe(RULE, () => {
  it('is silent on a catalog where every goal has a metric or a sub-goal', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports an active goal with no metric and no sub-goal', () => {
    const files = withFiles(validCatalog(), { 'goals/billing.yaml': billing });
    expect(hits(files, RULE)).toEqual(['goals/billing.yaml:1:1 warning']);
    expect(messages(files, RULE)).toEqual(['no metric or sub-goal measures this goal']);
  });

  it('points into the frontmatter of an .mdx goal', () => {
    const files = withFiles(validCatalog(), { 'goals/billing.mdx': `---\n${billing}---\n\nWhy this matters.\n` });
    expect(hits(files, RULE)).toEqual(['goals/billing.mdx:2:1 warning']);
  });

  it('does not count a proposed metric as measuring the goal', () => {
    const files = withFiles(validCatalog(), {
      'goals/billing.yaml': billing,
      'metrics/clean-claims.yaml': metricYaml({ name: 'Clean claims', supports: '[billing]', status: 'proposed' }),
    });
    expect(hits(files, RULE)).toEqual(['goals/billing.yaml:1:1 warning']);
    expect(messages(files, RULE)[0]).toContain('only proposed or retired ones: clean-claims');
  });

  it('counts an active metric, and leaves proposed goals alone', () => {
    const measured = withFiles(validCatalog(), { 'goals/billing.yaml': billing, 'metrics/clean-claims.yaml': metricYaml({ name: 'Clean claims', supports: '[billing]' }) });
    expect(hits(measured, RULE)).toEqual([]);
    const proposed = withFiles(validCatalog(), { 'goals/billing.yaml': `${billing}status: proposed\n` });
    expect(hits(proposed, RULE)).toEqual([]);
  });

  it('reports a goal whose only sub-goal is proposed', () => {
    const files = editLine(validCatalog(), 'goals/access.yaml', 'perspective: customer', 'status: proposed');
    expect(hits(files, RULE)).toEqual(['goals/mission.yaml:1:1 warning']);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = withFiles(validCatalog(), { 'goals/billing.yaml': billing });
    expect(hits(withRules(files, `${RULE}: error`), RULE)).toEqual(['goals/billing.yaml:1:1 error']);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
