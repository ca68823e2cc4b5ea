/**
 * Fitting labels into diagram boxes at build time, where no font can be measured: widths are
 * estimated from per-character classes of a sans-serif face, erring wide so text never spills.
 */

/** Approximate advance widths in em, by character class, taken a little wide of DejaVu Sans. */
const NARROW = new Set([...`iIjl.,:;'!|·`]);
const SEMI_NARROW = new Set([...'()[]{}frt-/"']);
const WIDE = new Set([...'mwMW@%&']);

function classify(char: string): number {
  if (char === ' ') return 0.33;
  if (NARROW.has(char)) return 0.3;
  if (SEMI_NARROW.has(char)) return 0.43;
  if (WIDE.has(char)) return 0.95;
  if (/[A-Z]/.test(char)) return 0.74;
  if (/[0-9]/.test(char)) return 0.65;
  if (/[a-z]/.test(char)) return 0.62;
  return 0.7; // anything else: other punctuation, accents, other scripts
}

/** Widths of the first 256 code points, looked up rather than classified on every call. */
const WIDTHS = Array.from({ length: 256 }, (_, code) => classify(String.fromCharCode(code)));
const OTHER = 0.7;

function charWidth(char: string): number {
  const code = char.charCodeAt(0);
  return code < 256 ? WIDTHS[code]! : OTHER;
}

/** Estimated width in pixels of `text` set at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code < 0xe000) continue; // second half of a surrogate pair: one character
    em += code < 256 ? WIDTHS[code]! : OTHER;
  }
  return em * fontSize;
}

export interface Wrapped {
  lines: string[];
  /** True when some of the text did not fit and the last line ends in an ellipsis. */
  truncated: boolean;
}

const ELLIPSIS = '…';

/** The longest prefix of `text` that, followed by `suffix`, fits in `maxWidth`. */
function fitPrefix(text: string, maxWidth: number, fontSize: number, suffix = ''): string {
  const chars = [...text];
  let width = textWidth(suffix, fontSize);
  let end = 0;
  while (end < chars.length && width + charWidth(chars[end]!) * fontSize <= maxWidth) {
    width += charWidth(chars[end]!) * fontSize;
    end++;
  }
  return chars.slice(0, end).join('');
}

/** `text` cut to fit one line of `maxWidth` with an ellipsis, at a word boundary when one is near. */
function withEllipsis(text: string, maxWidth: number, fontSize: number): string {
  const prefix = fitPrefix(text, maxWidth, fontSize, ELLIPSIS);
  const space = prefix.lastIndexOf(' ');
  const cut = space > prefix.length * 0.6 ? prefix.slice(0, space) : prefix;
  return cut.replace(/[\s,;:.·–—-]+$/, '') + ELLIPSIS;
}

/** `text` on one line: unchanged when it fits, otherwise cut with an ellipsis. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return textWidth(clean, fontSize) <= maxWidth ? clean : withEllipsis(clean, maxWidth, fontSize);
}

/**
 * Breaks `text` into at most `maxLines` lines of at most `maxWidth` pixels, at spaces where it
 * can; a word longer than a line is split. What does not fit is cut with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): Wrapped {
  const lines: string[] = [];
  const space = charWidth(' ') * fontSize;
  let current = '';
  let currentWidth = 0;
  for (let word of text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)) {
    let width = textWidth(word, fontSize);
    if (current && currentWidth + space + width <= maxWidth) {
      current += ` ${word}`;
      currentWidth += space + width;
      continue;
    }
    if (current) lines.push(current);
    while (width > maxWidth) {
      const head = fitPrefix(word, maxWidth, fontSize) || [...word][0]!;
      lines.push(head);
      word = word.slice(head.length);
      width = textWidth(word, fontSize);
    }
    current = word;
    currentWidth = width;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, fontSize);
  return { lines: kept, truncated: true };
}

/** A level or perspective id as a label: `learning-growth` → `Learning growth`. */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace(/-/g, ' ');
}
