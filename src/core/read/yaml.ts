/**
 * Safe YAML parsing that keeps positions: core schema only (no custom tags, no timestamps, so
 * dates stay strings), duplicate keys refused, aliases capped so an alias bomb cannot expand.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { START_OF_FILE, type Diagnostic, type Span } from '../diagnostics.ts';
import { shiftSpan } from './positions.ts';

/** More aliases than this in one file is treated as an attack, not a catalog. */
export const MAX_ALIASES = 50;

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
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    customTags: [],
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
  });
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const { rule, message, hint } = describeYamlProblem(problem.code, problem.message);
    diagnostics.push({ file, ...spanOfRange(source, problem.pos[0], problem.pos[1]), severity: 'error', rule, message, hint });
  }
  if (diagnostics.length) return { value: undefined, source, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), source, diagnostics };
  } catch (error) {
    diagnostics.push({
      file,
      ...shiftSpan(START_OF_FILE, lineOffset),
      severity: 'error',
      rule: 'yaml-aliases',
      message: `YAML aliases expand too far (${(error as Error).message.replace(/\.$/, '')})`,
      hint: `use at most ${MAX_ALIASES} aliases and do not nest them; write the values out instead`,
    });
    return { value: undefined, source, diagnostics };
  }
}

function describeYamlProblem(code: string, message: string): { rule: string; message: string; hint?: string } {
  const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { rule: 'duplicate-key', message: 'a field is given twice in the same mapping', hint: 'keep one of the two; YAML keeps only the last, which silently drops data' };
    case 'TAG_RESOLVE_FAILED':
      return { rule: 'yaml-tag', message: `custom YAML tags are not allowed (${firstLine})`, hint: 'remove the `!tag`; write plain strings, numbers, lists and mappings' };
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
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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
