/**
 * An import plan: the entries an import will write, the source entries it could not map and why,
 * and what it had to leave open. Every source kind (csv, gitlab-pi, metric-hub) builds one with
 * the helpers here, so placeholders, assumed values and the goal/owner scaffolding look the same
 * whatever the source.
 *
 * Never inventing facts, yet writing files the core accepts: a required text field the source does
 * not give holds a placeholder starting with PLACEHOLDER_PREFIX; a required choice (indicator,
 * direction, cadence) the source does not give holds a documented default and the metric carries
 * the tag `todo-import-<field>`. Both are listed per entry in the import report.
 */
import { ASSUMED_DEFAULTS, ASSUMED_TAG_PREFIX, PLACEHOLDER_PREFIX, UNASSIGNED_OWNER_ID, isPlaceholder } from '../core/placeholders.ts';
import type { Cadence } from '../core/schemas/common.ts';
import type { MetricData } from '../core/schemas/metric.ts';
import { createIdAllocator, type IdAllocator } from './ids.ts';
import { guardMdxLines } from './text.ts';

/** Placeholder texts and assumed-value tags, as the core's `incomplete-definition` rule reads them. */
export { ASSUMED_DEFAULTS, ASSUMED_TAG_PREFIX, PLACEHOLDER_PREFIX, UNASSIGNED_OWNER_ID, isPlaceholder };

export const PLACEHOLDERS = {
  description: 'the source gives no description: say what is measured, in a sentence.',
  why: 'the source does not say why this metric matters: complete the sentence.',
  unit: 'the source states no unit.',
  formula: 'the source gives no formula: say how the value is computed, precisely enough to recompute it.',
  'source.system': 'the source does not say which system the number comes from.',
  'retired.reason': 'the source marks it deprecated but gives no reason or date; the date is the day of the import.',
  owner: 'no owner is named in the source',
  goal: 'the source states no objective for this group of metrics: say what must be true.',
  mission: 'the source states no mission: say what the organisation exists to achieve.',
} as const;

export const placeholder = (text: string) => `${PLACEHOLDER_PREFIX} ${text}`;

export type PlannedKind = 'goal' | 'metric' | 'owner';

export interface PlannedEntry {
  kind: PlannedKind;
  id: string;
  /** The entry's fields, in the order the format reference (docs/reference.md) lists them. */
  data: Record<string, unknown>;
  /** Markdown narrative; the entry is written as `.mdx` when there is one. */
  body?: string;
  /** Where it came from in the source, for the report: "quality_department.yml, entry 3". */
  origin?: string;
  /** Fields holding a placeholder text. */
  placeholders: string[];
  /** Fields holding a default rather than a fact from the source. */
  assumed: string[];
  /** What else the report should say about this entry (parsed targets, guessed owner kinds, …). */
  notes: string[];
}

export interface SkippedEntry {
  origin: string;
  name?: string;
  reason: string;
}

export interface ImportPlan {
  kind: string;
  source: string;
  /** catalog.config.yaml to write if the folder has none. */
  config: Record<string, unknown>;
  entries: PlannedEntry[];
  /** How many KPI entries the source holds: each is imported as a metric or skipped with a reason. */
  sourceEntries: number;
  skipped: SkippedEntry[];
  /** Source-wide notes: unmapped columns, sections that are not metrics, dangling links. */
  notes: string[];
}

/** The cascade levels of the catalog the import writes into. */
export interface CatalogShape {
  levels: string[];
  perspectives: string[];
  /** The top level (the mission). */
  top: string;
  /** The level departments (GitLab orgs, metric-hub files) are written at. */
  department: string;
  /** The level goals named in a spreadsheet are written at. */
  strategy: string;
  /** The existing config's name, if the folder has one. */
  name?: string;
}

export interface PlanOptions {
  /** The organisation: owns the mission and is the parent team of department teams. */
  org?: string;
  /** Title of the mission goal; default the organisation, else a neutral "Imported …". */
  mission?: string;
  /** The "as of" date: used as the retirement date of metrics the source marks deprecated. */
  today: string;
  shape: CatalogShape;
}

export interface OwnerFacts {
  name: string;
  kind: 'team' | 'person';
  parent?: string;
  email?: string;
  notes?: string[];
}

export interface MetricFacts {
  name: string;
  description?: string;
  why?: string;
  supports: string[];
  indicator?: MetricData['indicator'];
  owner: string;
  unit?: string;
  direction?: MetricData['direction'];
  formula?: string;
  source?: { system?: string; url?: string };
  cadence?: Cadence;
  baseline?: { value: number; date: string };
  target?: { value: number; by: string };
  primary?: boolean;
  status?: MetricData['status'];
  retired?: { date?: string; reason?: string };
  tags?: string[];
}

