/**
 * A KPI register exported from a spreadsheet: one row per KPI, columns named the way people name
 * them ("KPI Name", "Polarity", "Frequency", "Data Source"). Column names are matched without
 * regard to case, spacing or punctuation against the synonyms below; `--map "Column=field"` maps
 * the rest. Goals and owners named in rows become goal and owner files; cells the format has no
 * field for are kept in the metric's narrative, and their columns are named in the report.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { csvParseRows, dsvFormat, tsvParseRows } from 'd3-dsv';
import type { Cadence } from '../core/schemas/common.ts';
import type { MetricData } from '../core/schemas/metric.ts';
import { createPlanner, guessOwnerKind, type ImportPlan, type PlanOptions } from './plan.ts';
import { parseTargetText, readNumber } from './targets.ts';
import { collapse, escapeMdx, hasHtml, convertHtml } from './text.ts';

/** The fields a register column can map to. */
export const CSV_FIELDS = [
  'id',
  'name',
  'description',
  'why',
  'goal',
  'owner',
  'owner_email',
  'owner_kind',
  'indicator',
  'unit',
  'direction',
  'formula',
  'source',
  'source_url',
  'cadence',
  'baseline',
  'baseline_date',
  'target',
  'target_date',
  'primary',
  'status',
  'tags',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Column names people use for each field, compared after `normalizeHeader`. */
export const SYNONYMS: Record<CsvField, string[]> = {
  id: ['id', 'kpi id', 'metric id', 'kpi code', 'code', 'ref', 'reference'],
  name: ['name', 'kpi', 'kpi name', 'metric', 'metric name', 'measure', 'measure name', 'indicator name', 'kpi title', 'title', 'performance indicator'],
  description: ['description', 'definition', 'kpi description', 'metric description', 'details', 'what it measures', 'what'],
  why: ['why', 'why it matters', 'rationale', 'purpose', 'business value', 'importance', 'objective of the kpi', 'why this matters'],
  goal: ['goal', 'strategic goal', 'objective', 'strategic objective', 'okr', 'objective key result', 'supports', 'pillar', 'strategic pillar', 'strategic theme', 'theme', 'priority', 'strategic priority'],
  owner: ['owner', 'kpi owner', 'metric owner', 'accountable', 'responsible', 'dri', 'owner name', 'responsible person', 'accountable owner', 'lead'],
  owner_email: ['owner email', 'email', 'owner e mail', 'contact', 'contact email'],
  owner_kind: ['owner type', 'owner kind', 'team or person', 'person or team'],
  indicator: ['indicator', 'indicator type', 'leading lagging', 'lead lag', 'leading or lagging', 'kpi type', 'type'],
  unit: ['unit', 'units', 'unit of measure', 'unit of measurement', 'uom', 'measure unit'],
  direction: ['direction', 'polarity', 'better', 'good direction', 'desired direction', 'desired trend', 'trend', 'higher is better', 'optimisation', 'optimization'],
  formula: ['formula', 'calculation', 'calculation method', 'how calculated', 'how it is calculated', 'computation', 'method', 'methodology', 'measurement method'],
  source: ['source', 'data source', 'system', 'source system', 'data system', 'system of record', 'data owner system'],
  source_url: ['source url', 'report url', 'dashboard', 'dashboard url', 'report link', 'link', 'url'],
  cadence: ['cadence', 'frequency', 'reporting frequency', 'update frequency', 'measurement frequency', 'periodicity', 'review frequency', 'reporting period', 'period'],
  baseline: ['baseline', 'baseline value', 'starting value', 'current', 'current value'],
  baseline_date: ['baseline date', 'as of', 'as of date'],
  target: ['target', 'target value', 'goal value', 'kpi target', 'threshold'],
  target_date: ['target date', 'due', 'due date', 'deadline', 'by', 'target by'],
  primary: ['primary', 'key', 'is key', 'headline', 'key kpi', 'north star'],
  status: ['status', 'state', 'lifecycle'],
  tags: ['tags', 'labels', 'category', 'categories', 'area', 'domain'],
};

/** "KPI  Name", "kpi_name", "KPI-Name:" all read as "kpi name". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface CsvOptions extends PlanOptions {
  /** Extra column mappings, "Column name=field", from --map. */
  map?: string[];
}

