import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { editLine, hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'incomplete-definition';
const WAIT = 'metrics/wait-days.yaml';

describe(RULE, () => {
  it('is silent on a catalog without placeholders', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a placeholder text at its field, nested ones included', () => {
    let files = editLine(validCatalog(), WAIT, 'why: waiting is what patients feel first.', 'why: "TODO(import): the source does not say why this metric matters."');
    files = editLine(files, WAIT, 'source: { system: Epic, url: https://reports.example.org/wait }', 'source: { system: "TODO(import): no system given." }');
    expect(hits(files, RULE)).toEqual([`${WAIT}:3:6 warning`, `${WAIT}:10:19 warning`]);
    expect(messages(files, RULE)).toEqual(['`why` is still a placeholder: the source does not say why this metric matters.', '`source.system` is still a placeholder: no system given.']);
  });

  it('reports an assumed default by its tag', () => {
    const files = editLine(validCatalog(), WAIT, null, 'tags: [access, todo-import-direction]');
    expect(hits(files, RULE)).toEqual([`${WAIT}:17:16 warning`]);
    expect(messages(files, RULE)).toEqual(['`direction` is a default the import assumed (down), not a fact from the source']);
  });

  it('can be switched off', () => {
    const files = editLine(validCatalog(), WAIT, null, 'tags: [todo-import-cadence]');
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
