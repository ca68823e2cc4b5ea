import { afterAll, describe, expect, it } from 'vitest';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { append, at, edit, errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const LAG = 'metrics/wait-days.yaml';
const LEAD = 'metrics/open-slots.yaml';

const RETIRED_METRIC = [
  'name: Old wait',
  'description: Mean days to appointment.',
  'why: it was the first measure of access.',
  'indicator: lagging',
  'owner: ops',
  'unit: days',
  'direction: down',
  'formula: mean(appointment_date - request_date)',
  'cadence: weekly',
  'status: retired',
  'retired: { date: 2026-01-01, reason: the median is fairer, replaced_by: wait-days }',
  '',
].join('\n');

describe('unknown references', () => {
  it.each([
    ['goals/access.yaml', 'parent: mission', 'parent: misson', 'misson', 'goal', 'mission'],
    ['goals/access.yaml', 'owner: ops', 'owner: opps', 'opps', 'owner', 'ops'],
    [LAG, 'owner: ops', 'owner: opz', 'opz', 'owner', 'ops'],
    [LAG, 'supports: [access]', 'supports: [acess]', 'acess', 'goal', 'access'],
    [LEAD, 'drives: [wait-days]', 'drives: [wait-day]', 'wait-day', 'metric', 'wait-days'],
    [LEAD, 'cadence: weekly', 'cadence: weekly\nguardrails: [wiat-days]', 'wiat-days', 'metric', 'wait-days'],
    [LAG, '    action: Open extra slots.', '    action: Open extra slots.\n    owner: anna', 'anna', 'owner', 'ana'],
    ['initiatives/slot-release.yaml', 'owner: ana', 'owner: ann', 'ann', 'owner', 'ana'],
    ['initiatives/slot-release.yaml', 'moves: [open-slots]', 'moves: [open-slot]', 'open-slot', 'metric', 'open-slots'],
    ['owners/ana.yaml', 'parent: ops', 'parent: op', 'op', 'owner', 'ops'],
  ])('in %s (%s → %s)', (path, from, to, bad, kind, meant) => {
    const files = edit(valid, path, from, to);
    expect(errors(files)).toEqual([`${at(files, path, bad)} unknown-reference`]);
    const d = one(files, 'unknown-reference');
    expect(d.message).toBe(`no ${kind} \`${bad}\` in ${kind}s/`);
    expect(d.hint).toBe(`did you mean \`${meant}\`?`);
    expect(d.endColumn - d.column).toBe(bad.length);
  });

  it('in replaced_by', () => {
    const files = withFiles(valid, { 'metrics/old-wait.yaml': RETIRED_METRIC.replace('replaced_by: wait-days', 'replaced_by: wait-dys') });
    expect(errors(files)).toEqual([`${at(files, 'metrics/old-wait.yaml', 'wait-dys')} unknown-reference`]);
    expect(one(files, 'unknown-reference').hint).toBe('did you mean `wait-days`?');
  });

  it('accepts a retired metric replaced by an existing one', () => {
    expect(errors(withFiles(valid, { 'metrics/old-wait.yaml': RETIRED_METRIC }))).toEqual([]);
  });

  it('says how to fix a reference that resembles nothing', () => {
    const files = edit(valid, 'goals/access.yaml', 'owner: ops', 'owner: facilities');
    expect(one(files, 'unknown-reference').hint).toBe('create owners/facilities.yaml or name an existing owner');
  });

  it('reports each unknown id of a list at its own position', () => {
    const files = edit(valid, LAG, 'supports: [access]', 'supports: [access, nowhere, scheduling, elsewhere]');
    expect(errors(files)).toEqual([`${at(files, LAG, 'nowhere')} unknown-reference`, `${at(files, LAG, 'elsewhere')} unknown-reference`]);
  });

  it('reports an id of the right shape in the wrong folder', () => {
    // `ops` is an owner, not a goal.
    const files = edit(valid, LAG, 'supports: [access]', 'supports: [ops]');
    expect(errors(files)).toEqual([`${at(files, LAG, 'ops]')} unknown-reference`]);
  });
});

describe('self-references', () => {
  it.each([
    [LEAD, 'drives: [wait-days]', 'drives: [open-slots]', 'open-slots]'],
    [LEAD, 'cadence: weekly', 'cadence: weekly\nguardrails: [open-slots]', 'open-slots]'],
  ])('in %s: %s', (path, from, to, needle) => {
    const files = edit(valid, path, from, to);
    expect(errors(files)).toEqual([`${at(files, path, needle)} unknown-reference`]);
    expect(one(files, 'unknown-reference').message).toBe('`open-slots` refers to itself');
  });

  it('in replaced_by', () => {
    const files = withFiles(valid, { 'metrics/old-wait.yaml': RETIRED_METRIC.replace('replaced_by: wait-days', 'replaced_by: old-wait') });
    expect(errors(files)).toEqual([`${at(files, 'metrics/old-wait.yaml', 'old-wait')} unknown-reference`]);
  });

  it('in a goal parent', () => {
    const files = edit(valid, 'goals/access.yaml', 'parent: mission', 'parent: access');
    expect(errors(files)).toContain(`${at(files, 'goals/access.yaml', 'access')} unknown-reference`);
    expect(analyze(files).diagnostics.find((d) => d.rule === 'unknown-reference')!.message).toBe('`access` refers to itself');
  });

  it('in an owner parent', () => {
    const files = edit(valid, 'owners/ana.yaml', 'parent: ops', 'parent: ana');
    expect(errors(files)).toContain(`${at(files, 'owners/ana.yaml', 'ana\n')} unknown-reference`);
  });
});

describe('the goal tree', () => {
  it('reports a parent at the same level', () => {
    const files = withFiles(edit(valid, 'goals/scheduling.yaml', 'level: department', 'level: strategy'), {});
    expect(errors(files)).toEqual([`${at(files, 'goals/scheduling.yaml', 'access')} goal-parent`]);
    const d = one(files, 'goal-parent');
    expect(d.message).toBe('the parent `access` is a strategy goal, not above this strategy goal');
    expect(d.hint).toBe("a strategy goal's parent is a goal at one of these levels: mission");
  });

  it('reports a parent at a lower level', () => {
    const files = withFiles(valid, { 'goals/ward.yaml': 'title: Ward rounds\nlevel: team\nparent: scheduling\nowner: ana\n' });
    const lower = edit(files, 'goals/scheduling.yaml', 'level: department', 'level: individual');
    expect(errors(lower)).toEqual([`${at(lower, 'goals/ward.yaml', 'scheduling')} goal-parent`]);
  });

  it('reports a cycle once, at the first goal of the loop', () => {
    const files = withFiles(valid, {
      'goals/a.yaml': 'title: A\nlevel: department\nparent: b\nowner: ops\n',
      'goals/b.yaml': 'title: B\nlevel: strategy\nparent: a\nowner: ops\n',
    });
    const found = analyze(files).diagnostics.filter((d) => d.rule === 'goal-parent');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'goals/a.yaml:3:9 the goal tree has a cycle: a → b → a',
      'goals/b.yaml:3:9 the parent `a` is a department goal, not above this strategy goal',
    ]);
  });
});

