/**
 * Safe YAML parsing that keeps positions: core schema only (no custom tags, no timestamps, so
 * dates stay strings), duplicate keys refused, aliases capped so an alias bomb cannot expand,
 * nesting capped so a pile of `[` cannot exhaust the stack.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node, type DocumentOptions, type Pair, type ParseOptions, type SchemaOptions, type YAMLError, type YAMLMap } from 'yaml';
import { problem, START_OF_FILE, type Diagnostic, type Span } from '../diagnostics.ts';
import type { LoaderRuleId } from '../loader-rules.ts';
import { shiftSpan } from './positions.ts';

/** More aliases than this in one file is treated as an attack, not a catalog. */
export const MAX_ALIASES = 50;

/** Lists and mappings nested deeper than this are treated as an attack: real entries nest three or four levels. */
export const MAX_DEPTH = 64;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (the `---` line of MDX frontmatter). */
  lineOffset: number;
}

export interface ParsedYaml {
  value: unknown;
  source: YamlSource;
  diagnostics: Diagnostic[];
}

export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = withoutStackTraces(() => parseSafely(text, lineCounter));
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  const diagnostics = listProblems(source, [...doc.errors, ...doc.warnings]);
  if (diagnostics.length) return { value: undefined, source, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), source, diagnostics };
  } catch (error) {
    diagnostics.push(
      problem(
        'yaml-aliases',
        file,
        shiftSpan(START_OF_FILE, lineOffset),
        `YAML aliases expand too far (${(error as Error).message.replace(/\.$/, '')})`,
        `use at most ${MAX_ALIASES} aliases and do not nest them; write the values out instead`,
      ),
    );
    return { value: undefined, source, diagnostics };
  }
}

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  // Checked in `structureProblems` instead: the library's own check is quadratic in the number of keys.
  uniqueKeys: false,
  stringKeys: true,
  merge: false,
  prettyErrors: false,
  strict: true,
};

/**
 * `parseDocument` in its two steps: the syntax tree is built without recursion, but turning it
 * into nodes recurses, so nesting is measured in between and a pile of `[` never gets that far.
 */
