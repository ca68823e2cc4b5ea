/**
 * Zod issues turned into diagnostics at the YAML node they name: the key of an unknown field,
 * the value of a wrong one, the parent of a missing one; with a "did you mean" where one fits.
 */
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { spanAt, type YamlSource } from './read/yaml.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type Schema = z.ZodType;

export function validateEntry<T>(schema: z.ZodType<T>, value: unknown, source: YamlSource): { data?: T; diagnostics: Diagnostic[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      diagnostics: [
        {
          file: source.file,
          ...spanAt(source, []),
          severity: 'error',
          rule: 'invalid-type',
          message: 'the file must be a mapping of fields (`name: …` lines)',
          hint: 'start each line with a field name followed by a colon',
        },
      ],
    };
  }
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, diagnostics: [] };
  return { diagnostics: result.error.issues.flatMap((issue) => issueToDiagnostics(issue, schema, value, source)) };
}

function issueToDiagnostics(issue: Issue, schema: Schema, root: unknown, source: YamlSource): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = fieldName(path);
  const base = { file: source.file, severity: 'error' as const };

  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => ({
      ...base,
      ...spanAt(source, [...path, key], 'key'),
      rule: 'unknown-field',
      message: `unknown field \`${key}\`${path.length ? ` in \`${field}\`` : ''}`,
      hint: didYouMean(key, known) ?? (known.length ? `the fields here are: ${known.join(', ')}` : undefined),
    }));
  }

  const input = valueAt(root, path);
  // A refinement may name its rule and carry its hint beside the field it checks.
  const params = (issue as { params?: { rule?: unknown; hint?: unknown } }).params;
  const rule = params?.rule === undefined ? undefined : String(params.rule);
  const hint = params?.hint === undefined ? undefined : String(params.hint);

  // A required enum (`indicator`, `kind`, …) that is absent fails as a wrong value of nothing: it is missing.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && input === undefined) {
    const options = issue.code === 'invalid_value' ? `set it to one of ${issue.values.map(String).join(', ')}` : undefined;
    return [{ ...base, ...spanAt(source, path.slice(0, -1), 'key'), rule: 'missing-field', message: `\`${field}\` is required`, hint: hintFor(field) ?? options }];
  }
  if (issue.code === 'invalid_type' && input === null) {
    return [{ ...base, ...spanAt(source, path, 'key'), rule: 'missing-field', message: `\`${field}\` has no value`, hint: hintFor(field) ?? 'give it a value or remove the line' }];
  }
  if (issue.code === 'invalid_union') {
    // One branch fits the value's shape (`{ above: high }`, `warning` for a severity): its problems are the real ones.
    const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'unrecognized_keys')));
    if (fitting.length === 1) {
      return fitting[0]!.flatMap((inner) => issueToDiagnostics({ ...inner, path: [...issue.path, ...inner.path] } as Issue, schema, root, source));
    }
    // A key no branch knows (`{ abov: 9 }`) is a typo: report it like any unknown field.
    const strays = issue.errors.map((branch) => branch.find((i): i is z.core.$ZodIssueUnrecognizedKeys => i.code === 'unrecognized_keys' && i.path.length === 0)?.keys ?? []);
    const unknownToAll = strays[0]!.filter((key) => strays.every((keys) => keys.includes(key)));
    if (unknownToAll.length) {
      const known = keysAt(schema, path);
      return unknownToAll.map((key) => ({
        ...base,
        ...spanAt(source, [...path, key], 'key'),
        rule: 'unknown-field',
        message: `unknown field \`${key}\` in \`${field}\``,
        hint: didYouMean(key, known) ?? unionMessage(field),
      }));
    }
    return [{ ...base, ...spanAt(source, path), rule: 'invalid-value', message: `\`${field}\` ${unionMessage(field)}` }];
  }

  const span = spanAt(source, path);
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const hint = typeof input === 'string' ? didYouMean(input, options) : undefined;
    return [{ ...base, ...span, rule: 'invalid-value', message: `\`${field}\` must be one of ${options.join(', ')}; got ${show(input)}`, hint }];
  }
  if (issue.code === 'invalid_format') {
    const formatRule = issue.format === 'date' ? 'invalid-date' : issue.format === 'url' ? 'invalid-url' : 'invalid-value';
    return [{ ...base, ...span, rule: formatRule, message: `\`${field}\` ${issue.message}; got ${show(input)}` }];
  }
  if (issue.code === 'invalid_type') {
    return [{ ...base, ...span, rule: 'invalid-type', message: `\`${field}\` must be ${article(issue.expected)}; got ${show(input)}` }];
  }
  return [{ ...base, ...span, rule: rule ?? 'invalid-value', message: issue.code === 'custom' ? issue.message : `\`${field}\` ${issue.message}`, hint }];
}

function fieldName(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || 'file';
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  const text = typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping of fields' };
  return names[expected] ?? expected;
}

function unionMessage(field: string): string {
  if (/when$/.test(field)) return 'must be one of `{ above: n }`, `{ below: n }` or `{ change: "-20%", over: week|month|quarter }`';
  if (/target$/.test(field)) return 'must be `{ value, by }`, `{ min, max, by }`, or a list of those';
  return 'has a value of the wrong shape';
}

const HINTS: Record<string, string> = {
  why: 'complete the sentence "This metric matters because …"',
  supports: 'name the goal ids this metric measures progress toward, like `supports: [timely-access]`',
  owner: 'name an owner id from owners/',
  source: 'say where the number comes from: `source: { system: …, url: https://… }`',
};

function hintFor(field: string): string | undefined {
  return HINTS[field.split('.').pop()!];
}

/** The field names a strict object accepts at a path, for "did you mean". */
export function keysAt(schema: Schema, path: (string | number)[]): string[] {
  let node: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let current = s as { _zod?: { def: Record<string, unknown> } };
    for (let guard = 0; guard < 20 && current?._zod; guard++) {
      const def = current._zod.def;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType as typeof current;
      else if (def.type === 'pipe') current = def.in as typeof current;
      else break;
    }
    return current;
  };
  const defOf = (s: unknown) => (unwrap(s) as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const segment of path) {
    let def = defOf(node);
    // A union (`target: {…} | [{…}]`) is entered through the option of the segment's shape, then stepped into.
    if (def.type === 'union') {
      node = (def.options as unknown[]).find((o) => defOf(o).type === (typeof segment === 'number' ? 'array' : 'object'));
      if (!node) return [];
      def = defOf(node);
    }
    if (def.type === 'object' && typeof segment === 'string') node = (def.shape as Record<string, unknown>)[segment];
    else if (def.type === 'array') node = def.element;
    else return [];
    if (!node) return [];
  }
  const def = (unwrap(node) as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap((o) => keysAt(o as Schema, [])))];
  return [];
}
