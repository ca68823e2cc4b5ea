/**
 * A catalog diff as Markdown for a pull-request comment. Catalog text is data written by whoever
 * opened the pull request, so every piece of it is escaped (escape.ts): no HTML, no links, no
 * @-mentions, no formatting, no control or bidi characters reach the comment, and no line of it
 * reads as a workflow command when it is printed in a CI log. Long lists fold into <details>; the
 * whole comment stays under GitHub's size limit.
 */
import type { Diagnostic } from '../core/diagnostics.ts';
import { codeSpan, escapeDiagnostic, escapeMarkdown, inertLines, jsonText } from '../core/escape.ts';
import { ENTRY_KINDS, KINDS } from '../core/kinds.ts';
import { countKind, isEmptyDiff, type CatalogDiff, type CascadeEffect, type DataChange, type EntryChange, type EntryRef, type FieldChange, type KindDiff, type RenamedEntry, type RetiredEntry } from './diff.ts';
import { isPlainObject } from './fields.ts';
import { plural } from '../core/plural.ts';

export const NO_CHANGES = 'No changes to the catalog.';

/** Lists longer than this fold into a <details> block. */
export const FOLD_AFTER = 10;
/** Items listed per list; the rest are counted. */
export const MAX_ITEMS = 100;
/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MAX_LENGTH = 60_000;
const MAX_VALUE = 80;

function shorten(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A value the way YAML flow style would write it. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isPlainObject(value)) return `{ ${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  return String(value);
}

function showValue(value: unknown): string {
  return value === undefined ? '_not set_' : codeSpan(shorten(flow(value)));
}

function fieldLine(change: FieldChange): string {
  if (change.field === 'body') return `${codeSpan('narrative')} ${change.before === undefined ? 'added' : change.after === undefined ? 'removed' : 'changed'}`;
  return `${codeSpan(change.field)}: ${showValue(change.before)} → ${showValue(change.after)}`;
}

const label = (ref: EntryRef) => `**${escapeMarkdown(ref.name)}** ${codeSpan(ref.id)}`;

/** A bulleted list, its items capped and the list folded when long. */
function list(items: string[], summary: string): string[] {
  if (!items.length) return [];
  const shown = items.slice(0, MAX_ITEMS);
  const lines = [...shown];
  if (items.length > shown.length) lines.push(`- … and ${items.length - shown.length} more (\`--format json\` lists them all)`);
  return items.length > FOLD_AFTER ? ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>', ''] : [...lines, ''];
}

function withFields(head: string, changes: FieldChange[]): string {
  return [head, ...changes.map((change) => `  - ${fieldLine(change)}`)].join('\n');
}

function kindSection(title: string, singular: string, diff: KindDiff): string[] {
  if (!countKind(diff)) return [];
  const lines = [`#### ${title}`, ''];
  const part = (heading: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`**${heading}** (${items.length})`, '', ...list(items, `${items.length} ${singular}s ${heading.toLowerCase()}`));
  };
  part('Added', diff.added.map((ref) => `- ${label(ref)} · ${codeSpan(ref.file)}`));
  part('Removed', diff.removed.map((ref) => `- ${label(ref)} · ${codeSpan(ref.file)}`));
  part('Renamed', diff.renamed.map(renamedLine));
  part('Retired', diff.retired.map(retiredLine));
  part('Changed', diff.changed.map((entry: EntryChange) => withFields(`- ${label(entry)}`, entry.changes)));
  return lines;
}

function renamedLine({ from, to, changes }: RenamedEntry): string {
  const what = from.id === to.id ? `moved ${codeSpan(from.file)} → ${codeSpan(to.file)}` : `renamed ${codeSpan(from.id)} → ${codeSpan(to.id)} (${codeSpan(from.file)} → ${codeSpan(to.file)})`;
  return withFields(`- **${escapeMarkdown(to.name)}**: ${what}`, changes);
}

function retiredLine(entry: RetiredEntry): string {
  const when = entry.date ? ` on ${escapeMarkdown(entry.date)}` : '';
  const why = entry.reason ? `: ${escapeMarkdown(entry.reason)}` : '';
  const replaced = entry.replacedBy ? `; replaced by ${codeSpan(entry.replacedBy)}` : '';
  const other = entry.changes.filter((c) => c.field !== 'status' && !c.field.startsWith('retired'));
  return withFields(`- ${label(entry)} retired${when}${why}${replaced}`, other);
}

