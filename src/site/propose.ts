/**
 * The /propose/ form, shared by the page that renders it and the browser script that reads it:
 * the fields, turning their values into a metric, validating that with the SAME zod schema the
 * CLI and the build use, and writing it as YAML for the repository host's new-file page, so a
 * proposal made without git still arrives as a pull request. Runs in the browser: no Node imports.
 */
import { issueWords } from '../core/issue-words.ts';
import { CADENCES, ID_PATTERN } from '../core/schemas/common.ts';
import { DIRECTIONS, INDICATORS, MEASURES, METRIC_STATUSES, metricSchema, TIERS } from '../core/schemas/metric.ts';

export type FieldType = 'text' | 'textarea' | 'select' | 'number' | 'date' | 'url' | 'list' | 'checkbox';

export interface ProposeField {
  /** The form control's name: the metric field's path, dotted (`source.system`). */
  name: string;
  label: string;
  type: FieldType;
  /** Required by the schema, or only while the metric is active. */
  required?: true | 'while-active';
  help?: string;
  options?: readonly string[];
  /** Id of a <datalist> of known ids the control suggests from. */
  list?: 'goals' | 'owners' | 'metrics';
  /** Fieldset the control belongs to. */
  group: string;
}

export const PROPOSE_GROUPS = [
  { id: 'what', legend: 'What it is' },
  { id: 'where', legend: 'Where it fits' },
  { id: 'how', legend: 'How it is measured' },
  { id: 'good', legend: 'What good looks like' },
  { id: 'more', legend: 'More (optional)' },
] as const;

const choose = (values: readonly string[]) => ['', ...values];

export const PROPOSE_FIELDS: readonly ProposeField[] = [
  { group: 'what', name: 'id', label: 'Id (the file name)', type: 'text', required: true, help: 'lowercase-kebab-case, unique among metrics; the file is metrics/<id>.yaml' },
  { group: 'what', name: 'name', label: 'Name', type: 'text', required: true },
  { group: 'what', name: 'description', label: 'Description', type: 'textarea', required: true, help: 'What is measured, in a sentence.' },
  { group: 'what', name: 'why', label: 'This metric matters because …', type: 'textarea', required: true },
  { group: 'where', name: 'supports', label: 'Goals it supports', type: 'list', required: 'while-active', list: 'goals', help: 'Goal ids, separated by commas.' },
  { group: 'where', name: 'indicator', label: 'Indicator', type: 'select', required: true, options: choose(INDICATORS), help: 'leading predicts; lagging is the outcome itself' },
  { group: 'where', name: 'drives', label: 'Drives (leading metrics only)', type: 'list', list: 'metrics', help: 'Metric ids it predicts, separated by commas.' },
  { group: 'where', name: 'owner', label: 'Owner', type: 'text', required: true, list: 'owners', help: 'An owner id from owners/.' },
  { group: 'how', name: 'unit', label: 'Unit', type: 'text', required: true, help: 'percent, count, days, hours, score, ratio, a currency code such as USD, or your own word' },
  { group: 'how', name: 'direction', label: 'Better when it goes', type: 'select', required: true, options: choose(DIRECTIONS) },
  { group: 'how', name: 'formula', label: 'Formula', type: 'textarea', required: true, help: 'Precisely enough to recompute the value.' },
  { group: 'how', name: 'source.system', label: 'Source system', type: 'text', required: 'while-active', help: 'Where the number comes from.' },
  { group: 'how', name: 'source.url', label: 'Source link', type: 'url', help: 'http(s) link to the report or query' },
  { group: 'how', name: 'cadence', label: 'Cadence', type: 'select', required: true, options: choose(CADENCES) },
  { group: 'good', name: 'baseline.value', label: 'Baseline value', type: 'number' },
  { group: 'good', name: 'baseline.date', label: 'Baseline date', type: 'date' },
  { group: 'good', name: 'target.value', label: 'Target value (up or down)', type: 'number' },
  { group: 'good', name: 'target.min', label: 'Target band minimum (range)', type: 'number' },
  { group: 'good', name: 'target.max', label: 'Target band maximum (range)', type: 'number' },
  { group: 'good', name: 'target.by', label: 'Target date', type: 'date' },
  { group: 'good', name: 'thresholds.green', label: 'Green from', type: 'number' },
  { group: 'good', name: 'thresholds.red', label: 'Red from', type: 'number' },
  { group: 'good', name: 'trigger.when', label: 'Trigger when the value is', type: 'select', options: ['', 'above', 'below'] },
  { group: 'good', name: 'trigger.value', label: 'Trigger value', type: 'number' },
  { group: 'good', name: 'trigger.action', label: 'Action when it fires', type: 'text' },
  { group: 'more', name: 'primary', label: 'A headline (primary) metric of its goals', type: 'checkbox' },
  { group: 'more', name: 'tier', label: 'Tier', type: 'select', options: choose(TIERS) },
  { group: 'more', name: 'measures', label: 'Measures', type: 'select', options: choose(MEASURES) },
  { group: 'more', name: 'guardrails', label: 'Guardrails', type: 'list', list: 'metrics', help: 'Metric ids watched so this one is not gamed.' },
  { group: 'more', name: 'gaming', label: 'How it could be gamed', type: 'textarea' },
  { group: 'more', name: 'review.every', label: 'Review the definition every', type: 'select', options: choose(CADENCES) },
  { group: 'more', name: 'review.last', label: 'Last reviewed', type: 'date' },
  { group: 'more', name: 'tags', label: 'Tags', type: 'list', help: 'lowercase-kebab-case words, separated by commas' },
  { group: 'more', name: 'status', label: 'Status', type: 'select', options: ['active', ...METRIC_STATUSES.filter((s) => s !== 'retired' && s !== 'active')], help: 'proposed: under discussion, not yet reported' },
];