describe('owners', () => {
  it('reports a parent that is a person', () => {
    const files = withFiles(valid, { 'owners/bo.yaml': 'name: Bo\nkind: person\nparent: ana\n' });
    expect(errors(files)).toEqual([`${at(files, 'owners/bo.yaml', 'ana')} owner-parent`]);
    expect(one(files, 'owner-parent').message).toBe('the parent `ana` is a person; owners belong to teams');
  });

  it('reports a cycle', () => {
    const files = withFiles(valid, {
      'owners/ops.yaml': valid['owners/ops.yaml'] + 'parent: ana\n',
      'owners/ana.yaml': valid['owners/ana.yaml']!.replace('kind: person', 'kind: team'),
    });
    expect(errors(files)).toEqual([`${at(files, 'owners/ana.yaml', 'ops')} owner-parent`]);
    expect(one(files, 'owner-parent').message).toBe('the owner hierarchy has a cycle: ana → ops → ana');
  });
});

describe('drives', () => {
  it('reports a cycle', () => {
    const files = edit(valid, LAG, 'indicator: lagging', 'indicator: leading\ndrives: [open-slots]');
    expect(errors(files)).toEqual([`${at(files, LAG, 'open-slots]')} drives-chain`]);
    expect(one(files, 'drives-chain').message).toBe('the drives graph has a cycle: open-slots → wait-days → open-slots');
  });

  it('reports a chain that ends at a leading metric that drives nothing', () => {
    const files = edit(valid, LAG, 'indicator: lagging', 'indicator: leading');
    expect(errors(files)).toEqual([`${at(files, LEAD, 'wait-days]')} drives-chain`]);
    expect(one(files, 'drives-chain').hint).toBe('point `drives` at a lagging metric, or give `wait-days` its own `drives`');
  });

  it('accepts leading → leading → lagging', () => {
    const files = withFiles(valid, {
      'metrics/reminders.yaml': valid[LEAD]!.replace('name: Open slots', 'name: Reminders sent').replace('drives: [wait-days]', 'drives: [open-slots]'),
      'data/reminders.csv': valid['data/open-slots.csv']!,
    });
    expect(errors(files)).toEqual([]);
  });
});

