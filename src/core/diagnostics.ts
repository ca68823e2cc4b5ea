/** A diagnostic is one problem at one place: what the CLI prints, the build refuses on, and tests assert. */
import { isLoaderRule, LOADER_RULES, type LoaderRuleId } from './loader-rules.ts';
import type { GraphRuleId } from './rules/index.ts';

export type Severity = 'error' | 'warning';

/** Every id a diagnostic can carry: a problem found while reading, or a graph rule. */
export type RuleId = LoaderRuleId | GraphRuleId;

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
  rule: RuleId;
  message: string;
  /** How to fix it. */
  hint?: string;
}

export const START_OF_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * A problem found while reading the catalog, at the severity its rule is declared with. A graph
 * rule the schemas check as they read (`goal-parent`) is an integrity rule: always an error.
 */
export function problem(rule: RuleId, file: string, span: Span, message: string, hint?: string): Diagnostic {
  const severity = isLoaderRule(rule) ? LOADER_RULES[rule].severity : 'error';
  const { line, column, endLine, endColumn } = span;
  const found: Diagnostic = { file, line, column, endLine, endColumn, severity, rule, message };
  if (hint !== undefined) found.hint = hint;
  return found;
}

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
