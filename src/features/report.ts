/**
 * Diagnostics printed for people (text), tools (json) and GitHub Actions (workflow annotations).
 * Files, keys and values in diagnostics come from pull requests: every field of every diagnostic
 * is escaped here, at the output, so no message can end its line, forge an annotation or stop
 * the runner from reading ours, whatever a rule puts in it.
 */
import type { Diagnostic } from '../core/diagnostics.ts';
import { escapeDiagnostic, escapeLine, inertLine, jsonText } from '../core/escape.ts';
import { plural } from '../core/plural.ts';

export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

/** `path:line:column severity rule message`, escaped; a line that would start a workflow command cannot. */
export function formatDiagnostic(d: Diagnostic): string {
  const safe = escapeDiagnostic(d);
  return inertLine(`${safe.file}:${Number(safe.line)}:${Number(safe.column)} ${safe.severity} ${safe.rule} ${safe.message}`);
}

/** The diagnostic's line and, when it has one, its indented hint line. */
function logLines(d: Diagnostic): string[] {
  return d.hint === undefined || d.hint === '' ? [formatDiagnostic(d)] : [formatDiagnostic(d), inertLine(`  hint: ${escapeLine(d.hint)}`)];
}

export function summary(diagnostics: Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

export function formatText(diagnostics: Diagnostic[], fileCount: number): string {
  return [...diagnostics.flatMap(logLines), summary(diagnostics, fileCount)].join('\n') + '\n';
}

/** Exact values for tools: JSON escapes every control character, and jsonText the separators and bidi controls it leaves raw. */
export function formatJson(diagnostics: Diagnostic[]): string {
  const rows = diagnostics.map(({ file, line, column, endLine, endColumn, severity, rule, message, hint }) => ({ file, line, column, endLine, endColumn, severity, rule, message, hint: hint ?? null }));
  return jsonText(rows);
}

/** GitHub workflow commands: data escapes %, CR and LF; properties also escape : and ,. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub shows at most this many annotations of each kind per step; the log keeps every problem. */
export const MAX_ANNOTATIONS = 10;

/**
 * For GitHub Actions: every problem in the log as text, then workflow-command annotations for the
 * first MAX_ANNOTATIONS errors and warnings, which GitHub pins to their lines in the pull request.
 * `pathPrefix` is the catalog's folder within the repository, for catalogs that are not its root.
 */
export function formatGithub(diagnostics: Diagnostic[], fileCount: number, pathPrefix = ''): string {
  // The only lines meant as commands: each field made one safe line first, then escaped as GitHub reads
  // properties and data; the one raw line break, between message and hint, is ours.
  const annotate = (diagnostic: Diagnostic) => {
    const d = escapeDiagnostic({ ...diagnostic, file: pathPrefix + diagnostic.file });
    const props = [`file=${escapeProperty(d.file)}`, `line=${Number(d.line)}`, `col=${Number(d.column)}`, `endLine=${Number(d.endLine)}`, `endColumn=${Number(d.endColumn)}`, `title=${escapeProperty(d.rule)}`].join(',');
    return `::${d.severity} ${props}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}`;
  };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const annotations = [...errors.slice(0, MAX_ANNOTATIONS), ...warnings.slice(0, MAX_ANNOTATIONS)].map(annotate);
  const unannotated = Math.max(0, errors.length - MAX_ANNOTATIONS) + Math.max(0, warnings.length - MAX_ANNOTATIONS);
  const log = diagnostics.flatMap((d) => logLines({ ...d, file: pathPrefix + d.file }));
  const note = unannotated ? [`(${plural(unannotated, 'more problem')} listed above without an annotation: GitHub shows ${MAX_ANNOTATIONS} of each kind per step)`] : [];
  return [...log, ...annotations, ...note, summary(diagnostics, fileCount)].join('\n') + '\n';
}

export function formatReport(format: ReportFormat, diagnostics: Diagnostic[], fileCount: number, pathPrefix = ''): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'github') return formatGithub(diagnostics, fileCount, pathPrefix);
  return formatText(diagnostics, fileCount);
}
