/**
 * A zod issue in words, written once for `check` and the /propose/ form, so that both say the same
 * about the same mistake: which field, which rule, what is wrong, how to fix it; with a "did you
 * mean" where one fits. The form runs in the browser: no Node imports here.
 */
import type { z } from 'zod';
import type { RuleId } from './diagnostics.ts';
import { hintAt, keysAt } from './schema-walk.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

export interface IssueWords {
  /** The field the problem is about; for an unknown field, that field. */
  path: Path;
  /** Where a file shows it: the field's key, its value, or, for a field that is absent, the key of the mapping that lacks it. */
  at: 'key' | 'value' | 'parent';
  rule: RuleId;
  /** A sentence that names the field and the value given, for a report: "`cadence` must be one of …; got "wekly"". */
  message: string;
  /** What is wrong, said beside the field, which shows the field and its value already: "required". */
  brief: string;
  hint?: string;
}

/** The `params` of a refinement that names its rule (and a hint) beside the field it checks. */
export function ruleParams(rule: RuleId, hint?: string): { rule: RuleId; hint?: string } {
  return hint === undefined ? { rule } : { rule, hint };
}

/** The problems an issue of `schema` over `root` stands for: a union's issue may hold several, or one in a branch. */
export function issueWords(issue: Issue, schema: z.ZodType, root: unknown): IssueWords[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = fieldName(path);

  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => ({
      path: [...path, key],
      at: 'key',
      rule: 'unknown-field',
      message: `unknown field \`${key}\`${path.length ? ` in \`${field}\`` : ''}`,
      brief: `unknown field \`${key}\``,
      hint: didYouMean(key, known) ?? (known.length ? `the fields here are: ${known.join(', ')}` : undefined),
    }));
  }

  const input = valueAt(root, path);
  // A required enum (`indicator`, `kind`, …) that is absent fails as a wrong value of nothing: it is missing.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && input === undefined) {
    const options = issue.code === 'invalid_value' ? `set it to one of ${issue.values.map(String).join(', ')}` : undefined;
    return [{ path, at: 'parent', rule: 'missing-field', message: `\`${field}\` is required`, brief: 'required', hint: hintAt(schema, path) ?? options }];
  }
  if (issue.code === 'invalid_type' && input === null) {
    return [{ path, at: 'key', rule: 'missing-field', message: `\`${field}\` has no value`, brief: 'has no value', hint: hintAt(schema, path) ?? 'give it a value or remove the line' }];
  }
  if (issue.code === 'invalid_union') {
    // One branch fits the value's shape (`{ above: high }`, `warning` for a severity): its problems are the real ones.
    const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'unrecognized_keys')));
    if (fitting.length === 1) {
      return fitting[0]!.flatMap((inner) => issueWords({ ...inner, path: [...issue.path, ...inner.path] } as Issue, schema, root));
    }
    // A key no branch knows (`{ abov: 9 }`) is a typo: report it like any unknown field.
    const strays = issue.errors.map((branch) => branch.find((i): i is z.core.$ZodIssueUnrecognizedKeys => i.code === 'unrecognized_keys' && i.path.length === 0)?.keys ?? []);
    const unknownToAll = strays[0]!.filter((key) => strays.every((keys) => keys.includes(key)));
    if (unknownToAll.length) {
      const known = keysAt(schema, path);
      return unknownToAll.map((key) => ({
        path: [...path, key],
        at: 'key',
        rule: 'unknown-field',
        message: `unknown field \`${key}\` in \`${field}\``,
        brief: `unknown field \`${key}\``,
        hint: didYouMean(key, known) ?? unionMessage(field),
      }));
    }
    return [{ path, at: 'value', rule: 'invalid-value', message: `\`${field}\` ${unionMessage(field)}`, brief: unionMessage(field) }];
  }

  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const hint = typeof input === 'string' ? didYouMean(input, options) : undefined;
    // Beside a choice, the options are listed the way the format writes them: `up|down|range`.
    return [{ path, at: 'value', rule: 'invalid-value', message: `\`${field}\` must be one of ${options.join(', ')}; got ${show(input)}`, brief: `must be one of ${options.join('|')}`, hint }];
  }
  const wrong = (rule: RuleId, requirement: string): IssueWords[] => [{ path, at: 'value', rule, message: `\`${field}\` ${requirement}; got ${show(input)}`, brief: requirement }];
  if (issue.code === 'invalid_format') {
    return wrong(issue.format === 'date' ? 'invalid-date' : issue.format === 'url' ? 'invalid-url' : 'invalid-value', issue.message);
  }
  if (issue.code === 'invalid_type') return wrong('invalid-type', `must be ${article(issue.expected)}`);

  // A refinement may name its rule and carry its hint beside the field it checks (ruleParams).
  const params = (issue as { params?: { rule?: RuleId; hint?: unknown } }).params;
  const hint = params?.hint === undefined ? undefined : String(params.hint);
  const message = issue.code === 'custom' ? issue.message : `\`${field}\` ${issue.message}`;
  return [{ path, at: 'value', rule: params?.rule ?? 'invalid-value', message, brief: issue.message, hint }];
}

function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || 'file';
}

function valueAt(root: unknown, path: Path): unknown {
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