/** Which field each column maps to (undefined: not mapped), after --map and synonyms. */
export function mapColumns(headers: string[], map: string[] = []): { fields: (CsvField | undefined)[]; problems: string[] } {
  const problems: string[] = [];
  const explicit = new Map<string, CsvField | 'ignore'>();
  for (const rule of map) {
    const at = rule.lastIndexOf('=');
    const column = at > 0 ? normalizeHeader(rule.slice(0, at)) : '';
    const field = at > 0 ? rule.slice(at + 1).trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
    if (!column || !(CSV_FIELDS.includes(field as CsvField) || field === 'ignore')) {
      problems.push(`--map "${rule}" is not "Column name=field" with a field among: ${CSV_FIELDS.join(', ')}, ignore`);
      continue;
    }
    explicit.set(column, field as CsvField | 'ignore');
  }
  const normalized = headers.map(normalizeHeader);
  for (const column of explicit.keys()) if (!normalized.includes(column)) problems.push(`--map names a column "${column}" that the file does not have`);
  const taken = new Set<CsvField>();
  const fields = normalized.map((column) => {
    const chosen = explicit.get(column);
    if (chosen === 'ignore') return undefined;
    if (chosen) {
      taken.add(chosen);
      return chosen;
    }
    return undefined;
  });
  normalized.forEach((column, i) => {
    if (fields[i] || explicit.get(column) === 'ignore') return;
    const field = CSV_FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].includes(column));
    if (field) {
      taken.add(field);
      fields[i] = field;
    }
  });
  return { fields, problems };
}

/** Rows of a CSV, semicolon-separated or tab-separated export, whichever the header line uses. */
export function parseDelimited(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const header = clean.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  if (count('\t') > count(',') && count('\t') >= count(';')) return tsvParseRows(clean);
  if (count(';') > count(',')) return dsvFormat(';').parseRows(clean);
  return csvParseRows(clean);
}

