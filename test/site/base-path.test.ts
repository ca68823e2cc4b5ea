/**
 * A catalog published as a GitHub Pages project site lives under a path (`/metrics-catalog/`).
 * Every internal link of every page, and every URL a page's scripts load (data-*), must carry
 * that path and lead to a file the build wrote.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlFiles, PROJECT_ROOT, type BuildResult } from '../helpers/site.ts';

const BASE = '/metrics-catalog/';
const SITE = 'https://example.org';
let catalog: string;
let build: BuildResult;

beforeAll(() => {
  // The fixture, with an image in a narrative: its URL is written by the narrative renderer.
  catalog = mkdtempSync(join(tmpdir(), 'plumbline-base-'));
  cpSync(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), catalog, { recursive: true });
  mkdirSync(join(catalog, 'assets/otp'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'assets/access/no-shows-by-lead-time.png'), join(catalog, 'assets/otp/chart.png'));
  appendFileSync(join(catalog, 'metrics/on-time-performance.mdx'), '\n![On-time departures by route](../assets/otp/chart.png)\n');
  build = buildSite(catalog, undefined, {}, ['--base', BASE, '--site', SITE]);
});
afterAll(() => {
  rmSync(catalog, { recursive: true, force: true });
  rmSync(build.outDir, { recursive: true, force: true });
});

/** The URLs a page links to or loads: href, src, srcset, form actions, and data-* values that are paths. */
export function pageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const element of parse(html).querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name === 'href' || name === 'src' || name === 'action') urls.push(value);
      else if (name === 'srcset') urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      else if (name.startsWith('data-') && /^(\/|\.\.?\/)/.test(value)) urls.push(value);
    }
  }
  return urls;
}

/** Why an internal URL of the page at `pagePath` does not work under the base path, or undefined when it does. */
export function brokenLink(outDir: string, pagePath: string, url: string): string | undefined {
  const resolved = new URL(url, `${SITE}${BASE}${pagePath}`);
  if (resolved.origin !== SITE || !/^https?:$/.test(resolved.protocol)) return undefined;
  if (!resolved.pathname.startsWith(BASE)) return `${url} is outside ${BASE}`;
  const path = decodeURIComponent(resolved.pathname.slice(BASE.length));
  const file = join(outDir, path);
  if (existsSync(file) && statSync(file).isFile()) return undefined;
  if (existsSync(join(file, 'index.html'))) return undefined;
  return `${url} leads to no file in dist/`;
}

describe(`a site built with base ${BASE}`, () => {
  it('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('links every page only to files under the base path', () => {
    const pages = htmlFiles(build.outDir);
    expect(pages.length).toBeGreaterThan(20);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const pagePath = page.replace(/index\.html$/, '');
      for (const url of pageUrls(readFileSync(join(build.outDir, page), 'utf8'))) {
        const why = brokenLink(build.outDir, pagePath, url);
        if (why) broken.push(`${page}: ${why}`);
        checked++;
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('points the scripts at catalog.json, the search bundle and the narrative image under the base path', () => {
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    const cascade = readFileSync(join(build.outDir, 'cascade/index.html'), 'utf8');
    const metric = readFileSync(join(build.outDir, 'metrics/on-time-performance/index.html'), 'utf8');
    expect(pageUrls(home)).toContain(`${BASE}pagefind/pagefind.js`);
    expect(pageUrls(cascade)).toContain(`${BASE}catalog.json`);
    expect(pageUrls(metric)).toContain(`${BASE}assets/otp/chart.png`);
  });
});

describe('brokenLink', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'plumbline-links-'));
  mkdirSync(join(outDir, 'goals/a'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(outDir, 'goals/a/index.html'));
  cpSync(join(PROJECT_ROOT, 'package.json'), join(outDir, 'catalog.json'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('accepts a page folder, a file, a relative link and links elsewhere', () => {
    expect(brokenLink(outDir, 'metrics/x/', `${BASE}goals/a/`)).toBeUndefined();
    expect(brokenLink(outDir, 'metrics/x/', `${BASE}catalog.json`)).toBeUndefined();
    expect(brokenLink(outDir, 'metrics/x/', '../../goals/a/')).toBeUndefined();
    expect(brokenLink(outDir, '', 'https://github.com/example/metrics')).toBeUndefined();
    expect(brokenLink(outDir, '', 'mailto:ops@example.org')).toBeUndefined();
  });

  it('names a link without the base path and one to nothing', () => {
    expect(brokenLink(outDir, '', '/goals/a/')).toBe(`/goals/a/ is outside ${BASE}`);
    expect(brokenLink(outDir, '', `${BASE}goals/b/`)).toBe(`${BASE}goals/b/ leads to no file in dist/`);
    expect(brokenLink(outDir, '', `${BASE}goals/`)).toBe(`${BASE}goals/ leads to no file in dist/`);
  });
});