/** The state every importer shares while it plans: id allocators and the scaffolding entries. */
export interface Planner {
  plan: ImportPlan;
  options: PlanOptions;
  goalIds: IdAllocator;
  metricIds: IdAllocator;
  ownerIds: IdAllocator;
  /** The owner id for a team or person, created on first use and found again by name or email. */
  owner(facts: OwnerFacts): string;
  /** The placeholder owner, created on first use. */
  unassigned(): string;
  /** The organisation's team, if --org was given (or the source names it). */
  orgTeam(): string | undefined;
  /** The mission goal id, created on first use. */
  mission(): string;
  /** A goal below the mission (or below `parent`), created on first use and found again by title. */
  goal(title: string, level: string, options?: { parent?: string; owner?: string; description?: string; origin?: string }): string;
  addMetric(id: string, facts: MetricFacts, body: string | undefined, origin: string, notes?: string[]): PlannedEntry;
  skip(origin: string, name: string | undefined, reason: string): void;
}

export function createPlanner(kind: string, source: string, options: PlanOptions, defaultMission: string): Planner {
  const plan: ImportPlan = { kind, source, config: {}, entries: [], sourceEntries: 0, skipped: [], notes: [] };
  const goalIds = createIdAllocator();
  const metricIds = createIdAllocator();
  // The placeholder owner's id is never given to a real owner, even one called "Unassigned".
  const ownerIds = createIdAllocator([UNASSIGNED_OWNER_ID]);
  const owners = new Map<string, string>();
  const goals = new Map<string, string>();
  let missionId: string | undefined;
  let orgId: string | undefined;

  const owner = (facts: OwnerFacts): string => {
    const key = (facts.email ?? facts.name).toLowerCase();
    const known = owners.get(key);
    if (known) return known;
    // Named by an address (metric-hub), the id is the address's local part: `bochocki`, not `bochocki-mozilla-com`.
    const id = ownerIds.allocate(/@/.test(facts.name) ? facts.name.split('@')[0]! : facts.name);
    owners.set(key, id);
    const data = ordered({ name: facts.name, kind: facts.kind, parent: facts.parent, email: facts.email });
    plan.entries.push({ kind: 'owner', id, data, placeholders: [], assumed: [], notes: facts.notes ?? [] });
    return id;
  };

  const unassigned = (): string => {
    const known = owners.get('\0unassigned');
    if (known) return known;
    owners.set('\0unassigned', UNASSIGNED_OWNER_ID);
    plan.entries.push({
      kind: 'owner',
      id: UNASSIGNED_OWNER_ID,
      data: { name: placeholder(PLACEHOLDERS.owner), kind: 'team' },
      placeholders: ['name'],
      assumed: [],
      notes: ['stands in for the owner wherever the source names none: give each entry that points here its real owner'],
    });
    return UNASSIGNED_OWNER_ID;
  };

  const orgTeam = (): string | undefined => {
    if (!options.org) return undefined;
    orgId ??= owner({ name: options.org, kind: 'team' });
    return orgId;
  };

  const mission = (): string => {
    if (missionId) return missionId;
    const title = options.mission ?? options.org ?? defaultMission;
    missionId = goalIds.allocate(title);
    plan.entries.push({
      kind: 'goal',
      id: missionId,
      data: ordered({ title, level: options.shape.top, owner: orgTeam() ?? unassigned(), description: placeholder(PLACEHOLDERS.mission) }),
      placeholders: ['description', ...(orgTeam() ? [] : ['owner'])],
      assumed: [],
      notes: [],
    });
    return missionId;
  };

  const goal: Planner['goal'] = (title, level, extra = {}) => {
    const key = `${level}\0${title.toLowerCase()}`;
    const known = goals.get(key);
    if (known) return known;
    const parent = extra.parent ?? mission();
    const id = goalIds.allocate(title);
    goals.set(key, id);
    const ownerId = extra.owner ?? unassigned();
    const description = extra.description ?? placeholder(PLACEHOLDERS.goal);
    plan.entries.push({
      kind: 'goal',
      id,
      data: ordered({ title, level, parent, owner: ownerId, description }),
      origin: extra.origin,
      placeholders: [...(ownerId === UNASSIGNED_OWNER_ID ? ['owner'] : []), ...(isPlaceholder(description) ? ['description'] : [])],
      assumed: [],
      notes: [],
    });
    return id;
  };

  const addMetric: Planner['addMetric'] = (id, facts, body, origin, notes = []) => {
    const entry = planMetric(id, facts, options.today, origin, notes);
    if (body?.trim()) entry.body = guardMdxLines(body);
    plan.entries.push(entry);
    return entry;
  };

  const skip: Planner['skip'] = (origin, name, reason) => {
    plan.skipped.push({ origin, name, reason });
  };

  return { plan, options, goalIds, metricIds, ownerIds, owner, unassigned, orgTeam, mission, goal, addMetric, skip };
}

