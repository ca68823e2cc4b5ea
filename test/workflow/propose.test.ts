/**
 * The /propose/ form's logic, in Node: form values → metric → YAML that the catalog's own reader
 * and schema accept unchanged; problems mapped to the form's fields; the host's new-file URL.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { checkProposal, metricYaml, newFileUrl, proposalFromForm, PROPOSE_FIELDS, yamlString } from '../../src/site/propose.ts';

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
  status: 'active',
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
    expect(Object.keys(proposal.data)).toEqual(['name', 'description', 'why', 'supports', 'indicator', 'drives', 'owner', 'unit', 'direction', 'formula', 'source', 'cadence', 'baseline', 'target', 'thresholds', 'primary', 'tier', 'measures', 'triggers', 'guardrails', 'gaming', 'review', 'tags']);
    expect(proposal.data).toMatchObject({ supports: ['scheduling', 'access'], baseline: { value: 31, date: '2026-01-05' }, triggers: [{ when: { below: 40 }, action: 'Release the next week\'s slots early: "all sites".' }], primary: true });
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

  it('leaves out what is empty, and active, the default status', () => {
    const { data } = proposalFromForm({ name: ' Open slots ', status: 'active', 'baseline.value': '', primary: undefined });
    expect(data).toEqual({ name: 'Open slots' });
    expect(proposalFromForm({ status: 'proposed' }).data).toEqual({ status: 'proposed' });
  });
});

describe('problems, each at its field', () => {
  it('lists every required field of an empty form', () => {
    const fields = checkProposal(proposalFromForm({})).map((p) => p.field);
    expect(new Set(fields)).toEqual(new Set(['id', 'name', 'description', 'why', 'indicator', 'owner', 'unit', 'direction', 'formula', 'cadence', 'supports', 'source.system']));
    expect(checkProposal(proposalFromForm({})).find((p) => p.field === 'name')!.message).toBe('required');
  });

  it('places nested, typed and cross-field problems at the control that caused them', () => {
    const problems = checkProposal(proposalFromForm({ ...FULL, id: 'Same Week', 'baseline.value': 'thirty', 'thresholds.red': '60', 'source.url': 'javascript:alert(1)', 'trigger.value': '', direction: 'sideways' }));
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField.id).toContain('lowercase kebab-case');
    expect(byField['baseline.value']).toBe('must be a number');
    expect(byField['source.url']).toBe('must be an http:// or https:// link');
    expect(byField['trigger.value']).toBe('required');
    expect(byField.direction).toBe('must be one of up|down|range');
  });

  it('checks references against the ids the page knows', () => {
    const known = { goals: new Set(['scheduling']), owners: new Set(['ops']), metrics: new Set(['wait-days', 'same-week-slots']) };
    const problems = checkProposal(proposalFromForm(FULL), known);
    expect(problems).toEqual([
      { field: 'id', message: 'a metric `same-week-slots` already exists: choose another id' },
      { field: 'supports', message: 'no goal `access` in the catalog' },
      { field: 'owner', message: 'no owner `ana` in the catalog' },
    ]);
  });
});

describe('the form covers the schema', () => {
  it('has a control for every field of a metric that a proposal can set', () => {
    const names = new Set(PROPOSE_FIELDS.map((f) => f.name.split('.')[0]!.replace(/^trigger$/, 'triggers')));
    const schemaFields = Object.keys(metricSchema.shape).filter((key) => key !== 'retired');
    expect(schemaFields.filter((key) => !names.has(key))).toEqual([]);
    const required = (z.toJSONSchema(metricSchema, { io: 'input' }) as { required: string[] }).required;
    for (const key of required) expect(PROPOSE_FIELDS.find((f) => f.name === key)?.required, key).toBe(true);
  });
});

describe("the host's new-file page", () => {
  it("is GitHub's /new/<branch> with the file name and content in the query", () => {
    const url = newFileUrl('https://github.com/example/metrics.git/', 'main', 'metrics/x.yaml', 'name: A & B\n');
    expect(url).toBe('https://github.com/example/metrics/new/main?filename=metrics%2Fx.yaml&value=name%3A%20A%20%26%20B%0A');
    expect(new URL(url).searchParams.get('value')).toBe('name: A & B\n');
  });
});