export interface Proposal {
  id: string;
  data: Record<string, unknown>;
}

export interface ProposalProblem {
  /** The form control the problem belongs to (a PROPOSE_FIELDS name), or '' for the form as a whole. */
  field: string;
  message: string;
}

/** Known ids, for the reference checks the browser can do; the build checks the rest. */
export interface KnownIds {
  goals?: ReadonlySet<string>;
  owners?: ReadonlySet<string>;
  metrics?: ReadonlySet<string>;
}

const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/** A number typed into the form, or the text itself when it is not one, so the schema says so. */
function numberOrText(value: string): number | string {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** Turns the form's values (name → text; a checkbox "on" or absent) into a metric, fields in the format's order. */
export function proposalFromForm(values: Record<string, string | undefined>): Proposal {
  const get = (name: string) => (values[name] ?? '').trim();
  const text = (name: string) => get(name) || undefined;
  const list = (name: string) => (get(name) ? words(get(name)) : undefined);
  const num = (name: string) => (get(name) ? numberOrText(get(name)) : undefined);
  const group = (fields: Record<string, unknown>) => {
    const set = Object.entries(fields).filter(([, v]) => v !== undefined);
    return set.length ? Object.fromEntries(set) : undefined;
  };
  const when = get('trigger.when');
  const triggers = when || get('trigger.value') || get('trigger.action') ? [group({ when: { [when || 'above']: num('trigger.value') }, action: text('trigger.action') })] : undefined;
  const status = get('status');
  const data: Record<string, unknown> = {
    name: text('name'),
    description: text('description'),
    why: text('why'),
    supports: list('supports'),
    indicator: text('indicator'),
    drives: list('drives'),
    owner: text('owner'),
    unit: text('unit'),
    direction: text('direction'),
    formula: text('formula'),
    source: group({ system: text('source.system'), url: text('source.url') }),
    cadence: text('cadence'),
    baseline: group({ value: num('baseline.value'), date: text('baseline.date') }),
    target: group({ value: num('target.value'), min: num('target.min'), max: num('target.max'), by: text('target.by') }),
    thresholds: group({ green: num('thresholds.green'), red: num('thresholds.red') }),
    primary: get('primary') ? true : undefined,
    tier: text('tier'),
    measures: text('measures'),
    triggers,
    guardrails: list('guardrails'),
    gaming: text('gaming'),
    review: group({ every: text('review.every'), last: text('review.last') }),
    // Active is the default: the file leaves it out, as the format's examples do.
    status: status && status !== 'active' ? status : undefined,
    tags: list('tags'),
  };
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return { id: get('id'), data };
}

/** The form control a schema issue belongs to. */
function fieldOf(path: readonly (string | number)[]): string {
  const parts = path.map(String);
  if (parts[0] === 'triggers') return parts.includes('action') ? 'trigger.action' : parts.includes('when') ? 'trigger.value' : 'trigger.when';
  if (parts[0] === 'target' && parts[1] && !['value', 'min', 'max', 'by'].includes(parts[1])) parts.splice(1, 1);
  for (let n = Math.min(parts.length, 2); n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (PROPOSE_FIELDS.some((f) => f.name === name)) return name;
  }
  const first = PROPOSE_FIELDS.find((f) => f.name.startsWith(`${parts[0]}.`));
  return first?.name ?? '';
}

/** Every problem with a proposal, each at its form control; none means the file will pass the schema. */
export function checkProposal({ id, data }: Proposal, known: KnownIds = {}): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  if (!id) problems.push({ field: 'id', message: 'required: the metric id, which is also its file name' });
  else if (!ID_PATTERN.test(id)) problems.push({ field: 'id', message: 'must be lowercase kebab-case, like `patients-seen-within-7-days`' });
  else if (known.metrics?.has(id)) problems.push({ field: 'id', message: `a metric \`${id}\` already exists: choose another id` });

  const result = metricSchema.safeParse(data);
  if (!result.success) {
    // In the words `check` uses, said beside the control: it shows the field and the value already.
    for (const words of result.error.issues.flatMap((issue) => issueWords(issue, metricSchema, data))) problems.push({ field: fieldOf(words.path), message: words.brief });
    // The schema checks what an active metric needs only once everything else passes; say it now, not on the next try.
    const active = (data.status ?? 'active') === 'active';
    const reported = new Set(problems.map((p) => p.field));
    if (active && !data.supports && !reported.has('supports')) problems.push({ field: 'supports', message: 'required while the metric is active: the goals it measures progress toward' });
    if (active && !data.source && !reported.has('source.system')) problems.push({ field: 'source.system', message: 'required while the metric is active: the system the number comes from' });
  }
  const unknown = (field: string, ids: unknown, set: ReadonlySet<string> | undefined, what: string) => {
    if (!set || !Array.isArray(ids)) return;
    const missing = ids.filter((x) => typeof x === 'string' && ID_PATTERN.test(x) && !set.has(x));
    if (missing.length) problems.push({ field, message: `no ${what} ${missing.map((m) => `\`${m}\``).join(', ')} in the catalog` });
  };
  unknown('supports', data.supports, known.goals, 'goal');
  unknown('owner', typeof data.owner === 'string' ? [data.owner] : undefined, known.owners, 'owner');
  unknown('drives', data.drives, known.metrics, 'metric');
  unknown('guardrails', data.guardrails, known.metrics, 'metric');
  return problems;
}

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A string as a YAML scalar: plain when it cannot be read as anything else, else double-quoted (JSON is valid YAML). */
export function yamlString(value: string): string {
  if (DATE.test(value)) return value;
  const plain = /^[A-Za-z][A-Za-z0-9 ,.;()'/%+_-]*$/.test(value) && !/[ ,]$/.test(value) && !RESERVED.test(value);
  return plain ? value : JSON.stringify(value);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  return String(value);
}

function flowValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;
  // In flow style a comma ends a plain scalar.
  return typeof value === 'string' && /[,[\]{}]/.test(value) ? JSON.stringify(value) : scalar(value);
}

/** The metric as the YAML file the catalog keeps, in the order the format lists the fields. */
export function metricYaml(data: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (key === 'triggers' && Array.isArray(value)) {
      lines.push('triggers:');
      for (const trigger of value as Record<string, unknown>[]) {
        const [first, ...rest] = Object.entries(trigger);
        if (!first) continue;
        lines.push(`  - ${first[0]}: ${typeof first[1] === 'object' ? flowValue(first[1]) : scalar(first[1])}`);
        for (const [k, v] of rest) lines.push(`    ${k}: ${typeof v === 'object' ? flowValue(v) : scalar(v)}`);
      }
    } else if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
      lines.push(`${key}: ${flowValue(value)}`);
    } else {
      lines.push(`${key}: ${scalar(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The repository host's page for a new file, pre-filled (GitHub: /new/<branch>?filename=…&value=…). */
export function newFileUrl(repository: string, branch: string, path: string, content: string): string {
  const repo = repository.replace(/\/+$/, '').replace(/\.git$/, '');
  return `${repo}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(content)}`;
}
