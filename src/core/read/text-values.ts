/**
 * Every key and text value of a parsed YAML file, checked for what no catalog text should hold:
 * control characters (invisible, and a NUL or a bidi override can make a published page say
 * something other than the file seems to) and runaway lengths (14 MB of goal titles once made a
 * 469 MB site). One walk serves every entry file and catalog.config.yaml; it works on the value,
 * so files read on the fast path stay fast, and asks for positions only when it finds something.
 */
import { problem, START_OF_FILE, type Diagnostic } from '../diagnostics.ts';
import { lineStarts, positionAt } from './positions.ts';
import { spanAt, type YamlSource } from './yaml.ts';

export interface TextLimits {
  /** Most characters in a `name` or `title`. */
  title: number;
  /** Most characters in any other text value. */
  text: number;
}

/** Most characters in a key: field names are a word or two; ids in a mapping a few more. */
export const MAX_KEY_LENGTH = 200;

/**
 * C0 controls but tab, line feed and carriage return; DEL; C1 controls; the bidi embeddings,
 * overrides and isolates that reorder how text is shown.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+0000 (NUL)`: a character named without writing it. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : code <= 0x9f ? 'a C1 control' : BIDI_NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

/** Text safe to quote in a message: control characters written as `\u0000`, long text cut short. */
export function printable(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Path = (string | number)[];

/** A node of the walk, linked to its parent so that only a finding pays for spelling out its path. */
interface Frame {
  node: unknown;
  segment?: string | number;
  parent?: Frame;
}

function pathOf(frame: Frame): Path {
  const path: Path = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.push(at.segment!);
  return path.reverse();
}

export interface TextFinding {
  path: Path;
  /** The key at the end of `path`, or its value. */
  part: 'key' | 'value';
  rule: 'control-character' | 'text-too-long';
  message: string;
  hint: string;
}

const CONTROL_HINT = 'delete it; if you cannot see it, retype the text around it (line breaks and tabs are fine)';

/** Characters, not UTF-16 units: an emoji counts once. */
function characters(text: string, atLeast: number): number {
  // A string no longer in units than the limit is no longer in characters: skip counting.
  if (text.length <= atLeast) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${printable(p)}`)).join('') || 'the file';
}

const number = (n: number) => n.toLocaleString('en-US');

/** Control characters and over-long text in the keys and text values of `root`, in no particular order. */
export function checkTextValues(root: unknown, limits: TextLimits): TextFinding[] {
  const findings: TextFinding[] = [];
  const checkKey = (key: string, path: Path) => {
    const control = CONTROL_CHARACTER.exec(key);
    if (control) {
      findings.push({ path, part: 'key', rule: 'control-character', message: `the key \`${fieldName(path)}\` holds the control character ${describeCharacter(control[0].charCodeAt(0))}`, hint: CONTROL_HINT });
    }
    const length = characters(key, MAX_KEY_LENGTH);
    if (length > MAX_KEY_LENGTH) {
      findings.push({ path, part: 'key', rule: 'text-too-long', message: `the key \`${fieldName(path)}\` is ${number(length)} characters long; the limit for keys is ${MAX_KEY_LENGTH}`, hint: 'shorten it: keys are field names and ids, a few words at most' });
    }
  };
  const checkText = (text: string, path: Path) => {
    const control = CONTROL_CHARACTER.exec(text);
    if (control) {
      findings.push({ path, part: 'value', rule: 'control-character', message: `\`${fieldName(path)}\` holds the control character ${describeCharacter(control[0].charCodeAt(0))}`, hint: CONTROL_HINT });
    }
    const last = path[path.length - 1];
    const [limit, setting] = last === 'name' || last === 'title' ? [limits.title, 'limits.title'] : [limits.text, 'limits.text'];
    const length = characters(text, limit);
    if (length > limit) {
      findings.push({ path, part: 'value', rule: 'text-too-long', message: `\`${fieldName(path)}\` is ${number(length)} characters long; the limit is ${number(limit)} (\`${setting}\`)`, hint: `shorten it, or raise \`${setting}\` in catalog.config.yaml` });
    }
  };

  // Iterative, for a value nested as deep as the YAML reader allows; a path is spelled out only for a finding.
  const stack: Frame[] = [{ node: root }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { node } = frame;
    if (typeof node === 'string') {
      if (CONTROL_CHARACTER.test(node) || node.length > Math.min(limits.title, limits.text)) checkText(node, pathOf(frame));
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], segment: i, parent: frame });
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child: Frame = { node: (node as Record<string, unknown>)[key], segment: key, parent: frame };
        if (CONTROL_CHARACTER.test(key) || key.length > MAX_KEY_LENGTH) checkKey(key, pathOf(child));
        stack.push(child);
      }
    }
  }
  return findings;
}

/**
 * The findings of `checkTextValues` as diagnostics at the key or value they name. `source` is
 * called only if there is a finding: on the fast path, that is what builds the file's syntax tree.
 */
export function textValueDiagnostics(file: string, value: unknown, limits: TextLimits, source: () => YamlSource | undefined): Diagnostic[] {
  const findings = checkTextValues(value, limits);
  if (!findings.length) return [];
  const tree = source();
  return findings.map(({ path, part, rule, message, hint }) => problem(rule, file, tree ? spanAt(tree, path, part) : START_OF_FILE, message, hint));
}

/**
 * Raw control characters in a text that is not YAML (a data file): one diagnostic per line, at
 * the first one on it. `starts` are the text's line starts, if the caller has them.
 */
export function controlCharacterDiagnostics(file: string, text: string, starts = lineStarts(text)): Diagnostic[] {
  const found: Diagnostic[] = [];
  CONTROL_CHARACTERS.lastIndex = 0;
  for (let match = CONTROL_CHARACTERS.exec(text); match; match = CONTROL_CHARACTERS.exec(text)) {
    const { line, column } = positionAt(starts, match.index);
    found.push(problem('control-character', file, { line, column, endLine: line, endColumn: column + 1 }, `this cell holds the control character ${describeCharacter(match[0].charCodeAt(0))}`, CONTROL_HINT));
    // On to the next line.
    if (line >= starts.length) break;
    CONTROL_CHARACTERS.lastIndex = starts[line]!;
  }
  return found;
}
