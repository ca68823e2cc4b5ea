/**
 * Which test files run in a fresh process of their own. Starting Node and importing the code
 * again costs about half a second of CPU per file, so the files that only call code and read or
 * write temporary files share a few long-lived workers instead (vitest's `isolate: false`).
 *
 * A file gets its own process when its text shows that it changes its process (mocks, stubs, the
 * environment, the working folder, process listeners), which only a new process undoes, or that
 * it starts something that could outlive a test and slow the files after it: child processes,
 * servers, browsers, site builds, commands. Nothing to register: a new file is sorted by its text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CHANGES_ITS_PROCESS = [
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers|spyOn)\(/,
  /\bprocess\.(chdir|on|once|addListener|exitCode|umask)\b/,
  /\bprocess\.env(\.\w+|\[[^\]]+\])\s*=(?!=)/,
  /\bdelete process\.env\b/,
];

const STARTS_SOMETHING = [
  /from 'node:(child_process|http|net)'/,
  /from 'playwright-core'/,
  /helpers\/(browser|cli|shared-build)\.ts'/,
  /\b(buildSite|startBuild)\(/,
];

export function needsOwnProcess(source: string): boolean {
  return [...CHANGES_ITS_PROCESS, ...STARTS_SOMETHING].some((sign) => sign.test(source));
}

/** The files among `files` (paths from `root`) that need their own process. */
export function filesNeedingOwnProcess(root: string, files: string[]): string[] {
  return files.filter((file) => needsOwnProcess(readFileSync(join(root, file), 'utf8')));
}
