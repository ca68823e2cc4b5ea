/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for cadences: one period of a cadence, how long
 * data stays fresh, when a review falls due. Pure functions over strings, computed in UTC, so the
 * same "as of" date always gives the same answer.
 */
import type { Cadence } from './schemas/common.ts';
import { plural } from './plural.ts';

/** A length of calendar time: whole months plus days. */
export interface Period {
  months: number;
  days: number;
}

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** `date` moved by calendar months, the day clamped to the month's length: 2026-01-31 + 1 month is 2026-02-28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12; // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** `date` moved forward by `period`: months first, then days. */
export function addPeriod(date: string, period: Period): string {
  return addDays(addMonths(date, period.months), period.days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** One period of each cadence. */
export const CADENCE_PERIOD: Record<Cadence, Period> = {
  daily: { months: 0, days: 1 },
  weekly: { months: 0, days: 7 },
  monthly: { months: 1, days: 0 },
  quarterly: { months: 3, days: 0 },
  yearly: { months: 12, days: 0 },
};

/** Data counts as fresh for one period plus this grace, so a value published a little late is not stale. */
export const DATA_GRACE: Record<Cadence, Period> = {
  daily: { months: 0, days: 1 },
  weekly: { months: 0, days: 3 },
  monthly: { months: 0, days: 15 },
  quarterly: { months: 1, days: 0 },
  yearly: { months: 2, days: 0 },
};

/** A review is due one period after the last, plus 10% of the period in days (at least 1). */
export const REVIEW_GRACE: Record<Cadence, Period> = {
  daily: { months: 0, days: 1 },
  weekly: { months: 0, days: 1 },
  monthly: { months: 0, days: 3 },
  quarterly: { months: 0, days: 9 },
  yearly: { months: 0, days: 36 },
};

/** The sum of two periods. */
export function plus(a: Period, b: Period): Period {
  return { months: a.months + b.months, days: a.days + b.days };
}

/** The last day on which data whose latest value is from `latest` is still fresh. */
export function freshUntil(latest: string, cadence: Cadence): string {
  return addPeriod(latest, plus(CADENCE_PERIOD[cadence], DATA_GRACE[cadence]));
}

/** The last day on which a definition last reviewed on `last` is not yet overdue. */
export function reviewDueBy(last: string, every: Cadence): string {
  return addPeriod(last, plus(CADENCE_PERIOD[every], REVIEW_GRACE[every]));
}

/** A period in words: "1 month + 15 days", "10 days", "3 months". */
export function describePeriod({ months, days }: Period): string {
  if (months && days) return `${plural(months, 'month')} + ${plural(days, 'day')}`;
  return months ? plural(months, 'month') : plural(days, 'day');
}
