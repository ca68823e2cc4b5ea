/**
 * The /propose/ form's logic, in Node: the id made from the name; choices found by name; form
 * values → metric (always `proposed`) → YAML that the catalog's own reader and schema accept
 * unchanged; problems mapped to the form's fields and worded like `check`'s, each naming its
 * field and how to fix it; the host's new-file URL and the writing guide's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { ID_PATTERN } from '../../src/core/schemas/common.ts';
import { checkProposal, choiceMatches, idFromName, metricYaml, newFileUrl, problemMessage, proposalFromForm, PROPOSE_FIELDS, PROPOSE_STEPS, writingGuideUrl, yamlString } from '../../src/site/propose.ts';

const FULL: Record<string, string> = {
  id: 'same-week-slots',
  name: 'Same-week slots: released',
  description: 'Routine slots released for booking within the same week.',
  why: 'released slots are short waits next week.',
  supports: 'scheduling, access',
  indicator: 'leading',
  drives: 'wait-days',
  owner: 'ana',
  unit: 'count',
  direction: 'up',
  formula: 'count(slots) where released_at < monday 08:00 # per site',
  'source.system': 'Epic',
  'source.url': 'https://reports.example.org/slots?site=all',
  cadence: 'weekly',
  'baseline.value': '31',
  'baseline.date': '2026-01-05',
  'target.value': '60',
  'target.by': '2026-12-31',
  'thresholds.green': '55',
  'thresholds.red': '40',
  'trigger.when': 'below',
  'trigger.value': '40',
  'trigger.action': 'Release the next week\'s slots early: "all sites".',
  primary: 'on',
  tier: 'signal',
  measures: 'activity',
  guardrails: 'wait-days',
  gaming: 'Releasing slots nobody can staff.',
  'review.every': 'yearly',
  'review.last': '2026-11-01',
  tags: 'access, scheduling',
};

/** Reads YAML the way the catalog does, then validates it with the metric schema. */
function readBack(yaml: string) {
  const parsed = parseYaml('metrics/x.yaml', yaml);
  expect(parsed.diagnostics).toEqual([]);
  return { value: parsed.value, result: metricSchema.safeParse(parsed.value) };
}

describe('a proposal from the form', () => {
  it('becomes a metric in the order the format lists the fields, that passes the schema', () => {
    const proposal = proposalFromForm(FULL);
    expect(proposal.id).toBe('same-week-slots');
    expect(Object.keys(proposal.data)).toEqual(['name', 'description', 'why', 'supports', 'indicator', 'drives', 'owner', 'unit', 'direction', 'formula', 'source', 'cadence', 'baseline', 'target', 'thresholds', 'primary', 'tier', 'measures', 'triggers', 'guardrails', 'gaming', 'review', 'status', 'tags']);
    expect(proposal.data).toMatchObject({ supports: ['scheduling', 'access'], baseline: { value: 31, date: '2026-01-05' }, triggers: [{ when: { below: 40 }, action: 'Release the next week\'s slots early: "all sites".' }], primary: true, status: 'proposed' });
    expect(checkProposal(proposal)).toEqual([]);
  });

  it('writes YAML that the catalog reads back to exactly the same metric', () => {
    const { data } = proposalFromForm(FULL);
    const yaml = metricYaml(data);
    expect(yaml).toContain('name: "Same-week slots: released"\n');
    expect(yaml).toContain('supports: [scheduling, access]\n');
    expect(yaml).toContain('triggers:\n  - when: { below: 40 }\n    action: ');
    const { value, result } = readBack(yaml);
    expect(value).toEqual(data);
    expect(result.success).toBe(true);
  });

  it('writes any text so that it reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s.trim() !== ''), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), (text, other) => {
        const data = { name: text, description: other.trim(), why: `${text} matters`, tags: ['a-b'] };
        expect(readBack(metricYaml(data)).value).toEqual(data);
      }),
      { numRuns: 300 },
    );
    for (const tricky of ['true', 'null', '~', '123', '1e3', '- item', '#hash', 'a: b', '"quoted"', "it's", '@handle', '*alias', '&anchor', '!tag', '%d', '[x]', '{x}', 'yes', 'No', 'line\nbreak', 'trailing space ', '2026-13-45x']) {
      expect(readBack(`name: ${yamlString(tricky)}\n`).value, tricky).toEqual({ name: tricky });
    }
  });

  it('leaves out what is empty, and is always proposed, whatever the values say', () => {
    const { data } = proposalFromForm({ name: ' Open slots ', status: 'active', 'baseline.value': '', primary: undefined });
    expect(data).toEqual({ name: 'Open slots', status: 'proposed' });
    expect(metricYaml(proposalFromForm({ ...FULL, status: 'active' }).data)).toMatch(/\nstatus: proposed\ntags: /);
    expect(PROPOSE_FIELDS.some((f) => f.name === 'status')).toBe(false);
  });

  it('writes the ids of the entries chosen by name, one or several', () => {
    // A choice list sends each checked option's value: the id, whatever name it was picked by.
    const { data } = proposalFromForm({ ...FULL, supports: ['scheduling', 'access'], owner: ['ana'], drives: ['wait-days'], guardrails: [] });
    expect(data).toMatchObject({ supports: ['scheduling', 'access'], owner: 'ana', drives: ['wait-days'] });
    expect(data).not.toHaveProperty('guardrails');
    const yaml = metricYaml(data);
    expect(yaml).toContain('supports: [scheduling, access]\n');
    expect(yaml).toContain('owner: ana\n');
    expect(readBack(yaml).result.data).toMatchObject({ status: 'proposed', owner: 'ana', supports: ['scheduling', 'access'] });
  });
});

