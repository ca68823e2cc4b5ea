/** Site URLs carry Astro's base path, as the integration sets it, whatever BASE_URL the environment holds. */
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogConfig } from '../../src/core/schemas/config.ts';
import { editUrl, href, pageOf, repositoryBase, setBasePath } from '../../src/site/links.ts';

afterEach(() => setBasePath('/'));

describe('href', () => {
  it('puts the base path before a site path, with exactly one slash between', () => {
    setBasePath('/metrics-catalog');
    expect(href()).toBe('/metrics-catalog/');
    expect(href('/catalog.json')).toBe('/metrics-catalog/catalog.json');
    expect(pageOf.metric('wait-days')).toBe('/metrics-catalog/metrics/wait-days/');
    setBasePath('/');
    expect(href('goals/')).toBe('/goals/');
  });

  it("takes the integration's base over import.meta.env.BASE_URL, which an environment variable can replace", () => {
    // vitest, like a stray CI variable, sets BASE_URL=/ for this process.
    expect(import.meta.env.BASE_URL).toBe('/');
    setBasePath('/metrics-catalog/');
    expect(href('owners/')).toBe('/metrics-catalog/owners/');
  });
});

describe('the repository as a base for links', () => {
  it('keeps the origin and path, without a trailing slash or .git', () => {
    expect(repositoryBase('https://github.com/harbor/metrics')).toBe('https://github.com/harbor/metrics');
    expect(repositoryBase(' https://github.com/harbor/metrics.git/ ')).toBe('https://github.com/harbor/metrics');
    expect(repositoryBase('https://GitLab.example.org/team/kpis/')).toBe('https://gitlab.example.org/team/kpis');
  });

  it('refuses credentials, a query, a fragment, another scheme or no repository path: no links at all', () => {
    for (const repository of ['https://user:token@github.com/o/r', 'https://token@github.com/o/r', 'https://github.com/o/r?x=1', 'https://github.com/o/r?', 'https://github.com/o/r#y', 'https://user:token@github.com/o/r?x#y', 'ssh://git@github.com/o/r', 'git@github.com:o/r.git', 'https://github.com/', 'not a url', '', undefined]) {
      expect(repositoryBase(repository), String(repository)).toBeUndefined();
    }
  });

  it('builds edit links from the base only', () => {
    const config = (repository: string | undefined) => ({ repository, branch: 'main' }) as CatalogConfig;
    expect(editUrl(config('https://github.com/harbor/metrics.git/'), 'metrics/wait days.yaml')).toBe('https://github.com/harbor/metrics/edit/main/metrics/wait%20days.yaml');
    expect(editUrl(config('https://user:token@github.com/o/r?x#y'), 'metrics/a.yaml')).toBeUndefined();
    expect(editUrl(config(undefined), 'metrics/a.yaml')).toBeUndefined();
    expect(editUrl(config('https://gitlab.com/harbor/metrics'), 'metrics/a.yaml')).toBe('https://gitlab.com/harbor/metrics/-/edit/main/metrics/a.yaml');
  });
});