function dataLine(change: DataChange): string {
  const parts = [
    change.added.length ? `${plural(change.added.length, 'value')} added` : '',
    change.changed.length ? `${change.changed.length} corrected` : '',
    change.removed.length ? `${change.removed.length} removed` : '',
  ].filter(Boolean);
  const latest = (l: DataChange['latestAfter']) => (l ? `${codeSpan(String(l.value))} on ${escapeMarkdown(l.date)}` : 'none');
  return `- **${escapeMarkdown(change.name)}** ${codeSpan(change.file)}: ${parts.join(', ')}; latest ${latest(change.latestAfter)} (was ${latest(change.latestBefore)})`;
}

function diagnosticLine(diagnostic: Diagnostic): string {
  // Escaped the way `check` prints it (a newline in a key shows as \n), then as Markdown.
  const d = escapeDiagnostic(diagnostic);
  return `- ${d.severity} ${codeSpan(`${d.file}:${Number(d.line)}`)} **${escapeMarkdown(d.rule)}**: ${escapeMarkdown(d.message)}`;
}

function effectLine(effect: CascadeEffect): string {
  return `- ${effect.kind === 'goal' ? 'Goal' : 'Metric'} **${escapeMarkdown(effect.name)}** ${codeSpan(effect.id)} ${escapeMarkdown(effect.message)}`;
}

function summaryLine(diff: CatalogDiff): string {
  const parts: string[] = [];
  for (const kind of ENTRY_KINDS) {
    const { collection, singular } = KINDS[kind];
    const d = diff[collection];
    const counts = (['added', 'removed', 'renamed', 'retired', 'changed'] as const).filter((k) => d[k].length).map((k) => `${d[k].length} ${k}`);
    if (counts.length) parts.push(`${singular}s: ${counts.join(', ')}`);
  }
  if (diff.data.length) parts.push(`values of ${plural(diff.data.length, 'metric')}`);
  if (diff.config.length) parts.push('configuration');
  const { introduced, resolved } = diff.diagnostics;
  const errors = introduced.filter((d) => d.severity === 'error').length;
  parts.push(`diagnostics: ${introduced.length} introduced${errors ? ` (${plural(errors, 'error')})` : ''}, ${resolved.length} resolved`);
  return parts.join(' · ');
}

export interface MarkdownOptions {
  /** Heading of the comment; default "Catalog changes". */
  title?: string;
}

export function diffToMarkdown(diff: CatalogDiff, options: MarkdownOptions = {}): string {
  if (isEmptyDiff(diff)) return `${NO_CHANGES}\n`;
  const lines: string[] = [`### ${escapeMarkdown(options.title ?? 'Catalog changes')}`, '', summaryLine(diff), ''];
  for (const kind of ENTRY_KINDS) lines.push(...kindSection(KINDS[kind].label, KINDS[kind].singular, diff[KINDS[kind].collection]));
  if (diff.data.length) lines.push('#### Values', '', ...list(diff.data.map(dataLine), `values of ${plural(diff.data.length, 'metric')}`));
  if (diff.config.length) lines.push(`#### Configuration ${codeSpan('catalog.config.yaml')}`, '', ...list(diff.config.map((c) => `- ${fieldLine(c)}`), plural(diff.config.length, 'setting')));
  const { introduced, resolved } = diff.diagnostics;
  if (introduced.length) lines.push(`#### Diagnostics introduced (${introduced.length})`, '', ...list(introduced.map(diagnosticLine), `${plural(introduced.length, 'diagnostic')} introduced`));
  if (resolved.length) lines.push(`#### Diagnostics resolved (${resolved.length})`, '', ...list(resolved.map(diagnosticLine), `${plural(resolved.length, 'diagnostic')} resolved`));
  if (diff.cascade.length) lines.push('#### Effect on the cascade', '', ...list(diff.cascade.map(effectLine), plural(diff.cascade.length, 'effect')));
  let text = inertLines(lines.join('\n')).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
  if (text.length > MAX_LENGTH) {
    const cut = text.lastIndexOf('\n', MAX_LENGTH - 200);
    text = `${text.slice(0, cut)}\n\n_The diff is too long for one comment and was cut here; \`plumbline diff --format json\` has all of it._\n`;
  }
  return text;
}

/** The diff for tools: the same structure, with unset values written as null. */
export function diffToJson(diff: CatalogDiff): string {
  const body = { empty: isEmptyDiff(diff), ...diff };
  return jsonText(body, (_key, value: unknown) => (value === undefined ? null : value));
}