describe('problems, each at its field', () => {
  it('lists every required field of an empty form; a proposal may leave its goals and source for later', () => {
    const fields = checkProposal(proposalFromForm({})).map((p) => p.field);
    expect(new Set(fields)).toEqual(new Set(['id', 'name', 'description', 'why', 'indicator', 'owner', 'unit', 'direction', 'formula', 'cadence']));
    const messages = Object.fromEntries(checkProposal(proposalFromForm({})).map((p) => [p.field, p.message]));
    expect(messages.name).toBe('Name is required: a few words a reader recognises, like “Patients seen within 7 days”.');
    expect(messages.owner).toBe('Owner is required: the team or person accountable for the number.');
    expect(messages.indicator).toMatch(/^Indicator is required: leading: moves first/);
    expect(messages.id).toMatch(/^Id \(the file name\) is required: type the name and it is made for you/);
  });

  it('places nested, typed and cross-field problems at the control that caused them', () => {
    const problems = checkProposal(proposalFromForm({ ...FULL, id: 'Same Week', 'baseline.value': 'thirty', 'thresholds.red': '60', 'source.url': 'javascript:alert(1)', 'trigger.value': '', direction: 'sideways' }));
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField.id).toBe('Id (the file name) must be lowercase kebab-case: lowercase letters and digits, words joined by single hyphens, like `same-week`.');
    expect(byField['baseline.value']).toBe('Baseline value must be a number: type digits only, like 42 or 12.5, without a unit or a thousands separator.');
    expect(byField['source.url']).toBe('Source link must be an http:// or https:// link.');
    expect(byField['trigger.value']).toBe('Trigger value is required: type digits only, like 42 or 12.5, without a unit or a thousands separator.');
    expect(byField.direction).toBe('Better when it goes must be one of up|down|range: choose one from the list.');
    const crossField = checkProposal(proposalFromForm({ ...FULL, 'thresholds.green': '30', 'thresholds.red': '60' }));
    expect(crossField).toEqual([{ field: 'thresholds.green', message: 'Green (on target) from: with direction up, green (30) must be at or above red (60).' }]);
  });

  it('checks references against the ids the page knows', () => {
    const known = { goals: new Set(['scheduling']), owners: new Set(['ops']), metrics: new Set(['wait-days', 'same-week-slots']) };
    const problems = checkProposal(proposalFromForm(FULL), known);
    expect(problems).toEqual([
      { field: 'id', message: 'Id (the file name): a metric `same-week-slots` already exists: change the id, or propose a change to that metric instead.' },
      { field: 'supports', message: 'Goals it supports: no goal `access` in the catalog: pick one by name from the list.' },
      { field: 'owner', message: 'Owner: no owner `ana` in the catalog: pick one by name from the list.' },
    ]);
  });
});

describe('the form covers the schema', () => {
  it('has a control for every field of a metric that a proposal can set', () => {
    const names = new Set(PROPOSE_FIELDS.map((f) => f.name.split('.')[0]!.replace(/^trigger$/, 'triggers')));
    // A proposal's status is fixed; retirement is not proposed through this form.
    const schemaFields = Object.keys(metricSchema.shape).filter((key) => key !== 'retired' && key !== 'status');
    expect(schemaFields.filter((key) => !names.has(key))).toEqual([]);
    const required = (z.toJSONSchema(metricSchema, { io: 'input' }) as { required: string[] }).required;
    for (const key of required) expect(PROPOSE_FIELDS.find((f) => f.name === key)?.required, key).toBe(true);
  });
});

describe("the host's new-file page", () => {
  it("is GitHub's /new/<branch> with the file name and content in the query", () => {
    const url = newFileUrl('https://github.com/example/metrics.git/', 'main', 'metrics/x.yaml', 'name: A & B\n');
    expect(url).toBe('https://github.com/example/metrics/new/main?filename=metrics%2Fx.yaml&value=name%3A%20A%20%26%20B%0A');
    expect(new URL(url!).searchParams.get('value')).toBe('name: A & B\n');
  });

  it('is not offered for a repository URL with credentials, a query or a fragment', () => {
    for (const repository of ['https://user:token@github.com/o/r', 'https://github.com/o/r?x', 'https://github.com/o/r#y']) {
      expect(newFileUrl(repository, 'main', 'metrics/x.yaml', 'name: A\n'), repository).toBeUndefined();
    }
  });
});

