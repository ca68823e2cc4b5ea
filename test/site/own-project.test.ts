/**
 * A catalog repository with an Astro project of its own: its astro.config.mjs lists plumbline()
 * with options, its src/content.config.ts re-exports Plumbline's collections, it adds a page, and
 * it fills the Footer slot with its own component.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUMBLINE_VERSION } from '../../src/core/version.ts';
import { buildSite, htmlFiles, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const PROJECT = join(PROJECT_ROOT, 'test/fixtures/astro-project');
let build: BuildResult;

beforeAll(() => {
  // CATALOG_DIR names a folder with no catalog: the project's `catalog` option must win over it.
  build = buildSite(join(PROJECT, 'src'), undefined, {}, ['--root', PROJECT]);
});
afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

describe("a catalog's own Astro project", () => {
  it('builds the catalog its options name', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(text(readPage(build.outDir, 'metrics/on-time-performance').querySelector('h1'))).toContain('On-time performance');
  });

  it("renders its own Footer on every page, given the slot's props", () => {
    const pages = htmlFiles(build.outDir).filter((page) => page !== 'about/index.html');
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const dom = parse(readFileSync(join(build.outDir, page), 'utf8'));
      expect(dom.querySelectorAll('footer').map(text), page).toEqual([`Our own footer: values as of 2026-11-23, built with Plumbline ${PLUMBLINE_VERSION}`]);
    }
  });

  it("keeps Plumbline's own header logo where no override is given", () => {
    expect(text(readPage(build.outDir, '').querySelector('header a.site-name'))).toBe('Harbor <script>alert("org")</script> Transit');
  });

  it('builds its own page next to the injected ones', () => {
    expect(text(readPage(build.outDir, 'about').querySelector('[data-about]'))).toBe('About our metrics');
  });
});
