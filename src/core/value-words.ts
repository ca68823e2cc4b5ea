/**
 * A value as a reader says it: the number in en-US style with its unit ("67%", "42 days",
 * "4,440,000 USD"). Pages, diagrams and reports all say values this one way.
 */
import { writtenText } from './placeholders.ts';

const UNIT_WORDS: Record<string, string> = { percent: '%', days: ' days', hours: ' hours', count: '', score: '', ratio: '' };

// One formatter each, made once: `toLocaleString` with options builds a new one per call, and
// pages format thousands of values (it was a quarter of page rendering time).
const WHOLE = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number without a unit: "4,440,000", "12.5". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? WHOLE.format(value) : DECIMAL.format(value);
}

/** A value with its unit; a unit an import left open is left out, never shown as text. */
export function formatValue(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit in UNIT_WORDS) return `${number}${UNIT_WORDS[unit]}`;
  const written = writtenText(unit);
  return written === undefined ? number : `${number} ${written}`;
}
