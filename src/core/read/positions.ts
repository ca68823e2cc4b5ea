/** Offsets to 1-based line and column, for text that is not YAML (MDX bodies, CSV). */
import type { Span } from '../diagnostics.ts';

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

export function spanOfRange(starts: number[], start: number, end: number): Span {
  const from = positionAt(starts, start);
  const to = positionAt(starts, Math.max(start, end));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** A span shifted down by `lines`, for text embedded in a file (MDX frontmatter and body). */
export function shiftSpan(span: Span, lines: number): Span {
  return { ...span, line: span.line + lines, endLine: span.endLine + lines };
}
