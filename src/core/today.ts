/** The "as of" date every derived status uses: --today, else CATALOG_TODAY, else the current date. */
import { isoDate } from './schemas/common.ts';

export function resolveToday(explicit?: string, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const value = explicit ?? env.CATALOG_TODAY;
  if (value === undefined || value === '') return now.toISOString().slice(0, 10);
  if (!isoDate.safeParse(value).success) {
    throw new InvalidTodayError(`the "as of" date "${value}" is not a real date written YYYY-MM-DD`);
  }
  return value;
}

export class InvalidTodayError extends Error {}
