/**
 * The import report: what came in, what did not and why, and what the source left for people to
 * fill in. Written as IMPORT-REPORT.md into the catalog folder (the same bytes for the same source,
 * so a rerun does not change it) and summarised on stdout together with what was written.
 */
import { codeSpan, escapeLine, inertLines } from '../core/escape.ts';
import { plural } from '../core/plural.ts';
import { ASSUMED_DEFAULTS, ASSUMED_TAG_PREFIX, PLACEHOLDER_PREFIX, type ImportPlan, type PlannedEntry } from './plan.ts';
import type { RenderedFile } from './render.ts';
import type { WriteResult } from './write.ts';

export const REPORT_FILE = 'IMPORT-REPORT.md';

const SOURCE_WORDS: Record<string, { entries: string; title: string }> = {
  csv: { entries: 'rows', title: 'KPI register (CSV)' },
  'gitlab-pi': { entries: 'performance indicators', title: 'GitLab performance indicators' },
  'metric-hub': { entries: 'metrics', title: 'Mozilla metric-hub definitions' },
};

export interface ReportCounts {
  sourceEntries: number;
  imported: number;
  skipped: number;
  goals: number;
  owners: number;
}

export function countsOf(plan: ImportPlan): ReportCounts {
  const of = (kind: PlannedEntry['kind']) => plan.entries.filter((e) => e.kind === kind).length;
  return { sourceEntries: plan.sourceEntries, imported: of('metric'), skipped: plan.skipped.length, goals: of('goal'), owners: of('owner') };
}

