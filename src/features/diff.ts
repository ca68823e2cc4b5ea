/**
 * What a change does to the catalog, from the analyses of two versions: entries added, removed,
 * renamed, retired and changed (each changed field as before → after, by deep equality on the
 * parsed data, so reformatting changes nothing); observed values added or corrected; diagnostics
 * the change introduces or resolves; and its effect on the cascade, read off both graphs.
 * Pure: the CLI decides where the two versions come from.
 */
import type { Analysis } from '../core/analyze.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Status } from '../core/derive/index.ts';
import { entriesOf, type Catalog } from '../core/graph.ts';
import type { Entry } from '../core/load.ts';
import { deepEqual, fieldChanges, type FieldChange } from './fields.ts';
import { ENTRY_KINDS, KINDS, perCollection, type Collection, type EntryKind } from '../core/kinds.ts';
import { plural } from '../core/plural.ts';

export type { FieldChange };

export interface EntryRef {
  id: string;
  /** Path relative to the catalog root. */
  file: string;
  /** Title of a goal, name of anything else. */
  name: string;
}

export interface EntryChange extends EntryRef {
  changes: FieldChange[];
}

export interface RetiredEntry extends EntryChange {
  date?: string;
  reason?: string;
  replacedBy?: string;
}

/** A file moved (same id in another folder), or an id renamed with the same content. */
export interface RenamedEntry {
  from: EntryRef;
  to: EntryRef;
  /** Fields that also changed; empty when only the file moved. */
  changes: FieldChange[];
}

export interface KindDiff {
  added: EntryRef[];
  removed: EntryRef[];
  renamed: RenamedEntry[];
  retired: RetiredEntry[];
  changed: EntryChange[];
}

export interface DataChange {
  metric: string;
  name: string;
  file: string;
  /** Dates with a value now and none before, and the reverse. */
  added: string[];
  removed: string[];
  /** Dates whose value or note changed. */
  changed: string[];
  latestBefore: { date: string; value: number } | null;
  latestAfter: { date: string; value: number } | null;
}

export type CascadeEffectType = 'primary-count' | 'goal-metrics' | 'unmeasured' | 'goal-moved' | 'goal-status' | 'no-goal' | 'metric-status';

export interface CascadeEffect {
  type: CascadeEffectType;
  kind: 'goal' | 'metric';
  id: string;
  name: string;
  /** One sentence about the entry, such as "now has 4 primary metrics (was 3), more than the max of 3". */
  message: string;
  /** Ids the effect names: metrics gained or lost by a goal, or a goal's old and new parent. */
  gained?: string[];
  lost?: string[];
  before?: number | string | null;
  after?: number | string | null;
}

/** What changed in each kind, under its collection name: `goals`, `metrics`, … */
export type KindDiffs = { [C in Collection]: KindDiff };

export interface CatalogDiff extends KindDiffs {
  /** Changed fields of catalog.config.yaml. */
  config: FieldChange[];
  data: DataChange[];
  diagnostics: { introduced: Diagnostic[]; resolved: Diagnostic[] };
  cascade: CascadeEffect[];
}

type AnyEntry = Entry<Record<string, unknown>>;

const nameOf = (kind: EntryKind, entry: AnyEntry): string => String(entry.data[KINDS[kind].titleField] ?? entry.id);

/** The data and narrative of an entry, as one comparable value. */
const contentOf = (entry: AnyEntry) => (entry.body === undefined ? entry.data : { ...entry.data, body: entry.body });

