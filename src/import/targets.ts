/**
 * What a free-text target clearly says, and nothing more: "at or above 84%" says higher is better
 * and the unit is percent; "Below 15 minutes" says lower is better. A phrase without a comparison
 * ("At 48 engineers", "TBD", "See Sisense") says no direction. The number is reported, not written
 * as a `target` (that needs a date the sources do not give) nor as `thresholds` (that needs a red
 * level nobody stated).
 */
import type { MetricData } from '../core/schemas/metric.ts';
import { collapse } from './text.ts';

export type Comparison = 'above' | 'at-or-above' | 'below' | 'at-or-below';

export interface ParsedTarget {
  comparison: Comparison;
  value: number;
  direction: Extract<MetricData['direction'], 'up' | 'down'>;
  /** The catalog unit the phrase names, when it names one this module knows. */
  unit?: string;
  /** The words of the phrase that were read, for the report. */
  matched: string;
}

/** Comparison words, longest first so "at or above" wins over "above". */
const COMPARISONS: [RegExp, Comparison][] = [
  [/\b(?:at or above|at or greater than|equal (?:to )?or greater than|greater than or equal to|at least|no less than|not less than|minimum of)\b|>=|≥/i, 'at-or-above'],
  [/\b(?:at or below|at or less than|equal (?:to )?or less than|less than or equal to|at most|no more than|not more than|maximum of|(?:does|do|should|must) not exceed|not to exceed)\b|<=|≤/i, 'at-or-below'],
  [/\b(?:above|greater than|more than|over|exceeds?|higher than)\b|>/i, 'above'],
  [/\b(?:below|less than|fewer than|under|lower than)\b|</i, 'below'],
];

/** A number as people write it: 1,200 · .58 · 99.95 · 10K · $1.2M; with a unit or sign around it. */
const NUMBER = /^\s*(?:by\s+)?(-|\+)?\s*([$€£])?\s*(\d{1,3}(?:,\d{3})+|\d*\.\d+|\d+)\s*([kKmM](?![a-z]))?\s*(%|percent\b|per ?cent\b|days?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|ms\b|milliseconds?\b|seconds?\b|secs?\b|weeks?\b|months?\b)?/i;

const UNIT_WORDS: [RegExp, string][] = [
  [/^(?:%|percent|per ?cent)$/i, 'percent'],
  [/^days?$/i, 'days'],
  [/^(?:hours?|hrs?)$/i, 'hours'],
  [/^(?:minutes?|mins?)$/i, 'minutes'],
  [/^(?:ms|milliseconds?)$/i, 'milliseconds'],
  [/^(?:seconds?|secs?)$/i, 'seconds'],
  [/^weeks?$/i, 'weeks'],
  [/^months?$/i, 'months'],
];
const CURRENCIES: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

/** A number, a scale suffix and a unit read at the start of `text`, or undefined. */
export function readNumber(text: string): { value: number; unit?: string; length: number } | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [whole, sign, currency, digits, scale, unitWord] = match;
  let value = Number(digits!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  if (scale) value *= /k/i.test(scale) ? 1_000 : 1_000_000;
  if (sign === '-') value = -value;
  const unit = currency ? CURRENCIES[currency] : unitWord ? UNIT_WORDS.find(([re]) => re.test(unitWord))?.[1] : undefined;
  return { value: round(value), unit, length: whole.length };
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/**
 * The first comparison followed by a number in the text: "Above 95%", "The target for this metric
 * is at or below 10:1", "< 5% change", "maintaining an overall score above 79/100".
 */
export function parseTargetText(raw: string): ParsedTarget | undefined {
  const text = collapse(raw);
  let best: { index: number; length: number; comparison: Comparison } | undefined;
  for (const [pattern, comparison] of COMPARISONS) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of text.matchAll(global)) {
      const after = text.slice(match.index + match[0].length);
      if (!readNumber(after)) continue;
      if (!best || match.index < best.index) best = { index: match.index, length: match[0].length, comparison };
      break;
    }
  }
  if (!best) return undefined;
  const number = readNumber(text.slice(best.index + best.length))!;
  const direction = best.comparison === 'above' || best.comparison === 'at-or-above' ? 'up' : 'down';
  const matched = text.slice(best.index, best.index + best.length + number.length).trim();
  return { comparison: best.comparison, value: number.value, direction, unit: number.unit, matched };
}

/** How the report says a parsed target. */
export function describeParsed(parsed: ParsedTarget): string {
  const words = { above: 'above', 'at-or-above': 'at or above', below: 'below', 'at-or-below': 'at or below' }[parsed.comparison];
  return `${words} ${parsed.value}${parsed.unit ? ` ${parsed.unit}` : ''} → direction ${parsed.direction}${parsed.unit ? `, unit ${parsed.unit}` : ''}`;
}
