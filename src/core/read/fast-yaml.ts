/**
 * The fast way to read a plain YAML file: js-yaml, with a schema that resolves plain scalars by
 * exactly the rules the careful reader (yaml.ts, the `yaml` package's YAML 1.2 core schema) uses.
 * It gives values but no positions, so it only ever answers for files whose value it is sure of:
 * anything unusual (a syntax error, a directive, a tag, an anchor or alias, a key that is not a
 * plain string, several documents, a parser warning, deep nesting, a file that is not a mapping
 * or list, and the few spellings in `readsDifferently` that js-yaml reads its own way) returns
 * undefined, and the careful reader reads the file and reports what is wrong. Both readers give
 * the same value for every file the fast one answers for: test/core/fast-yaml.test.ts checks it
 * on random documents written with every number, boolean and null form.
 */
import { FAILSAFE_SCHEMA, load, Type, type LoadOptions } from 'js-yaml';
import { MAX_DEPTH } from './yaml.ts';

/**
 * YAML 1.2 core schema, pattern for pattern and value for value as `yaml` resolves it
 * (node_modules/yaml/dist/schema/core): no binary, no signed hex or octal, no `_` separators, no
 * sexagesimal numbers, no `yes`/`on`, no timestamps, no merge keys; `017` is 17 and `-0` is -0.
 */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FRACTION = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const NOT_CORE = Symbol('string');

/** The value of a plain scalar under the core schema, or NOT_CORE for a string. */
function resolveCore(text: string): unknown {
  const first = text.charCodeAt(0);
  // Most plain scalars are words: only these first characters can start anything else.
  if (text === '' || first === 0x7e /* ~ */ || first === 0x6e /* n */ || first === 0x4e /* N */) return NULL.test(text) ? null : NOT_CORE;
  if (first === 0x74 /* t */ || first === 0x54 /* T */ || first === 0x66 /* f */ || first === 0x46 /* F */) return BOOL.test(text) ? first === 0x74 || first === 0x54 : NOT_CORE;
  if (!((first >= 0x30 && first <= 0x39) || first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x2e /* . */)) return NOT_CORE;
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (INFINITY_OR_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : first === 0x2d ? -Infinity : Infinity;
  if (EXPONENT.test(text) || FRACTION.test(text)) return parseFloat(text);
  return NOT_CORE;
}

/**
 * One type for every plain scalar that is not a string. Its tag is our own, so an explicit `!!int`
 * in a file is an unknown tag here (the careful reader then reads it), and the listener below can
 * tell our resolutions from tags written in the file.
 */
const TAG = 'tag:plumbline,2026:core';
// js-yaml asks `resolve` whether a scalar is ours, then `construct` for its value: work it out once.
let lastText = '';
let lastValue: unknown = null;
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type(TAG, {
      kind: 'scalar',
      resolve(data: unknown) {
        if (typeof data !== 'string') return false;
        lastText = data;
        lastValue = resolveCore(data);
        return lastValue !== NOT_CORE;
      },
      construct: (data: string) => (data === lastText ? lastValue : resolveCore(data)),
    }),
  ],
});

/**
 * The careful reader keeps every key as written (`007: x` is the key "007"); js-yaml resolves a
 * plain key like a value and stringifies it ("7"). A key spelled like a stringified number,
 * boolean or null may have been written another way, so the file goes to the careful reader.
 */
const NUMBER_KEY = /^-?(?:[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|Infinity)$/;

function keyInDoubt(key: string): boolean {
  const first = key.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || first === 0x2d) return NUMBER_KEY.test(key);
  return key === 'null' || key === 'true' || key === 'false' || key === 'NaN' || key === 'Infinity';
}

