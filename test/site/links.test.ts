/** Site URLs carry Astro's base path, as the integration sets it, whatever BASE_URL the environment holds. */
import { afterEach, describe, expect, it } from 'vitest';
import { href, pageOf, setBasePath } from '../../src/site/links.ts';

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
