/** What every command shares: the catalog folder, the "as of" date, and failing with a clear word. */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidTodayError, resolveToday } from '../core/today.ts';

export const COMMON_OPTIONS = {
  dir: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The catalog root: --dir, else CATALOG_DIR, else the current folder. */
export function catalogRoot(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(dir ?? env.CATALOG_DIR ?? '.');
}

export function parseCommand<O extends ParseArgsConfig['options']>(argv: string[], options: O, usage: string) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(usage);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`, 2);
  }
}

export function todayOrFail(explicit: string | undefined): string {
  try {
    return resolveToday(explicit);
  } catch (error) {
    if (error instanceof InvalidTodayError) fail(`${error.message}; use --today YYYY-MM-DD or CATALOG_TODAY=YYYY-MM-DD`, 2);
    throw error;
  }
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`plumbline: ${message}\n`);
  process.exit(code);
}
