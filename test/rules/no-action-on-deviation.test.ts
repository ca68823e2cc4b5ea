import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'no-action-on-deviation';
const WAIT = 'metrics/wait-days.yaml';

/** The valid catalog with the triggers of the primary metric wait-days replaced by `tail`. */
function withTriggers(tail: string): Files {
  const files = validCatalog();
  return { ...files, [WAIT]: files[WAIT]!.replace(/triggers:[\s\S]*$/, tail) };
}

describe(RULE, () => {
  it('is silent when every active primary metric has a trigger', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a primary metric without triggers, at `primary`', () => {
    const files = withTriggers('');
    expect(hits(files, RULE)).toEqual([`${WAIT}:13:10 warning`]);
    expect(messages(files, RULE)).toEqual(['a primary metric with no trigger: nothing says who does what when it goes off track']);
  });

  it('reports an empty trigger list, at `triggers`', () => {
    expect(hits(withTriggers('triggers: []\n'), RULE)).toEqual([`${WAIT}:14:1 warning`]);
  });

  it('leaves metrics that are not primary alone', () => {
    // open-slots has no trigger either, and is not primary.
    const files = withTriggers('');
    expect(hits({ ...files, [WAIT]: files[WAIT]!.replace('primary: true', 'primary: false') }, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(withTriggers(''), `${RULE}: error`), RULE)).toEqual([`${WAIT}:13:10 error`]);
    expect(hits(withRules(withTriggers(''), `${RULE}: off`), RULE)).toEqual([]);
  });
});
