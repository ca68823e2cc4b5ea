/**
 * Astro's build, dev server and preview server, started from a command rather than from `astro`.
 * A project folder with its own astro.config.* adds the integration itself: only where to read
 * and write is passed on. A folder without one gets the integration here, and, when it has no
 * src/ of its own, this package's src/ (content collections live in srcDir, and Astro looks for
 * them nowhere else). The project is usually the catalog's folder; it may be another one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, dev, preview, type AstroInlineConfig } from 'astro';
import plumbline from '../integration.ts';

export type AstroCommand = 'build' | 'dev' | 'preview';

export interface AstroRunOptions {
  /** Astro's project folder, absolute: where an astro.config.* and a src/ of one's own would be. */
  root: string;
  /** The catalog folder, absolute, when it is not `root`. */
  catalog?: string;
  /** The "as of" date, YYYY-MM-DD; CATALOG_TODAY, else today, when not given. */
  today?: string;
  /** Where the site is written (build) or served from (preview), absolute; `dist/` in the root when not given. */
  outDir?: string;
  site?: string;
  base?: string;
  /** The environment the build reads its settings from (PLUMBLINE_*, CATALOG_*). */
  env: NodeJS.ProcessEnv;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Where the dev and preview servers listen. */
  server?: { host?: string; port?: number };
}

/** The names Astro looks for in the root, in its order. */
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

/** This package's src/, from src/run/ or lib/run/ alike. */
const PACKAGE_SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function hasAstroConfig(root: string): boolean {
  return CONFIG_FILES.some((file) => existsSync(join(root, file)));
}

/** The configuration passed to Astro for a catalog folder. */
export function inlineConfig(options: AstroRunOptions): AstroInlineConfig {
  const { root, outDir, site, base, server, logLevel = 'info' } = options;
  const shared: AstroInlineConfig = { root, logLevel, ...(outDir && { outDir }), ...(site && { site }), ...(base && { base }), ...(server && { server }) };
  // With a config file, the integration is already in it: listing it here too would run it twice.
  if (hasAstroConfig(root)) return shared;
  return { ...shared, configFile: false, integrations: [plumbline()], ...(existsSync(join(root, 'src')) ? {} : { srcDir: PACKAGE_SRC }) };
}

/**
 * Runs Astro's build, or a server until the process is asked to stop (Ctrl-C); resolves to the
 * exit status. Astro's own errors are thrown. The catalog folder and date reach the integration
 * as CATALOG_DIR and CATALOG_TODAY, the settings it reads whether or not a config file loads it.
 */
export async function runAstro(command: AstroCommand, options: AstroRunOptions): Promise<number> {
  const config = inlineConfig(options);
  return withEnvironment({ ...options.env, CATALOG_DIR: options.catalog ?? options.root, ...(options.today && { CATALOG_TODAY: options.today }) }, async () => {
    if (command === 'build') {
      await build(config);
      return 0;
    }
    const server = command === 'dev' ? await dev(config) : await preview(config);
    await Promise.race([stopRequested(), ...('closed' in server ? [server.closed()] : [])]);
    await server.stop();
    return 0;
  });
}

/** Resolves on the first Ctrl-C or termination request. */
function stopRequested(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Runs `body` with these variables in process.env, where Astro and the integration read them,
 * then puts back what was there: a command run in-process (a test) leaves its process as it was.
 */
async function withEnvironment<T>(variables: NodeJS.ProcessEnv, body: () => Promise<T>): Promise<T> {
  const before = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(variables)) {
    if (process.env[name] === value) continue;
    before.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await body();
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
