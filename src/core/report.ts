/** Diagnostics printed for people (text), tools (json) and GitHub Actions (workflow annotations). */
import type { Diagnostic } from './diagnostics.ts';

export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
}

export function summary(diagnostics: Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

export function formatText(diagnostics: Diagnostic[], fileCount: number): string {
  const lines = diagnostics.flatMap((d) => (d.hint ? [formatDiagnostic(d), `  hint: ${d.hint}`] : [formatDiagnostic(d)]));
  return [...lines, summary(diagnostics, fileCount)].join('\n') + '\n';
}

export function formatJson(diagnostics: Diagnostic[]): string {
  const rows = diagnostics.map(({ file, line, column, endLine, endColumn, severity, rule, message, hint }) => ({ file, line, column, endLine, endColumn, severity, rule, message, hint: hint ?? null }));
  return JSON.stringify(rows, null, 2) + '\n';
}

/** GitHub workflow commands: data escapes %, CR and LF; properties also escape : and ,. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: Diagnostic[], fileCount: number, pathPrefix = ''): string {
  const lines = diagnostics.map((d) => {
    const command = d.severity === 'error' ? 'error' : 'warning';
    const props = [`file=${escapeProperty(pathPrefix + d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(d.rule)}`].join(',');
    return `::${command} ${props}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}`;
  });
  return [...lines, summary(diagnostics, fileCount)].join('\n') + '\n';
}

export function formatReport(format: ReportFormat, diagnostics: Diagnostic[], fileCount: number): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'github') return formatGithub(diagnostics, fileCount);
  return formatText(diagnostics, fileCount);
}