function diffKind(before: Catalog, after: Catalog, kind: EntryKind, renamedIds: Map<string, string>): KindDiff {
  const result: KindDiff = { added: [], removed: [], renamed: [], retired: [], changed: [] };
  const old = entriesOf(before, kind);
  const now = entriesOf(after, kind);
  const refOf = (entry: AnyEntry): EntryRef => ({ id: entry.id, file: entry.file, name: nameOf(kind, entry) });
  const retiredEntry = (entry: AnyEntry, changes: FieldChange[]): RetiredEntry => {
    const retired = entry.data.retired as { date?: string; reason?: string; replaced_by?: string } | undefined;
    return { ...refOf(entry), changes, date: retired?.date, reason: retired?.reason, replacedBy: retired?.replaced_by };
  };
  const removed: AnyEntry[] = [];
  for (const [id, entry] of old) {
    const next = now.get(id);
    if (!next) {
      removed.push(entry);
      continue;
    }
    const changes = fieldChanges(contentOf(entry), contentOf(next));
    if (entry.file !== next.file) {
      result.renamed.push({ from: refOf(entry), to: refOf(next), changes });
    } else if (changes.length) {
      const retired = next.data.status === 'retired' && entry.data.status !== 'retired';
      if (retired) result.retired.push(retiredEntry(next, changes));
      else result.changed.push({ ...refOf(next), changes });
    }
  }
  // An id that disappeared while one with exactly the same content appeared was renamed.
  const added = [...now.values()].filter((entry) => !old.has(entry.id));
  for (const entry of removed) {
    const match = added.findIndex((candidate) => deepEqual(contentOf(entry), contentOf(candidate)));
    if (match < 0) {
      result.removed.push(refOf(entry));
      continue;
    }
    const [twin] = added.splice(match, 1);
    result.renamed.push({ from: refOf(entry), to: refOf(twin!), changes: [] });
    renamedIds.set(entry.id, twin!.id);
  }
  result.added = added.map(refOf);
  for (const list of Object.values(result) as { id?: string; to?: EntryRef }[][]) list.sort((a, b) => compare(a.id ?? a.to!.id, b.id ?? b.to!.id));
  return result;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function diffData(before: Catalog, after: Catalog, metricIds: Map<string, string>): DataChange[] {
  const changes: DataChange[] = [];
  const ids = new Set([...before.metrics.keys()].map((id) => metricIds.get(id) ?? id));
  for (const id of after.metrics.keys()) ids.add(id);
  const oldIdOf = new Map([...metricIds].map(([from, to]) => [to, from]));
  for (const id of [...ids].sort(compare)) {
    const old = before.metrics.get(oldIdOf.get(id) ?? id);
    const now = after.metrics.get(id);
    // Values of a metric that was added or removed are part of that entry's change.
    if (!old || !now) continue;
    // Every row the file holds, future ones too: the diff shows what the change writes. Rows are
    // compared by what they say, not by the line they stand on.
    const rowsBefore = new Map([...old.observations, ...old.futureObservations].map(({ date, value, note }) => [date, { value, note }]));
    const rowsAfter = new Map([...now.observations, ...now.futureObservations].map(({ date, value, note }) => [date, { value, note }]));
    const added = [...rowsAfter.keys()].filter((date) => !rowsBefore.has(date));
    const removed = [...rowsBefore.keys()].filter((date) => !rowsAfter.has(date));
    const changed = [...rowsAfter.keys()].filter((date) => rowsBefore.has(date) && !deepEqual(rowsBefore.get(date), rowsAfter.get(date)));
    if (!added.length && !removed.length && !changed.length) continue;
    const latest = (rows: typeof old.observations) => {
      const last = rows.at(-1);
      return last ? { date: last.date, value: last.value } : null;
    };
    changes.push({ metric: id, name: now.data.name, file: now.dataFile ?? old.dataFile ?? `data/${id}.csv`, added, removed, changed, latestBefore: latest(old.observations), latestAfter: latest(now.observations) });
  }
  return changes;
}

/** Diagnostics keyed by severity, rule, file and message, so a line that merely moved is the same problem. */
function diffDiagnostics(before: Diagnostic[], after: Diagnostic[], renamedFiles: Map<string, string>): CatalogDiff['diagnostics'] {
  const key = (d: Diagnostic, file = d.file) => `${d.severity}\0${d.rule}\0${file}\0${d.message}`;
  const remaining = new Map<string, number>();
  for (const d of before) {
    const k = key(d, renamedFiles.get(d.file) ?? d.file);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const introduced: Diagnostic[] = [];
  for (const d of after) {
    const k = key(d);
    const count = remaining.get(k) ?? 0;
    if (count > 0) remaining.set(k, count - 1);
    else introduced.push(d);
  }
  const resolved: Diagnostic[] = [];
  for (const d of before) {
    const k = key(d, renamedFiles.get(d.file) ?? d.file);
    const count = remaining.get(k) ?? 0;
    if (count > 0) {
      remaining.set(k, count - 1);
      resolved.push(d);
    }
  }
  return { introduced, resolved };
}

/** The max-primary-per-goal limit the catalog configures (default 3). */
function primaryMax(catalog: Catalog): number {
  const setting = catalog.config.rules['max-primary-per-goal'];
  const max = typeof setting === 'object' && setting !== null ? (setting as { max?: unknown }).max : undefined;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : 3;
}

function activeMetricsOf(catalog: Catalog, goalId: string): string[] {
  return (catalog.goals.get(goalId)?.metrics ?? []).filter((id) => catalog.metrics.get(id)?.data.status === 'active');
}

function activeGoalsOf(catalog: Catalog, metricId: string): string[] {
  return (catalog.metrics.get(metricId)?.data.supports ?? []).filter((id) => catalog.goals.get(id)?.data.status === 'active');
}


function cascadeEffects(before: Analysis, after: Analysis, goalIds: Map<string, string>, metricIds: Map<string, string>): CascadeEffect[] {
  const effects: CascadeEffect[] = [];
  const b = before.catalog;
  const a = after.catalog;
  const oldGoalId = new Map([...goalIds].map(([from, to]) => [to, from]));
  const oldMetricId = new Map([...metricIds].map(([from, to]) => [to, from]));
  // Metric ids of the old version, spelled as they are now, so a renamed metric is not "lost and gained".
  const asNow = (id: string) => metricIds.get(id) ?? id;
  const max = primaryMax(a);

  for (const goal of [...a.goals.values()].sort((x, y) => compare(x.id, y.id))) {
    const old = b.goals.get(oldGoalId.get(goal.id) ?? goal.id);
    if (!old) continue;
    const name = goal.data.title;
    const effect = (type: CascadeEffectType, message: string, extra: Partial<CascadeEffect> = {}) => effects.push({ type, kind: 'goal', id: goal.id, name, message, ...extra });
    const active = goal.data.status === 'active';

    if (old.data.parent !== goal.data.parent && goal.data.parent) {
      const below = `${plural(goal.children.length, 'sub-goal')} and ${plural(goal.metrics.length, 'metric')}`;
      effect('goal-moved', `moves from under ${old.data.parent ?? 'nothing'} to under ${goal.data.parent}, with its ${below}`, { before: old.data.parent ?? null, after: goal.data.parent });
    }
    if (!active) continue;
    const metricsBefore = activeMetricsOf(b, old.id).map(asNow);
    const metricsAfter = activeMetricsOf(a, goal.id);
    const gained = metricsAfter.filter((id) => !metricsBefore.includes(id)).sort(compare);
    const lost = metricsBefore.filter((id) => !metricsAfter.includes(id)).sort(compare);
    if (metricsBefore.length && !metricsAfter.length) {
      const subGoals = goal.children.filter((id) => a.goals.get(id)?.data.status === 'active').length;
      effect('unmeasured', `is no longer measured by any active metric (it had ${plural(metricsBefore.length, 'metric')}: ${lost.join(', ')})${subGoals ? '' : ', and has no active sub-goal'}`, { lost, before: metricsBefore.length, after: 0 });
    } else if (gained.length || lost.length) {
      const parts = [gained.length ? `gains ${gained.join(', ')}` : '', lost.length ? `loses ${lost.join(', ')}` : ''].filter(Boolean);
      effect('goal-metrics', `now has ${plural(metricsAfter.length, 'active metric')} (was ${metricsBefore.length}): ${parts.join('; ')}`, { gained, lost, before: metricsBefore.length, after: metricsAfter.length });
    }
    const primaryBefore = metricsBefore.filter((id) => b.metrics.get(oldMetricId.get(id) ?? id)?.data.primary).length;
    const primaryAfter = metricsAfter.filter((id) => a.metrics.get(id)?.data.primary).length;
    if (primaryBefore !== primaryAfter) {
      const over = primaryAfter > max ? `, more than the max of ${max}` : primaryBefore > max && primaryAfter <= max ? `, back within the max of ${max}` : '';
      effect('primary-count', `now has ${plural(primaryAfter, 'primary metric')} (was ${primaryBefore})${over}`, { before: primaryBefore, after: primaryAfter });
    }
    const statusBefore = before.derived.goals.get(old.id);
    const statusAfter = after.derived.goals.get(goal.id);
    if (statusBefore && statusAfter && statusBefore !== statusAfter) {
      effect('goal-status', `rolls up to ${statusAfter} (was ${statusBefore})`, { before: statusBefore, after: statusAfter });
    }
  }

  for (const metric of [...a.metrics.values()].sort((x, y) => compare(x.id, y.id))) {
    const old = b.metrics.get(oldMetricId.get(metric.id) ?? metric.id);
    if (!old || metric.data.status !== 'active') continue;
    const effect = (type: CascadeEffectType, message: string, extra: Partial<CascadeEffect> = {}) => effects.push({ type, kind: 'metric', id: metric.id, name: metric.data.name, message, ...extra });
    const goalsBefore = activeGoalsOf(b, old.id).map((id) => goalIds.get(id) ?? id);
    const goalsAfter = activeGoalsOf(a, metric.id);
    if (goalsBefore.length && !goalsAfter.length) {
      effect('no-goal', `no longer supports any active goal (it supported ${goalsBefore.join(', ')})`, { lost: goalsBefore, before: goalsBefore.length, after: 0 });
    }
    const statusBefore: Status | undefined = old.data.status === 'active' ? before.derived.metrics.get(old.id)?.status : undefined;
    const statusAfter = after.derived.metrics.get(metric.id)?.status;
    if (statusBefore && statusAfter && statusBefore !== statusAfter) {
      effect('metric-status', `is now ${statusAfter} (was ${statusBefore})`, { before: statusBefore, after: statusAfter });
    }
  }
  return effects;
}

const hasConfig = (analysis: Analysis) => !analysis.diagnostics.some((d) => d.rule === 'missing-config');

export function diffCatalogs(before: Analysis, after: Analysis): CatalogDiff {
  const renamedIds = perCollection<{ [C in Collection]: Map<string, string> }>(() => new Map());
  const kinds = perCollection<KindDiffs>((kind) => diffKind(before.catalog, after.catalog, kind, renamedIds[KINDS[kind].collection]));

  // Diagnostics of a renamed file (and of its metric's data file) are compared under the new path.
  const renamedFiles = new Map<string, string>();
  for (const kind of ENTRY_KINDS) for (const { from, to } of kinds[KINDS[kind].collection].renamed) renamedFiles.set(from.file, to.file);
  for (const [id, metric] of before.catalog.metrics) {
    const now = after.catalog.metrics.get(renamedIds.metrics.get(id) ?? id);
    if (metric.dataFile && now?.dataFile && metric.dataFile !== now.dataFile) renamedFiles.set(metric.dataFile, now.dataFile);
  }

  return {
    ...kinds,
    // Without a config file a version has only a stand-in config: nothing to compare field by field.
    config: hasConfig(before) && hasConfig(after) ? fieldChanges(before.catalog.config, after.catalog.config) : [],
    data: diffData(before.catalog, after.catalog, renamedIds.metrics),
    diagnostics: diffDiagnostics(before.diagnostics, after.diagnostics, renamedFiles),
    cascade: cascadeEffects(before, after, renamedIds.goals, renamedIds.metrics),
  };
}

export function countKind(diff: KindDiff): number {
  return diff.added.length + diff.removed.length + diff.renamed.length + diff.retired.length + diff.changed.length;
}

/** True when the two versions hold the same catalog: nothing for a reviewer to read. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return (
    ENTRY_KINDS.every((kind) => countKind(diff[KINDS[kind].collection]) === 0) &&
    diff.config.length === 0 &&
    diff.data.length === 0 &&
    diff.diagnostics.introduced.length === 0 &&
    diff.diagnostics.resolved.length === 0 &&
    diff.cascade.length === 0
  );
}
