import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { append, at, edit, errors, one } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const LAG = 'metrics/wait-days.yaml'; // lagging, direction down, thresholds, a trigger
const LEAD = 'metrics/open-slots.yaml'; // leading, direction up, a target

const dropLine = (path: string, field: string) => {
  const lines = valid[path]!.split('\n');
  const i = lines.findIndex((line) => line.startsWith(`${field}:`));
  if (i < 0) throw new Error(`no ${field} in ${path}`);
  return { ...valid, [path]: lines.filter((_, j) => j !== i).join('\n') };
};

describe('metric schema: required fields', () => {
  it('accepts the valid catalog', () => {
    expect(errors(valid)).toEqual([]);
  });

  it.each(['name', 'description', 'why', 'indicator', 'owner', 'unit', 'direction', 'formula', 'cadence'])('reports a missing `%s` at the start of the file', (field) => {
    const files = dropLine(LAG, field);
    expect(errors(files)).toEqual([`${LAG}:1:1 missing-field`]);
    expect(one(files, 'missing-field').message).toBe(`\`${field}\` is required`);
  });

  it('hints at what a missing field takes', () => {
    expect(one(dropLine(LAG, 'why'), 'missing-field').hint).toBe('complete the sentence "This metric matters because …"');
    expect(one(dropLine(LAG, 'direction'), 'missing-field').hint).toBe('set it to one of up, down, range');
  });

  it.each([
    ['supports', 'an active metric needs `supports`: the goals it measures progress toward'],
    ['source', 'an active metric needs `source`: the system the number comes from'],
  ])('requires `%s` while active', (field, message) => {
    const files = dropLine(LAG, field);
    expect(errors(files)).toEqual([`${LAG}:1:1 missing-field`]);
    expect(one(files, 'missing-field').message).toBe(message);
  });

  it('does not require `supports` or `source` of a proposed metric', () => {
    const files = { ...valid, [LAG]: dropLine(LAG, 'source')[LAG]!.replace('supports: [access]\n', '') + 'status: proposed\n' };
    expect(errors(files)).toEqual([]);
  });

  it('reports an empty `supports` list at the list', () => {
    const files = edit(valid, LAG, 'supports: [access]', 'supports: []');
    expect(errors(files)).toEqual([`${at(files, LAG, '[]')} missing-field`]);
  });

  it('reports an id listed twice', () => {
    const files = edit(valid, LAG, 'supports: [access]', 'supports: [access, access]');
    expect(errors(files)).toEqual([`${at(files, LAG, '[access, access]')} duplicate-reference`]);
  });

  it('reports a missing field of a nested mapping at its parent key', () => {
    const files = edit(valid, LAG, 'source: { system: Epic,', 'source: { sytem: Epic,');
    expect(errors(files)).toEqual([`${at(files, LAG, 'source')} missing-field`, `${at(files, LAG, 'sytem')} unknown-field`]);
    expect(one(files, 'unknown-field').hint).toBe('did you mean `system`?');
  });
});

