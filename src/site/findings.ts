/** Governance findings grouped by rule, each linked to the page of the entry it is about. */
import type { Analysis } from '../core/analyze.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { entriesOf } from '../core/graph.ts';
import { ENTRY_KINDS, titleOf } from '../core/kinds.ts';
import { RULES_BY_ID } from '../core/rules/index.ts';
import { pageOf } from './links.ts';

export interface FindingGroup {
  rule: string;
  summary: string;
  findings: { diagnostic: Diagnostic; entry?: { name: string; url: string } }[];
}

export function findingsByRule({ catalog, diagnostics }: Analysis): FindingGroup[] {
  const entries = new Map<string, { name: string; url: string }>();
  for (const kind of ENTRY_KINDS) for (const entry of entriesOf(catalog, kind).values()) entries.set(entry.file, { name: titleOf(kind, entry.data), url: pageOf[kind](entry.id) });
  for (const m of catalog.metrics.values()) if (m.dataFile) entries.set(m.dataFile, { name: m.data.name, url: pageOf.metric(m.id) });
  const groups = new Map<string, FindingGroup>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.rule) ?? { rule: diagnostic.rule, summary: RULES_BY_ID.get(diagnostic.rule)?.summary ?? '', findings: [] };
    group.findings.push({ diagnostic, entry: entries.get(diagnostic.file) });
    groups.set(diagnostic.rule, group);
  }
  return [...groups.values()].sort((a, b) => b.findings.length - a.findings.length || (a.rule < b.rule ? -1 : 1));
}
