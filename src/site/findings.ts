/** Governance findings grouped by rule, each linked to the page of the entry it is about. */
import type { Analysis } from '../core/analyze.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { RULES_BY_ID } from '../core/rules/index.ts';
import { pageOf } from './links.ts';

export interface FindingGroup {
  rule: string;
  summary: string;
  findings: { diagnostic: Diagnostic; entry?: { name: string; url: string } }[];
}

export function findingsByRule({ catalog, diagnostics }: Analysis): FindingGroup[] {
  const entries = new Map<string, { name: string; url: string }>();
  for (const m of catalog.metrics.values()) entries.set(m.file, { name: m.data.name, url: pageOf.metric(m.id) });
  for (const g of catalog.goals.values()) entries.set(g.file, { name: g.data.title, url: pageOf.goal(g.id) });
  for (const o of catalog.owners.values()) entries.set(o.file, { name: o.data.name, url: pageOf.owner(o.id) });
  for (const i of catalog.initiatives.values()) entries.set(i.file, { name: i.data.name, url: pageOf.initiative(i.id) });
  for (const m of catalog.metrics.values()) if (m.dataFile) entries.set(m.dataFile, { name: m.data.name, url: pageOf.metric(m.id) });
  const groups = new Map<string, FindingGroup>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.rule) ?? { rule: diagnostic.rule, summary: RULES_BY_ID.get(diagnostic.rule)?.summary ?? '', findings: [] };
    group.findings.push({ diagnostic, entry: entries.get(diagnostic.file) });
    groups.set(diagnostic.rule, group);
  }
  return [...groups.values()].sort((a, b) => b.findings.length - a.findings.length || (a.rule < b.rule ? -1 : 1));
}
