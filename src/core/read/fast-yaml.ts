/**
 * The fast way to read a plain YAML file: js-yaml with its core schema (no timestamps, so dates
 * stay strings; no custom tags; duplicate keys refused). It gives values but no positions, so it
 * only ever answers for files that need nothing more: anything unusual (a syntax error, a tag,
 * several documents, collections shared through aliases, nesting that exhausts the stack) returns
 * undefined, and the careful parser in yaml.ts reads the file and reports what is wrong.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

export function parseFastYaml(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  return sharesCollections(value) ? undefined : { value };
}

/** Aliases to a list or mapping make js-yaml share one object in several places: an alias bomb's shape. */
function sharesCollections(root: unknown): boolean {
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return true;
    seen.add(node);
    stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return false;
}
