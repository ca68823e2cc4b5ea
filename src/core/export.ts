/**
 * catalog.json: the resolved catalog for other tools. Every entry carries its id, its file, its
 * fields as written (defaults applied), and its links in both directions.
 */
import { pathToTop, type Catalog } from './graph.ts';

export const CATALOG_JSON_VERSION = 1;

export function catalogToJson(catalog: Catalog) {
  const { config } = catalog;
  return {
    version: CATALOG_JSON_VERSION,
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
    })),
    metrics: [...catalog.metrics.values()].map((m) => ({
      id: m.id,
      file: m.file,
      ...m.data,
      drivenBy: m.drivenBy,
      guardrailFor: m.guardrailFor,
      movedBy: m.movedBy,
      replaces: m.replaces,
      dataFile: m.dataFile ?? null,
      observations: m.observations.map(({ date, value, note }) => (note ? { date, value, note } : { date, value })),
      hasNarrative: m.body !== undefined,
    })),
    owners: [...catalog.owners.values()].map((o) => ({ id: o.id, file: o.file, ...o.data, members: o.members, goals: o.goals, metrics: o.metrics, initiatives: o.initiatives })),
    initiatives: [...catalog.initiatives.values()].map((i) => ({ id: i.id, file: i.file, ...i.data, hasNarrative: i.body !== undefined })),
  };
}
