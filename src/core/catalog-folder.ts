/**
 * Whether a path can be a catalog folder at all: it exists, is a folder, and may be read. Checked
 * before anything else is read, so `--dir` pointing at a file, at `/`, at a folder without
 * permission or at nothing gives one diagnostic that says so, not a crash or a misleading one.
 */
import { opendirSync, statSync } from 'node:fs';

export interface FolderProblem {
  message: string;
  hint: string;
}

const POINT_ELSEWHERE = 'point CATALOG_DIR (or --dir) at a folder holding catalog.config.yaml';

/** Why `root` cannot be read as a catalog folder, or undefined when it can. */
export function catalogFolderProblem(root: string): FolderProblem | undefined {
  let isFolder: boolean;
  try {
    isFolder = statSync(root).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a part of the path is a file, so nothing is there either.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { message: `the catalog folder ${root} does not exist`, hint: POINT_ELSEWHERE };
    return unreadable(root, code);
  }
  if (!isFolder) return { message: `the catalog folder ${root} is a file, not a folder`, hint: POINT_ELSEWHERE };
  try {
    opendirSync(root).closeSync();
  } catch (error) {
    return unreadable(root, (error as NodeJS.ErrnoException).code);
  }
  return undefined;
}

function unreadable(root: string, code: string | undefined): FolderProblem {
  const why = code === 'EACCES' || code === 'EPERM' ? `permission denied, ${code}` : (code ?? 'error');
  return { message: `cannot read the catalog folder ${root} (${why})`, hint: `give your user permission to read it, or ${POINT_ELSEWHERE}` };
}
