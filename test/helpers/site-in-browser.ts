/**
 * A catalog's built site served on loopback, with Chromium, for the tests of one file: the build
 * is shared with the rest of the run (sharedBuild), the server and the browser are this file's.
 * Call it at the top level of a test file:
 *
 *   const site = siteInBrowser();
 *   it('…', async () => { const page = await site.browser.newPage(); await page.goto(`${site.url}/`); … });
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, serveDirectory } from './browser.ts';
import { sharedBuild } from './shared-build.ts';
import { PROJECT_ROOT, type BuildResult } from './site.ts';

export interface SiteInBrowser {
  build: BuildResult;
  /** The site's address, without a trailing slash. */
  url: string;
  browser: Browser;
}

export function siteInBrowser(catalogDir = PROJECT_ROOT): SiteInBrowser {
  const site = {} as SiteInBrowser;
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  beforeAll(async () => {
    site.build = await sharedBuild(catalogDir);
    expect(site.build.status, site.build.stderr).toBe(0);
    server = await serveDirectory(site.build.outDir);
    site.url = server.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}
