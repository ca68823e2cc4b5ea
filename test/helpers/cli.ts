/**
 * Running a command the way `npm run <command>` does: `node src/cli/<command>.ts` with the
 * project's Node, from the project root unless told otherwise, and without the caller's settings
 * that would change what it reads or prints (CATALOG_DIR, CATALOG_TODAY, GITHUB_WORKSPACE,
 * PLUMBLINE_DEBUG); a test gives the ones it means in `env`.
 *
 * runCliInProcess calls the command's `run(argv, io)` in the test's own process, with the same
 * environment and folder passed through io: no start of Node, the same result. runCli and startCli
 * spawn Node: each command keeps one such test for the wiring, and the tests that run as another
 * user stay spawned.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lastGuard, type Command } from '../../src/cli/common.ts';
import { PROJECT_ROOT } from './site.ts';
import { spawnAndCollect, type ProcessRun } from './spawn-collect.ts';

// Importing common.ts installs the guard that ends the process on an uncaught error: not the test's process.
process.removeListener('uncaughtException', lastGuard);

export type CliRun = ProcessRun;

export interface CliOptions {
  /** Where the command runs; the project root unless given. */
  cwd?: string;
  /** Settings added to the caller's environment (after the ones above are taken out). */
  env?: Record<string, string>;
  /** Run as this user and group (root only), as `spawn` takes them. */
  uid?: number;
  gid?: number;
}

const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
const TIMEOUT_MS = 60_000;

/** `check` is `src/cli/check.ts`; a path with a slash (`scripts/x.ts`) is taken from the project root. */
function scriptOf(command: string): string {
  return join(PROJECT_ROOT, command.includes('/') ? command : `src/cli/${command}.ts`);
}

function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const { CATALOG_DIR: _dir, CATALOG_TODAY: _today, GITHUB_WORKSPACE: _workspace, PLUMBLINE_DEBUG: _debug, ...rest } = process.env;
  return { ...rest, ...env };
}

/** Runs the command and waits for it. */
export function runCli(command: string, args: string[] = [], { cwd = PROJECT_ROOT, env = {}, ...user }: CliOptions = {}): CliRun {
  const run = spawnSync(NODE, [scriptOf(command), ...args], { cwd, env: environment(env), encoding: 'utf8', timeout: TIMEOUT_MS, ...user });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs the command without blocking, so that several can run side by side: each start of Node loads the whole command. */
export function startCli(command: string, args: string[] = [], { cwd = PROJECT_ROOT, env = {}, ...user }: CliOptions = {}): Promise<CliRun> {
  return spawnAndCollect(NODE, [scriptOf(command), ...args], { cwd, env: environment(env), timeout: TIMEOUT_MS, ...user });
}

/** Runs the command's `run` in this process: same environment, folder and result as runCli, without spawning Node. */
export async function runCliInProcess(command: string, args: string[] = [], { cwd = PROJECT_ROOT, env = {} }: Omit<CliOptions, 'uid' | 'gid'> = {}): Promise<CliRun> {
  // Importing a command installs the guard that ends the process on an uncaught error: not this one's.
  const { run } = (await import(scriptOf(command))) as { run: Command };
  process.removeListener('uncaughtException', lastGuard);
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env: environment(env), cwd });
  return { status, stdout, stderr };
}
