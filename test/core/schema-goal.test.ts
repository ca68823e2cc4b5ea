import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { append, at, edit, errors, one } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const GOAL = 'goals/access.yaml';

describe('goal schema', () => {
  it('accepts the valid catalog', () => {
    expect(errors(valid)).toEqual([]);
  });

  it.each(['title', 'level', 'owner'])('reports a missing `%s` at the start of the file', (field) => {
    const files = { ...valid, [GOAL]: valid[GOAL]!.split('\n').filter((line) => !line.startsWith(`${field}:`)).join('\n') };
    expect(errors(files)).toEqual([`${GOAL}:1:1 missing-field`]);
    expect(one(files, 'missing-field').message).toBe(`\`${field}\` is required`);
  });

  it('lists the levels when a required level is missing', () => {
    const files = edit(valid, GOAL, 'level: strategy\n', '');
    expect(one(files, 'missing-field').hint).toBe('set it to one of mission, strategy, department, team, individual');
  });

  it('reports a field without a value at its key', () => {
    const files = edit(valid, GOAL, 'owner: ops', 'owner:');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'owner:')} missing-field`]);
    expect(one(files, 'missing-field').message).toBe('`owner` has no value');
  });

  it('reports an unknown field at its key, with a did-you-mean hint', () => {
    const files = edit(valid, GOAL, 'owner: ops', 'ownr: ops');
    expect(errors(files)).toEqual([`${GOAL}:1:1 missing-field`, `${at(files, GOAL, 'ownr')} unknown-field`]);
    const unknown = one(files, 'unknown-field');
    expect(unknown.message).toBe('unknown field `ownr`');
    expect(unknown.hint).toBe('did you mean `owner`?');
    expect(unknown.endColumn - unknown.column).toBe('ownr'.length);
  });

  it('lists the fields when an unknown one resembles none', () => {
    const files = append(valid, GOAL, 'colour: blue');
    expect(one(files, 'unknown-field').hint).toBe('the fields here are: title, level, parent, owner, perspective, description, horizon, status, tags');
  });

  it('reports a level that is not configured, with a did-you-mean hint', () => {
    const files = edit(valid, GOAL, 'level: strategy', 'level: stratgy');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'stratgy')} invalid-value`]);
    const d = one(files, 'invalid-value');
    expect(d.message).toBe('`level` must be one of mission, strategy, department, team, individual; got "stratgy"');
    expect(d.hint).toBe('did you mean `strategy`?');
  });

  it('reports a perspective that is not configured, with a did-you-mean hint', () => {
    const files = edit(valid, GOAL, 'perspective: customer', 'perspective: custmer');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'custmer')} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe('did you mean `customer`?');
  });

  it('reports a status typo with a did-you-mean hint', () => {
    const files = append(valid, GOAL, 'status: activ');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'activ')} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe('did you mean `active`?');
  });

  it('takes its levels and perspectives from the config', () => {
    const config = 'name: Test\nlevels: [mission, strategy, squad]\nperspectives: [people]\n';
    const files = edit({ ...valid, 'catalog.config.yaml': config }, 'goals/scheduling.yaml', 'level: department', 'level: squad');
    const ok = edit(files, GOAL, 'perspective: customer', 'perspective: people');
    expect(errors(ok)).toEqual([]);
    expect(errors(files)).toEqual([`${at(files, GOAL, 'customer')} invalid-value`]);
  });

  it('reports an impossible date in the horizon', () => {
    const files = append(valid, GOAL, 'horizon: { start: 2026-01-01, end: 2026-02-30 }');
    expect(errors(files)).toEqual([`${at(files, GOAL, '2026-02-30')} invalid-date`]);
    expect(one(files, 'invalid-date').message).toBe('`horizon.end` must be a real date written YYYY-MM-DD, like 2026-03-31; got "2026-02-30"');
  });

  it('accepts a horizon in order and reports one that ends before it starts', () => {
    expect(errors(append(valid, GOAL, 'horizon: { start: 2026-01-01, end: 2028-12-31 }'))).toEqual([]);
    const files = append(valid, GOAL, 'horizon: { start: 2026-01-01, end: 2025-12-31 }');
    expect(errors(files)).toEqual([`${at(files, GOAL, '2025-12-31')} invalid-date-range`]);
  });

  it('reports tags that are not kebab-case at the tag', () => {
    const files = append(valid, GOAL, 'tags: [access, Waiting Lists]');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'Waiting Lists')} invalid-value`]);
  });

  it('reports a top-level goal with a parent at the parent', () => {
    const files = append(valid, 'goals/mission.yaml', 'parent: access');
    expect(errors(files)).toEqual([`${at(files, 'goals/mission.yaml', 'access')} goal-parent`]);
    expect(one(files, 'goal-parent').message).toBe('a mission goal is the top of the cascade and has no parent');
  });

  it('reports a lower goal without a parent at its level', () => {
    const files = edit(valid, GOAL, 'parent: mission\n', '');
    expect(errors(files)).toEqual([`${at(files, GOAL, 'strategy')} goal-parent`]);
    expect(one(files, 'goal-parent').message).toBe('a strategy goal needs a `parent` goal at a higher level');
  });

  it('reports a field of the wrong type with what it should be', () => {
    const files = edit(valid, GOAL, 'title: Seen within a week', 'title: [Seen, within]');
    expect(errors(files)).toEqual([`${at(files, GOAL, '[Seen')} invalid-type`]);
    expect(one(files, 'invalid-type').message).toBe('`title` must be text; got a list');
  });

  it('reports an empty title', () => {
    const files = edit(valid, GOAL, 'title: Seen within a week', 'title: "  "');
    expect(errors(files)).toEqual([`${at(files, GOAL, '"  "')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toBe('`title` must not be empty');
  });
});
