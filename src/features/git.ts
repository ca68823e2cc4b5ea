/**
 * The little of git Plumbline needs: where the catalog sits in its repository, a revision's
 * catalog files written to a temporary folder, and blobs read in bulk. git always runs as a
 * program with an argument array (never through a shell), through a runner that tests replace to
 * count or fake the processes started.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CONFIG_FILE } from '../core/load.ts';
import { FOLDERS } from '../core/kinds.ts';
import { ASSETS_FOLDER } from '../core/read/narrative-urls.ts';

export interface GitResult {
  /** Exit status; `null` when git could not be started or was killed. */
  status: number | null;
  stdout: Buffer;
  stderr: string;
  /** Set when git could not be started at all (not installed: `ENOENT`). */
  error?: NodeJS.ErrnoException;
}

export interface GitOptions {
  cwd: string;
  /** Written to git's standard input. */
  input?: string;
}

export type GitRunner = (args: string[], options: GitOptions) => GitResult;

/** Large enough for the log and blobs of a catalog with tens of thousands of entries. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

export const runGit: GitRunner = (args, { cwd, input }) => {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: MAX_OUTPUT,
    // Never wait for credentials or a pager, and keep messages in English so they can be reported.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    windowsHide: true,
  });
  return {
    status: result.status,
    stdout: result.stdout ?? Buffer.alloc(0),
    stderr: result.stderr?.toString('utf8') ?? '',
    error: result.error as NodeJS.ErrnoException | undefined,
  };
};

export class GitError extends Error {}

/** The first line of what git said, or why it could not run. */
export function gitProblem(result: GitResult): string {
  if (result.error) return result.error.code === 'ENOENT' ? 'git is not installed (no `git` program on the PATH)' : `git could not run (${result.error.message})`;
  const said = result.stderr.split('\n').find((line) => line.trim() !== '')?.replace(/^(fatal|error): /, '');
  return said ?? `git exited with status ${result.status}`;
}

export interface RepoInfo {
  /** Absolute path of the repository's top folder. */
  toplevel: string;
  /** The catalog folder relative to the top, with a trailing slash, or '' when it is the top. */
  prefix: string;
  /** A shallow clone holds only the latest commits, so its history is cut short. */
  shallow: boolean;
}

/** Where the catalog folder sits in its git repository, or why it is not in one. */
export function repoInfo(dir: string, run: GitRunner = runGit): RepoInfo | { problem: string } {
  const result = run(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'], { cwd: dir });
  if (result.status !== 0) {
    const said = gitProblem(result);
    return { problem: /not a git repository/i.test(said) ? 'the catalog is not in a git repository' : said };
  }
  const [toplevel = '', prefix = '', shallow = 'false'] = result.stdout.toString('utf8').split('\n');
  return { toplevel, prefix, shallow: shallow.trim() === 'true' };
}

/** The full commit id a revision names; throws a GitError saying why when it names none. */
export function resolveCommit(dir: string, revision: string, run: GitRunner = runGit): string {
  if (revision.startsWith('-')) throw new GitError(`"${revision}" is not a revision`);
  const result = run(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: dir });
  if (result.status !== 0) {
    if (result.error) throw new GitError(gitProblem(result));
    throw new GitError(`no commit "${revision}" in the repository at ${dir}${result.stderr.trim() ? ` (${gitProblem(result)})` : ''}`);
  }
  return result.stdout.toString('utf8').trim();
}

/** The top-level names a catalog is made of; nothing else of a revision is written out. */
export const CATALOG_PATHS = [CONFIG_FILE, ...FOLDERS.map((f) => f.folder)];

/**
 * Reads many objects (blob ids, or `rev:path`) through one `git cat-file --batch` process.
 * Objects that do not exist are left out of the result.
 */
export function readObjects(dir: string, names: string[], run: GitRunner = runGit): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!names.length) return found;
  const result = run(['cat-file', '--batch'], { cwd: dir, input: names.map((n) => `${n}\n`).join('') });
  if (result.status !== 0) throw new GitError(gitProblem(result));
  const out = result.stdout;
  let at = 0;
  for (const name of names) {
    const newline = out.indexOf(10, at);
    if (newline < 0) break;
    const header = out.toString('utf8', at, newline);
    at = newline + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size)) throw new GitError(`unexpected output from git cat-file: ${header}`);
    found.set(name, out.subarray(at, at + size));
    at += size + 1;
  }
  return found;
}

/**
 * Writes the catalog files of a commit (the config and the five folders, under the catalog's
 * folder in the repository) into a new temporary folder, with two git processes: one listing,
 * one reading every file. Returns the folder; the caller removes it with `removeCheckout`.
 */
export function checkoutCatalog(dir: string, commit: string, run: GitRunner = runGit): string {
  // `ls-tree` from the catalog folder lists paths relative to it, and only what the pathspecs name.
  // The images narratives show too, so a revision's narratives are checked against its own assets.
  const listing = run(['ls-tree', '-r', '-z', commit, '--', ...CATALOG_PATHS, ASSETS_FOLDER], { cwd: dir });
  if (listing.status !== 0) throw new GitError(gitProblem(listing));
  const files: { mode: string; object: string; path: string }[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    if (type !== 'blob') continue; // submodules are not catalog files
    files.push({ mode, object, path: record.slice(tab + 1) });
  }
  const blobs = readObjects(dir, [...new Set(files.map((f) => f.object))], run);
  const root = mkdtempSync(join(tmpdir(), 'plumbline-rev-'));
  try {
    for (const file of files) {
      if (file.path.split('/').some((part) => part === '..' || part === '')) continue;
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const content = blobs.get(file.object) ?? Buffer.alloc(0);
      // A committed symbolic link stays one, so the loader refuses it exactly as it would in a checkout.
      if (file.mode === '120000') symlinkSync(content.toString('utf8'), target);
      else writeFileSync(target, content);
    }
  } catch (error) {
    removeCheckout(root);
    throw error;
  }
  return root;
}

export function removeCheckout(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