/** A `-` with nothing after it on its line but spaces or a comment. */
const DASH_AT_END_OF_LINE = /-[ \t]*(?:#[^\n\r]*)?(?:[\n\r]|$)/;

/** A line ending in a list entry's `-`; the group is everything before that `-`. */
const BARE_DASH = /^([ \t]*(?:-[ \t]+)*)-[ \t]*(?:#.*)?$/gm;

/**
 * A block list entry with nothing in it: js-yaml reads the entries after such a list, a level
 * out, into the list itself (`- -\n- b` is [[null, "b"]] to it, [[null], "b"] to YAML). An entry
 * whose value starts on the next line (`-\n  name: x`) is fine.
 */
function hasEmptyListEntry(text: string): boolean {
  if (!DASH_AT_END_OF_LINE.test(text)) return false;
  BARE_DASH.lastIndex = 0;
  for (let match = BARE_DASH.exec(text); match; match = BARE_DASH.exec(text)) {
    const column = match[1]!.length;
    // The entry is empty unless the next line with content is indented further than its `-`.
    let at = BARE_DASH.lastIndex;
    for (;;) {
      const end = text.indexOf('\n', at);
      if (end < 0) return true;
      at = end + 1;
      let indent = 0;
      while (text.charCodeAt(at + indent) === 0x20) indent++;
      const next = text.charCodeAt(at + indent);
      if (next === 0x0a || next === 0x0d || next === 0x23 /* # */ || Number.isNaN(next)) continue;
      if (indent <= column) return true;
      break;
    }
  }
  return false;
}

/** A line of nothing but spaces, and a block scalar header (`|`, `>-`, …) that it may belong to. */
const BLANK_WITH_SPACES = /^[ \t]+$/m;
const BLOCK_SCALAR = /(?:^|[ \t])[|>][-+]?[ \t]*(?:#.*)?$/m;

/**
 * Spellings js-yaml reads otherwise than the careful reader, or reads where the careful reader
 * refuses them. None is usual in a catalog, and most are ruled out by a search for one character.
 */
function readsDifferently(text: string): boolean {
  // A directive (`%YAML`, `%TAG`) can change how the rest is read.
  if (text.charCodeAt(0) === 0x25 || text.includes('\n%')) return true;
  // A tab in indentation.
  if (text.includes('\t') && /^ *\t/m.test(text)) return true;
  // A carriage return without a line feed, and the line breaks YAML 1.2 reads as text; a byte-order mark
  // other than the file's first character (the file reader drops that one).
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return true;
  if (/[\ufeff\u0085\u2028\u2029]/.test(text)) return true;
  // A `#` right after a quote, bracket or comma (`'a'#b`): a comment to js-yaml, an error to YAML.
  if (text.includes('#') && /["'[\]{},]#/.test(text)) return true;
  // A `---` or `...` line with more on it: `---kind` is a document marker to js-yaml, text to YAML.
  if ((text.includes('---') || text.includes('...')) && /^(?:---|\.\.\.)(?![ \t]*$)/m.test(text)) return true;
  if (text.includes('|') || text.includes('>')) {
    // A block scalar with an explicit indentation (`>2`), which js-yaml does not hold its lines to.
    if (/(?:^|[ \t])[|>][-+]?[0-9]/m.test(text)) return true;
    // Lines of nothing but spaces, which js-yaml counts otherwise in a block scalar (keep chomping, more-indented leading lines).
    if (BLANK_WITH_SPACES.test(text) && BLOCK_SCALAR.test(text)) return true;
  }
  return hasEmptyListEntry(text);
}

/** What the listener sees of js-yaml's parser state (not in its type definitions). */
interface ParserState {
  kind: string | null;
  tag: string | null;
  anchor: string | null;
  result: unknown;
}

export function parseFastYaml(text: string): { value: unknown } | undefined {
  if (readsDifferently(text)) return undefined;
  let unusual = false;
  // A node can close more than once (js-yaml reads `- { a: 1 }` as a possible key first), so keep objects.
  const collections: unknown[] = [];
  const options: LoadOptions & { maxDepth: number } = {
    schema: CORE_1_2,
    json: false,
    maxDepth: MAX_DEPTH,
    onWarning: () => {
      unusual = true;
    },
    listener(event, state) {
      const { kind, tag, anchor, result } = state as unknown as ParserState;
      // Quoted and block scalars have no tag, unresolved plain ones `?`, resolved ones ours; any other was written in the file.
      // Checked when a node opens too: js-yaml can read a tag, then re-read the node without it (`!x\n...` is null to it).
      if ((anchor !== null && anchor !== undefined) || (tag !== null && tag !== undefined && tag !== '?' && tag !== TAG)) unusual = true;
      else if (event === 'close' && (kind === 'mapping' || kind === 'sequence')) collections.push(result);
    },
  };
  let value: unknown;
  try {
    value = load(text, options);
  } catch {
    return undefined;
  }
  // A file is a mapping (or, wrongly, a list): a lone scalar (or nothing, which is undefined to js-yaml and null to
  // YAML) is no entry, and js-yaml reads a block scalar at the top level with its own idea of indentation.
  if (unusual || value === null || typeof value !== 'object') return undefined;
  const reached = plainCollections(value);
  if (!reached) return undefined;
  // A list or mapping used as a key is turned into a string by js-yaml, so it is missing from the value.
  for (const collection of collections) if (!reached.has(collection)) return undefined;
  return { value };
}

/** The lists and mappings in the value, or undefined if a key is in doubt or one of them appears twice. */
function plainCollections(root: unknown): Set<unknown> | undefined {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return undefined;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (keyInDoubt(key)) return undefined;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return seen;
}
