import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { editLine, hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'retired-still-used';
const SLOTS = 'metrics/open-slots.yaml';
const INITIATIVE = 'initiatives/slot-release.yaml';

/** The valid catalog plus a retired metric `old-wait`, replaced by wait-days. */
function withRetired(): Files {
  return {
    ...validCatalog(),
    'metrics/old-wait.yaml': metricYaml({ name: 'Old wait', supports: undefined, status: 'retired', retired: '{ date: 2026-01-31, reason: new scheduling system, replaced_by: wait-days }' }),
  };
}

describe(RULE, () => {
  it('is silent when nothing names a retired metric', () => {
    expect(hits(withRetired(), RULE)).toEqual([]);
  });

  it('reports an active metric that drives a retired one, at that item of `drives`', () => {
    const files = editLine(withRetired(), SLOTS, 'drives: [wait-days]', 'drives: [wait-days, old-wait]');
    expect(hits(files, RULE)).toEqual([`${SLOTS}:6:21 warning`]);
    expect(messages(files, RULE)).toEqual(['`old-wait` was retired on 2026-01-31 but is still named as a metric this one drives']);
  });

  it('reports a retired guardrail', () => {
    const files = editLine(withRetired(), SLOTS, null, 'guardrails: [old-wait]');
    expect(hits(files, RULE)).toEqual([`${SLOTS}:14:14 warning`]);
  });

  it('reports an active or planned initiative that moves a retired metric', () => {
    const files = editLine(withRetired(), INITIATIVE, 'moves: [open-slots]', 'moves: [old-wait, open-slots]');
    expect(hits(files, RULE)).toEqual([`${INITIATIVE}:3:9 warning`]);
    expect(hits(editLine(files, INITIATIVE, null, 'status: planned'), RULE)).toEqual([`${INITIATIVE}:3:9 warning`]);
  });

  it('leaves finished initiatives and metrics that are not active alone', () => {
    const done = editLine(editLine(withRetired(), INITIATIVE, 'moves: [open-slots]', 'moves: [old-wait]'), INITIATIVE, null, 'status: done');
    expect(hits(done, RULE)).toEqual([]);
    const proposed = editLine(editLine(withRetired(), SLOTS, 'drives: [wait-days]', 'drives: [old-wait]'), SLOTS, null, 'status: proposed');
    expect(hits(proposed, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = editLine(withRetired(), SLOTS, null, 'guardrails: [old-wait]');
    expect(hits(withRules(files, `${RULE}: error`), RULE)).toEqual([`${SLOTS}:14:14 error`]);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
