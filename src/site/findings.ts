/**
 * What /health/ says about the catalog, in sentences: governance findings grouped by rule (each
 * linked to the entry it is about and to the rule's docs), what imports left open grouped by
 * owner, and which claims about triggers and fresh data the catalog's values can back.
 */
import type { Analysis } from '../core/analyze.ts';
import type { Diagnostic, RuleId } from '../core/diagnostics.ts';
import { entriesOf } from '../core/graph.ts';
import { ENTRY_KINDS, titleOf, type EntryKind } from '../core/kinds.ts';
import { LOADER_RULE_IDS, LOADER_RULES } from '../core/loader-rules.ts';
import { assumedFields } from '../core/placeholders.ts';
import { RULES, RULES_BY_ID } from '../core/rules/index.ts';
import { fieldName, placeholders } from '../core/rules/incomplete-definition.ts';
import { href, pageOf } from './links.ts';

/** A rule whose findings /health/ counts (fields not written yet) rather than lists one by one. */
export const COUNTED_RULE = 'incomplete-definition';

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

/** Every check a site can report, in the guide's order: the graph rules, then the loader's. */
export const CHECKS: readonly { id: RuleId; severity: string; summary: string }[] = [
  ...RULES.map((rule) => ({ id: rule.id, severity: rule.defaultSeverity, summary: rule.summary })),
  ...LOADER_RULE_IDS.map((id) => ({ id, ...LOADER_RULES[id] })),
];

export const checkAnchor = (rule: RuleId | string) => `check-${rule}`;

/**
 * Where a finding's rule is explained: its entry under "The checks" on the site's own guide, so
 * the link works on an internal host and says what the rule meant when the site was built.
 */
export function ruleDocsUrl(rule: RuleId | string): string {
  return href(`guide/#${checkAnchor(rule)}`);
}

/** Text cut at its `backtick` spans, so a page renders them as code and never shows the backticks. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
    parts.push({ text: match[1]!, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}

/** Rule messages that read on from the entry's name ("is red …", "supports only …"). */
const PREDICATE = /^(is|are|has|was|supports|barely|last)\b/;

/**
 * A finding as a sentence after the entry's name: "is red (126.6 on 2026-09-30) and no active
 * initiative moves it. To fix it: start an initiative …". Returns what follows the name, and how
 * the name joins it (a space before a predicate, a colon before a clause).
 */
export function findingSentence(diagnostic: Pick<Diagnostic, 'message' | 'hint'>): { joiner: string; text: string } {
  const message = diagnostic.message.trim().replace(/[.;:]$/, '');
  const predicate = PREDICATE.test(message);
  const said = predicate ? message : message.charAt(0).toUpperCase() + message.slice(1);
  const hint = diagnostic.hint?.trim().replace(/[.;:]$/, '');
  return { joiner: predicate ? ' ' : ': ', text: `${said}.${hint ? ` To fix it: ${hint}.` : ''}` };
}

/** What imports left open in one owner's entries. */
export interface OpenFields {
  owner: string;
  /** Fields still holding an import's placeholder. */
  notWritten: number;
  /** Choices an import filled with a default (`todo-import-<field>` tags). */
  assumed: number;
  /** Entries with at least one of either. */
  entries: number;
}

/** Who is accountable for an entry: its owner, or, for an owner entry, that owner. */
const ownerOf = (kind: EntryKind, id: string, data: Record<string, unknown>): string => (kind === 'owner' ? id : String(data.owner ?? ''));

/** Fields not written yet and assumed defaults, per owner (most open first), and their totals. */
export function openFieldsByOwner({ catalog }: Pick<Analysis, 'catalog'>): { byOwner: OpenFields[]; total: Omit<OpenFields, 'owner'> } {
  const byOwner = new Map<string, OpenFields>();
  for (const kind of ENTRY_KINDS) {
    for (const entry of entriesOf(catalog, kind).values()) {
      const data = entry.data as Record<string, unknown>;
      const notWritten = placeholders(data).length;
      const assumed = assumedFields(data.tags as string[] | undefined).size;
      if (notWritten + assumed === 0) continue;
      const owner = ownerOf(kind, entry.id, data);
      const open = byOwner.get(owner) ?? { owner, notWritten: 0, assumed: 0, entries: 0 };
      open.notWritten += notWritten;
      open.assumed += assumed;
      open.entries += 1;
      byOwner.set(owner, open);
    }
  }
  const list = [...byOwner.values()].sort((a, b) => b.notWritten + b.assumed - (a.notWritten + a.assumed) || (a.owner < b.owner ? -1 : 1));
  const total = list.reduce((t, o) => ({ notWritten: t.notWritten + o.notWritten, assumed: t.assumed + o.assumed, entries: t.entries + o.entries }), { notWritten: 0, assumed: 0, entries: 0 });
  return { byOwner: list, total };
}

/** The fields of one entry an import left open, by name: `why`, `formula`, `indicator` (assumed). */
export function openFieldsOf(data: Record<string, unknown>): { notWritten: string[]; assumed: string[] } {
  return { notWritten: placeholders(data).map(fieldName), assumed: [...assumedFields(data.tags as string[] | undefined)] };
}

/**
 * What the catalog's values can back: how many active metrics have a value and a trigger (so a
 * quiet trigger means something), and how many have values at all (so "up to date" does).
 */
export function evidence({ catalog, derived }: Pick<Analysis, 'catalog' | 'derived'>): { withValues: number; watched: number } {
  const active = [...catalog.metrics.values()].filter((m) => m.data.status === 'active');
  const withValues = active.filter((m) => derived.metrics.get(m.id)?.latest);
  return { withValues: withValues.length, watched: withValues.filter((m) => (m.data.triggers ?? []).length > 0).length };
}
