/**
 * One Astro process at a time in this checkout. Astro keeps a build's working files in the
 * project's own .astro/ folder whatever the output folder: the server bundle it renders pages
 * from when the output is outside the project (as in tests), and the list of MDX modules to
 * compile. Two builds at once overwrite each other's. Test files run in parallel processes, so
 * every build, and the dev server, takes this lock first: a folder in the test run's folder.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import { takeLock, takeLockSync, type Release } from './folder-claim.ts';

export type { Release };

const lockFolder = () => join(inject('runFolder'), 'astro.lock');

export const takeAstroLock = (): Promise<Release> => takeLock(lockFolder());

/** takeAstroLock for callers that cannot await: blocks this process while it waits. */
export const takeAstroLockSync = (): Release => takeLockSync(lockFolder());
