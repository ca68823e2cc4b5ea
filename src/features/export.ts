/**
 * catalog.json: the resolved catalog for other tools. Every entry carries its id, its file, its
 * fields as written (defaults applied), and its links in both directions; metrics and goals also
 * carry what their values say as of the catalog's date. `version` is this file's own shape;
 * `plumbline` and `format` say which Plumbline wrote it and which catalog format it read.
 */
import type { Derived } from '../core/derive/index.ts';
import { pathToTop, type Catalog, type MetricNode } from '../core/graph.ts';
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
      ...g.data,
      children: g.children,
      metrics: g.metrics,
      /** Ancestors from the parent up to the top of the cascade. */
      ancestors: pathToTop(catalog, g.id).slice(1).map((a) => a.id),
      hasNarrative: g.body !== undefined,
      rolledUpStatus: derived.goals.get(g.id) ?? 'unknown',
    })),
    metrics: [...catalog.metrics.values()].map((m) => metricJson(m, derived)),
    owners: [...catalog.owners.values()].map((o) => ({ id: o.id, file: o.file, ...o.data, members: o.members, goals: o.goals, metrics: o.metrics, initiatives: o.initiatives })),
    initiatives: [...catalog.initiatives.values()].map((i) => ({ id: i.id, file: i.file, ...i.data, hasNarrative: i.body !== undefined })),
  };
}

function metricJson(m: MetricNode, derived: Derived) {
  const state = derived.metrics.get(m.id)!;
  return {
    id: m.id,
    file: m.file,
    ...m.data,
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

function bestLag(link: Derived['drivers'][number]) {
  const best = link.correlation.best;
  return best ? { lag: best.lag, r: best.r, pairs: best.pairs, cadence: link.correlation.cadence } : { lag: null, r: null, pairs: 0, cadence: link.correlation.cadence };
}
