/**
 * What every command shares: the catalog folder, the "as of" date, the --output file, and failing
 * with one clear line. Every problem with an argument or an environment value ends the command
 * with `plumbline: <what is wrong and what to do>` on stderr and exit status 2 (1 when it is the
 * catalog or the source that is wrong); nothing a user types prints a stack trace. Ending early
 * is a thrown CliExit that the command's `run` turns into its exit status: no command calls
 * process.exit, so tests run them in-process.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalogFolderProblem } from '../core/catalog-folder.ts';
import { escapeLine } from '../core/escape.ts';
import { CONFIG_FILE } from '../core/load.ts';
import { closest } from '../core/suggest.ts';
import { InvalidTodayError, resolveToday } from '../core/today.ts';
import { PLUMBLINE_VERSION } from '../core/version.ts';

/** Exit status of a failure that is a bug in Plumbline rather than in its input (EX_SOFTWARE). */
export const INTERNAL_ERROR = 70;

/** Where a command reads its settings and writes its output: the process's, or a test's. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A command's signature: the arguments after the command's name, and where to write; resolves to the exit status. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** The running process's streams, environment and folder. */
export function processIo(): CliIo {
  return { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env, cwd: process.cwd() };
}

/** How a command ends early: what to print, and the exit status. `run` catches it; nothing calls process.exit. */
export class CliExit extends Error {
  readonly code: number;
  readonly stderrText: string;
  readonly stdoutText: string;
  constructor(code: number, stderrText = '', stdoutText = '') {
    super(stderrText.trim() || `exit ${code}`);
    this.code = code;
    this.stderrText = stderrText;
    this.stdoutText = stdoutText;
  }
}

function unexpected(error: Error | undefined): string {
  return `plumbline: ${escapeLine(`unexpected error: ${error?.message ?? error} (a bug in Plumbline: please report it with the command that caused it; PLUMBLINE_DEBUG=1 shows where it happened)`)}\n`;
}

/** Runs a command's body: an early end prints its lines and gives its status; anything else is one line and INTERNAL_ERROR. */
export async function runCommand(io: CliIo, body: () => number | void | Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.stdoutText) io.stdout(error.stdoutText);
      if (error.stderrText) io.stderr(error.stderrText);
      return error.code;
    }
    if (io.env.PLUMBLINE_DEBUG) io.stderr(`${(error as Error)?.stack ?? error}\n`);
    io.stderr(unexpected(error as Error));
    return INTERNAL_ERROR;
  }
}

// The last guard: whatever slips through prints one line, not a stack trace (PLUMBLINE_DEBUG=1 shows it).
// In-process runs (tests) take it out: see lastGuard.
export function lastGuard(error: NodeJS.ErrnoException): void {
  // A reader that stops early (`npm run check | head`) is not an error.
  if (error?.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  // A script that calls fail outside a command's run.
  if (error instanceof CliExit) {
    if (error.stdoutText) process.stdout.write(error.stdoutText);
    if (error.stderrText) process.stderr.write(error.stderrText);
    process.exit(error.code);
  }
  if (process.env.PLUMBLINE_DEBUG) process.stderr.write(`${error?.stack ?? error}\n`);
  process.stderr.write(unexpected(error));
  process.exit(INTERNAL_ERROR);
}
process.on('uncaughtException', lastGuard);

export const COMMON_OPTIONS = {
  dir: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** What every command answers, whatever else it takes: its usage, and the version of Plumbline. */
const STANDARD_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** `--output FILE`, for commands whose report tools read: `npm run` prints a banner on stdout first. */
export const OUTPUT_OPTION = {
  output: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/**
 * The catalog root: --dir, else CATALOG_DIR (an empty one counts as unset, as in the build), else
 * the nearest folder from the current one upwards that holds catalog.config.yaml, so a command
 * run anywhere inside a catalog finds it; else the current folder. `search: false` is for a
 * command that writes a new catalog, which belongs where it was asked for.
 */
export function catalogRoot(dir: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), { search = true } = {}): string {
  if (dir !== undefined) return resolve(cwd, dir);
  if (env.CATALOG_DIR) return resolve(cwd, env.CATALOG_DIR);
  return search ? findCatalogRoot(cwd) : resolve(cwd);
}

/** The nearest folder from `start` upwards holding catalog.config.yaml, else `start`. */
export function findCatalogRoot(start: string): string {
  return nearestFolderWith(start, CONFIG_FILE) ?? resolve(start);
}

/** The nearest folder from `start` upwards (itself first) that holds a file of this name. */
export function nearestFolderWith(start: string, name: string): string | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    if (existsSync(join(folder, name))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * The catalog root, or the command ends: it must be a folder that can be read and, unless
 * `config` is false, hold catalog.config.yaml. For commands that cannot report this as a
 * diagnostic the way `check` does.
 */
export function catalogRootOrFail(dir: string | undefined, { config = true } = {}, io?: Pick<CliIo, 'env' | 'cwd'>): string {
  const root = catalogRoot(dir, io?.env, io?.cwd);
  const problem = catalogFolderProblem(root);
  if (problem) fail(`${problem.message}: ${problem.hint}`, 1);
  if (config && !existsSync(join(root, CONFIG_FILE))) {
    fail(`no ${CONFIG_FILE} in ${root}: point CATALOG_DIR (or --dir) at the catalog folder, or create the file with at least \`name: <your organisation>\``, 1);
  }
  return root;
}

/**
 * The parsed command line, or the command ends with exit status 2 and one line that says what is
 * wrong, then the usage line. `positionals` is how many plain arguments the command takes.
 */
export function parseCommand<O extends ParseArgsConfig['options']>(argv: string[], commandOptions: O, usage: string, { positionals = 0 } = {}) {
  const options = { ...commandOptions, ...STANDARD_OPTIONS };
  const parsed = (() => {
    try {
      return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    } catch (error) {
      return usageError(parseProblem(error as NodeJS.ErrnoException, Object.keys(options), usage), usage);
    }
  })();
  if ((parsed.values as Record<string, unknown>).help) {
    throw new CliExit(0, '', usage);
  }
  if ((parsed.values as Record<string, unknown>).version) {
    throw new CliExit(0, '', `${PLUMBLINE_VERSION}\n`);
  }
  for (const [name, value] of Object.entries(parsed.values as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.trim() === '')) usageError(`--${name} is empty: give it a value, or leave it out`, usage);
  }
  if (parsed.positionals.length > positionals) {
    const extra = parsed.positionals[positionals]!;
    const command = /^Usage: plumbline (\S+)/.exec(usage)?.[1] ?? 'check';
    usageError(`unexpected argument "${extra}"${extra.startsWith('-') ? '' : ` (options go after --, as in npm run ${command} -- --dir DIR)`}`, usage);
  }
  return parsed;
}

/** Node's parseArgs errors in our words: which option, and what it needs. */
function parseProblem(error: NodeJS.ErrnoException, known: string[], usage: string): string {
  const message = String(error?.message ?? error);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  // `Option '-h, --help' ...` names the short form first: report the long one.
  const long = /'(?:-\w, )?(--[^' <]+)/.exec(message)?.[1] ?? option;
  if (error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const guess = option.startsWith('--') ? closest(option.slice(2).split('=')[0]!, known) : undefined;
    return `unknown option ${option} (${guess ? `did you mean --${guess}? ` : ''}the options are ${known.map((name) => `--${name}`).join(', ')})`;
  }
  if (error?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && long) {
    if (/does not take an argument/.test(message)) return `${long} takes no value`;
    // The value the usage line names for the option: `--dir DIR` gives DIR.
    const value = new RegExp(`${long} ([^\\]\\s]+)`).exec(usage)?.[1] ?? 'VALUE';
    if (/ambiguous/.test(message)) return `${long} needs a value; to give one that starts with "-", write ${long}=${value}`;
    return `${long} needs a value: ${long} ${value}`;
  }
  return message.split(/\.\s/)[0]!;
}