/**
 * A metric entry from what the source says: placeholders for the text it lacks, defaults plus a
 * `todo-import-*` tag for the choices it lacks, and nothing else added.
 */
export function planMetric(id: string, facts: MetricFacts, today: string, origin: string, notes: string[] = []): PlannedEntry {
  const placeholders: string[] = [];
  const assumed: string[] = [];
  const text = (field: keyof typeof PLACEHOLDERS, value: string | undefined) => {
    const given = value?.trim();
    if (given && !isPlaceholder(given)) return given;
    placeholders.push(field);
    return given || placeholder(PLACEHOLDERS[field]);
  };
  const choice = <T extends string>(field: keyof typeof ASSUMED_DEFAULTS, value: T | undefined): T => {
    if (value) return value;
    assumed.push(field);
    return ASSUMED_DEFAULTS[field] as T;
  };
  const status = facts.status ?? 'active';
  const description = text('description', facts.description);
  const why = text('why', facts.why);
  const indicator = choice('indicator', facts.indicator);
  const unit = text('unit', facts.unit);
  const direction = choice('direction', facts.direction);
  const formula = text('formula', facts.formula);
  let source: { system: string; url?: string } | undefined;
  if (facts.source?.system || status === 'active') source = { system: text('source.system', facts.source?.system), url: facts.source?.url };
  const cadence = choice('cadence', facts.cadence);
  let retired: { date: string; reason: string } | undefined;
  if (status === 'retired') retired = { date: facts.retired?.date ?? today, reason: text('retired.reason', facts.retired?.reason) };
  if (facts.owner === UNASSIGNED_OWNER_ID) placeholders.push('owner');
  const tags = [...new Set([...(facts.tags ?? []), ...assumed.map((field) => `${ASSUMED_TAG_PREFIX}${field}`)])];

  const data = ordered({
    name: facts.name,
    description,
    why,
    supports: facts.supports.length ? facts.supports : undefined,
    indicator,
    owner: facts.owner,
    unit,
    direction,
    formula,
    source: source && ordered(source),
    cadence,
    baseline: facts.baseline,
    target: facts.target,
    primary: facts.primary ? true : undefined,
    status: status === 'active' ? undefined : status,
    retired,
    tags: tags.length ? tags : undefined,
  });
  return { kind: 'metric', id, data, origin, placeholders, assumed, notes };
}

/** The object without its undefined fields, keys in insertion order. */
export function ordered(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/** Words that name a function or a group, not a person. */
const TEAM_WORDS = /\b(?:team|teams|department|dept|group|office|committee|squad|unit|division|function|operations|ops|board|council|services?|cent(?:er|re)|desk|engineering|management|success|acquisition|sales|marketing|finance|financial|accounting|support|product|people|hr|it|legal|analytics|data|design|security|infrastructure|quality|research|platform|revenue|customer|customers|growth|leadership|executive|exec|partners|partnerships|procurement|compliance|communications|comms|relations|talent|recruiting|strategy|planning|program|programme|project|projects|clinical|nursing|pharmacy|facilities|admin|administration|&|and|of)\b/i;

/** "Quality Department" → team; "Jane Doe" → person: owners' kinds guessed from how they are written. */
export function guessOwnerKind(name: string): 'team' | 'person' {
  if (/@/.test(name)) return /[-_+]|^(?:team|info|admin|support|ops|data|analytics|hello|contact)@/i.test(name.split('@')[0]!) ? 'team' : 'person';
  const words = name.trim().split(/\s+/);
  if (words.length === 1 || TEAM_WORDS.test(name)) return 'team';
  return words.length <= 4 && words.every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w)) ? 'person' : 'team';
}

/** The word for a cadence written in a name ("per month", "Quarterly", "Daily Active Users"), if any. */
export function cadenceInName(name: string): Cadence | undefined {
  const n = name.toLowerCase();
  if (/\b(?:per|a|each|every) day\b|\bdaily\b/.test(n)) return 'daily';
  if (/\b(?:per|a|each|every) week\b|\bweekly\b/.test(n)) return 'weekly';
  if (/\b(?:per|a|each|every) month\b|\bmonthly\b/.test(n)) return 'monthly';
  if (/\b(?:per|a|each|every) quarter\b|\bquarterly\b/.test(n)) return 'quarterly';
  if (/\b(?:per|a|each|every) year\b|\b(?:yearly|annual|annually)\b/.test(n)) return 'yearly';
  return undefined;
}
