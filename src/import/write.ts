/**
 * Writing an import into a catalog folder without surprises: a file that already holds the same
 * bytes is left alone, a file that differs is kept unless `force` says otherwise, an id already
 * used elsewhere in the folder tree is never written twice, and `dryRun` writes nothing at all.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { discoverFiles } from '../core/read/files.ts';
import { folderSource } from '../core/read/source.ts';
import type { RenderedFile } from './render.ts';

export type WriteStatus = 'created' | 'updated' | 'unchanged' | 'conflict' | 'kept';

export interface WriteResult {
  path: string;
  status: WriteStatus;
  /** Why a file was kept or is in conflict, or which file an update replaced. */
  reason?: string;
}

export interface WriteOptions {
  /** Overwrite files that differ (and replace the same id's other extension in the same folder). */
  force?: boolean;
  /** Work out every result, write nothing. */
  dryRun?: boolean;
}

/**
 * Writes the files under `root` and says what happened to each. With `dryRun` the results say
 * what would happen. catalog.config.yaml is only ever created: an existing one is kept as it is.
 */
export function writeFiles(root: string, files: RenderedFile[], options: WriteOptions = {}): WriteResult[] {
  const existing = existingIds(root);
  const results: WriteResult[] = [];
  for (const file of files) {
    const absolute = join(root, file.path);
    const here = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
    if (file.kind === 'config') {
      if (here !== undefined) {
        results.push({ path: file.path, status: here === file.content ? 'unchanged' : 'kept', reason: here === file.content ? undefined : 'the catalog already has a config: it is kept as it is' });
      } else {
        if (!options.dryRun) put(absolute, file.content);
        results.push({ path: file.path, status: 'created' });
      }
      continue;
    }
    const folder = file.path.split('/')[0]!;
    const others = (existing.get(`${folder}\0${file.id}`) ?? []).filter((path) => path !== file.path);
    const sameFolder = (path: string) => posix.dirname(path) === posix.dirname(file.path);
    const elsewhere = others.filter((path) => !sameFolder(path));
    if (elsewhere.length) {
      results.push({ path: file.path, status: 'conflict', reason: `the id \`${file.id}\` is already used by ${elsewhere.join(', ')}` });
      continue;
    }
    const sibling = others.find(sameFolder); // the same id with the other extension: x.yaml beside x.mdx
    if (here === file.content && !sibling) {
      results.push({ path: file.path, status: 'unchanged' });
      continue;
    }
    if ((here !== undefined || sibling) && !options.force) {
      const what = here !== undefined ? 'the file exists and differs from the import' : `the id \`${file.id}\` is already used by ${sibling}`;
      results.push({ path: file.path, status: 'conflict', reason: `${what}: kept; rerun with --force to overwrite` });
      continue;
    }
    if (!options.dryRun) {
      put(absolute, file.content);
      if (sibling) rmSync(join(root, sibling));
    }
    results.push({ path: file.path, status: here === undefined && !sibling ? 'created' : 'updated', reason: sibling ? `replaces ${sibling}` : undefined });
  }
  return results;
}

/** Entry files already in the catalog, by folder and id. */
function existingIds(root: string): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  if (!existsSync(root)) return byId;
  for (const file of discoverFiles(folderSource(root)).files) {
    const key = `${file.path.split('/')[0]}\0${file.id}`;
    byId.set(key, [...(byId.get(key) ?? []), file.path]);
  }
  return byId;
}

/**
 * Writes through a temporary file and a rename, so an interrupted import leaves no half-written
 * entry (the temporary name starts with a dot: the catalog reader skips such files).
 */
function put(absolute: string, content: string): void {
  mkdirSync(dirname(absolute), { recursive: true });
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, absolute);
}
