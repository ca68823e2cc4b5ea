/** What a build wrote: its HTML pages, the entry pages per collection, and the largest pages. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ENTRY_KINDS, KINDS, type KindPage } from '../../src/core/kinds.ts';

/** The folders of entry pages: `goals`, `metrics`, … */
export const COLLECTIONS: readonly KindPage[] = ENTRY_KINDS.map((kind) => KINDS[kind].page);
/** The design's ceiling for one page of HTML. */
export const MAX_PAGE_BYTES = 100 * 1024;

export interface PageReport {
  pages: number;
  /** `<collection>/<id>/index.html` pages, by collection. */
  entryPages: Record<string, number>;
  /** Pages over MAX_PAGE_BYTES, largest first (all of them), or just the largest page when none is. */
  largest: { path: string; bytes: number }[];
  oversized: number;
}

export function scanPages(outDir: string): PageReport {
  const html: { path: string; bytes: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.name.endsWith('.html')) html.push({ path: relative(outDir, absolute).split(sep).join('/'), bytes: statSync(absolute).size });
    }
  };
  walk(outDir);
  const entryPages: Record<string, number> = Object.fromEntries(COLLECTIONS.map((page) => [page, 0]));
  for (const { path } of html) {
    const parts = path.split('/');
    if (parts.length === 3 && parts[2] === 'index.html' && Object.hasOwn(entryPages, parts[0]!)) entryPages[parts[0]!]!++;
  }
  html.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const oversized = html.filter((p) => p.bytes > MAX_PAGE_BYTES);
  return { pages: html.length, entryPages, largest: oversized.length ? oversized : html.slice(0, 1), oversized: oversized.length };
}

export const totalEntryPages = (report: PageReport) => COLLECTIONS.reduce((n, c) => n + (report.entryPages[c] ?? 0), 0);
