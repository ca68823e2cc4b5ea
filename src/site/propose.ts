/**
 * The /propose/ form, shared by the page that renders it and the browser script that reads it:
 * the fields in the steps a proposer fills them in, the id derived from the name, turning the
 * values into a metric, validating that with the SAME zod schema the CLI and the build use, the
 * problems worded like `check`'s, and the YAML for the repository host's new-file page, so a
 * proposal made without git still arrives as a pull request. Runs in the browser: no Node imports.
 */
import { issueWords, type IssueWords } from '../core/issue-words.ts';
import { CADENCES, ID_PATTERN } from '../core/schemas/common.ts';
import { DIRECTIONS, INDICATORS, MEASURES, metricSchema, TIERS } from '../core/schemas/metric.ts';
import { fileUrl, repositoryBase } from '../features/repository.ts';

/** The guide to writing a metric file, kept in the catalog's repository (see src/init/kit.ts). */
const WRITING_GUIDE = 'docs/writing-metrics.md';

export type FieldType = 'text' | 'textarea' | 'select' | 'number' | 'date' | 'url' | 'list' | 'checkbox' | 'choice';

/** The catalog entries a choice field picks from, by name. */
export type ChoiceList = 'goals' | 'owners' | 'metrics';

export interface ProposeField {
  /** The form control's name: the metric field's path, dotted (`source.system`). */
  name: string;
  label: string;
  type: FieldType;
  /** Required by the schema, or needed before the proposed metric can go active. */
  required?: true | 'before-active';
  help?: string;
  options?: readonly string[];
  /** For a choice: the entries it picks from, and whether it takes one or several. */
  choices?: ChoiceList;
  multiple?: boolean;
  /** Words a text control suggests (a <datalist>), e.g. the common units. */
  suggest?: readonly string[];
  /** The step the control belongs to. */
  step: ProposeStep['id'];
}

export interface ProposeStep {
  id: 'what' | 'who' | 'how' | 'target' | 'more';
  legend: string;
  /** Optional steps start collapsed: nothing in them is required. */
  optional: boolean;
}

/** The form's steps, required ones first. */
export const PROPOSE_STEPS: readonly ProposeStep[] = [
  { id: 'what', legend: 'What it measures', optional: false },
  { id: 'who', legend: 'Who owns it, and what it serves', optional: false },
  { id: 'how', legend: 'How it is measured', optional: false },
  { id: 'target', legend: 'Target, thresholds and trigger', optional: true },
  { id: 'more', legend: 'More details', optional: true },
];

const choose = (values: readonly string[]) => ['', ...values];
export const UNITS = ['percent', 'count', 'days', 'hours', 'score', 'ratio', 'USD', 'EUR', 'GBP'] as const;

