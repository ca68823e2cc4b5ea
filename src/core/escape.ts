/**
 * Catalog text in what we print. File names, keys and values come from pull requests, and every
 * output is read line by line by something that acts on it: a terminal, the GitHub Actions runner
 * (which runs a line starting with `::`, or holding `##[` anywhere, as a workflow command), a
 * Markdown renderer. This module is the one home of escaping: `escapeLine` makes any
 * catalog-derived string unable to end its line, carry a legacy `##[` command, or hide and reorder
 * text; `inertLine` is the last guard on each whole line we print that is not a command we mean
 * (no such line starts with `::`); Markdown and JSON build on them.
 */
import type { Diagnostic, RuleId } from './diagnostics.ts';

/**
 * Shown as escapes rather than printed: C0 controls (CR, LF, TAB and the rest), DEL, C1 controls
 * (NEL among them), the line and paragraph separators U+2028/U+2029, the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), the bidi marks (U+061C, U+200E, U+200F)
 * and the byte-order mark U+FEFF.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A catalog-derived string, safe for a single output line: every character listed above written
 * as a visible escape (`\n`, `\r`, `\t`, else `\uXXXX`), and the runner's legacy command marker
 * `##[` broken as `#\u0023[`. Backslashes are kept as they are, so the result is for reading, not
 * for decoding (the JSON formats keep exact values). Idempotent.
 */
export function escapeLine(text: string): string {
  return String(text)
    .replace(UNSAFE, (c) => SHORT[c] ?? unicodeEscape(c))
    .replace(/##\[/g, '#\\u0023[');
}

/**
 * A diagnostic with every text field (file, rule, message, hint) through escapeLine and the
 * severity one of the two: what every format that prints diagnostics starts from. A rule id is a
 * declared kebab-case id that escaping leaves as it is; it goes through escapeLine all the same.
 */
export function escapeDiagnostic(d: Diagnostic): Diagnostic {
  const safe: Diagnostic = { ...d, file: escapeLine(d.file), severity: d.severity === 'error' ? 'error' : 'warning', rule: escapeLine(d.rule) as RuleId, message: escapeLine(d.message) };
  if (d.hint !== undefined) safe.hint = escapeLine(d.hint);
  return safe;
}

/**
 * A whole line we print, made inert for the Actions runner: a `::` that starts it (after the
 * whitespace the runner trims) is written `\u003a:`, and any `##[` is broken. For every line that
 * is not an annotation we mean to emit; lines built from `escapeLine`d parts pass unchanged unless
 * a catalog string starts the line.
 */
export function inertLine(line: string): string {
  return escapeLine(line).replace(/^([\s\u0085]*):(?=:)/, '$1\\u003a');
}

/** Every line of a text through `inertLine`. */
export function inertLines(text: string): string {
  return text.split('\n').map(inertLine).join('\n');
}

/** Characters JSON.stringify leaves raw that still reorder, hide or break lines when the JSON is shown. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A value as indented JSON whose text holds no raw control, separator or bidi character and no
 * `##[`: they are written as `\uXXXX` escapes inside their strings (the only place they can occur),
 * so JSON.parse returns exactly the original values.
 */
export function jsonText(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return JSON.stringify(value, replacer, 2).replace(JSON_UNSAFE, unicodeEscape).replace(/##\[/g, '##\\u005b') + '\n';
}

const HTML: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Catalog prose as inert Markdown on one line: whitespace runs (line breaks among them) read as
 * one space, other controls as escapes; the characters that start emphasis, code, links, headings,
 * tables or strike-through escaped; no HTML; no @-mentions (a zero-width space follows @).
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(String(text).replace(/\s+/g, ' ').trim())
    .replace(/[\\`*_[\]#|~<>&]/g, (c) => HTML[c] ?? `\\${c}`)
    .replace(/@/g, '@\u200b');
}

/**
 * Text in a code span (ids, file names, keys, values), shown exactly but on one line: controls as
 * escapes, fenced with more backticks than it contains. Inside a code span GitHub renders no HTML,
 * links or mentions.
 */
export function codeSpan(text: string): string {
  const flat = escapeLine(String(text));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GitHub handle as schema-checked owners write it, safe to print as a mention. */
const HANDLE = /^@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9._-]+)?$/;

/** A handle as a mention when it is one; anything else as escaped text that mentions nobody. */
export function mention(handle: string): string {
  return HANDLE.test(handle) ? handle : escapeMarkdown(handle);
}
