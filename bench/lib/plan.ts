/**
 * The shape of a synthetic catalog, decided before anything is written: owners in a team
 * hierarchy, a goal cascade over the five default levels, metrics hanging from goals with
 * lead-to-lag chains, initiatives, and monthly observations. Pure data from (size, seed).
 */
import { createRandom, type Random } from './random.ts';
import { AREAS, DEPARTMENT_GOALS, FIRST_NAMES, GAMING, INDIVIDUAL_GOALS, INITIATIVE_VERBS, LAGGING, LAST_NAMES, LEADING, REGIONS, TEAM_GOALS, type Area, type MetricTemplate } from './words.ts';
import type { Fields } from './yaml.ts';

/** The "as of" date the catalog is fresh for; data ends the month before it. */
export const AS_OF = '2026-11-23';
const DATA_MONTHS = 24;
const FIRST_DATA_MONTH = { year: 2024, month: 11 }; // 24 months: 2024-11 … 2026-10
const BASELINE_DATE = '2025-12-31';

export interface PlannedEntry {
  id: string;
  /** Folder relative to the catalog root, e.g. `metrics/finance`. */
  dir: string;
  fields: Fields;
  /** Markdown narrative; the entry is written as `.mdx` when present. */
  body?: string;
}

export interface PlannedData {
  id: string;
  rows: { date: string; value: string; note?: string }[];
}

export interface CatalogPlan {
  config: Fields;
  owners: PlannedEntry[];
  goals: PlannedEntry[];
  metrics: PlannedEntry[];
  initiatives: PlannedEntry[];
  data: PlannedData[];
}

export interface CatalogSize {
  metrics: number;
  goals: number;
  owners: number;
  initiatives: number;
  /** Goals per level below the mission. */
  levels: { strategy: number; department: number; team: number; individual: number };
}

