/** Claimed folders and locks, as test files in separate processes use them to take turns. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimantEnded, claimFolder, pause, takeLock, takeLockSync } from '../helpers/folder-claim.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-claims-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
const freshPath = () => join(scratch, `folder-${++count}`);

/** Another process claims the folder, then ends without releasing it. */
function claimedByEndedProcess(folder: string): void {
  const script = "import { claimFolder } from './test/helpers/folder-claim.ts'; process.exit(claimFolder(process.argv[1]) ? 0 : 1);";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, folder], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

describe('claimFolder', () => {
  it('lets one call make the folder; every later call is told it was taken', () => {
    const folder = freshPath();
    expect(claimFolder(folder)).toBe(true);
    expect(claimFolder(folder)).toBe(false);
    expect(claimantEnded(folder)).toBe(false);
  });

  it('tells that the process that made it has ended', () => {
    const folder = freshPath();
    claimedByEndedProcess(folder);
    expect(existsSync(folder)).toBe(true);
    expect(claimFolder(folder)).toBe(false);
    expect(claimantEnded(folder)).toBe(true);
  });

  it('does not say a claimant ended when there is no folder', () => {
    expect(claimantEnded(freshPath())).toBe(false);
  });
});

describe('a lock', () => {
  it('waits until its holder releases it, then is held by the waiter', async () => {
    const folder = freshPath();
    const release = await takeLock(folder);
    let taken = false;
    const second = takeLock(folder).then((releaseSecond) => ((taken = true), releaseSecond));
    for (let i = 0; i < 3; i++) await pause();
    expect(taken).toBe(false);
    release();
    const releaseSecond = await second;
    expect(taken).toBe(true);
    expect(existsSync(folder)).toBe(true);
    releaseSecond();
    expect(existsSync(folder)).toBe(false);
  });

  it('is taken at once when free, also by a caller that cannot wait', () => {
    const folder = freshPath();
    const release = takeLockSync(folder);
    expect(claimFolder(folder)).toBe(false);
    release();
    expect(claimFolder(folder)).toBe(true);
  });

  it('fails instead of waiting for ever when its holder ended without releasing it', async () => {
    const folder = freshPath();
    claimedByEndedProcess(folder);
    await expect(takeLock(folder)).rejects.toThrow(`a process ended while it held the lock ${folder}`);
    expect(() => takeLockSync(folder)).toThrow(`a process ended while it held the lock ${folder}`);
  });
});
