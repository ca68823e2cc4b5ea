/**
 * Finding and reading catalog files, through a `CatalogSource`. A file is read only if it is a
 * regular file inside the catalog, under a size limit, and valid UTF-8; anything else becomes a
 * diagnostic.
 */
import { posix, sep } from 'node:path';
import { problem, START_OF_FILE, type Diagnostic } from '../diagnostics.ts';
import type { LoaderRuleId } from '../loader-rules.ts';
import { FOLDERS, type FileKind } from '../kinds.ts';
import { ID_PATTERN } from '../schemas/common.ts';
import { lineStarts, positionAt } from './positions.ts';
import type { CatalogSource, SourceEntry, SourceStats } from './source.ts';

export const MAX_FILE_BYTES = 1024 * 1024;


export interface CatalogFile {
  kind: FileKind;
  /** Path relative to the catalog root, forward slashes. */
  path: string;
  id: string;
  extension: string;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Every catalog file of the source, sorted by path, with diagnostics for files that cannot be entries. */
export function discoverFiles(source: CatalogSource): { files: CatalogFile[]; diagnostics: Diagnostic[] } {
  const files: CatalogFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { folder, kind, extensions } of FOLDERS) {
    for (const path of walk(source, folder, diagnostics)) {
      const base = posix.basename(path);
      const extension = posix.extname(base);
      if (!extensions.includes(extension)) {
        const rename = extension === '.yml' ? 'rename it to .yaml' : `catalog entries here are ${extensions.join(' or ')} files`;
        const what = /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
        diagnostics.push(problem('unsupported-file', path, START_OF_FILE, `\`${base}\` is not ${what} file this folder can read`, `${rename}, or move it out of ${folder}/`));
        continue;
      }
      const id = base.slice(0, -extension.length);
      if (!ID_PATTERN.test(id)) {
        diagnostics.push(problem('invalid-id', path, START_OF_FILE, `the file name \`${id}\` is not a valid id`, `ids are lowercase kebab-case: rename the file to \`${suggestId(id)}${extension}\``));
        continue;
      }
      files.push({ kind, path, id, extension });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, diagnostics };
}

export function suggestId(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'entry';
}

function* walk(source: CatalogSource, folder: string, diagnostics: Diagnostic[]): Generator<string> {
  // The folder itself may be a link too (`metrics -> /elsewhere`); listing it would follow the link.
  if (isSymbolicLink(source, folder)) {
    diagnostics.push(notRegular(folder, true));
    return;
  }
  let entries: SourceEntry[];
  try {
    entries = source.list(folder);
  } catch (error) {
    // A missing folder is an empty one; a folder that cannot be read is not, or check would pass over its files.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') diagnostics.push(problem('unreadable-file', folder, START_OF_FILE, `cannot read this folder (${code ?? 'error'})`, 'make the folder readable, or remove it'));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.name.startsWith('.')) {
      if (!isEmptyKeepFile(source, entry, path)) diagnostics.push(hidden(path, entry.type === 'folder'));
      continue;
    }
    if (entry.type === 'folder') {
      // Folder names become part of page and file paths: `%2e`, `?` or `#` would make the site read a different file than check did.
      if (!ID_PATTERN.test(entry.name)) {
        diagnostics.push(problem('invalid-id', path, START_OF_FILE, `the folder name \`${entry.name}\` is not valid; its files were not read`, `folder names are lowercase kebab-case like ids: rename it to \`${suggestId(entry.name)}\``));
        continue;
      }
      yield* walk(source, path, diagnostics);
    } else if (entry.type === 'file') {
      yield path;
    } else {
      diagnostics.push(notRegular(path, entry.type === 'link'));
    }
  }
}

/** An empty `.gitkeep` only keeps an empty folder in git; every other hidden file or folder is reported, since it is not read. */
function isEmptyKeepFile(source: CatalogSource, entry: SourceEntry, path: string): boolean {
  if (entry.name !== '.gitkeep' || entry.type !== 'file') return false;
  try {
    return source.stat(path).size === 0;
  } catch {
    return false;
  }
}

function hidden(file: string, folder: boolean): Diagnostic {
  return problem('hidden-file', file, START_OF_FILE, `this ${folder ? 'folder' : 'file'} is hidden (its name starts with \`.\`), so it is not read`, 'rename it without the leading dot if it belongs to the catalog, or move it out of the catalog folders');
}

function isSymbolicLink(source: CatalogSource, path: string): boolean {
  try {
    return source.stat(path).type === 'link';
  } catch {
    return false;
  }
}

/** Links, pipes and devices are refused: a link could publish files from outside the catalog, and a pipe never ends. */
function notRegular(file: string, link: boolean): Diagnostic {
  return link
    ? problem('unsupported-file', file, START_OF_FILE, 'symbolic links are not followed', 'replace the link with the file itself, so the catalog cannot publish files from outside it')
    : problem('unsupported-file', file, START_OF_FILE, 'not a regular file (a pipe, socket or device)', 'catalog entries are plain text files: replace it with one');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of the file at `path`, without a byte-order mark, or the diagnostic that says why it cannot be read. */
export function readCatalogText(source: CatalogSource, path: string): { text: string } | { diagnostic: Diagnostic } {
  const fail = (rule: LoaderRuleId, message: string, hint: string, at = START_OF_FILE) => ({ diagnostic: problem(rule, path, at, message, hint) });
  const unreadable = (error: unknown) => fail('unreadable-file', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the file exists and is readable');
  let stats: SourceStats;
  try {
    stats = source.stat(path);
  } catch (error) {
    return unreadable(error);
  }
  if (stats.type !== 'file') {
    if (stats.type === 'folder') return fail('unsupported-file', 'this is a folder, not a file', 'replace the folder with the file');
    return { diagnostic: notRegular(path, stats.type === 'link') };
  }
  // Refused by its size alone, so a huge file is never read.
  if (stats.size > MAX_FILE_BYTES) {
    return fail('file-too-large', `the file is ${Math.ceil(stats.size / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB (1 MiB)`, 'split it up: one entry per file, and keep long narratives short');
  }
  let bytes: Buffer;
  try {
    bytes = source.read(path);
  } catch (error) {
    return unreadable(error);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const { line, column } = positionAt(lineStarts(before), before.length);
    return fail('encoding', `the file is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte ${offset})`, 'save the file as UTF-8', { line, column, endLine: line, endColumn: column + 1 });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty-file', 'the file is empty', 'add the required fields, or delete the file');
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (decodes(bytes.subarray(0, mid), true)) low = mid;
    else high = mid;
  }
  // A stream decoder holds an unfinished sequence back instead of refusing it: the bad one starts at its lead byte.
  if (decodes(bytes.subarray(0, low), false)) return low;
  let start = low;
  while (start > low - 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  return start - 1;
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}
