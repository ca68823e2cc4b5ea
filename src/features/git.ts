/**
 * The little of git Plumbline needs: where the catalog sits in its repository, a revision's
 * catalog files as a source the loader reads, and blobs read in bulk. git always runs as a
 * program with an argument array (never through a shell), through a runner that tests replace to
 * count or fake the processes started.
 */
import { spawnSync } from 'node:child_process';
import { CONFIG_FILE } from '../core/load.ts';
import { FOLDERS } from '../core/kinds.ts';
import { MAX_FILE_BYTES } from '../core/read/files.ts';
import { ASSETS_FOLDER } from '../core/read/narrative-urls.ts';
import { treeSource, type CatalogSource, type TreeFile } from '../core/read/source.ts';

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

/** The top-level names a catalog is made of; nothing else of a revision is read. */
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
 * The catalog files of a commit (the config, the five folders and the assets, under the catalog's
 * folder in the repository) as a source, read with two git processes and nothing written to disk:
 * one `ls-tree` listing every path with its mode and size, and, at the first read, one
 * `cat-file --batch` for every file the loader may read. A committed symbolic link stays a link,
 * so the loader refuses it as it would in a checkout; submodules are not catalog files.
 */
export function gitSource(dir: string, commit: string, run: GitRunner = runGit): CatalogSource {
  // `ls-tree` from the catalog folder lists paths relative to it, and only what the pathspecs name.
  // The images narratives show too, so a revision's narratives are checked against its own assets.
  const listing = run(['ls-tree', '-r', '-z', '-l', commit, '--', ...CATALOG_PATHS, ASSETS_FOLDER], { cwd: dir });
  if (listing.status !== 0) throw new GitError(gitProblem(listing));
  const blobs = new Map<string, { file: TreeFile; object: string }>();
  // What the loader reads: regular catalog files within its size limit. Links and larger files are
  // refused by their listing, and images are only looked at, so none of them is read in the batch.
  const readable = (path: string, { file }: { file: TreeFile }) => file.type === 'file' && file.size <= MAX_FILE_BYTES && !path.startsWith(`${ASSETS_FOLDER}/`);
  let batch: Map<string, Buffer> | undefined;
  const read = (path: string): Buffer => {
    const blob = blobs.get(path)!;
    if (!readable(path, blob)) return readObjects(dir, [blob.object], run).get(blob.object) ?? Buffer.alloc(0);
    batch ??= readObjects(dir, [...new Set([...blobs].filter(([p, b]) => readable(p, b)).map(([, b]) => b.object))], run);
    return batch.get(blob.object) ?? Buffer.alloc(0);
  };
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob') continue; // submodules are not catalog files
    const path = record.slice(tab + 1);
    blobs.set(path, { object, file: { type: mode === '120000' ? 'link' : 'file', size: Number(size), read: () => read(path) } });
  }
  return treeSource(`${commit} in ${dir}`, new Map([...blobs].map(([path, { file }]) => [path, file])));
}
