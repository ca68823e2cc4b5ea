/**
 * Builds shared by test files: one build per catalog folder, date and settings, made by the first
 * caller and read by the others. A stand-in build replaces Astro here; the site tests use the
 * real one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKey, buildOnce } from '../helpers/shared-build.ts';
import { PROJECT_ROOT, type BuildResult } from '../helpers/site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-shared-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
const freshPath = () => join(scratch, `build-${++count}`);

/** A stand-in for Astro that counts its runs and takes a moment, as a build does. */
function countingBuild() {
  const runs: string[] = [];
  const build = async (outDir: string): Promise<BuildResult> => {
    runs.push(outDir);
    await new Promise((done) => setTimeout(done, 300));
    return { status: 0, stdout: `built ${runs.length}`, stderr: '', outDir, ms: 300 };
  };
  return { runs, build };
}

describe('buildKey', () => {
  it('is the same for the same catalog folder, date and settings, however they are written', () => {
    const key = buildKey(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), '2026-11-23', { A: '1', B: '2' });
    expect(buildKey(join(PROJECT_ROOT, 'test/fixtures/../fixtures/site-catalog'), '2026-11-23', { B: '2', A: '1' })).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs when the folder, the date or a setting differs', () => {
    const keys = [
      buildKey(PROJECT_ROOT, '2026-11-23', {}),
      buildKey(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), '2026-11-23', {}),
      buildKey(PROJECT_ROOT, '2026-11-24', {}),
      buildKey(PROJECT_ROOT, '2026-11-23', { PLUMBLINE_MAX_OUTPUT_MB: '1' }),
      buildKey(PROJECT_ROOT, '2026-11-23', { PLUMBLINE_MAX_OUTPUT_MB: '2' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('buildOnce', () => {
  it('builds once for callers that ask at the same time, into folder/site, and gives each the result', async () => {
    const folder = freshPath();
    const { runs, build } = countingBuild();
    const results = await Promise.all([buildOnce(folder, build), buildOnce(folder, build), buildOnce(folder, build)]);
    expect(runs).toEqual([join(folder, 'site')]);
    expect(results.map((r) => r.stdout)).toEqual(['built 1', 'built 1', 'built 1']);
    expect(results[1]).toEqual(results[0]);
  });

  it('gives a later caller the stored result without building again', async () => {
    const folder = freshPath();
    const first = countingBuild();
    await buildOnce(folder, first.build);
    const later = countingBuild();
    expect((await buildOnce(folder, later.build)).stdout).toBe('built 1');
    expect(later.runs).toEqual([]);
  });

  it('gives waiters a failed build, with the reason, when the build cannot run', async () => {
    const folder = freshPath();
    const failing = () => Promise.reject(new Error('spawn ENOENT'));
    const [builder, waiter] = await Promise.all([buildOnce(folder, failing), buildOnce(folder, failing)]);
    for (const result of [builder, waiter]) expect(result).toMatchObject({ status: null, stderr: 'the build could not run: Error: spawn ENOENT' });
  });

  it('fails instead of waiting for ever when the process building it ended without a result', async () => {
    const folder = freshPath();
    const script = "import { claimFolder } from './test/helpers/folder-claim.ts'; claimFolder(process.argv[1]);";
    expect(spawnSync(process.execPath, ['--input-type=module', '-e', script, folder], { cwd: PROJECT_ROOT }).status).toBe(0);
    const { runs, build } = countingBuild();
    await expect(buildOnce(folder, build)).rejects.toThrow(`the test process building ${join(folder, 'site')} ended without finishing it`);
    expect(runs).toEqual([]);
  });
});
