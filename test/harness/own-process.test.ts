/** Which test files run in a fresh process: those that change their process or start something. */
import { describe, expect, it } from 'vitest';
import { filesNeedingOwnProcess, needsOwnProcess } from '../helpers/own-process.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const PURE = [
  "import { describe, expect, it } from 'vitest';",
  "import { analyzeCatalog } from '../../src/core/analyze.ts';",
  "import { removeRepos, repoWith } from '../helpers/git.ts';",
  "it('reads', () => expect(process.env.CATALOG_DIR === undefined || process.env['HOME'] !== '').toBe(true));",
].join('\n');

describe('needsOwnProcess', () => {
  it('is false for a file that only calls code and reads its environment', () => {
    expect(needsOwnProcess(PURE)).toBe(false);
  });

  it.each([
    ["vi.mock('../../src/core/load.ts');"],
    ["vi.stubEnv('PLUMBLINE_ALLOW_MDX_CODE', 'true');"],
    ['vi.useFakeTimers();'],
    ["process.env.CATALOG_DIR = '/tmp/x';"],
    ["process.env['CATALOG_TODAY'] = '2026-01-01';"],
    ['delete process.env.CATALOG_DIR;'],
    ["process.chdir('/tmp');"],
    ["process.on('exit', () => {});"],
  ])('is true for a file that changes its process: %s', (line) => {
    expect(needsOwnProcess(`${PURE}\n${line}`)).toBe(true);
  });

  it.each([
    ["import { spawnSync } from 'node:child_process';"],
    ["import { createServer } from 'node:http';"],
    ["import type { Browser } from 'playwright-core';"],
    ["import { launchBrowser } from '../helpers/browser.ts';"],
    ["import { runCliInProcess } from '../helpers/cli.ts';"],
    ["import { sharedBuild } from '../helpers/shared-build.ts';"],
    ['const build = buildSite(catalog);'],
  ])('is true for a file that starts something: %s', (line) => {
    expect(needsOwnProcess(`${PURE}\n${line}`)).toBe(true);
  });
});

describe('filesNeedingOwnProcess', () => {
  it('picks the site, browser and command tests out of the test folder, and leaves the rules', () => {
    const files = ['test/site/build.test.ts', 'test/browser/trace.test.ts', 'test/core/cli-check.test.ts', 'test/rules/no-data.test.ts', 'test/derive/status.test.ts'];
    expect(filesNeedingOwnProcess(PROJECT_ROOT, files)).toEqual(['test/site/build.test.ts', 'test/browser/trace.test.ts', 'test/core/cli-check.test.ts']);
  });
});