/** Every control of the form, in the order of its steps; within a step, the required ones first. */
export const PROPOSE_FIELDS: readonly ProposeField[] = [
  { step: 'what', name: 'name', label: 'Name', type: 'text', required: true, help: 'A few words a reader recognises, like “Patients seen within 7 days”.' },
  { step: 'what', name: 'id', label: 'Id (the file name)', type: 'text', required: true, help: 'Made from the name as you type it; edit it if you like. Lowercase words joined by hyphens.' },
  { step: 'what', name: 'description', label: 'Description', type: 'textarea', required: true, help: 'What is measured, in a sentence.' },
  { step: 'what', name: 'why', label: 'This metric matters because …', type: 'textarea', required: true, help: 'Complete the sentence.' },
  { step: 'who', name: 'owner', label: 'Owner', type: 'choice', choices: 'owners', required: true, help: 'The team or person accountable for the number.' },
  { step: 'who', name: 'indicator', label: 'Indicator', type: 'select', required: true, options: choose(INDICATORS), help: 'Leading: moves first and predicts an outcome. Lagging: the outcome itself.' },
  { step: 'who', name: 'supports', label: 'Goals it supports', type: 'choice', choices: 'goals', multiple: true, required: 'before-active', help: 'The goals it measures progress toward.' },
  { step: 'who', name: 'drives', label: 'Metrics it drives (leading metrics only)', type: 'choice', choices: 'metrics', multiple: true, help: 'The metrics closer to the outcome that it predicts.' },
  { step: 'how', name: 'unit', label: 'Unit', type: 'text', required: true, suggest: UNITS, help: 'percent, count, days, hours, score, ratio, a currency code such as USD, or your own word.' },
  { step: 'how', name: 'direction', label: 'Better when it goes', type: 'select', required: true, options: choose(DIRECTIONS), help: 'up, down, or range: better inside a band.' },
  { step: 'how', name: 'formula', label: 'Formula', type: 'textarea', required: true, help: 'Precisely enough to recompute the value.' },
  { step: 'how', name: 'cadence', label: 'Cadence', type: 'select', required: true, options: choose(CADENCES), help: 'How often a new value is measured.' },
  { step: 'how', name: 'source.system', label: 'Source system', type: 'text', required: 'before-active', help: 'Where the number comes from.' },
  { step: 'how', name: 'source.url', label: 'Source link', type: 'url', help: 'An http(s) link to the report or query.' },
  { step: 'target', name: 'baseline.value', label: 'Baseline value', type: 'number' },
  { step: 'target', name: 'baseline.date', label: 'Baseline date', type: 'date' },
  { step: 'target', name: 'target.value', label: 'Target value (direction up or down)', type: 'number' },
  { step: 'target', name: 'target.min', label: 'Target band minimum (direction range)', type: 'number' },
  { step: 'target', name: 'target.max', label: 'Target band maximum (direction range)', type: 'number' },
  { step: 'target', name: 'target.by', label: 'Target date', type: 'date' },
  { step: 'target', name: 'thresholds.green', label: 'Green (on target) from', type: 'number' },
  { step: 'target', name: 'thresholds.red', label: 'Red (off target) from', type: 'number' },
  { step: 'target', name: 'trigger.when', label: 'Trigger when the value is', type: 'select', options: ['', 'above', 'below'] },
  { step: 'target', name: 'trigger.value', label: 'Trigger value', type: 'number' },
  { step: 'target', name: 'trigger.action', label: 'Action when it fires', type: 'text', help: 'What the owner does then, like “Review the rota with the site leads”.' },
  { step: 'more', name: 'primary', label: 'A headline (primary) metric of its goals', type: 'checkbox' },
  { step: 'more', name: 'tier', label: 'Tier', type: 'select', options: choose(TIERS) },
  { step: 'more', name: 'measures', label: 'Measures', type: 'select', options: choose(MEASURES) },
  { step: 'more', name: 'guardrails', label: 'Guardrails', type: 'choice', choices: 'metrics', multiple: true, help: 'Metrics watched so this one is not gamed.' },
  { step: 'more', name: 'gaming', label: 'How it could be gamed', type: 'textarea' },
  { step: 'more', name: 'review.every', label: 'Review the definition every', type: 'select', options: choose(CADENCES) },
  { step: 'more', name: 'review.last', label: 'Last reviewed', type: 'date' },
  { step: 'more', name: 'tags', label: 'Tags', type: 'list', help: 'Lowercase words, separated by commas.' },
];

/** A proposal is always `proposed`: it becomes active when its owners say so, in review. */
export const PROPOSAL_STATUS = 'proposed';

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

/** One entry a choice field offers: the id the file holds, the name a person picks by. */
export interface Choice {
  id: string;
  label: string;
  /** A word that tells two like-named entries apart: a goal's level, an owner's kind. */
  detail?: string;
}

const ID_MAX = 60;

/** Text folded for comparison: lowercase, accents dropped (é → e). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The id a name gives: its words in lowercase joined by hyphens, accents dropped, `&` as "and",
 * at most 60 characters cut at a word; empty when the name has no letter or digit. Always matches
 * the schema's id pattern when not empty.
 */
export function idFromName(name: string): string {
  const words = fold(name).replace(/&/g, ' and ').replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > ID_MAX) return id || word.slice(0, ID_MAX);
    id = next;
  }
  return id;
}