describe('the id, made from the name', () => {
  it('is the name in lowercase words joined by hyphens', () => {
    expect(idFromName('Patients seen within 7 days')).toBe('patients-seen-within-7-days');
    expect(idFromName('  Same-week slots: released (%) ')).toBe('same-week-slots-released');
    expect(idFromName('Crème brûlée — Ñandú’s rate')).toBe('creme-brulee-nandus-rate');
    expect(idFromName('R&D spend')).toBe('r-and-d-spend');
    expect(idFromName('  ')).toBe('');
    expect(idFromName('¿?')).toBe('');
  });

  it('is cut at a word past 60 characters', () => {
    const id = idFromName('Share of first trips of the day that leave the depot more than two minutes late');
    expect(id).toBe('share-of-first-trips-of-the-day-that-leave-the-depot-more');
    expect(id.length).toBeLessThanOrEqual(60);
  });

  it('always matches the schema’s id pattern, or is empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const id = idFromName(name);
        expect(id === '' || (ID_PATTERN.test(id) && id.length <= 60)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('choices, found by name', () => {
  const goal = { id: 'timely-access', label: 'Care when patients need it', detail: 'strategy' };
  it('match every typed word in the name, id or level, ignoring case and accents', () => {
    expect(choiceMatches(goal, '')).toBe(true);
    expect(choiceMatches(goal, 'CARE patients')).toBe(true);
    expect(choiceMatches(goal, 'timely')).toBe(true);
    expect(choiceMatches(goal, 'strat')).toBe(true);
    expect(choiceMatches({ id: 'eleves', label: 'Élèves inscrits' }, 'eleves')).toBe(true);
    expect(choiceMatches(goal, 'care revenue')).toBe(false);
  });
});

describe('problem wording', () => {
  /** A wrong value for each kind of control, and a value of the right kind elsewhere. */
  const WRONG: Record<string, string> = { number: 'twelve', date: '31/12/2026', url: 'ftp://x', select: 'sometimes', text: ' ', textarea: ' ', list: 'Not Kebab' };

  it('names the field, says how to fix it, and never says "Invalid input"', () => {
    let checked = 0;
    for (const field of PROPOSE_FIELDS) {
      const wrong = WRONG[field.type];
      if (!wrong) continue;
      const problems = checkProposal(proposalFromForm({ ...FULL, [field.name]: wrong }));
      for (const problem of problems) {
        const label = PROPOSE_FIELDS.find((f) => f.name === problem.field)?.label ?? 'The file';
        expect(problem.message, field.name).not.toMatch(/invalid input/i);
        expect(problem.message.startsWith(label), `${field.name}: ${problem.message}`).toBe(true);
        // After the field: what is wrong, then (after a colon, or in a sentence of a rule) how to put it right.
        expect(problem.message.length, problem.message).toBeGreaterThan(label.length + 15);
        expect(problem.message).toMatch(/\.$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('replaces zod’s catch-all with what the control takes', () => {
    const number = PROPOSE_FIELDS.find((f) => f.name === 'target.value')!;
    expect(problemMessage(number, { brief: 'Invalid input', rule: 'invalid-value' })).toBe('Target value (direction up or down) has a value of the wrong kind: type digits only, like 42 or 12.5, without a unit or a thousands separator.');
  });
});

describe('the steps', () => {
  it('put every required field in a step that is open, before the optional steps', () => {
    const open = PROPOSE_STEPS.filter((s) => !s.optional).map((s) => s.id);
    expect(PROPOSE_STEPS.map((s) => s.optional)).toEqual([false, false, false, true, true]);
    for (const field of PROPOSE_FIELDS.filter((f) => f.required)) expect(open, field.name).toContain(field.step);
    // Within a step, the required fields come first.
    for (const step of PROPOSE_STEPS) {
      const flags = PROPOSE_FIELDS.filter((f) => f.step === step.id).map((f) => f.required === true);
      expect(flags, step.id).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    }
  });
});

describe('the guide to writing a metric', () => {
  it("is docs/writing-metrics.md on the repository's branch", () => {
    expect(writingGuideUrl('https://github.com/example/metrics.git', 'trunk')).toBe('https://github.com/example/metrics/blob/trunk/docs/writing-metrics.md');
  });

  it("is under GitLab's /-/blob/ on GitLab, and not linked on a host whose URLs are not known", () => {
    expect(writingGuideUrl('https://gitlab.com/example/metrics', 'main')).toBe('https://gitlab.com/example/metrics/-/blob/main/docs/writing-metrics.md');
    expect(writingGuideUrl('https://gitlab.example.org/team/kpis.git/', 'release/2026')).toBe('https://gitlab.example.org/team/kpis/-/blob/release%2F2026/docs/writing-metrics.md');
    expect(writingGuideUrl('https://bitbucket.org/team/kpis', 'main')).toBeUndefined();
    expect(writingGuideUrl('https://user:token@github.com/o/r', 'main')).toBeUndefined();
  });
});
