/**
 * catalog.json: the resolved catalog for other tools. Every entry carries its id, its file, its
 * fields as written (defaults applied), and its links in both directions; metrics and goals also
 * carry what their values say as of the catalog's date. `version` is this file's own shape;
 * `plumbline` and `format` say which Plumbline wrote it and which catalog format it read.
 * What an import left open is data here, not text: a placeholder field is null and named in the
 * entry's `notWritten`, a default it assumed is named in `assumed`, and its bookkeeping tags are
 * not among the `tags`.
 */
import type { Derived } from '../core/derive/index.ts';
import { pathToTop, type Catalog, type MetricNode } from '../core/graph.ts';
import { assumedFields, blankPlaceholders, writtenTags } from '../core/placeholders.ts';
import { fieldName, placeholders } from '../core/rules/incomplete-definition.ts';
import { FORMAT_VERSION, PLUMBLINE_VERSION } from '../core/version.ts';

export const CATALOG_JSON_VERSION = 1;

export function catalogToJson(catalog: Catalog, derived: Derived) {
  const { config } = catalog;
  return {
    version: CATALOG_JSON_VERSION,
    plumbline: PLUMBLINE_VERSION,
    format: FORMAT_VERSION,
    name: config.name,
    repository: config.repository ?? null,
    asOf: catalog.today,
    levels: config.levels,
    perspectives: config.perspectives,
    roots: catalog.roots,
    goals: [...catalog.goals.values()].map((g) => ({
      id: g.id,
      file: g.file,
      ...published(g.data),
      children: g.children,
      metrics: g.metrics,
      /** Ancestors from the parent up to the top of the cascade. */
      ancestors: pathToTop(catalog, g.id).slice(1).map((a) => a.id),
      hasNarrative: g.body !== undefined,
      rolledUpStatus: derived.goals.get(g.id) ?? 'unknown',
    })),
    metrics: [...catalog.metrics.values()].map((m) => metricJson(m, derived)),
    owners: [...catalog.owners.values()].map((o) => ({ id: o.id, file: o.file, ...published(o.data), members: o.members, goals: o.goals, metrics: o.metrics, initiatives: o.initiatives })),
    initiatives: [...catalog.initiatives.values()].map((i) => ({ id: i.id, file: i.file, ...published(i.data), hasNarrative: i.body !== undefined })),
  };
}

function metricJson(m: MetricNode, derived: Derived) {
  const state = derived.metrics.get(m.id)!;
  return {
    id: m.id,
    file: m.file,
    ...published(m.data),
    drivenBy: m.drivenBy,
    guardrailFor: m.guardrailFor,
    movedBy: m.movedBy,
    replaces: m.replaces,
    status: state.status,
    stale: state.stale,
    latest: state.latest,
    trend: state.trend,
    progress: state.progress,
    firedTriggers: state.fired.map((f) => ({ index: f.index, owner: f.owner, action: f.trigger.action, reason: f.reason })),
    leads: derived.drivers.filter((d) => d.from === m.id).map((d) => ({ metric: d.to, ...bestLag(d) })),
    dataFile: m.dataFile ?? null,
    observations: m.observations.map(({ date, value, note }) => (note ? { date, value, note } : { date, value })),
    hasNarrative: m.body !== undefined,
  };
}

/** An entry's fields as other tools get them: placeholders null and listed, assumed defaults listed, bookkeeping tags left out. */
function published<T extends object>(data: T): T & { notWritten?: string[]; assumed?: string[] } {
  const notWritten = placeholders(data).map(fieldName);
  const tags = 'tags' in data && Array.isArray(data.tags) ? (data.tags as string[]) : undefined;
  const assumed = [...assumedFields(tags)];
  return {
    ...(blankPlaceholders(data) as T),
    ...(tags ? { tags: writtenTags(tags) } : {}),
    ...(notWritten.length > 0 ? { notWritten } : {}),
    ...(assumed.length > 0 ? { assumed } : {}),
  };
}

function bestLag(link: Derived['drivers'][number]) {
  const best = link.correlation.best;
  return best ? { lag: best.lag, r: best.r, pairs: best.pairs, cadence: link.correlation.cadence } : { lag: null, r: null, pairs: 0, cadence: link.correlation.cadence };
}
