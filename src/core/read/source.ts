/**
 * Where catalog files come from. The loader reads only through a `CatalogSource`, so a folder on
 * disk, a git revision and files held in memory give the same entries and the same diagnostics:
 * the guards (links refused, size limit, UTF-8) are the loader's, and a source only says what is
 * there. Paths are relative to the catalog root, with forward slashes; '' is the root itself.
 * Operations that fail throw an error with a Node-style `code` (`ENOENT`, `ENOTDIR`, …), which the
 * loader names in its diagnostics.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { catalogFolderProblem, type FolderProblem } from '../catalog-folder.ts';

/** What a path is, seen without following links. */
export type EntryType = 'file' | 'folder' | 'link' | 'other';

export interface SourceEntry {
  name: string;
  type: EntryType;
}

export interface SourceStats {
  type: EntryType;
  /** Bytes of a file, known before it is read. */
  size: number;
}

export interface CatalogSource {
  /** How messages name the catalog: a folder's absolute path, or what stands for it (a revision). */
  readonly root: string;
  /** The catalog's name when its config cannot give one: the folder's name. */
  readonly name: string;
  /** Why nothing of the catalog can be read (its folder is missing, a file, unreadable), or undefined. */
  problem(): FolderProblem | undefined;
  /** A folder's entries, in no particular order. */
  list(folder: string): SourceEntry[];
  /** What the path is and its size, without following a link. */
  stat(path: string): SourceStats;
  /** A file's bytes. */
  read(path: string): Buffer;
  /** Whether something is at the path. */
  exists(path: string): boolean;
}

/** An error carrying a code the way Node's file-system errors do. */
function sourceError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** The catalog in a folder on disk. Nothing is followed through a link except the root folder itself. */
export function folderSource(rootDir: string): CatalogSource {
  const root = resolve(rootDir);
  const at = (path: string) => (path === '' ? root : join(root, path));
  return {
    root,
    // Any folder name will do, even one no config could hold; `/` has none, so the path stands for it.
    name: basename(root) || root,
    problem: () => catalogFolderProblem(root),
    list: (folder) => readdirSync(at(folder), { withFileTypes: true }).map((entry) => ({ name: entry.name, type: typeOf(entry) })),
    stat: (path) => {
      const stats = lstatSync(at(path));
      return { type: typeOf(stats), size: stats.size };
    },
    read: (path) => readFileSync(at(path)),
    // Followed, as `existsSync` does: a link counts when what it points to exists.
    exists: (path) => existsSync(at(path)),
  };
}

/** What a directory entry, or lstat's answer, is. */
function typeOf(entry: Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'>): EntryType {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'link' : 'other';
}

/** A source as given, or the folder a path names (a string stays a folder, as it always was). */
export function sourceOf(from: CatalogSource | string): CatalogSource {
  return typeof from === 'string' ? folderSource(from) : from;
}

/** A file of a tree held outside any folder: its type, size and, for a file, how to read it. */
export interface TreeFile {
  type: Exclude<EntryType, 'folder'>;
  size: number;
  read: () => Buffer;
}

/**
 * A source over a list of files by path (a revision's tree, or files in memory). Folders are the
 * paths' parents; a path with an empty, `.` or `..` segment is left out, since no folder holds it.
 */
export function treeSource(root: string, files: Map<string, TreeFile>, name = 'catalog'): CatalogSource {
  const folders = new Map<string, Map<string, EntryType>>([['', new Map()]]);
  const kept = new Map<string, TreeFile>();
  for (const [path, file] of files) {
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..')) continue;
    kept.set(path, file);
    for (let i = 0; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!folders.has(parent)) folders.set(parent, new Map());
      folders.get(parent)!.set(parts[i]!, i === parts.length - 1 ? file.type : 'folder');
    }
  }
  /** The file or folder at a path; ENOTDIR when a part of the path is a file, as on disk. */
  const find = (path: string): TreeFile | 'folder' => {
    if (folders.has(path)) return 'folder';
    const file = kept.get(path);
    if (file) return file;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (kept.has(parts.slice(0, i).join('/'))) throw sourceError('ENOTDIR', path);
    throw sourceError('ENOENT', path);
  };
  return {
    root,
    name,
    problem: () => undefined,
    list: (folder) => {
      if (find(folder) !== 'folder') throw sourceError('ENOTDIR', folder);
      return [...folders.get(folder)!].map(([name, type]) => ({ name, type }));
    },
    stat: (path) => {
      const found = find(path);
      return found === 'folder' ? { type: 'folder', size: 0 } : { type: found.type, size: found.size };
    },
    read: (path) => {
      const found = find(path);
      if (found === 'folder') throw sourceError('EISDIR', path);
      return found.read();
    },
    // A link cannot be followed out of a tree: it counts as something there.
    exists: (path) => folders.has(path) || kept.has(path),
  };
}

/** What `memorySource` holds at a path: a file's text or bytes, or a symbolic link to a target. */
export type MemoryFile = string | Buffer | { link: string };

/** A catalog held in memory, for tests and for checking files before they are written. */
export function memorySource(files: Record<string, MemoryFile>, root = 'memory'): CatalogSource {
  const tree = new Map<string, TreeFile>();
  for (const [path, content] of Object.entries(files)) {
    const link = typeof content === 'object' && !Buffer.isBuffer(content);
    // A link's bytes are its target, as git stores one.
    const bytes = link ? Buffer.from(content.link) : Buffer.isBuffer(content) ? content : Buffer.from(content);
    tree.set(path, { type: link ? 'link' : 'file', size: bytes.length, read: () => bytes });
  }
  return treeSource(root, tree);
}