function parseSafely(text: string, lineCounter: LineCounter): Document.Parsed {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  const [doc, extra] = new Composer(OPTIONS).compose(deep === undefined ? tokens : [], true, text.length);
  if (deep !== undefined) doc!.errors.push(new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', 'nested too deeply'));
  if (extra) doc!.errors.push(new YAMLParseError([extra.range[0], extra.range[1]], 'MULTIPLE_DOCS', 'more than one document'));
  return doc!;
}

/** Offset of the first list or mapping nested deeper than MAX_DEPTH in the syntax tree, or undefined. */
function tooDeep(tokens: CST.Token[]): number | undefined {
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_DEPTH) return token.offset;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** A garbage file can hold 100,000 syntax errors: they are data here, so skip capturing a stack trace for each. */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

interface Problem {
  code: string;
  message: string;
  pos: [number, number];
}

/** The parser's problems and our own structure checks, in file order, each place reported once. */
function listProblems(source: YamlSource, errors: YAMLError[]): Diagnostic[] {
  const problems: Problem[] = [...errors.map((e) => ({ code: e.code as string, message: e.message, pos: e.pos })), ...structureProblems(source.doc)];
  problems.sort((a, b) => a.pos[0] - b.pos[0]);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const found of problems) {
    const key = `${found.code}:${found.pos[0]}:${found.pos[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { rule, message, hint } = describeYamlProblem(found.code, found.message);
    diagnostics.push(problem(rule, source.file, spanOfRange(source, found.pos[0], found.pos[1]), message, hint));
  }
  return diagnostics;
}

/** A chain of the anchors around a node, innermost first. */
interface Anchors {
  name: string;
  outer?: Anchors;
}

/**
 * Keys given twice in one mapping, and aliases that name no earlier anchor or sit inside the
 * value they name (which would make the data circular); found without recursion.
 */
function structureProblems(doc: Document.Parsed): Problem[] {
  const problems: Problem[] = [];
  const anchorsAt: { name: string; offset: number }[] = [];
  const aliases: { name: string; pos: [number, number] }[] = [];
  const stack: { node: unknown; around?: Anchors }[] = [{ node: doc.contents }];
  while (stack.length) {
    const { node, around } = stack.pop()!;
    if (isAlias(node)) {
      const pos: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
      let inside = around;
      while (inside && inside.name !== node.source) inside = inside.outer;
      if (inside) problems.push({ code: 'RECURSIVE_ALIAS', message: node.source, pos });
      else aliases.push({ name: node.source, pos });
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    const anchors = node.anchor ? { name: node.anchor, outer: around } : around;
    if (node.anchor) anchorsAt.push({ name: node.anchor, offset: node.range?.[0] ?? 0 });
    if (isSeq(node)) for (const item of node.items) stack.push({ node: item, around: anchors });
    if (!isMap(node)) continue;
    const keys = new Set<string>();
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const key = String(pair.key.value);
        if (keys.has(key)) problems.push({ code: 'DUPLICATE_KEY', message: key, pos: [pair.key.range[0], pair.key.range[1]] });
        keys.add(key);
      }
      stack.push({ node: pair.key, around: anchors }, { node: pair.value, around: anchors });
    }
  }
  // An alias refers to an anchor set before it in the file.
  anchorsAt.sort((a, b) => a.offset - b.offset);
  aliases.sort((a, b) => a.pos[0] - b.pos[0]);
  const defined = new Set<string>();
  let next = 0;
  for (const alias of aliases) {
    while (next < anchorsAt.length && anchorsAt[next]!.offset < alias.pos[0]) defined.add(anchorsAt[next++]!.name);
    if (!defined.has(alias.name)) problems.push({ code: 'UNDEFINED_ALIAS', message: alias.name, pos: alias.pos });
  }
  return problems;
}

function describeYamlProblem(code: string, message: string): { rule: LoaderRuleId; message: string; hint?: string } {
  const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { rule: 'duplicate-key', message: `\`${message}\` is given twice in the same mapping`, hint: 'keep one of the two; YAML keeps only the last, which silently drops data' };
    case 'TAG_RESOLVE_FAILED':
      return { rule: 'yaml-tag', message: `custom YAML tags are not allowed (${firstLine})`, hint: 'remove the `!tag`; write plain strings, numbers, lists and mappings' };
    case 'RESOURCE_EXHAUSTION':
      return { rule: 'yaml-depth', message: `lists and mappings nest too deeply (the limit is ${MAX_DEPTH} levels)`, hint: 'close the open `[` and `{`, and keep entries a few levels deep' };
    case 'UNDEFINED_ALIAS':
      return { rule: 'yaml-aliases', message: `the alias \`*${message}\` has no anchor \`&${message}\` before it`, hint: 'set the anchor before the alias, or write the value out' };
    case 'RECURSIVE_ALIAS':
      return { rule: 'yaml-aliases', message: `the alias \`*${message}\` is inside the value it refers to`, hint: 'a value cannot contain itself: write it out' };
    case 'NON_STRING_KEY':
      return { rule: 'yaml-syntax', message: 'a key must be a plain name, not a list or mapping', hint: 'write keys as `name: value`' };
    case 'MULTIPLE_DOCS':
      return { rule: 'yaml-syntax', message: 'the file holds more than one YAML document', hint: 'one entry per file: remove the extra `---` separator' };
    case 'TAB_AS_INDENT':
      return { rule: 'yaml-syntax', message: 'tabs are used for indentation', hint: 'indent with spaces' };
    default:
      return { rule: 'yaml-syntax', message: `YAML syntax error: ${firstLine}`, hint: 'check the indentation and quoting near this line' };
  }
}

export function spanOfRange(source: YamlSource, start: number, end: number): Span {
  const from = source.lineCounter.linePos(start);
  const to = source.lineCounter.linePos(Math.max(start, end));
  return shiftSpan({ line: from.line, column: from.col, endLine: to.line, endColumn: to.col }, source.lineOffset);
}

type PathSegment = string | number | symbol;

const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A mapping's pairs by key, built once: a file with 100,000 unknown keys must not cost 100,000² lookups. */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * Where a field path points in the file: the key for `part: 'key'` (unknown fields), else the
 * value (wrong values). Missing nodes fall back to the deepest ancestor that exists.
 */
export function spanAt(source: YamlSource, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  let node: Node | null = source.doc.contents as Node | null;
  let keyNode: Node | null = null;
  let best: Node | null = null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc) ?? null;
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      best = keyNode;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      keyNode = null;
      best = node;
    } else {
      break;
    }
    if (node) best = part === 'key' && keyNode ? keyNode : node;
  }
  const target = best ?? (source.doc.contents as Node | null);
  if (!target?.range) return shiftSpan(START_OF_FILE, source.lineOffset);
  return spanOfRange(source, target.range[0], target.range[1]);
}
