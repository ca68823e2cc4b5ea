/**
 * What build, dev and preview share: the options that say which catalog, as of when, and where
 * the site lives, and starting Astro with them. Astro is loaded only here, and only when one of
 * those commands runs.
 *
 * The catalog is data; Astro's project (an astro.config.*, pages of one's own in src/) is code.
 * The project is the folder the command is run from (its nearest package.json, where plumbline is
 * installed), which is the catalog's own folder in a catalog repository. So a workflow that runs
 * the command from a trusted checkout with --dir pointing at a pull request's files never runs
 * code from the pull request.
 */
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { escapeLine } from '../core/escape.ts';
import { catalogRoot, type CliIo, COMMON_OPTIONS, fail, nearestFolderWith, todayOrFail } from './common.ts';

export const SITE_OPTIONS = {
  ...COMMON_OPTIONS,
  'out-dir': { type: 'string' },
  // Astro's own spelling, which `npm run build -- --outDir DIR` has always taken.
  outDir: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Where a server listens: dev and preview only. */
export const SERVER_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The help lines of SITE_OPTIONS, for each command's usage. */
export const SITE_OPTIONS_HELP = `  --dir DIR        catalog root (default: CATALOG_DIR, else the nearest folder upwards from
                   here that holds catalog.config.yaml)
  --today DATE     the "as of" date for statuses, staleness and reviews (default: CATALOG_TODAY,
                   else today)
  --out-dir DIR    where the built site is (default: dist/ in the folder of the nearest
                   package.json, else in the catalog root)
  --site URL       the address the site is published at, such as https://acme.github.io
  --base PATH      the path of the site under that address, such as /metrics-catalog/ for a
                   GitHub Pages project site (default: /)`;

export const SERVER_OPTIONS_HELP = `  --host ADDRESS   the address to listen on, such as 0.0.0.0 for every one (default: localhost)
  --port PORT      the port to listen on (default: 4321, or the next free one)`;

export interface SiteSettings {
  /** Astro's project folder. */
  root: string;
  /** The catalog folder. */
  catalog: string;
  today: string;
  outDir?: string;
  site?: string;
  base?: string;
  server?: { host?: string; port?: number };
}

type SiteValues = { dir?: string; today?: string; 'out-dir'?: string; outDir?: string; site?: string; base?: string; host?: string; port?: string };

/** The parsed options, checked: a wrong one ends the command with exit status 2 before Astro starts. */
export function siteSettings(values: SiteValues, io: CliIo): SiteSettings {
  const { site, base, host, port } = values;
  if (site !== undefined && !/^https?:\/\/[^\s/]+/i.test(site)) fail(`--site must be an http(s) address such as https://acme.github.io; got "${site}"`, 2);
  if (base !== undefined && !base.startsWith('/')) fail(`--base must be a path that starts with /, such as /metrics-catalog/; got "${base}"`, 2);
  if (port !== undefined && !/^\d{1,5}$/.test(port)) fail(`--port must be a port number such as 4321; got "${port}"`, 2);
  const today = todayOrFail(values.today, io.env);
  const server = host !== undefined || port !== undefined ? { ...(host !== undefined && { host }), ...(port !== undefined && { port: Number(port) }) } : undefined;
  const catalog = catalogRoot(values.dir, io.env, io.cwd);
  const outDir = values['out-dir'] ?? values.outDir;
  return {
    root: nearestFolderWith(io.cwd, 'package.json') ?? catalog,
    catalog,
    today,
    ...(outDir !== undefined && { outDir: resolve(io.cwd, outDir) }),
    ...(site !== undefined && { site }),
    ...(base !== undefined && { base }),
    ...(server && { server }),
  };
}

/** Starts Astro with the settings; an error of Astro's own ends the command with exit status 1 in one line. */
export async function runSite(command: 'build' | 'dev' | 'preview', settings: SiteSettings, io: CliIo): Promise<number> {
  const { runAstro } = await import('../run/astro.ts');
  try {
    return await runAstro(command, { ...settings, env: io.env });
  } catch (error) {
    if (io.env.PLUMBLINE_DEBUG) io.stderr(`${(error as Error)?.stack ?? error}\n`);
    // Astro's message names each failing file on a line of its own: all of it, without the stack.
    const [first, ...more] = String((error as Error)?.message ?? error).trim().split('\n');
    if (more.length && !io.env.PLUMBLINE_DEBUG) io.stderr(`${more.map((line) => escapeLine(line)).join('\n')}\n`);
    fail(`${command === 'build' ? 'the site could not be built' : `the ${command} server stopped`}: ${first}`, 1);
  }
}
