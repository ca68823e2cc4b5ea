/**
 * Catalog sources: a folder on disk and the same files held in memory give the loader the same
 * files and the same diagnostics, links, hidden files, bad names, oversize and non-UTF-8 files
 * included; and the in-memory tree answers like a file system (ENOENT, ENOTDIR).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { loadCatalogConfig } from '../../src/core/load.ts';
import { discoverFiles, MAX_FILE_BYTES } from '../../src/core/read/files.ts';
import { folderSource, memorySource, sourceOf, type CatalogSource, type MemoryFile } from '../../src/core/read/source.ts';
import { TODAY, validCatalog } from '../helpers/catalog.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes the files, links included, into a new temporary folder. */
function writeFolder(files: Record<string, MemoryFile>): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-source-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, join(root, path));
    else writeFileSync(join(root, path), content);
  }
  return root;
}

const valid = validCatalog();

function without<T>(files: Record<string, T>, ...paths: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !paths.some((p) => path === p || path.startsWith(`${p}/`))));
}
const OWNER = valid['owners/ops.yaml']!;
const notUtf8 = Buffer.concat([Buffer.from('name: Operations\nkind: team\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
const access = `---\n${valid['goals/access.yaml']}---\n![Waits](../assets/waits.png)\n\n![Linked](../assets/linked.png)\n`;

/** The valid catalog with one of everything a source must report the same way. */
const tricky: Record<string, MemoryFile> = {
  ...without(valid, 'goals/access.yaml'),
  'goals/access.mdx': access,
  'assets/waits.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'assets/linked.png': { link: '/etc/hostname' },
  'metrics/link.yaml': { link: '../owners/ops.yaml' },
  'metrics/.DS_Store': '\0\0',
  'goals/.gitkeep': '',
  'data/.gitkeep': 'not empty',
  'goals/.drafts/x.yaml': 'nonsense: [',
  'owners/Bad Folder/x.yaml': OWNER,
  'owners/big.yaml': `${OWNER}#${'x'.repeat(MAX_FILE_BYTES)}\n`,
  'owners/latin.yaml': notUtf8,
  'owners/My Team.yaml': OWNER,
};

const summary = (source: CatalogSource | string) => analyzeCatalog(source, TODAY).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`);

describe('a folder and memory', () => {
  const root = writeFolder(tricky);

  it('find the same catalog files', () => {
    const fromFolder = discoverFiles(folderSource(root));
    const fromMemory = discoverFiles(memorySource(tricky));
    expect(fromMemory).toEqual(fromFolder);
    expect(fromFolder.files.map((f) => f.path)).toContain('owners/big.yaml');
    expect(fromFolder.files.map((f) => f.path)).not.toContain('owners/Bad Folder/x.yaml');
  });

  it('give the same diagnostics, each of them the one the case calls for', () => {
    const fromFolder = summary(root);
    expect(summary(memorySource(tricky))).toEqual(fromFolder);
    const found = analyzeCatalog(memorySource(tricky), TODAY).diagnostics;
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'data/.gitkeep:1:1 hidden-file',
      'goals/.drafts:1:1 hidden-file',
      'goals/access.mdx:10:1 image-source',
      'metrics/.DS_Store:1:1 hidden-file',
      'metrics/link.yaml:1:1 unsupported-file',
      'owners/Bad Folder:1:1 invalid-id',
      'owners/My Team.yaml:1:1 invalid-id',
      'owners/big.yaml:1:1 file-too-large',
      'owners/latin.yaml:3:6 encoding',
    ]);
    expect(found.find((d) => d.rule === 'image-source')!.message).toBe('`assets/linked.png` is a symbolic link, which the site does not follow');
  });

  it('count the same files, and check the same images', () => {
    const fromFolder = analyzeCatalog(root, TODAY);
    const fromMemory = analyzeCatalog(memorySource(tricky), TODAY);
    expect(fromMemory.fileCount).toBe(fromFolder.fileCount);
    expect([...fromMemory.catalog.assets.keys()]).toEqual(['assets/waits.png']);
    expect([...fromFolder.catalog.assets]).toEqual([['assets/waits.png', join(root, 'assets/waits.png')]]);
  });

  it('report a catalog folder that is a file, and a config that is a link, alike', () => {
    const files: Record<string, MemoryFile> = { ...without(valid, 'initiatives'), 'catalog.config.yaml': { link: '/etc/hostname' }, initiatives: 'not a folder\n' };
    const fromFolder = summary(writeFolder(files));
    expect(summary(memorySource(files))).toEqual(fromFolder);
    expect(fromFolder).toContain('initiatives:1:1 error unreadable-file: cannot read this folder (ENOTDIR)');
    expect(fromFolder).toContain('catalog.config.yaml:1:1 error unsupported-file: symbolic links are not followed');
  });

  it('name the source in the message for a missing config', () => {
    const { diagnostics } = loadCatalogConfig(memorySource(without(valid, 'catalog.config.yaml'), 'the draft'));
    expect(diagnostics.map((d) => `${d.rule}: ${d.message}`)).toEqual(['missing-config: no catalog.config.yaml in the draft']);
  });
});

describe('memorySource', () => {
  const source = memorySource({ 'metrics/a.yaml': 'name: A\n', 'metrics/deep/b.yaml': Buffer.from('b'), 'goals/l.yaml': { link: 'x' }, 'goals/../escape.yaml': 'x', 'goals//empty.yaml': 'x' });
  const code = (action: () => unknown) => {
    try {
      action();
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
    return 'no error';
  };

  it('lists folders made from the paths, with each entry typed', () => {
    expect(source.list('')).toEqual([
      { name: 'metrics', type: 'folder' },
      { name: 'goals', type: 'folder' },
    ]);
    expect(source.list('metrics')).toEqual([
      { name: 'a.yaml', type: 'file' },
      { name: 'deep', type: 'folder' },
    ]);
    expect(source.list('goals')).toEqual([{ name: 'l.yaml', type: 'link' }]);
  });

  it('leaves out paths with `..` or empty segments', () => {
    expect(source.exists('goals/../escape.yaml')).toBe(false);
    expect(source.exists('escape.yaml')).toBe(false);
    expect(source.exists('goals/empty.yaml')).toBe(false);
  });

  it('gives sizes and bytes, and fails the way a file system does', () => {
    expect(source.stat('metrics/a.yaml')).toEqual({ type: 'file', size: 8 });
    expect(source.stat('metrics/deep')).toEqual({ type: 'folder', size: 0 });
    expect(source.read('metrics/deep/b.yaml').toString()).toBe('b');
    expect(code(() => source.stat('owners'))).toBe('ENOENT');
    expect(code(() => source.list('owners'))).toBe('ENOENT');
    expect(code(() => source.list('metrics/a.yaml'))).toBe('ENOTDIR');
    expect(code(() => source.stat('metrics/a.yaml/x'))).toBe('ENOTDIR');
    expect(code(() => source.read('metrics'))).toBe('EISDIR');
  });

  it('has no folder problem, and a string stays a folder', () => {
    expect(source.problem()).toBeUndefined();
    expect(sourceOf(source)).toBe(source);
    const missing = join(tmpdir(), 'plumbline-no-such-folder');
    expect(sourceOf(missing).root).toBe(missing);
    expect(sourceOf(missing).problem()?.message).toBe(`the catalog folder ${missing} does not exist`);
  });
});
