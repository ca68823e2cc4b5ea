/** Helpers for rule tests: one rule's findings as `file:line:column severity` strings, and small catalog edits. */
import { analyze, TODAY, type Files } from './catalog.ts';

/** The diagnostics of one rule, as `file:line:column severity` strings. */
export function hits(files: Files, rule: string, today = TODAY): string[] {
  return analyze(files, today)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);
}

/** The messages of one rule's diagnostics. */
export function messages(files: Files, rule: string, today = TODAY): string[] {
  return analyze(files, today)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => d.message);
}

/** The files with `rules:` settings appended to catalog.config.yaml, given as YAML lines. */
export function withRules(files: Files, ...lines: string[]): Files {
  return { ...files, 'catalog.config.yaml': `${files['catalog.config.yaml']}rules:\n${lines.map((l) => `  ${l}\n`).join('')}` };
}

/** One file with a line replaced (matched exactly), removed (`undefined`), or a line appended (`from` null). */
export function editLine(files: Files, path: string, from: string | null, to: string | undefined): Files {
  const lines = files[path]!.replace(/\n$/, '').split('\n');
  if (from === null) {
    if (to !== undefined) lines.push(to);
  } else {
    const i = lines.indexOf(from);
    if (i < 0) throw new Error(`no line "${from}" in ${path}`);
    if (to === undefined) lines.splice(i, 1);
    else lines[i] = to;
  }
  return { ...files, [path]: `${lines.join('\n')}\n` };
}

/**
 * A complete active metric as YAML: lagging, with thresholds and no data file. `fields` replace
 * or add top-level lines (`{ primary: 'true' }`); a field set to `undefined` is left out.
 */
export function metricYaml(fields: Record<string, string | undefined> = {}): string {
  const base: Record<string, string | undefined> = {
    name: 'Patients seen',
    description: 'Patients seen in the week.',
    why: 'seeing patients is the point.',
    supports: '[access]',
    indicator: 'lagging',
    owner: 'ops',
    unit: 'count',
    direction: 'up',
    formula: 'count of completed visits',
    source: '{ system: Epic }',
    cadence: 'weekly',
    thresholds: '{ green: 100, red: 80 }',
    ...fields,
  };
  return Object.entries(base)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n') + '\n';
}
