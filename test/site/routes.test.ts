/** The pages the integration injects: one route per file under src/routes/, named by its path. */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routePattern, routesIn } from '../../src/site/routes.ts';

describe('routePattern', () => {
  it('names a page by its path, an index by its folder, an endpoint by its file name without .ts', () => {
    expect(routePattern('index.astro')).toBe('/');
    expect(routePattern('goals/index.astro')).toBe('/goals');
    expect(routePattern('metrics/[id].astro')).toBe('/metrics/[id]');
    expect(routePattern('catalog.json.ts')).toBe('/catalog.json');
  });
});

describe('routesIn', () => {
  it('finds every page and endpoint under a folder, sorted, with a file URL to each', () => {
    const root = mkdtempSync(join(tmpdir(), 'plumbline-routes-'));
    mkdirSync(join(root, 'metrics'));
    for (const file of ['index.astro', 'metrics/[id].astro', 'metrics/index.astro', 'catalog.json.ts', 'types.d.ts', 'notes.md']) writeFileSync(join(root, file), '');
    const routes = routesIn(pathToFileURL(`${root}/`));
    expect(routes.map((r) => r.pattern)).toEqual(['/', '/catalog.json', '/metrics', '/metrics/[id]']);
    expect(routes.find((r) => r.pattern === '/metrics/[id]')!.entrypoint.href).toBe(pathToFileURL(join(root, 'metrics/[id].astro')).href);
  });

  it("covers every file of the site's own src/routes/", () => {
    const folder = new URL('../../src/routes/', import.meta.url);
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const patterns = routesIn(folder).map((r) => r.pattern);
    expect(patterns).toContain('/');
    expect(patterns).toContain('/metrics/[id]');
    expect(patterns).toContain('/catalog.json');
    expect(patterns).toHaveLength(files.length);
  });
});