/** Ends the command: a mistake in how it was called. One line: what is wrong, then the usage line. */
export function usageError(message: string, usage: string): never {
  fail(`${message}. ${usage.split('\n')[0]} (--help explains each option)`, 2);
}

/** The "as of" date: --today, else CATALOG_TODAY, else today; a date that is not real ends the command. */
export function todayOrFail(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  try {
    return resolveToday(explicit, env);
  } catch (error) {
    if (!(error instanceof InvalidTodayError)) throw error;
    const fix = explicit === undefined ? 'set CATALOG_TODAY to a date such as 2026-03-31, or unset it for today' : 'give --today a date such as 2026-03-31, or leave it out for today';
    fail(`${error.message}${explicit === undefined ? ' (from CATALOG_TODAY)' : ''}; ${fix}`, 2);
  }
}

/**
 * The absolute path of --output, checked before any work is done: not a folder, and in a folder
 * that exists. Whether it can be written is known only by writing it (writeOutput).
 */
export function outputPathOrFail(output: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (output === undefined) return undefined;
  const path = resolve(cwd, output);
  if (isFolder(path)) fail(`--output ${output} is a folder: give the path of a file to write, such as --output report.json`, 2);
  const folder = dirname(path);
  if (!isFolder(folder)) fail(`--output ${output}: ${existsSync(folder) ? `${folder} is a file, not a folder` : `the folder ${folder} does not exist`}; create the folder first, or write the file elsewhere`, 2);
  return path;
}

/**
 * The report on stdout, or written to the --output file with one line on stderr that says so:
 * "wrote <what> to <file>", then `: <summary>` when there is one.
 */
export function writeOutput(io: CliIo, text: string, path: string | undefined, what: string, summary?: string): void {
  if (path === undefined) {
    io.stdout(text);
    return;
  }
  const near = relative(io.cwd, path);
  const shown = near && !near.startsWith('..') && !isAbsolute(near) ? near : path;
  try {
    writeFileSync(path, text);
  } catch (error) {
    fail(`cannot write --output ${shown} (${fileProblem(error)}): give a file in a folder you may write to`, 2);
  }
  io.stderr(`plumbline: wrote ${what} to ${escapeLine(shown)}${summary ? `: ${summary}` : ''}\n`);
}

/** A file-system error in a few words: the code and what it means. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file of that name is in the way',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return code ? `${code}: ${words[code] ?? 'cannot be used'}` : String((error as Error)?.message ?? error);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Ends the command with one line on stderr; values in the message are shown escaped, never as line breaks. */
export function fail(message: string, code = 1): never {
  throw new CliExit(code, `plumbline: ${escapeLine(message)}\n`);
}
