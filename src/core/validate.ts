/**
 * Zod issues turned into diagnostics at the YAML node they name: the key of an unknown field,
 * the value of a wrong one, the parent of a missing one. The words come from issue-words.ts,
 * which the /propose/ form shares.
 */
import type { z } from 'zod';
import { problem, type Diagnostic, type Span } from './diagnostics.ts';
import { issueWords, type IssueWords } from './issue-words.ts';
import { spanAt, type YamlSource } from './read/yaml.ts';

export function validateEntry<T>(schema: z.ZodType<T>, value: unknown, source: YamlSource): { data?: T; diagnostics: Diagnostic[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [problem('invalid-type', source.file, spanAt(source, []), 'the file must be a mapping of fields (`name: …` lines)', 'start each line with a field name followed by a colon')] };
  }
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueWords(issue, schema, value)).map((words) => problem(words.rule, source.file, placeOf(source, words), words.message, words.hint));
  return { diagnostics };
}

function placeOf(source: YamlSource, { path, at }: IssueWords): Span {
  return at === 'parent' ? spanAt(source, path.slice(0, -1), 'key') : spanAt(source, path, at);
}