const DIRECTION_WORDS: [RegExp, MetricData['direction']][] = [
  [/^(?:up|higher|higher is better|increase|increasing|maximi[sz]e|max|positive|\+|↑|bigger is better|more is better|high|ascending|yes|true)$/i, 'up'],
  [/^(?:down|lower|lower is better|decrease|decreasing|minimi[sz]e|min|negative|-|↓|smaller is better|less is better|low|descending|no|false)$/i, 'down'],
  [/^(?:range|band|within range|within a range|in range|target band|on target|stable|neutral|=)$/i, 'range'],
];
const CADENCE_WORDS: [RegExp, Cadence][] = [
  [/^(?:daily|day|every day|per day|d)$/i, 'daily'],
  [/^(?:weekly|week|every week|per week|w|wk)$/i, 'weekly'],
  [/^(?:monthly|month|every month|per month|m|mo)$/i, 'monthly'],
  [/^(?:quarterly|quarter|every quarter|per quarter|q)$/i, 'quarterly'],
  [/^(?:yearly|annual|annually|year|every year|per year|y|yr)$/i, 'yearly'],
];
const UNIT_WORDS: [RegExp, string][] = [
  [/^(?:%|percent|percentage|pct|per cent)$/i, 'percent'],
  [/^(?:#|count|number|no\.?|qty|quantity|n)$/i, 'count'],
  [/^(?:days?)$/i, 'days'],
  [/^(?:hours?|hrs?|h)$/i, 'hours'],
  [/^(?:score|points?|pts|index)$/i, 'score'],
  [/^(?:ratio|rate|x)$/i, 'ratio'],
  [/^(?:\$|usd|us\$|dollars?)$/i, 'USD'],
  [/^(?:€|eur|euros?)$/i, 'EUR'],
  [/^(?:£|gbp|pounds?)$/i, 'GBP'],
];

const wordOf = <T>(table: [RegExp, T][], value: string) => table.find(([re]) => re.test(value.trim()))?.[1];

/** The unit as the catalog writes it: a known word, an ISO currency code, or the cell as written. */
export function unitOf(cell: string): string {
  const known = wordOf(UNIT_WORDS, cell);
  if (known) return known;
  return /^[a-z]{3}$/i.test(cell.trim()) && cell.trim() === cell.trim().toUpperCase() ? cell.trim() : collapse(cell);
}

/** A date the register clearly writes: 2026-12-31, 2026/12/31. Day-first or month-first dates are ambiguous and not read. */
export function isoDateOf(cell: string): string | undefined {
  const match = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(cell);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** A cell that is one number and nothing else ("95%", "1,200", "$1.2M", "4.5"). */
export function numberOf(cell: string): { value: number; unit?: string } | undefined {
  const trimmed = cell.trim();
  const read = readNumber(trimmed);
  return read && read.length === trimmed.length ? { value: read.value, unit: read.unit } : undefined;
}

export const CSV_DEFAULT_MISSION = 'Imported KPIs';

export function importCsv(source: string, options: CsvOptions): ImportPlan {
  const planner = createPlanner('csv', source, options, CSV_DEFAULT_MISSION);
  const { plan } = planner;
  const file = basename(source);
  const rows = parseDelimited(readFileSync(source, 'utf8'));
  const headers = (rows.shift() ?? []).map((h) => collapse(h));
  const { fields, problems } = mapColumns(headers, options.map);
  for (const problem of problems) plan.notes.push(problem);
  const column = (field: CsvField) => fields.indexOf(field);
  if (column('name') < 0) {
    plan.notes.push(`no column is the KPI's name (one of: ${SYNONYMS.name.join(', ')}); map one with --map "Your column=name"`);
  }
  const unmapped = headers.map((h, i) => (fields[i] ? undefined : h)).filter((h): h is string => !!h);
  if (unmapped.length) plan.notes.push(`columns not mapped to a field, kept in each metric's narrative: ${unmapped.map((h) => `"${h}"`).join(', ')} (map one with --map "Column=field")`);
  const mapped = headers.map((h, i) => (fields[i] ? `"${h}" → ${fields[i]}` : undefined)).filter(Boolean);
  plan.notes.push(`columns read: ${mapped.join(', ') || 'none'}`);

  let blank = 0;
  rows.forEach((cells, index) => {
    const line = index + 2;
    const origin = `${file}, row ${line}`;
    if (cells.every((c) => !c.trim())) {
      blank++;
      return;
    }
    plan.sourceEntries++;
    const cell = (field: CsvField) => {
      const i = column(field);
      const value = i >= 0 ? (cells[i] ?? '').trim() : '';
      return value ? (hasHtml(value) ? convertHtml(value).plain : value) : undefined;
    };
    const name = cell('name');
    if (!name) {
      planner.skip(origin, undefined, column('name') < 0 ? 'no column holds the KPI name' : `the "${headers[column('name')]}" cell is empty`);
      return;
    }
    const notes: string[] = [];
    const sections: string[] = [];

    const explicitId = cell('id');
    const id = planner.metricIds.allocate(explicitId ?? name);

    const goalName = cell('goal');
    const supports = [goalName ? planner.goal(collapse(goalName), options.shape.strategy, { origin }) : planner.mission()];
    if (!goalName) notes.push('no goal named: supports the mission');

    const ownerName = cell('owner');
    const email = cell('owner_email');
    let owner: string;
    if (ownerName) {
      const kindCell = cell('owner_kind');
      const stated = kindCell && /^(?:team|group|department)$/i.test(kindCell) ? 'team' : kindCell && /^(?:person|individual|people|human)$/i.test(kindCell) ? 'person' : undefined;
      const kind = stated ?? guessOwnerKind(ownerName);
      owner = planner.owner({ name: collapse(ownerName), kind, email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined, notes: stated ? [] : [`kind ${kind} guessed from how the name is written`] });
    } else {
      owner = planner.unassigned();
    }

    const directionCell = cell('direction');
    const targetCell = cell('target');
    const targetParsed = targetCell ? parseTargetText(targetCell) : undefined;
    let direction = directionCell ? wordOf(DIRECTION_WORDS, directionCell) : undefined;
    if (directionCell && !direction) notes.push(`direction "${directionCell}" is not a known word (up, down, range, higher is better, …)`);
    if (!direction && targetParsed) {
      direction = targetParsed.direction;
      notes.push(`direction ${direction} read from the target "${targetCell}"`);
    } else if (direction && targetParsed && direction !== targetParsed.direction) {
      notes.push(`the direction says ${direction} but the target "${targetCell}" reads as ${targetParsed.direction}: check which is meant`);
    }

    const cadenceCell = cell('cadence');
    const cadence = cadenceCell ? wordOf(CADENCE_WORDS, cadenceCell) : undefined;
    if (cadenceCell && !cadence) notes.push(`frequency "${cadenceCell}" is not one of daily, weekly, monthly, quarterly, yearly`);

    const unitCell = cell('unit');
    const targetNumber = targetCell ? numberOf(targetCell.replace(/^\s*(?:>=?|<=?|≥|≤)\s*/, '')) : undefined;
    const unit = unitCell ? unitOf(unitCell) : (targetNumber?.unit ?? targetParsed?.unit);

    const indicatorCell = cell('indicator');
    const indicator = indicatorCell ? (/^lead/i.test(indicatorCell) ? 'leading' : /^lag/i.test(indicatorCell) ? 'lagging' : undefined) : undefined;
    if (indicatorCell && !indicator) notes.push(`indicator "${indicatorCell}" is neither leading nor lagging`);

    // target and baseline: numbers with a date become fields; anything else stays text.
    let target: { value: number; by: string } | undefined;
    const targetDate = cell('target_date') ? isoDateOf(cell('target_date')!) : undefined;
    if (targetCell) {
      const value = targetNumber?.value ?? targetParsed?.value;
      if (value !== undefined && targetDate && direction !== 'range') target = { value, by: targetDate };
      else {
        sections.push(`## Target, as the register states it\n\n${escapeMdx(targetCell)}${cell('target_date') ? ` (by ${escapeMdx(cell('target_date')!)})` : ''}`);
        notes.push(`target "${targetCell}" kept as text: ${value === undefined ? 'not a single number' : direction === 'range' ? 'a range needs min and max' : 'no target date (YYYY-MM-DD) to write `target: { value, by }`'}`);
      }
    }
    let baseline: { value: number; date: string } | undefined;
    const baselineCell = cell('baseline');
    if (baselineCell) {
      const value = numberOf(baselineCell)?.value;
      const date = cell('baseline_date') ? isoDateOf(cell('baseline_date')!) : undefined;
      if (value !== undefined && date) baseline = { value, date };
      else {
        sections.push(`## Baseline, as the register states it\n\n${escapeMdx(baselineCell)}${cell('baseline_date') ? ` (${escapeMdx(cell('baseline_date')!)})` : ''}`);
        notes.push(`baseline "${baselineCell}" kept as text: ${value === undefined ? 'not a single number' : 'no baseline date (YYYY-MM-DD)'}`);
      }
    }

    const statusCell = cell('status');
    let status: MetricData['status'] | undefined;
    if (statusCell) {
      if (/^(?:active|live|in use|current|approved|reported|yes)$/i.test(statusCell)) status = 'active';
      else if (/^(?:proposed|draft|planned|new|candidate|under review|in development|tbd)$/i.test(statusCell)) status = 'proposed';
      else if (/^(?:retired|deprecated|inactive|obsolete|archived|discontinued|no)$/i.test(statusCell)) status = 'retired';
      else notes.push(`status "${statusCell}" is not one of active, proposed, retired: imported as active`);
    }

    const primaryCell = cell('primary');
    const primary = primaryCell ? /^(?:yes|y|true|x|1|primary|key|✓|✔)$/i.test(primaryCell) : undefined;

    const sourceUrl = cell('source_url');
    const validUrl = sourceUrl && /^https?:\/\/[^\s/]+\S*$/i.test(sourceUrl) ? sourceUrl : undefined;
    if (sourceUrl && !validUrl) notes.push(`source link "${sourceUrl}" is not an http(s) address; kept in the narrative`);

    const other = headers.map((h, i) => (fields[i] ? undefined : [h, collapse(cells[i] ?? '')] as const)).filter((x): x is readonly [string, string] => !!x && !!x[1]);
    if (sourceUrl && !validUrl) other.push(['Source link', sourceUrl]);
    if (other.length) sections.push(`## Other columns of the register\n\n${other.map(([h, v]) => `- **${escapeMdx(h)}:** ${escapeMdx(v)}`).join('\n')}`);

    const tagCell = cell('tags');
    const tags = tagCell ? tagCell.split(/[,;|]/).map((t) => collapse(t)).filter(Boolean).map((t) => t.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean) : undefined;

    planner.addMetric(
      id,
      {
        name: collapse(name),
        description: cell('description'),
        why: cell('why')?.replace(/^(?:this metric matters because|because)\s+/i, ''),
        supports,
        indicator,
        owner,
        unit,
        direction,
        formula: cell('formula'),
        source: cell('source') || validUrl ? { system: cell('source'), url: validUrl } : undefined,
        cadence,
        baseline,
        target,
        primary,
        status,
        tags: tags?.length ? [...new Set(tags)] : undefined,
      },
      sections.join('\n\n') || undefined,
      origin,
      notes,
    );
  });
  if (blank) plan.notes.push(`${blank} blank row(s) ignored`);
  plan.config = { name: options.org ?? options.mission ?? CSV_DEFAULT_MISSION };
  return plan;
}