/** Whether a choice matches what was typed in its filter: every typed word is in its name or id. */
export function choiceMatches(choice: Choice, query: string): boolean {
  const haystack = fold(`${choice.label} ${choice.id} ${choice.detail ?? ''}`);
  return fold(query).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

type FormValue = string | readonly string[] | undefined;

const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/** A number typed into the form, or the text itself when it is not one, so the schema says so. */
function numberOrText(value: string): number | string {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/**
 * Turns the form's values (name → text, or the several values of a multiple choice; a checkbox
 * "on" or absent) into a metric, fields in the format's order, with the status `proposed`.
 */
export function proposalFromForm(values: Record<string, FormValue>): Proposal {
  const get = (name: string) => {
    const value = values[name];
    return (typeof value === 'string' ? value : (value ?? []).join(',')).trim();
  };
  const text = (name: string) => get(name) || undefined;
  const list = (name: string) => (get(name) ? words(get(name)) : undefined);
  const num = (name: string) => (get(name) ? numberOrText(get(name)) : undefined);
  const group = (fields: Record<string, unknown>) => {
    const set = Object.entries(fields).filter(([, v]) => v !== undefined);
    return set.length ? Object.fromEntries(set) : undefined;
  };
  const when = get('trigger.when');
  const triggers = when || get('trigger.value') || get('trigger.action') ? [group({ when: { [when || 'above']: num('trigger.value') }, action: text('trigger.action') })] : undefined;
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
    status: PROPOSAL_STATUS,
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

const fieldNamed = (name: string) => PROPOSE_FIELDS.find((f) => f.name === name);

/** How to write a value of each kind of control, for a problem that has no hint of its own. */
const HOW_TO_WRITE: Partial<Record<FieldType, string>> = {
  number: 'type digits only, like 42 or 12.5, without a unit or a thousands separator',
  date: 'pick a date, or type it as YYYY-MM-DD',
  choice: 'pick it by name from the list',
  select: 'choose one from the list',
  list: 'write each in lowercase, words joined by hyphens, and separate them with commas',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * A problem said beside its control, in `check`'s words (issue-words' brief and hint) but led by
 * the control's label, so it reads alone ("Baseline value must be a number: type digits only …"),
 * and always with how to fix it. zod's catch-all "Invalid input" is never shown.
 */
export function problemMessage(field: ProposeField | undefined, words: Pick<IssueWords, 'brief' | 'hint' | 'rule'>): string {
  const label = field?.label ?? 'The file';
  // A wrong kind of value is fixed by writing it the control's way; a rule's own message says its fix.
  const wrongKind = words.rule === 'invalid-type' || words.rule === 'invalid-value';
  const how = words.hint ?? (wrongKind && field ? HOW_TO_WRITE[field.type] : undefined);
  if (words.brief === 'required') {
    // The form's own help comes first: check's hints speak of files ("name an owner id from owners/").
    const what = field?.help ?? words.hint ?? (field && HOW_TO_WRITE[field.type]) ?? 'fill it in';
    return sentence(`${label} is required: ${lowerFirst(what)}`);
  }
  const brief = /^invalid input$/i.test(words.brief) ? 'has a value of the wrong kind' : words.brief;
  // check's briefs are predicates ("must be a number"); a refinement's are sentences of their own.
  const said = /^(must|has|is|lists)\b/.test(brief) ? `${label} ${brief}` : `${label}: ${brief}`;
  return sentence(how && !said.includes(how) ? `${said}: ${lowerFirst(how)}` : said);
}

/** Every problem with a proposal, each at its form control; none means the file will pass the schema. */
export function checkProposal({ id, data }: Proposal, known: KnownIds = {}): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  const idLabel = fieldNamed('id')!.label;
  if (!id) problems.push({ field: 'id', message: `${idLabel} is required: type the name and it is made for you, or type lowercase words joined by hyphens.` });
  else if (!ID_PATTERN.test(id)) problems.push({ field: 'id', message: `${idLabel} must be lowercase kebab-case: lowercase letters and digits, words joined by single hyphens, like \`${idFromName(id) || 'patients-seen-within-7-days'}\`.` });
  else if (known.metrics?.has(id)) problems.push({ field: 'id', message: `${idLabel}: a metric \`${id}\` already exists: change the id, or propose a change to that metric instead.` });

  const result = metricSchema.safeParse(data);
  if (!result.success) {
    for (const words of result.error.issues.flatMap((issue) => issueWords(issue, metricSchema, data))) {
      const field = fieldOf(words.path);
      const message = problemMessage(fieldNamed(field), words);
      // Two bad tags are one problem to fix.
      if (!problems.some((p) => p.field === field && p.message === message)) problems.push({ field, message });
    }
  }
  const unknown = (field: string, ids: unknown, set: ReadonlySet<string> | undefined, what: string) => {
    if (!set || !Array.isArray(ids)) return;
    const missing = ids.filter((x) => typeof x === 'string' && ID_PATTERN.test(x) && !set.has(x));
    if (missing.length) problems.push({ field, message: `${fieldNamed(field)!.label}: no ${what} ${missing.map((m) => `\`${m}\``).join(', ')} in the catalog: pick one by name from the list.` });
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

/**
 * The repository host's page for a new file, pre-filled (GitHub: /new/<branch>?filename=…&value=…);
 * undefined for a repository URL repositoryBase refuses, so the form shows the file to copy instead.
 */
export function newFileUrl(repository: string, branch: string, path: string, content: string): string | undefined {
  const repo = repositoryBase(repository);
  if (!repo) return undefined;
  return `${repo}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(content)}`;
}

/**
 * Where the catalog's repository explains how to write a metric file: docs/writing-metrics.md on
 * its branch, as GitHub or GitLab shows it; undefined on other hosts (the page then names the file).
 */
export function writingGuideUrl(repository: string, branch: string): string | undefined {
  const repo = repositoryBase(repository);
  return repo && fileUrl(repo, branch, WRITING_GUIDE);
}
