/**
 * Helpers for the core tests: edits that fail loudly when they do not apply (so a test can never
 * check an unbroken catalog by accident), positions computed from the text a test wrote, and the
 * errors of a catalog as `file:line:column rule` strings.
 */
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { analyze, TODAY, type Files } from './catalog.ts';

/** The files with `from` replaced by `to` in one file; throws if `from` is not in it. */
export function edit(files: Files, path: string, from: string, to: string): Files {
  const text = files[path];
  if (text === undefined) throw new Error(`no file ${path}`);
  if (!text.includes(from)) throw new Error(`no "${from}" in ${path}`);
  return { ...files, [path]: text.replace(from, to) };
}

/** The files with some of them replaced or added; `undefined` removes a file. */
export function withFiles(files: Files, changes: Record<string, string | undefined>): Files {
  const next = { ...files };
  for (const [path, content] of Object.entries(changes)) {
    if (content === undefined) delete next[path];
    else next[path] = content;
  }
  return next;
}

/** The files with lines added at the end of one file. */
export function append(files: Files, path: string, ...lines: string[]): Files {
  const text = files[path];
  if (text === undefined) throw new Error(`no file ${path}`);
  return { ...files, [path]: `${text}${lines.map((line) => `${line}\n`).join('')}` };
}

/** `path:line:column` of the first occurrence of `needle` in a file, 1-based. */
export function at(files: Files, path: string, needle: string): string {
  const text = files[path];
  const index = text?.indexOf(needle) ?? -1;
  if (index < 0) throw new Error(`no "${needle}" in ${path}`);
  const before = text!.slice(0, index);
  return `${path}:${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

/**
 * The errors as `file:line:column rule`. Governance rules only warn, so a test that breaks one
 * thing sees exactly the errors it caused, whatever warnings follow from it.
 */
export function errors(files: Files, today = TODAY): string[] {
  return analyze(files, today)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
}

/** The only diagnostic of a rule; fails if there is none or more than one. */
export function one(files: Files, rule: string, today = TODAY): Diagnostic {
  const found = analyze(files, today).diagnostics.filter((d) => d.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule}, got ${found.length}: ${JSON.stringify(found, null, 2)}`);
  return found[0]!;
}
