/**
 * A folder that exactly one process makes (making a folder is atomic), with that process's id
 * written inside: how test files in separate processes agree who does a piece of work, and how
 * the others tell that it ended without finishing instead of waiting for a hook to time out. A
 * lock is such a folder, removed to release it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLAIMANT = 'claimant.pid';
const POLL_MS = 100;

/** Makes the folder and returns true, or returns false when another call made it first. */
export function claimFolder(folder: string): boolean {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(folder, CLAIMANT), String(process.pid));
  return true;
}

/** The process that made the folder has ended. False while its id is not written yet, or once the folder is gone. */
export function claimantEnded(folder: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(folder, CLAIMANT), 'utf8'));
  } catch {
    return false;
  }
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

export const pause = () => new Promise((wake) => setTimeout(wake, POLL_MS));

export type Release = () => void;

/** Fails instead of waiting forever when the holder ended without releasing the lock. */
function checkHolder(folder: string): void {
  if (claimantEnded(folder)) throw new Error(`a process ended while it held the lock ${folder}: the work it guarded may be left half done`);
}

const releaseOf = (folder: string): Release => () => rmSync(folder, { recursive: true, force: true });

/** Waits until this process holds the lock `folder`, and returns how to release it. */
export async function takeLock(folder: string): Promise<Release> {
  while (!claimFolder(folder)) {
    checkHolder(folder);
    await pause();
  }
  return releaseOf(folder);
}

/** takeLock for callers that cannot await: blocks this process while it waits. */
export function takeLockSync(folder: string): Release {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!claimFolder(folder)) {
    checkHolder(folder);
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
  return releaseOf(folder);
}
