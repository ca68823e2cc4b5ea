import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { editLine, hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'leading-without-lagging';
const SLOTS = 'metrics/open-slots.yaml';

describe(RULE, () => {
  it('is silent when every active leading metric drives something', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports an active leading metric without `drives`, at its indicator', () => {
    const files = editLine(validCatalog(), SLOTS, 'drives: [wait-days]', undefined);
    expect(hits(files, RULE)).toEqual([`${SLOTS}:5:12 warning`]);
    expect(messages(files, RULE)).toEqual(['this leading metric has no `drives`: it names no outcome it predicts']);
  });

  it('reports an empty `drives` list, at the list', () => {
    const files = editLine(validCatalog(), SLOTS, 'drives: [wait-days]', 'drives: []');
    expect(hits(files, RULE)).toEqual([`${SLOTS}:6:9 warning`]);
  });

  it('leaves proposed leading metrics alone', () => {
    const files = editLine(editLine(validCatalog(), SLOTS, 'drives: [wait-days]', undefined), SLOTS, null, 'status: proposed');
    expect(hits(files, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = editLine(validCatalog(), SLOTS, 'drives: [wait-days]', undefined);
    expect(hits(withRules(files, `${RULE}: error`), RULE)).toEqual([`${SLOTS}:5:12 error`]);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
