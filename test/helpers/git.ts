/**
 * Real git repositories in temporary folders, for the pull-request workflow tests: commits with a
 * chosen author and date, so histories and diffs are exact. The user's and the system's git
 * configuration are ignored, so the tests run the same on every machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Files } from './catalog.ts';

const made: string[] = [];

const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

/** Runs git in a folder and returns its output; throws with git's message when it fails. */
export function git(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const run = spawnSync('git', args, { cwd: dir, env: { ...ENV, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** Writes files under a folder; `undefined` deletes one. */
export function writeFiles(dir: string, files: Record<string, string | undefined>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (content === undefined) {
      rmSync(target, { force: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export interface CommitOptions {
  author?: string;
  email?: string;
  /** ISO date and time, such as 2026-02-03T10:00:00Z. */
  date?: string;
}

/** Stages everything and commits it; returns the commit id. */
export function commitAll(dir: string, message: string, { author = 'Test Author', email = 'author@example.org', date = '2026-01-10T10:00:00Z' }: CommitOptions = {}): string {
  git(dir, ['add', '-A']);
  git(dir, ['-c', `user.name=${author}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** `git mv`, creating the destination folder first. */
export function move(dir: string, from: string, to: string): void {
  mkdirSync(dirname(join(dir, to)), { recursive: true });
  git(dir, ['mv', from, to]);
}

/**
 * A new repository holding the files (under `subfolder` when given, so the catalog is not the
 * repository's root) in one first commit. Returns the repository's folder and the catalog's.
 */
export function repoWith(files: Files, options: CommitOptions & { subfolder?: string; message?: string; extra?: Files } = {}): { repo: string; catalog: string } {
  const repo = mkdtempSync(join(tmpdir(), 'plumbline-git-'));
  made.push(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  const catalog = options.subfolder ? join(repo, options.subfolder) : repo;
  writeFiles(catalog, files);
  if (options.extra) writeFiles(repo, options.extra);
  commitAll(repo, options.message ?? 'Initial catalog', options);
  return { repo, catalog };
}

/** A temporary folder that is not in any git repository. */
export function plainFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-nogit-'));
  made.push(dir);
  return dir;
}

export function removeRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