/** How many entries hold a placeholder or a default in each field, most frequent first. */
export function todoCounts(plan: ImportPlan): { field: string; kind: string; count: number; assumed: boolean }[] {
  const counts = new Map<string, { field: string; kind: string; count: number; assumed: boolean }>();
  for (const entry of plan.entries) {
    for (const [fields, assumed] of [[entry.placeholders, false], [entry.assumed, true]] as const) {
      for (const field of fields) {
        const key = `${entry.kind}\0${field}\0${assumed}`;
        const known = counts.get(key) ?? { field, kind: entry.kind, count: 0, assumed };
        known.count++;
        counts.set(key, known);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.field.localeCompare(b.field));
}

/**
 * Source text (names, origins, reasons, notes) on one line of the report: a line break reads as a
 * space, other controls as escapes (escapeLine). The notes keep their Markdown (they quote fields
 * as code); a table cell also escapes `|`.
 */
const prose = (text: string) => escapeLine(String(text).replace(/\r\n|[\n\r\u2028\u2029]/g, ' '));
const cell = (text: string) => prose(text).replace(/\|/g, '\\|');

/** The full report, as Markdown. */
export function formatReport(plan: ImportPlan, files: RenderedFile[]): string {
  const words = SOURCE_WORDS[plan.kind] ?? { entries: 'entries', title: plan.kind };
  const c = countsOf(plan);
  const pathOf = new Map(files.filter((f) => f.id).map((f) => [`${f.kind}\0${f.id}`, f.path]));
  const out: string[] = [];
  out.push(`# Import report: ${words.title}`, '');
  out.push(`Source: ${codeSpan(plan.source)} (${codeSpan(`plumbline import ${plan.kind} …`)}).`, '');
  out.push('## Summary', '');
  out.push(`- ${plural(c.sourceEntries, words.entries.replace(/s$/, ''), words.entries)} in the source: **${c.imported} imported** as metrics, **${c.skipped} not imported** (reasons below).`);
  out.push(`- Also planned: ${plural(c.goals, 'goal')} and ${plural(c.owners, 'owner')}, and \`catalog.config.yaml\` if the folder has none.`);
  out.push(`- Nothing was invented: where the source is silent, a text field holds a placeholder starting with \`${PLACEHOLDER_PREFIX}\`, and a required choice holds a default marked with the tag \`${ASSUMED_TAG_PREFIX}<field>\`.`, '');

  out.push('## Not imported', '');
  if (!plan.skipped.length) out.push(`Every ${words.entries.replace(/s$/, '')} of the source was imported.`, '');
  else {
    out.push('| Where | Name | Reason |', '| --- | --- | --- |');
    for (const s of plan.skipped) out.push(`| ${cell(s.origin)} | ${cell(s.name ?? '')} | ${cell(s.reason)} |`);
    out.push('');
  }

  out.push('## To do: what the source does not say', '');
  const todos = todoCounts(plan);
  if (!todos.length) out.push('The source gave every required field.', '');
  else {
    out.push('| Field | Entries | Written as |', '| --- | --- | --- |');
    for (const t of todos) {
      const as = t.assumed ? `default \`${ASSUMED_DEFAULTS[t.field as keyof typeof ASSUMED_DEFAULTS]}\`, tagged \`${ASSUMED_TAG_PREFIX}${t.field}\`` : t.field === 'owner' ? 'the placeholder owner `unassigned`' : `placeholder \`${PLACEHOLDER_PREFIX} …\``;
      out.push(`| ${cell(t.kind)} ${codeSpan(t.field)} | ${t.count} | ${as} |`);
    }
    out.push('', `Find them with \`grep -rl "${PLACEHOLDER_PREFIX}" goals metrics owners\` and \`grep -rl "${ASSUMED_TAG_PREFIX}" metrics\`; \`plumbline check\` lists what the governance rules miss (targets, triggers, lead and lag).`, '');
  }

  out.push('## Notes on the source', '');
  if (!plan.notes.length) out.push('None.', '');
  else out.push(...plan.notes.map((n) => `- ${prose(n)}`), '');

  out.push('## Entries', '');
  out.push('| File | From | Placeholders | Defaults | Notes |', '| --- | --- | --- | --- | --- |');
  for (const e of plan.entries) {
    const path = pathOf.get(`${e.kind}\0${e.id}`) ?? `${e.kind}/${e.id}`;
    out.push(`| ${cell(path)} | ${cell(e.origin ?? '')} | ${cell(e.placeholders.join(', '))} | ${cell(e.assumed.join(', '))} | ${cell(e.notes.join('; '))} |`);
  }
  out.push('');
  return inertLines(out.join('\n'));
}

/** What stdout says after an import: the counts, the to-do totals, and what happened to each file. */
export function formatSummary(plan: ImportPlan, results: WriteResult[], options: { dryRun?: boolean; reportPath?: string }): string {
  const words = SOURCE_WORDS[plan.kind] ?? { entries: 'entries', title: plan.kind };
  const c = countsOf(plan);
  const lines: string[] = [];
  lines.push(`${words.title}: ${plural(c.sourceEntries, words.entries.replace(/s$/, ''), words.entries)} in the source, ${c.imported} imported, ${c.skipped} not imported.`);
  for (const s of plan.skipped) lines.push(`  not imported: ${escapeLine(s.origin)}${s.name ? ` (${escapeLine(s.name)})` : ''}: ${escapeLine(s.reason)}`);
  const todos = todoCounts(plan);
  if (todos.length) {
    lines.push('To do (the source does not say):');
    for (const t of todos) lines.push(`  ${escapeLine(t.kind)} ${escapeLine(t.field)}: ${t.count}${t.assumed ? ` (default ${ASSUMED_DEFAULTS[t.field as keyof typeof ASSUMED_DEFAULTS]}, tag ${ASSUMED_TAG_PREFIX}${t.field})` : ''}`);
  }
  const by = (status: string) => results.filter((r) => r.status === status).length;
  const verb = options.dryRun ? 'would be ' : '';
  lines.push(`Files: ${by('created')} ${verb}created, ${by('updated')} ${verb}updated, ${by('unchanged')} unchanged, ${by('conflict')} in conflict${by('kept') ? `, ${by('kept')} kept` : ''}${options.dryRun ? ' (dry run: nothing written)' : ''}.`);
  for (const r of results) if (r.status === 'conflict' || r.status === 'kept' || (r.status === 'updated' && r.reason)) lines.push(`  ${r.status}: ${escapeLine(r.path)}: ${escapeLine(String(r.reason))}`);
  if (options.reportPath) lines.push(`Report: ${escapeLine(options.reportPath)}`);
  return inertLines(lines.join('\n')) + '\n';
}