describe('metric schema: values', () => {
  it.each([
    ['indicator: lagging', 'indicator: laging', 'laging', 'lagging'],
    ['direction: down', 'direction: dwn', 'dwn', 'down'],
    ['cadence: weekly', 'cadence: Weekly', 'Weekly', 'weekly'],
  ])('reports `%s` misspelled with a did-you-mean hint', (from, to, bad, meant) => {
    const files = edit(valid, LAG, from, to);
    expect(errors(files)).toEqual([`${at(files, LAG, bad)} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe(`did you mean \`${meant}\`?`);
  });

  it.each([
    ['tier: signl', 'signal'],
    ['measures: outcom', 'outcome'],
    ['status: retird', 'retired'],
  ])('reports `%s` with a did-you-mean hint', (line, meant) => {
    const files = append(valid, LAG, line);
    expect(errors(files)).toEqual([`${at(files, LAG, line.split(': ')[1]!)} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe(`did you mean \`${meant}\`?`);
  });

  it('reports `primary: yes` as not a boolean', () => {
    const files = edit(valid, LAG, 'primary: true', 'primary: yes');
    expect(errors(files)).toEqual([`${at(files, LAG, 'yes')} invalid-type`]);
    expect(one(files, 'invalid-type').message).toBe('`primary` must be true or false; got "yes"');
  });

  it('reports an impossible date at the date', () => {
    const files = edit(valid, LEAD, 'by: 2026-12-31', 'by: 2026-02-30');
    expect(errors(files)).toEqual([`${at(files, LEAD, '2026-02-30')} invalid-date`]);
  });

  it('reports a timestamp where a date belongs', () => {
    const files = append(valid, LAG, 'baseline: { value: 11, date: 2026-01-05T08:00:00Z }');
    expect(errors(files)).toEqual([`${at(files, LAG, '2026-01-05T08')} invalid-date`]);
  });

  it('keeps dates as strings', () => {
    expect(errors(append(valid, LAG, 'baseline: { value: 11, date: 2026-01-05 }', 'review: { every: yearly, last: 2026-02-01 }'))).toEqual([]);
  });

  it.each(['"javascript:alert(1)"', 'ftp://files.example.org/wait.csv', '"data:text/html,<script>alert(1)</script>"', 'mailto:ops@example.org', 'reports.example.org/wait'])(
    'refuses the link %s',
    (url) => {
      const files = edit(valid, LAG, 'https://reports.example.org/wait', url);
      expect(errors(files)).toEqual([`${at(files, LAG, url)} invalid-url`]);
      expect(one(files, 'invalid-url').message).toMatch(/^`source\.url` must be an http:\/\/ or https:\/\/ link; got /);
    },
  );

  it('accepts http and https links', () => {
    expect(errors(edit(valid, LAG, 'https://reports.example.org/wait', 'http://reports.example.org/wait?q=1#top'))).toEqual([]);
  });
});

describe('metric schema: thresholds and targets', () => {
  it('reports green below red on a metric where up is better', () => {
    const files = append(valid, LEAD, 'thresholds: { green: 10, red: 20 }');
    expect(errors(files)).toEqual([`${at(files, LEAD, '10, red')} thresholds-direction`]);
    expect(one(files, 'thresholds-direction').message).toBe('with direction up, green (10) must be at or above red (20)');
  });

  it('reports green above red on a metric where down is better', () => {
    const files = edit(valid, LAG, '{ green: 7, red: 14 }', '{ green: 14, red: 7 }');
    expect(errors(files)).toEqual([`${at(files, LAG, '14, red')} thresholds-direction`]);
  });

  it('accepts green equal to red', () => {
    expect(errors(edit(valid, LAG, '{ green: 7, red: 14 }', '{ green: 7, red: 7 }'))).toEqual([]);
  });

  it('reports thresholds on a range metric', () => {
    const files = edit(valid, LAG, 'direction: down', 'direction: range');
    expect(errors(files)).toEqual([`${at(files, LAG, '{ green')} thresholds-direction`]);
    expect(one(files, 'thresholds-direction').hint).toBeUndefined();
    expect(one(files, 'thresholds-direction').message).toContain('`target: { min, max, by }`');
  });

  const range = edit(valid, LEAD, 'direction: up', 'direction: range');

  it('accepts a band on a range metric', () => {
    expect(errors(edit(range, LEAD, '{ value: 40,', '{ min: 30, max: 50,'))).toEqual([]);
  });

  it('reports a range target without max', () => {
    const files = edit(range, LEAD, '{ value: 40,', '{ min: 30,');
    expect(errors(files)).toEqual([`${at(files, LEAD, '30')} invalid-target`]);
    expect(one(files, 'invalid-target').message).toBe('a range target needs both `min` and `max`');
  });

  it('reports a range target without min or max', () => {
    const files = edit(range, LEAD, '{ value: 40, by: 2026-12-31 }', '{ by: 2026-12-31 }');
    expect(errors(files)).toEqual([`${at(files, LEAD, '{ by')} missing-field`]);
  });

  it('reports a value target on a range metric', () => {
    const files = range;
    expect(errors(files)).toEqual([`${at(files, LEAD, '40')} invalid-target`]);
  });

  it('reports a band on an up metric', () => {
    const files = edit(valid, LEAD, '{ value: 40,', '{ min: 30, max: 50,');
    expect(errors(files)).toEqual([`${at(files, LEAD, '30')} invalid-target`]);
  });

  it('reports min above max', () => {
    const files = edit(range, LEAD, '{ value: 40,', '{ min: 50, max: 30,');
    expect(errors(files)).toEqual([`${at(files, LEAD, '50')} invalid-target`]);
  });

  const stepped = (first: string, second: string) =>
    edit(valid, LEAD, 'target: { value: 40, by: 2026-12-31 }', `target:\n  - { value: 30, by: ${first} }\n  - { value: 40, by: ${second} }`);

  it('accepts stepped targets in date order', () => {
    expect(errors(stepped('2026-06-30', '2026-12-31'))).toEqual([]);
  });

  it('reports stepped targets out of order at the later step', () => {
    const files = stepped('2026-12-31', '2026-06-30');
    expect(errors(files)).toEqual([`${at(files, LEAD, '2026-06-30')} invalid-target`]);
    expect(one(files, 'invalid-target').message).toBe('stepped targets must come in date order: 2026-06-30 is not after 2026-12-31');
  });

  it('reports an empty list of targets', () => {
    const files = edit(valid, LEAD, 'target: { value: 40, by: 2026-12-31 }', 'target: []');
    expect(errors(files)).toEqual([`${at(files, LEAD, '[]')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toBe('`target` must list at least one target');
  });

  it('reports a target of the wrong shape with the shapes it takes', () => {
    const files = edit(valid, LEAD, 'target: { value: 40, by: 2026-12-31 }', 'target: 40');
    expect(errors(files)).toEqual([`${at(files, LEAD, '40')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toBe('`target` must be `{ value, by }`, `{ min, max, by }`, or a list of those');
  });

  it('reports a misspelled field of a stepped target with a did-you-mean hint', () => {
    const files = edit(stepped('2026-06-30', '2026-12-31'), LEAD, '{ value: 30,', '{ valeu: 30,');
    expect(errors(files)).toEqual([`${at(files, LEAD, '{ valeu')} missing-field`, `${at(files, LEAD, 'valeu')} unknown-field`]);
    const d = one(files, 'unknown-field');
    expect(d.message).toBe('unknown field `valeu` in `target[0]`');
    expect(d.hint).toBe('did you mean `value`?');
  });

  it('reports a bad value inside a stepped target at the value', () => {
    const files = edit(stepped('2026-06-30', '2026-12-31'), LEAD, '{ value: 30,', '{ value: thirty,');
    expect(errors(files)).toEqual([`${at(files, LEAD, 'thirty')} invalid-type`]);
    expect(one(files, 'invalid-type').message).toBe('`target[0].value` must be a number; got "thirty"');
  });

  it('reports a misspelled target field with a did-you-mean hint', () => {
    const files = edit(valid, LEAD, '{ value: 40,', '{ valeu: 40,');
    expect(errors(files)).toContain(`${at(files, LEAD, 'valeu')} unknown-field`);
    expect(one(files, 'unknown-field').hint).toBe('did you mean `value`?');
  });
});

describe('metric schema: triggers', () => {
  const when = (condition: string) => edit(valid, LAG, '{ above: 14 }', condition);

  it.each(['{ below: 3 }', '{ change: "-20%", over: week }', '{ change: "+15.5%", over: quarter }', '{ change: -20%, over: month }'])('accepts %s', (condition) => {
    expect(errors(when(condition))).toEqual([]);
  });

  it('reports `abov` as an unknown field with a did-you-mean hint', () => {
    const files = when('{ abov: 14 }');
    expect(errors(files)).toEqual([`${at(files, LAG, 'abov')} unknown-field`]);
    const d = one(files, 'unknown-field');
    expect(d.message).toBe('unknown field `abov` in `triggers[0].when`');
    expect(d.hint).toBe('did you mean `above`?');
  });

  it.each(['"20"', '"-20"', '"twenty%"', '"-20 %"'])('reports the change %s at the change', (change) => {
    const files = when(`{ change: ${change}, over: week }`);
    expect(errors(files)).toEqual([`${at(files, LAG, change)} invalid-value`]);
    expect(one(files, 'invalid-value').message).toMatch(/must be a signed percentage in quotes, like "-20%"/);
  });

  it('reports a misspelled period with a did-you-mean hint', () => {
    const files = when('{ change: "-20%", over: mnth }');
    expect(errors(files)).toEqual([`${at(files, LAG, 'mnth')} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe('did you mean `month`?');
  });

  it('reports a change without a period at the key of the condition', () => {
    const files = when('{ change: "-20%" }');
    expect(errors(files)).toEqual([`${at(files, LAG, 'when')} missing-field`]);
    expect(one(files, 'missing-field').message).toBe('`triggers[0].when.over` is required');
  });

  it('reports a threshold that is not a number at the number', () => {
    const files = when('{ above: high }');
    expect(errors(files)).toEqual([`${at(files, LAG, 'high')} invalid-type`]);
    expect(one(files, 'invalid-type').message).toBe('`triggers[0].when.above` must be a number; got "high"');
  });

  it('reports two conditions in one trigger', () => {
    const files = when('{ above: 14, below: 3 }');
    expect(errors(files)).toEqual([`${at(files, LAG, '{ above')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toContain('must be one of `{ above: n }`, `{ below: n }` or `{ change: "-20%", over: week|month|quarter }`');
  });

  it('reports a trigger without an action at the trigger', () => {
    const files = edit(valid, LAG, '    action: Open extra slots.\n', '');
    expect(errors(files)).toEqual([`${at(files, LAG, 'when')} missing-field`]);
    expect(one(files, 'missing-field').message).toBe('`triggers[0].action` is required');
  });
});

describe('metric schema: status and drives', () => {
  it('reports a retired metric without `retired` at its status', () => {
    const files = append(valid, LEAD, 'status: retired');
    expect(errors(files)).toEqual([`${at(files, LEAD, 'retired')} missing-field`]);
    expect(one(files, 'missing-field').message).toBe('a retired metric needs `retired: { date, reason }`');
  });

  it('accepts a retired metric with `retired`', () => {
    const files = append(valid, LEAD, 'status: retired', 'retired: { date: 2026-06-30, reason: replaced by the booking report }');
    expect(errors(files)).toEqual([]);
  });

  it('reports `retired` on an active metric', () => {
    const files = append(valid, LEAD, 'retired: { date: 2026-06-30, reason: gone }');
    expect(errors(files)).toEqual([`${at(files, LEAD, '{ date')} invalid-status`]);
    expect(one(files, 'invalid-status').message).toBe('`retired` is given but status is active');
  });

  it('reports an impossible retirement date', () => {
    const files = append(valid, LEAD, 'status: retired', 'retired: { date: 2026-06-31, reason: gone }');
    expect(errors(files)).toEqual([`${at(files, LEAD, '2026-06-31')} invalid-date`]);
  });

  it('reports `drives` on a lagging metric at the list', () => {
    const files = edit(valid, LAG, 'indicator: lagging', 'indicator: lagging\ndrives: [open-slots]');
    expect(errors(files)).toEqual([`${at(files, LAG, '[open-slots]')} drives-not-leading`]);
  });

  it('reports unknown fields in a trigger with the trigger fields as a hint', () => {
    const files = edit(valid, LAG, '    action: Open extra slots.', '    action: Open extra slots.\n    owners: ops');
    expect(errors(files)).toEqual([`${at(files, LAG, 'owners')} unknown-field`]);
    expect(one(files, 'unknown-field').hint).toBe('did you mean `owner`?');
  });
});
