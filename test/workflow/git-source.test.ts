/**
 * A committed revision read as a catalog source: two git processes, nothing written to disk, and
 * the same guards as a checkout (a committed link refused, a submodule skipped, a file over the
 * size limit refused without being read).
 */
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { MAX_FILE_BYTES } from '../../src/core/read/files.ts';
import { gitSource, runGit, type GitRunner } from '../../src/features/git.ts';
import { removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { commitAll, git, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';

afterAll(() => {
  removeRepos();
  removeCatalogs();
});

/** A runner that records every git process it starts, with what it was given on its input. */
function counting() {
  const calls: { args: string[]; input?: string }[] = [];
  const run: GitRunner = (args, options) => {
    calls.push({ args, input: options.input });
    return runGit(args, options);
  };
  return { run, calls, commands: () => calls.map((c) => c.args[0]) };
}

const where = (source: Parameters<typeof analyzeCatalog>[0]) => analyzeCatalog(source, TODAY).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}: ${d.message}`);
const revisionFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('plumbline-rev-'));

describe('gitSource', () => {
  it('reads a commit with one ls-tree and one cat-file, writing no temporary folder', () => {
    const { catalog } = repoWith(validCatalog(), { subfolder: 'catalog', extra: { 'metrics/stray.yaml': 'not: a catalog file\n' } });
    const commit = git(catalog, ['rev-parse', 'HEAD']).trim();
    // The working tree changes after the commit: what is read must be the commit.
    writeFiles(catalog, { 'owners/ops.yaml': 'name: Operations, renamed\nkind: team\n' });
    const before = revisionFolders();
    const counter = counting();
    const source = gitSource(catalog, commit, counter.run);
    expect(counter.commands()).toEqual(['ls-tree']);
    expect(counter.calls[0]!.args).toEqual(expect.arrayContaining(['-r', '-z', '-l', commit]));
    const analysis = analyzeCatalog(source, TODAY);
    expect(counter.commands()).toEqual(['ls-tree', 'cat-file']);
    expect(revisionFolders()).toEqual(before);
    expect(analysis.catalog.owners.get('ops')!.data.name).toBe('Operations');
    expect(analysis.fileCount).toBe(Object.keys(validCatalog()).length);
    // Only the catalog folder is read: the repository's own metrics/ folder is not the catalog's.
    expect(where(source)).toEqual(where(writeCatalog(validCatalog())));
  });

  it('gives the diagnostics a checkout of the commit gives', () => {
    const { catalog } = repoWith({ ...validCatalog(), 'goals/.drafts/x.yaml': 'nonsense: [', 'metrics/Bad Name.yaml': 'name: x\n', 'data/.gitkeep': '' });
    writeFileSync(join(catalog, 'owners/latin.yaml'), Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]));
    commitAll(catalog, 'Latin-1 bytes');
    expect(where(gitSource(catalog, 'HEAD'))).toEqual(where(catalog));
    expect(where(catalog)).toEqual(expect.arrayContaining([
      'goals/.drafts:1:1 hidden-file: this folder is hidden (its name starts with `.`), so it is not read',
      'metrics/Bad Name.yaml:1:1 invalid-id: the file name `Bad Name` is not a valid id',
      'owners/latin.yaml:1:4 encoding: the file is not valid UTF-8 (byte 0xe9 at byte 3)',
    ]));
  });

  it('refuses a committed symbolic link as a checkout would', () => {
    const { catalog } = repoWith(validCatalog());
    symlinkSync('../owners/ops.yaml', join(catalog, 'metrics/link.yaml'));
    commitAll(catalog, 'A link');
    expect(git(catalog, ['ls-tree', 'HEAD', 'metrics/link.yaml'])).toMatch(/^120000 blob /);
    const found = where(gitSource(catalog, 'HEAD'));
    expect(found).toContain('metrics/link.yaml:1:1 unsupported-file: symbolic links are not followed');
    expect(found).toEqual(where(catalog));
  });

  it('skips a submodule: it is not a catalog file', () => {
    const { catalog } = repoWith(validCatalog());
    const clean = where(gitSource(catalog, 'HEAD'));
    const head = git(catalog, ['rev-parse', 'HEAD']).trim();
    git(catalog, ['update-index', '--add', '--cacheinfo', `160000,${head},metrics/vendored`]);
    git(catalog, ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'A submodule']);
    expect(git(catalog, ['ls-tree', 'HEAD', 'metrics/vendored'])).toMatch(/^160000 commit /);
    const source = gitSource(catalog, 'HEAD');
    expect(source.exists('metrics/vendored')).toBe(false);
    expect(where(source)).toEqual(clean);
  });

  it('refuses a file over the size limit by its listed size, without reading it', () => {
    const { catalog } = repoWith(validCatalog());
    writeFiles(catalog, { 'owners/big.yaml': `name: Big\nkind: team\n#${'x'.repeat(MAX_FILE_BYTES)}\n` });
    commitAll(catalog, 'A big owner');
    const big = git(catalog, ['rev-parse', 'HEAD:owners/big.yaml']).trim();
    const counter = counting();
    const found = where(gitSource(catalog, 'HEAD', counter.run));
    expect(found).toContain('owners/big.yaml:1:1 file-too-large: the file is 1025 KiB; the limit is 1024 KiB (1 MiB)');
    expect(counter.commands()).toEqual(['ls-tree', 'cat-file']);
    expect(counter.calls[1]!.input).not.toContain(big);
    expect(counter.calls[1]!.input).toContain(git(catalog, ['rev-parse', 'HEAD:owners/ops.yaml']).trim());
  });

  it('says what git said when the commit cannot be listed', () => {
    const { catalog } = repoWith(validCatalog());
    expect(() => gitSource(catalog, '0123456789012345678901234567890123456789')).toThrow(/not a tree object|bad object|not a valid object/i);
  });
});
