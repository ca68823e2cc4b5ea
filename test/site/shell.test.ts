/**
 * The site's shell on built pages: the header navigation and its words, the footer's guide link,
 * the favicon, the 404 page, the search results page, and the guide with an anchor for every
 * glossary word that `<Term>` links to.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, checkAnchor } from '../../src/site/findings.ts';
import { GLOSSARY } from '../../src/site/glossary.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { buildSite, htmlFiles, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
const BASE = '/catalog/';

let example: BuildResult;
/** The fixture outside git, without its initiative, with its own header words, under a base path. */
let custom: BuildResult;
let customDir: string;

beforeAll(async () => {
  customDir = mkdtempSync(join(tmpdir(), 'plumbline-shell-'));
  cpSync(FIXTURE, customDir, { recursive: true });
  rmSync(join(customDir, 'initiatives'), { recursive: true });
  appendFileSync(join(customDir, 'catalog.config.yaml'), '\nsite:\n  nav:\n    health: Data checks\n    guide: Help\n');
  custom = buildSite(customDir, undefined, {}, ['--base', BASE]);
  example = await sharedBuild(PROJECT_ROOT);
});
afterAll(() => {
  rmSync(customDir, { recursive: true, force: true });
  if (custom) rmSync(custom.outDir, { recursive: true, force: true });
});

const page = (build: BuildResult, file: string) => parse(readFileSync(join(build.outDir, file), 'utf8'));
const navLinks = (dom: HTMLElement) => dom.querySelectorAll('.site-nav a').map((a) => [text(a), a.getAttribute('href')]);
const pages = (build: BuildResult) => htmlFiles(build.outDir).filter((f) => !f.startsWith('pagefind/'));

