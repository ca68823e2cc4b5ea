/** A diagnostic is one problem at one place: what the CLI prints, the build refuses on, and tests assert. */

export type Severity = 'error' | 'warning';

/** A 1-based region of a file; end is exclusive of nothing, it is the last character's column + 1. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic extends Span {
  /** Path relative to the catalog root, with forward slashes. */
  file: string;
  severity: Severity;
  /** Stable rule id, such as `unknown-field` or `orphan-metric`. */
  rule: string;
  message: string;
  /** How to fix it. */
  hint?: string;
}

export const START_OF_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