/** About 3.6 metrics per goal (18,000 ↔ 5,000), one owner per 40 metrics, one initiative per 50. */
export function catalogSize(metrics: number): CatalogSize {
  const goals = Math.max(5, Math.round(metrics / 3.6));
  const rest = goals - 1;
  const strategy = Math.max(Math.min(3, Math.floor(rest / 8)), Math.round(rest * 0.01), 1);
  const department = Math.max(strategy, Math.round(rest * 0.06));
  const team = Math.max(department, Math.round(rest * 0.25));
  const individual = rest - strategy - department - team;
  return { metrics, goals, owners: Math.max(16, Math.round(metrics / 40)), initiatives: Math.max(2, Math.round(metrics / 50)), levels: { strategy, department, team, individual } };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Ids from names; a name seen before gets `-2`, `-3`, … so every id is unique in its folder tree. */
function idMaker() {
  const used = new Set<string>();
  return (name: string) => {
    const base = slug(name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

interface Owner {
  id: string;
  area: Area;
  name: string;
}

interface Goal {
  id: string;
  level: string;
  area: Area;
  subject?: string;
  region?: string;
  owner: string;
  title: string;
}

export function planCatalog(metricCount: number, seed: number): CatalogPlan {
  if (!Number.isInteger(metricCount) || metricCount < 20) throw new Error(`a catalog needs at least 20 metrics; got ${metricCount}`);
  const random = createRandom(seed);
  const size = catalogSize(metricCount);
  const areas = AREAS.slice(0, Math.min(AREAS.length, size.levels.strategy));
  const owners = planOwners(random, size.owners, areas);
  const goals = planGoals(random, size, areas, owners.tiers);
  const metrics = planMetrics(random, metricCount, goals.ordered, owners.nameOf);
  const initiatives = planInitiatives(random, size.initiatives, areas, owners.tiers, metrics.byArea);
  return {
    config: {
      name: 'Northwind Health Network',
      repository: 'https://github.com/northwind/metrics',
      levels: ['mission', 'strategy', 'department', 'team', 'individual'],
      perspectives: ['financial', 'customer', 'internal-process', 'learning-growth'],
      rules: { 'max-primary-per-goal': { severity: 'warn', max: 3 }, 'stale-data': 'warn' },
    },
    owners: owners.entries,
    goals: goals.entries,
    metrics: metrics.entries,
    initiatives,
    data: metrics.data,
  };
}

interface OwnerTiers {
  root: string;
  division: Map<string, string>;
  departments: Map<string, string[]>;
  squads: Map<string, string[]>;
  people: Map<string, string[]>;
}

/** Teams: an executive team, one division per area, departments, squads; people belong to squads. */
function planOwners(random: Random, count: number, areas: readonly Area[]) {
  const newId = idMaker();
  const entries: PlannedEntry[] = [];
  const names = new Map<string, string>();
  const teams = Math.max(4, Math.round(count * 0.6));
  const departmentCount = Math.max(areas.length, Math.round(teams * 0.35));
  const squadCount = Math.max(0, teams - 1 - areas.length - departmentCount);
  const peopleCount = Math.max(1, count - teams);
  const tiers: OwnerTiers = { root: '', division: new Map(), departments: new Map(), squads: new Map(), people: new Map() };
  const push = (map: Map<string, string[]>, area: Area, id: string) => map.set(area.id, [...(map.get(area.id) ?? []), id]);

  const team = (name: string, parent: string | undefined): string => {
    const id = newId(name);
    names.set(id, name);
    entries.push({ id, dir: 'owners/teams', fields: { name, kind: 'team', parent, email: `${id}@northwind.example.org`, github: `@northwind/${id}` } });
    return id;
  };
  tiers.root = team('Executive team', undefined);
  for (const area of areas) tiers.division.set(area.id, team(`${area.label} division`, tiers.root));
  const departments: Owner[] = [];
  for (let i = 0; i < departmentCount; i++) {
    const area = areas[i % areas.length]!;
    const name = `${area.label} ${random.pick(area.subjects)} team`;
    const id = team(name, tiers.division.get(area.id));
    departments.push({ id, area, name });
    push(tiers.departments, area, id);
  }
  const squads: Owner[] = [];
  for (let i = 0; i < squadCount; i++) {
    const parent = departments[i % departments.length]!;
    const name = `${parent.area.label} ${random.pick(parent.area.subjects)} squad (${random.pick(REGIONS)})`;
    const id = team(name, parent.id);
    squads.push({ id, area: parent.area, name });
    push(tiers.squads, parent.area, id);
  }
  const homes = squads.length ? squads : departments;
  for (let i = 0; i < peopleCount; i++) {
    const home = homes[i % homes.length]!;
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const id = newId(name);
    names.set(id, name);
    entries.push({ id, dir: 'owners/people', fields: { name, kind: 'person', parent: home.id, email: `${id}@northwind.example.org`, github: `@${id}` } });
    push(tiers.people, home.area, id);
  }
  return { entries, tiers, nameOf: (id: string) => names.get(id) ?? id };
}

/** The owner for a goal of `area` at a tier, falling back up the hierarchy when a tier is empty. */
function ownerAt(tiers: OwnerTiers, area: Area, tier: 'people' | 'squads' | 'departments', index: number): string {
  const order = ['people', 'squads', 'departments'] as const;
  for (const name of order.slice(order.indexOf(tier))) {
    const list = tiers[name].get(area.id);
    if (list?.length) return list[index % list.length]!;
  }
  return tiers.division.get(area.id) ?? tiers.root;
}

const HORIZONS: Record<string, Fields> = {
  mission: { start: '2026-01-01', end: '2030-12-31' },
  strategy: { start: '2026-01-01', end: '2028-12-31' },
  department: { start: '2026-01-01', end: '2027-12-31' },
  team: { start: '2026-04-01', end: '2027-03-31' },
  individual: { start: '2026-07-01', end: '2027-06-30' },
};

/** The cascade, top down; each goal's parent is one level up, spread evenly so every parent has children. */
function planGoals(random: Random, size: CatalogSize, areas: readonly Area[], tiers: OwnerTiers) {
  const newId = idMaker();
  const entries: PlannedEntry[] = [];
  const add = (goal: Omit<Goal, 'id'>, parent: Goal | undefined, dir: string, description: string, body?: string): Goal => {
    const created = { ...goal, id: newId(goal.title) };
    const perspective = goal.level === 'strategy' || goal.level === 'department' ? goal.area.perspective : undefined;
    entries.push({ id: created.id, dir, body, fields: { title: goal.title, level: goal.level, parent: parent?.id, owner: goal.owner, perspective, description, horizon: HORIZONS[goal.level], tags: goal.level === 'mission' ? undefined : [goal.area.id] } });
    return created;
  };

  const mission = add({ level: 'mission', area: areas[0]!, owner: tiers.root, title: 'Healthier lives across the region' }, undefined, 'goals', 'Everyone in the network\'s region can get the care they need, when they need it, from a network that stays financially sound.', narrative('Why this is our mission', 'The mission is the one goal every other goal in this catalog serves. Each strategy below it names what must be true for the mission to hold, and each metric traces back to it.'));
  const strategies: Goal[] = [];
  for (let i = 0; i < size.levels.strategy; i++) {
    const area = areas[i % areas.length]!;
    const pass = Math.floor(i / areas.length);
    const region = pass > 0 ? REGIONS[(pass - 1) % REGIONS.length] : undefined;
    const title = region ? `${area.strategy} in the ${region} region` : area.strategy;
    strategies.push(add({ level: 'strategy', area, region, owner: tiers.division.get(area.id)!, title }, mission, 'goals/strategy', `What must be true in ${area.label.toLowerCase()} for the mission to hold${region ? ` in the ${region} region` : ''}.`, narrative(`Why ${area.label.toLowerCase()} matters`, `This strategy is owned by the ${area.label.toLowerCase()} division and reviewed every quarter by the executive team.`)));
  }
  const below = (count: number, parents: Goal[], level: string, tier: 'people' | 'squads' | 'departments', title: (subject: string, region: string) => string) => {
    const goals: { goal: Goal; parentIndex: number }[] = [];
    for (let i = 0; i < count; i++) {
      const parentIndex = i % parents.length;
      const parent = parents[parentIndex]!;
      const subject = parent.subject && random.chance(0.6) ? parent.subject : random.pick(parent.area.subjects);
      const region = parent.region ?? random.pick(REGIONS);
      const goalTitle = title(subject, region);
      const goal = add({ level, area: parent.area, subject, region, owner: ownerAt(tiers, parent.area, tier, i), title: goalTitle }, parent, `goals/${level === 'individual' ? 'individuals' : `${level}s`}/${parent.area.id}`, `${goalTitle}, so that "${parent.title}" holds.`);
      goals.push({ goal, parentIndex });
    }
    // Siblings side by side: metrics spread over neighbouring goals then stay within one part of the tree.
    return goals.sort((a, b) => a.parentIndex - b.parentIndex).map(({ goal }) => goal);
  };
  const departments = below(size.levels.department, strategies, 'department', 'departments', (s, r) => `${random.pick(DEPARTMENT_GOALS)} ${s}, ${r} region`);
  const teams = below(size.levels.team, departments, 'team', 'squads', (s, r) => `${random.pick(TEAM_GOALS)} ${s} (${r})`);
  const individuals = below(size.levels.individual, teams, 'individual', 'people', (s, r) => `${random.pick(INDIVIDUAL_GOALS)} ${s} (${r})`);
  return { entries, ordered: [mission, ...strategies, ...departments, ...teams, ...individuals] };
}

function narrative(heading: string, paragraph: string): string {
  return `\n## ${heading}\n\n${paragraph}\n\n## How we review it\n\n- Monthly, in the owner's operating review, with the metrics that support it.\n- Every quarter, against the targets in the strategic plan.\n`;
}

/** Month-end dates of the observation window, oldest first. */
function dataDates(): string[] {
  return Array.from({ length: DATA_MONTHS }, (_, i) => new Date(Date.UTC(FIRST_DATA_MONTH.year, FIRST_DATA_MONTH.month - 1 + i + 1, 0)).toISOString().slice(0, 10));
}

/**
 * Metric i supports goal i mod G (so each goal gets 3–4), and about half also the next goal, a
 * sibling. Even metrics are lagging, odd ones leading; leading metric i drives lagging i−1, or
 * every third one drives leading i−2 first, so chains only point at lower indexes: no cycles,
 * and every chain ends at a lagging metric. The first metric of each goal is its primary.
 */
function planMetrics(random: Random, count: number, goals: Goal[], ownerName: (id: string) => string) {
  const newId = idMaker();
  const made: { id: string; area: Area; subject: string; region: string; template: MetricTemplate; latent?: number[] }[] = [];
  const entries: PlannedEntry[] = [];
  const data: PlannedData[] = [];
  const byArea = new Map<string, string[]>();
  const dates = dataDates();
  for (let i = 0; i < count; i++) {
    const slot = i % goals.length;
    const pass = Math.floor(i / goals.length);
    const goal = goals[slot]!;
    const next = goals[(slot + 1) % goals.length]!;
    const lagging = i % 2 === 0;
    const primary = pass === 0;
    const drives = lagging ? undefined : i % 6 === 5 ? [i - 2] : [i - 1];
    if (drives && i % 10 === 7) drives.push(i - 3);
    const driven = drives ? made[drives[0]!] : undefined;
    const templates = lagging ? LAGGING : LEADING.filter((t) => !primary || t.measures === 'outcome');
    const template = random.pick(templates);
    const area = goal.level === 'mission' ? AREAS[i % AREAS.length]! : goal.area;
    // A driver is about the same work as the outcome it predicts, when both sit in one area.
    const subject = driven?.area === area ? driven.subject : goal.subject && random.chance(0.5) ? goal.subject : random.pick(area.subjects);
    const region = driven?.area === area ? driven.region : (goal.region ?? random.pick(REGIONS));
    const name = `${template.name(subject)} (${region})`;
    const id = newId(name);
    byArea.set(area.id, [...(byArea.get(area.id) ?? []), id]);

    const values = valuesFor(random, template);
    const hasData = Math.floor(i / 2) % 2 === 0;
    const latent = hasData ? latentFor(random, template, driven) : undefined;
    const series = latent ? seriesFor(template, values.start, values.target, latent) : undefined;
    made.push({ id, area, subject, region, template, latent });
    const baseline = round(series ? series[13]! : values.start, template.scale.decimals);
    const tier = primary ? (goal.level === 'mission' || goal.level === 'strategy' ? 'strategic' : 'success') : lagging ? 'success' : goal.level === 'individual' ? 'workstream' : 'signal';
    const fields: Fields = {
      name,
      description: template.description(subject, region),
      why: template.why(subject),
      supports: slot !== (slot + 1) % goals.length && (pass + slot) % 2 === 1 ? [goal.id, next.id] : [goal.id],
      indicator: template.indicator,
      drives: drives?.map((index) => made[index]!.id),
      owner: goal.owner,
      unit: template.unit,
      direction: template.direction,
      formula: template.formula(subject),
      source: { system: area.system, url: `https://reports.northwind.example.org/${area.id}/${id}` },
      cadence: 'monthly',
      baseline: { value: baseline, date: BASELINE_DATE },
      target: targetsFor(template, values, primary),
      thresholds: values.thresholds,
      primary: primary || undefined,
      tier,
      measures: template.measures,
      triggers: primary ? triggersFor(template, values, goal.owner) : undefined,
      guardrails: i % 8 === 4 ? [made[i - 2]!.id] : undefined,
      gaming: i % 5 === 0 ? random.pick(GAMING) : undefined,
      review: { every: 'yearly', last: `2026-${String(random.int(1, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` },
      tags: [area.id],
    };
    const body = i % 50 === 7 ? narrative('Why we chose this measure', `This metric matters because ${template.why(subject)} It is owned by ${ownerName(goal.owner)} and reviewed once a year with the people who collect the data.`) : undefined;
    entries.push({ id, dir: `metrics/${area.id}`, fields, body });
    if (series) data.push({ id, rows: series.map((value, m) => ({ date: dates[m]!, value: value.toFixed(template.scale.decimals), note: m === 13 ? 'baseline month' : undefined })) });
  }
  return { entries, data, byArea };
}

interface MetricValues {
  start: number;
  target: number;
  thresholds?: { green: number; red: number };
}

/** A start value, a better target, and thresholds on the right side of each other for the direction. */
function valuesFor(random: Random, template: MetricTemplate): MetricValues {
  const { scale, direction } = template;
  const d = scale.decimals;
  const start = round(random.between(scale.start[0], scale.start[1]), d);
  if (direction === 'range') return { start, target: start };
  const better = direction === 'up' ? Math.min(scale.cap ?? Infinity, start * (1 + scale.improve)) : start * (1 - scale.improve);
  const worse = direction === 'up' ? start * (1 - scale.improve / 2) : start * (1 + scale.improve / 2);
  const target = round(better, d);
  return { start, target, thresholds: { green: target, red: round(worse, d) } };
}

function targetsFor(template: MetricTemplate, values: MetricValues, primary: boolean): Fields | Fields[] {
  if (template.direction === 'range') return { min: template.scale.band![0], max: template.scale.band![1], by: '2027-12-31' };
  if (!primary) return { value: values.target, by: '2027-12-31' };
  const halfway = round((values.start + values.target) / 2, template.scale.decimals);
  return [{ value: halfway, by: '2026-12-31' }, { value: values.target, by: '2027-12-31' }];
}

function triggersFor(template: MetricTemplate, values: MetricValues, owner: string): Fields[] {
  if (template.direction === 'range') {
    const [min, max] = template.scale.band!;
    return [
      { when: { above: max + 5 }, action: 'The owner reviews demand and adds capacity before the team is overloaded.' },
      { when: { below: min - 5 }, action: 'The owner reviews the schedule and releases unused capacity to other sites.' },
    ];
  }
  const red = values.thresholds!.red;
  return [
    { when: template.direction === 'up' ? { below: red } : { above: red }, action: 'The owner reviews the last month with the team within a week and agrees one corrective action.', owner },
    { when: { change: template.direction === 'up' ? '-15%' : '+20%', over: 'month' }, action: 'Check for a data or process change first, then raise it at the next operating review.' },
  ];
}

/** +1 when "better" points the same way for both metrics, −1 when one is better up and the other down. */
const sameWay = (a: MetricTemplate, b: MetricTemplate) => ((a.direction === 'down') === (b.direction === 'down') ? 1 : -1);

/**
 * The month-to-month swings of a series, one more month than the data. A leading metric with data
 * follows the swings of the metric it drives one month ahead (with its own noise on top), so the
 * pair correlates the way a real driver does; anything else swings on its own.
 */
function latentFor(random: Random, template: MetricTemplate, driven: { template: MetricTemplate; latent?: number[] } | undefined): number[] {
  const own = Array.from({ length: DATA_MONTHS + 1 }, () => random.between(-1, 1));
  if (!driven?.latent) return own;
  const sign = sameWay(template, driven.template);
  // Month m of the driver moves with month m + 1 of the outcome: it leads by a month.
  return own.map((noise, m) => 0.8 * sign * (driven.latent![m + 1] ?? driven.latent![m]!) + 0.2 * noise);
}

/** Values drift from the start toward the target, with the swings of `latent` on top. */
function seriesFor(template: MetricTemplate, start: number, target: number, latent: number[]): number[] {
  const swing = Math.abs(start) * 0.04;
  const ceiling = template.unit === 'percent' ? 100 : Infinity;
  return Array.from({ length: DATA_MONTHS }, (_, m) => {
    const trend = start + (target - start) * 0.6 * (m / (DATA_MONTHS - 1));
    const value = trend + swing * latent[m]!;
    return Math.min(ceiling, Math.max(0, value));
  });
}

const STATUSES = [
  { status: 'active', start: '2026-03-02', end: '2027-02-26' },
  { status: 'planned', start: '2027-01-04', end: '2027-12-17' },
  { status: 'done', start: '2025-06-02', end: '2026-05-29' },
  { status: 'active', start: '2026-09-01', end: '2027-06-30' },
] as const;

function planInitiatives(random: Random, count: number, areas: readonly Area[], tiers: OwnerTiers, metricsByArea: Map<string, string[]>): PlannedEntry[] {
  const newId = idMaker();
  const entries: PlannedEntry[] = [];
  for (let j = 0; j < count; j++) {
    const area = areas[j % areas.length]!;
    const pool = metricsByArea.get(area.id) ?? [...metricsByArea.values()].flat();
    const moves = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(pool)))];
    const name = `${random.pick(INITIATIVE_VERBS)} ${random.pick(area.subjects)} (${random.pick(REGIONS)})`;
    const id = newId(name);
    const { status, start, end } = STATUSES[j % STATUSES.length]!;
    const body = j % 10 === 3 ? narrative('What the project changes', 'The project replaces a manual hand-off with a shared work queue and a daily huddle, so that no request waits for an email to be read.') : undefined;
    entries.push({ id, dir: `initiatives/${area.id}`, body, fields: { name, owner: ownerAt(tiers, area, 'departments', j), moves, expected: `A measurable improvement in ${moves.length === 1 ? 'the metric it moves' : `the ${moves.length} metrics it moves`} within six months of launch.`, start, end, status, tags: [area.id] } });
  }
  return entries;
}
