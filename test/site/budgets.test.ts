/**
 * Budgets on the built example catalog: no HTML page over 100 KB, and no page loads JavaScript
 * beyond the shared header search unless it has a diagram, a chart, the metrics filters or the
 * propose form. The search itself is part of one small inline module, the page shell (search,
 * header menu, table frames), that loads Pagefind on first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../helpers/shared-build.ts';
import { htmlFiles, PROJECT_ROOT, type BuildResult } from '../helpers/site.ts';

const PAGE_BUDGET = 100 * 1024;
const SEARCH_SCRIPT_BUDGET = 4096;

let build: BuildResult;
beforeAll(async () => {
  build = await sharedBuild(PROJECT_ROOT);
  expect(build.status, build.stderr).toBe(0);
});

/** Each script of a page: `search`, `filters`, `cascade`, `trend-chart`, `diagram-frame`, `propose` or the raw source. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => {
    const src = /src="([^"]+)"/.exec(attributes!)?.[1];
    const code = src ? readFileSync(join(build.outDir, src), 'utf8') : body!;
    if (code.includes('plumbline-search')) return 'search';
    if (code.includes('metrics-filter')) return 'filters';
    if (code.includes('data-trend-chart')) return 'trend-chart';
    if (code.includes('data-frame-bar')) return 'diagram-frame';
    if (attributes!.includes('application/json') || attributes!.includes('application/ld+json')) return 'data';
    return src ? src.replace(/^\/_astro\/|\.[\w-]+\.js$/g, '') : `inline:${body!.slice(0, 60)}`;
  });
}

/** Which scripts each kind of page may load, beyond the search every page has. */
function allowed(page: string): RegExp | null {
  if (page === 'metrics/index.html') return /^filters$/;
  if (/^(cascade|strategy-map)\//.test(page)) return /^(Cascade|diagram-frame)/;
  if (/^(metrics|goals)\/[^/]+\/index\.html$/.test(page)) return /^(Cascade|trend-chart|diagram-frame)/;
  if (page.startsWith('propose/')) return /^index\.astro_astro_type_script/;
  return null;
}

describe('page budgets on the example catalog', () => {
  it('keeps every HTML page within 100 KB', () => {
    const sizes = htmlFiles(build.outDir).map((f) => ({ f, bytes: readFileSync(join(build.outDir, f)).length }));
    expect(sizes.length).toBeGreaterThan(50);
    expect(sizes.filter((s) => s.bytes > PAGE_BUDGET)).toEqual([]);
  });

  it('ships the header search in one small inline script on every page, and Pagefind in pagefind/', () => {
    for (const page of htmlFiles(build.outDir).filter((f) => !f.startsWith('pagefind/'))) {
      const html = readFileSync(join(build.outDir, page), 'utf8');
      expect(scriptsOf(html).filter((s) => s === 'search'), page).toHaveLength(1);
      const inline = /<script type="module">([^<]*plumbline-search[^<]*)<\/script>/.exec(html)?.[1] ?? '';
      expect(inline.length, page).toBeGreaterThan(0);
      expect(inline.length, page).toBeLessThanOrEqual(SEARCH_SCRIPT_BUDGET);
    }
    expect(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"languages"');
  });

  it('loads no other script unless the page has a diagram, a chart, filters or the propose form', () => {
    const extra: string[] = [];
    for (const page of htmlFiles(build.outDir).filter((f) => !f.startsWith('pagefind/'))) {
      const others = scriptsOf(readFileSync(join(build.outDir, page), 'utf8')).filter((s) => s !== 'search' && s !== 'data');
      const rule = allowed(page);
      for (const script of others) if (!rule || !rule.test(script)) extra.push(`${page}: ${script}`);
    }
    expect(extra).toEqual([]);
  });

  it('gives the metrics index its filters and no page without filters the filter script', () => {
    const index = scriptsOf(readFileSync(join(build.outDir, 'metrics/index.html'), 'utf8'));
    expect(index).toContain('filters');
    for (const page of ['index.html', 'report/index.html', 'owners/index.html', 'goals/index.html']) {
      expect(scriptsOf(readFileSync(join(build.outDir, page), 'utf8')), page).toEqual(['search']);
    }
  });
});
