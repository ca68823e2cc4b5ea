/** What the derivations need of an observed value: its date and number, oldest first. */
export interface Observation {
  date: string;
  value: number;
}

/**
 * The values that count as of `today`, and the rows dated after it. A row's date is the day its
 * value is for, compared as a day whatever the metric's cadence: a monthly value dated the first
 * of the current month counts, one dated the last day of a month not yet over is in the future
 * until that day. Future rows never reach a status, trend, trigger or freshness: a value nobody
 * can have measured yet would otherwise turn a red metric green and keep it fresh for years.
 */
export function splitAtToday<T extends Observation>(rows: readonly T[], today: string): { counted: T[]; future: T[] } {
  const counted: T[] = [];
  const future: T[] = [];
  for (const row of rows) (row.date > today ? future : counted).push(row);
  return { counted, future };
}
