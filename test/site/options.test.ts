/** plumbline(options): which catalog and date the site shows, and the cache folder it builds with. */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareCacheDir, requestFromCommand, resolveSiteCatalog, SiteOptionError } from '../../src/site/options.ts';

const ROOT = '/work/catalog';
const NOW = new Date('2026-05-04T10:00:00Z');

afterEach(() => requestFromCommand(undefined));

describe('resolveSiteCatalog', () => {
  it("defaults to Astro's root and the current date", () => {
    expect(resolveSiteCatalog({}, ROOT, {}, NOW)).toEqual({ root: ROOT, today: '2026-05-04' });
  });

  it('takes CATALOG_DIR and CATALOG_TODAY when no option is given', () => {
    expect(resolveSiteCatalog({}, ROOT, { CATALOG_DIR: 'other', CATALOG_TODAY: '2026-01-31' }, NOW)).toEqual({ root: resolve('other'), today: '2026-01-31' });
  });

  it("lets the options win over the environment, the catalog relative to Astro's root", () => {
    const env = { CATALOG_DIR: '/elsewhere', CATALOG_TODAY: '2026-01-31' };
    expect(resolveSiteCatalog({ catalog: 'catalog', today: '2026-03-31' }, ROOT, env, NOW)).toEqual({ root: '/work/catalog/catalog', today: '2026-03-31' });
    expect(resolveSiteCatalog({ catalog: '/abs/catalog' }, ROOT, env, NOW).root).toBe('/abs/catalog');
  });

  it("puts what a command asked for between the options and the environment", () => {
    requestFromCommand({ root: '/from/dir', today: '2026-02-28' });
    expect(resolveSiteCatalog({}, ROOT, { CATALOG_DIR: '/env', CATALOG_TODAY: '2026-01-31' }, NOW)).toEqual({ root: '/from/dir', today: '2026-02-28' });
    expect(resolveSiteCatalog({ catalog: '.', today: '2026-03-31' }, ROOT, {}, NOW)).toEqual({ root: ROOT, today: '2026-03-31' });
  });

  it('refuses a date that is not real, naming where it came from', () => {
    expect(() => resolveSiteCatalog({}, ROOT, { CATALOG_TODAY: 'yesterday' }, NOW)).toThrow(
      new SiteOptionError('the "as of" date "yesterday" is not a real date written YYYY-MM-DD (from CATALOG_TODAY); set it to a date such as 2026-03-31, or unset it for today'),
    );
    expect(() => resolveSiteCatalog({ today: '2026-02-30' }, ROOT, {}, NOW)).toThrow('(from the today option of plumbline())');
    requestFromCommand({ today: '31.12.2026' });
    expect(() => resolveSiteCatalog({}, ROOT, {}, NOW)).toThrow('(from --today)');
  });
});

describe('prepareCacheDir', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-options-'));

  it('is nothing when PLUMBLINE_CACHE_DIR is unset or empty', () => {
    expect(prepareCacheDir(undefined)).toBeUndefined();
    expect(prepareCacheDir('')).toBeUndefined();
  });

  it('makes the folder and gives its absolute path', () => {
    const folder = join(scratch, 'a', 'cache');
    expect(prepareCacheDir(folder)).toBe(folder);
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('refuses a file, or a folder inside one, in one line', () => {
    const file = join(scratch, 'file');
    writeFileSync(file, '');
    expect(() => prepareCacheDir(file)).toThrow(`PLUMBLINE_CACHE_DIR=${JSON.stringify(file)} is a file, not a folder: set it to a folder the build may write its cache to, or unset it for node_modules/.astro`);
    expect(() => prepareCacheDir(join(file, 'cache'))).toThrow('is inside a file, not a folder');
  });
});
