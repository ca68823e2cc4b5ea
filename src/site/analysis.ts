/**
 * One analysis per build. Astro evaluates the config, the content config and the pages as
 * separate module graphs in one process, so the result is shared through a global slot rather
 * than a module variable; it is keyed by catalog root, "as of" date and a generation the dev
 * server bumps when a catalog file changes. Which catalog and date go through a slot too: the
 * integration sets them once Astro's config is known.
 */
import { resolve } from 'node:path';
import { analyzeCatalog, type Analysis } from '../core/analyze.ts';
import { resolveToday } from '../core/today.ts';
import { trustedSettings, type TrustedSettings } from '../core/trusted.ts';

interface Slot {
  key: string;
  analysis: Analysis;
  generation: number;
}

/** The catalog the site shows: its root folder and its "as of" date. */
export interface SiteCatalog {
  root: string;
  today: string;
}

const SLOT = Symbol.for('plumbline.analysis');
const GENERATION = Symbol.for('plumbline.generation');
const SITE_CATALOG = Symbol.for('plumbline.site-catalog');
type Global = typeof globalThis & { [SLOT]?: Slot; [GENERATION]?: number; [SITE_CATALOG]?: SiteCatalog };
const shared = globalThis as Global;

/** Set by the integration before Astro reads content or renders a page. */
export function setSiteCatalog(site: SiteCatalog): void {
  shared[SITE_CATALOG] = { root: resolve(site.root), today: site.today };
}

/** The catalog's root folder: as the integration set it, else CATALOG_DIR, else the current folder. */
export function catalogRootDir(): string {
  return shared[SITE_CATALOG]?.root ?? resolve(process.env.CATALOG_DIR || process.cwd());
}

export function getAnalysis(): Analysis {
  const root = catalogRootDir();
  const today = shared[SITE_CATALOG]?.today ?? resolveToday();
  const generation = shared[GENERATION] ?? 0;
  const key = `${root}\0${today}`;
  const slot = shared[SLOT];
  if (slot && slot.key === key && slot.generation === generation) return slot.analysis;
  const analysis = analyzeCatalog(root, today);
  shared[SLOT] = { key, analysis, generation };
  return analysis;
}

/** Forget the analysis so the next request reads the catalog again (dev server only). */
export function invalidateAnalysis(): void {
  shared[GENERATION] = (shared[GENERATION] ?? 0) + 1;
}

export function getCatalog() {
  return getAnalysis().catalog;
}

export function getDerived() {
  return getAnalysis().derived;
}

/** What the build's environment allows; see src/core/trusted.ts. */
export function getTrusted(): TrustedSettings {
  return trustedSettings().settings;
}
