/**
 * What `plumbline(options)` is given, and how it becomes the catalog the site shows. Each setting
 * is taken from the first of: the option, what a `plumbline` command asked for, the environment
 * (CATALOG_DIR, CATALOG_TODAY), and the default (Astro's root, the current date).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidTodayError, resolveToday } from '../core/today.ts';
import type { SiteCatalog } from './analysis.ts';
import type { ComponentOverrides } from './component-slots.ts';

export interface PlumblineOptions {
  /** The catalog's root folder, absolute or relative to Astro's root. Default: CATALOG_DIR, else Astro's root. */
  catalog?: string;
  /** The "as of" date, YYYY-MM-DD. Default: CATALOG_TODAY, else the current date. */
  today?: string;
  /** The catalog's own components for Plumbline's slots, paths relative to Astro's root. */
  components?: ComponentOverrides;
}

/** What a `plumbline` command asks of a build that runs the catalog's own astro.config.*. */
export interface CommandRequest {
  root?: string;
  today?: string;
}

const COMMAND_REQUEST = Symbol.for('plumbline.options');
const shared = globalThis as typeof globalThis & { [COMMAND_REQUEST]?: CommandRequest };

/** Called by a command before it starts Astro; `plumbline()` in the catalog's config reads it. */
export function requestFromCommand(request: CommandRequest | undefined): void {
  shared[COMMAND_REQUEST] = request;
}

/** A setting the build cannot start with, said in one line that names where it came from. */
export class SiteOptionError extends Error {}

export function resolveSiteCatalog(options: PlumblineOptions, astroRoot: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): SiteCatalog {
  const request = shared[COMMAND_REQUEST] ?? {};
  const root = options.catalog !== undefined ? resolve(astroRoot, options.catalog) : (request.root ?? (env.CATALOG_DIR ? resolve(env.CATALOG_DIR) : astroRoot));
  const [today, source] =
    options.today !== undefined ? [options.today, 'the today option of plumbline()'] : request.today !== undefined ? [request.today, '--today'] : [env.CATALOG_TODAY, 'CATALOG_TODAY'];
  try {
    return { root, today: resolveToday(today, {}, now) };
  } catch (error) {
    if (!(error instanceof InvalidTodayError)) throw error;
    throw new SiteOptionError(`${error.message} (from ${source}); set it to a date such as 2026-03-31, or unset it for today`);
  }
}

/**
 * PLUMBLINE_CACHE_DIR, when set: a folder Astro may write its cache to, made if it is not there.
 * Builds of different catalogs keep their caches apart with it; they still share the project's
 * `.astro/` folder (Astro writes its server bundle and MDX module list there whatever the cache
 * folder), so two builds of one project must not run at once.
 */
export function prepareCacheDir(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    mkdirSync(value, { recursive: true });
    accessSync(value, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'is a file, not a folder' : code === 'ENOTDIR' ? 'is inside a file, not a folder' : `cannot be written (${code})`;
    throw new SiteOptionError(`PLUMBLINE_CACHE_DIR=${JSON.stringify(value)} ${why}: set it to a folder the build may write its cache to, or unset it for node_modules/.astro`);
  }
  return resolve(value);
}