describe('orphan metrics', () => {
  const orphan = withFiles(edit(valid, LAG, 'supports: [access]', 'supports: [old-access]'), {
    'goals/old-access.yaml': 'title: Seen within a fortnight\nlevel: strategy\nparent: mission\nowner: ops\nstatus: retired\n',
  });

  it('reports an active metric that supports only a retired goal, as an error by default', () => {
    expect(errors(orphan)).toEqual([`${at(orphan, LAG, 'supports')} orphan-metric`]);
    expect(one(orphan, 'orphan-metric').message).toBe('supports only goals that are not active (old-access: retired)');
  });

  it('reports it as a warning when the config says so', () => {
    const files = append(orphan, 'catalog.config.yaml', 'rules:', '  orphan-metric: warn');
    expect(errors(files)).toEqual([]);
    expect(one(files, 'orphan-metric').severity).toBe('warning');
  });

  it('does not report a metric that also supports an active goal', () => {
    expect(errors(edit(orphan, LAG, 'supports: [old-access]', 'supports: [old-access, access]'))).toEqual([]);
  });
});

describe('duplicate ids and data files', () => {
  it('reports `x.yaml` beside `x.mdx` at the second file', () => {
    const files = withFiles(valid, { 'goals/access.mdx': `---\n${valid['goals/access.yaml']}---\n\nWhy it matters.\n` });
    expect(errors(files)).toEqual(['goals/access.yaml:1:1 duplicate-id']);
    expect(one(files, 'duplicate-id').message).toBe('the id `access` is already used by goals/access.mdx');
  });

  it('reports the same id in two subfolders', () => {
    const files = withFiles(valid, {
      'goals/access.yaml': undefined,
      'goals/clinics/access.yaml': valid['goals/access.yaml']!,
      'goals/phones/access.yaml': valid['goals/access.yaml']!,
    });
    expect(errors(files)).toEqual(['goals/phones/access.yaml:1:1 duplicate-id']);
  });

  it('accepts the same id in different folders', () => {
    expect(errors(withFiles(valid, { 'goals/ops.yaml': 'title: Run well\nlevel: strategy\nparent: mission\nowner: ops\n' }))).toEqual([]);
  });

  it('resolves references to a goal in a subfolder by its bare id', () => {
    expect(errors(withFiles(valid, { 'goals/access.yaml': undefined, 'goals/strategy/access.yaml': valid['goals/access.yaml']! }))).toEqual([]);
  });

  it('reports a data file for an unknown metric, with a did-you-mean hint', () => {
    const files = withFiles(valid, { 'data/wait-dayz.csv': 'date,value\n2026-11-09,9\n' });
    expect(errors(files)).toEqual(['data/wait-dayz.csv:1:1 data-file']);
    expect(one(files, 'data-file').hint).toBe('did you mean `wait-days`?');
  });
});

describe('an entry whose own file is broken', () => {
  it.each([
    ['an owner that fails its schema', 'owners/ops.yaml', 'name: Operations\nkind: teem\n', 'owners/ops.yaml:2:7 invalid-value'],
    ['an empty owner file', 'owners/ops.yaml', '', 'owners/ops.yaml:1:1 empty-file'],
    ['a goal with a YAML error', 'goals/access.yaml', 'title: [Seen\nlevel: strategy\n', 'goals/access.yaml:2:1 yaml-syntax'],
    ['a metric that fails its schema', LAG, valid[LAG]!.replace('direction: down', 'direction: dwn'), `${LAG}:8:12 invalid-value`],
    ['a metric file over the size limit', LEAD, `name: Open slots\n# ${'x'.repeat(1024 * 1024)}\n`, `${LEAD}:1:1 file-too-large`],
  ])('is reported once, not at every reference to it: %s', (_, path, content, expected) => {
    expect(errors(withFiles(valid, { [path]: content }))).toEqual([expected]);
  });
});

describe('long drives chains', () => {
  it('walks a chain of 6,000 leading metrics without exhausting the stack, and finds a cycle at its end', async () => {
    const { drivesChain } = await import('../../src/core/rules/drives-chain.ts');
    const metrics = new Map<string, { id: string; file: string; data: { indicator: string; drives?: string[] } }>();
    const n = 6000;
    for (let i = 0; i < n; i++) metrics.set(`m${i}`, { id: `m${i}`, file: `metrics/m${i}.yaml`, data: { indicator: 'leading', drives: [`m${(i + 1) % n}`] } });
    const findings = drivesChain.check({ catalog: { metrics } } as never);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the drives graph has a cycle: m0 → m1 → .* → m5999 → m0$/);
  });
});