describe('the header on the example catalog', () => {
  it('builds', () => {
    expect(example.status, example.stderr).toBe(0);
  });

  it('links every section with something in it, "Catalog checks" for /health/ and the guide last', () => {
    expect(navLinks(readPage(example.outDir, 'metrics'))).toEqual([
      ['Overview', '/'],
      ['Cascade', '/cascade/'],
      ['Strategy map', '/strategy-map/'],
      ['Goals', '/goals/'],
      ['Metrics', '/metrics/'],
      ['Owners', '/owners/'],
      ['Initiatives', '/initiatives/'],
      ['Catalog checks', '/health/'],
      ['Report', '/report/'],
      ['Changes', '/changes/'],
      ['Guide', '/guide/'],
    ]);
  });

  it('has a menu button that controls the navigation, closed to begin with', () => {
    const dom = readPage(example.outDir, '');
    const button = dom.querySelector('.site-header button[data-menu-button]')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(dom.getElementById(button.getAttribute('aria-controls')!)!.tagName).toBe('NAV');
    expect(text(button)).toBe('Menu');
  });

  it('marks the current section on the guide and keeps the search form pointed at the results page', () => {
    const guide = readPage(example.outDir, 'guide');
    expect(guide.querySelector('.site-nav a[aria-current="page"]')!.getAttribute('href')).toBe('/guide/');
    const form = guide.querySelector('plumbline-search form')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.querySelector('input')!.getAttribute('name')).toBe('q');
    expect(form.querySelector('input')!.getAttribute('aria-keyshortcuts')).toBe('/');
  });

  it('links the favicon from the head of every page, and serves it as SVG with a dark variant', () => {
    for (const file of pages(example)) expect(page(example, file).querySelector('head link[rel="icon"]')?.getAttribute('href'), file).toBe('/favicon.svg');
    const svg = readFileSync(join(example.outDir, 'favicon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('prefers-color-scheme:dark');
  });

  it('links "How to read this catalog" from every footer', () => {
    for (const file of pages(example)) expect(page(example, file).querySelector('footer a[data-guide-link]')?.getAttribute('href'), file).toBe('/guide/');
  });
});

describe('the 404 page', () => {
  it('is written as 404.html with a search form, a link home and the sections, and is not indexed for search', () => {
    expect(existsSync(join(example.outDir, '404.html'))).toBe(true);
    const dom = page(example, '404.html');
    expect(text(dom.querySelector('h1'))).toBe('This page is not in the catalog');
    expect(dom.querySelector('main form[role="search"]')!.getAttribute('action')).toBe('/search/');
    const links = dom.querySelectorAll('[data-not-found-links] a').map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('/');
    expect(links).toContain('/metrics/');
    expect(dom.querySelector('[data-pagefind-body]')).toBeNull();
  });
});

describe('the search results page', () => {
  it('has a search form for ?q= and says what to do without JavaScript', () => {
    const dom = readPage(example.outDir, 'search');
    expect(dom.querySelector('search-results form')!.getAttribute('action')).toBe('/search/');
    expect(dom.querySelector('search-results input[name="q"]')).not.toBeNull();
    expect(text(dom.querySelector('[data-search-summary]'))).toMatch(/^Searching needs JavaScript/);
    expect(dom.querySelector('[data-pagefind-body]')).toBeNull();
  });
});

describe('the guide', () => {
  it('has a section for every glossary word, its anchor the word’s id, with its meaning', () => {
    const dom = readPage(example.outDir, 'guide');
    for (const term of GLOSSARY) {
      const section = dom.getElementById(term.id);
      expect(section, term.id).not.toBeNull();
      expect(section!.closest('.guide-group'), term.id).not.toBeNull();
      expect(text(section!.querySelector('h3')), term.id).toBe(term.word);
      expect(text(section!.querySelector('p')), term.id).toBe(term.meaning);
    }
  });

  it('is where every term link on the site leads, to an anchor that exists', () => {
    const anchors = new Set(readPage(example.outDir, 'guide').querySelectorAll('[id]').map((e) => e.id));
    const missing: string[] = [];
    for (const file of pages(example)) {
      for (const link of page(example, file).querySelectorAll('a.term')) {
        const [path, anchor] = link.getAttribute('href')!.split('#');
        if (path !== '/guide/' || !anchors.has(anchor!)) missing.push(`${file}: ${link.getAttribute('href')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('explains every check, and each rule link on the checks page leads to its entry', () => {
    const guide = readPage(example.outDir, 'guide');
    for (const check of CHECKS) expect(text(guide.getElementById(checkAnchor(check.id))!.querySelector('dd')), check.id).toBe(check.summary.replaceAll('`', ''));
    const links = readPage(example.outDir, 'health').querySelectorAll('[data-rule-link]');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [path, anchor] = link.getAttribute('href')!.split('#');
      expect(path).toBe('/guide/');
      expect(guide.getElementById(anchor!), anchor).not.toBeNull();
    }
  });

  it('explains each page in the header, linked', () => {
    const dom = readPage(example.outDir, 'guide');
    const explained = dom.querySelectorAll('[data-page] a').map((a) => a.getAttribute('href'));
    expect(explained).toEqual(navLinks(dom).map(([, href]) => href).filter((href) => href !== '/guide/'));
  });
});

describe('the metrics index', () => {
  it('labels every cell after its column, for the card layout on phones', () => {
    const table = readPage(example.outDir, 'metrics').querySelector('[data-metrics-table]')!;
    const headings = table.querySelectorAll('thead th').map(text);
    for (const row of table.querySelectorAll('tbody tr')) {
      expect(row.querySelectorAll('td').map((td) => td.getAttribute('data-label') ?? null)).toEqual([null, ...headings.slice(1)]);
    }
  });
});

describe('a catalog without initiatives or git history, with its own header words, under a base path', () => {
  it('builds', () => {
    expect(custom.status, custom.stderr).toBe(0);
  });

  it('leaves Initiatives and Changes out of the header and uses its own words', () => {
    const nav = navLinks(readPage(custom.outDir, 'metrics'));
    expect(nav.map(([label]) => label)).toEqual(['Overview', 'Cascade', 'Strategy map', 'Goals', 'Metrics', 'Owners', 'Data checks', 'Report', 'Help']);
    expect(nav.find(([label]) => label === 'Data checks')![1]).toBe(`${BASE}health/`);
  });

  it('links the favicon, the guide and the 404 page’s links under the base path', () => {
    expect(readPage(custom.outDir, '').querySelector('link[rel="icon"]')!.getAttribute('href')).toBe(`${BASE}favicon.svg`);
    expect(existsSync(join(custom.outDir, 'favicon.svg'))).toBe(true);
    const notFound = page(custom, '404.html');
    expect(notFound.querySelector('main form')!.getAttribute('action')).toBe(`${BASE}search/`);
    expect(notFound.querySelectorAll('[data-not-found-links] a').map((a) => a.getAttribute('href'))[0]).toBe(BASE);
    expect(notFound.querySelector('footer a[data-guide-link]')!.getAttribute('href')).toBe(`${BASE}guide/`);
  });
});
