import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { MAX_FILE_BYTES, suggestId } from '../../src/core/read/files.ts';
import { analyze, removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { errors, one, withFiles } from '../helpers/core.ts';

const outside = mkdtempSync(join(tmpdir(), 'plumbline-outside-'));
afterAll(() => {
  removeCatalogs();
  rmSync(outside, { recursive: true, force: true });
});

const valid = validCatalog();

/** Writes the valid catalog, lets `setup` change the folder, and returns the errors as `file:line:column rule`. */
function errorsAfter(setup: (root: string) => void, files = valid): string[] {
  const root = writeCatalog(files);
  setup(root);
  return analyzeCatalog(root, TODAY)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
}

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('discovery', () => {
  it('counts every catalog file and the config', () => {
    expect(analyze(valid).fileCount).toBe(Object.keys(valid).length);
  });

  it('ignores hidden files and folders', () => {
    expect(errors(withFiles(valid, { 'metrics/.DS_Store': '\0\0', 'goals/.drafts/x.yaml': 'nonsense: [' }))).toEqual([]);
  });

  it('refuses `.yml` with a hint to rename it', () => {
    const files = withFiles(valid, { 'metrics/wait-days.yaml': undefined, 'metrics/wait-days.yml': valid['metrics/wait-days.yaml']! });
    expect(errors(files)).toContain('metrics/wait-days.yml:1:1 unsupported-file');
    const d = one(files, 'unsupported-file');
    expect(d.message).toBe('`wait-days.yml` is not a metric file this folder can read');
    expect(d.hint).toBe('rename it to .yaml, or move it out of metrics/');
  });

  it('refuses other files in a catalog folder', () => {
    const files = withFiles(valid, { 'goals/README.md': '# Goals\n', 'data/wait-days.xlsx': 'PK' });
    expect(errors(files)).toEqual(['data/wait-days.xlsx:1:1 unsupported-file', 'goals/README.md:1:1 unsupported-file']);
    expect(analyze(files).diagnostics.find((d) => d.file === 'data/wait-days.xlsx')!.message).toBe('`wait-days.xlsx` is not a data file this folder can read');
  });

  it('refuses a file name that is not an id, suggesting one', () => {
    const files = withFiles(valid, { 'metrics/My Metric.yaml': valid['metrics/open-slots.yaml']! });
    expect(errors(files)).toEqual(['metrics/My Metric.yaml:1:1 invalid-id']);
    expect(one(files, 'invalid-id').hint).toBe('ids are lowercase kebab-case: rename the file to `my-metric.yaml`');
  });

  it.each([
    ['My Metric', 'my-metric'],
    ['Wait_Days (new)', 'wait-days-new'],
    ['Crème brûlée', 'creme-brulee'],
    ['---', 'entry'],
  ])('suggests an id for %s', (name, id) => {
    expect(suggestId(name)).toBe(id);
  });
});

describe('links, pipes and folders', () => {
  it('refuses a symbolic link to a file', () => {
    const found = errorsAfter((root) => symlinkSync(join(root, 'metrics/open-slots.yaml'), join(root, 'metrics/link.yaml')));
    expect(found).toEqual(['metrics/link.yaml:1:1 unsupported-file']);
  });

  it('refuses a symbolic link to a folder outside the catalog', () => {
    writeFileSync(join(outside, 'secret.yaml'), 'name: Secret\nkind: team\n');
    const found = errorsAfter((root) => symlinkSync(outside, join(root, 'owners/elsewhere')));
    expect(found).toEqual(['owners/elsewhere:1:1 unsupported-file']);
  });

  it('refuses a catalog folder that is itself a link', () => {
    const found = errorsAfter((root) => {
      const real = join(outside, `goals-${Math.random().toString(36).slice(2)}`);
      renameSync(join(root, 'goals'), real);
      symlinkSync(real, join(root, 'goals'));
    });
    expect(found).toContain('goals:1:1 unsupported-file');
  });

  it('refuses a config file that is a link', () => {
    const found = errorsAfter((root) => {
      writeFileSync(join(outside, 'config.yaml'), 'name: Elsewhere\n');
      unlinkSync(join(root, 'catalog.config.yaml'));
      symlinkSync(join(outside, 'config.yaml'), join(root, 'catalog.config.yaml'));
    });
    expect(found).toEqual(['catalog.config.yaml:1:1 unsupported-file']);
  });

  it('refuses a folder where the config file belongs', () => {
    const found = errorsAfter((root) => {
      unlinkSync(join(root, 'catalog.config.yaml'));
      mkdirSync(join(root, 'catalog.config.yaml'));
    });
    expect(found).toEqual(['catalog.config.yaml:1:1 unsupported-file']);
  });

  it.runIf(hasMkfifo)('refuses named pipes instead of waiting on them forever', () => {
    const found = errorsAfter((root) => {
      unlinkSync(join(root, 'catalog.config.yaml'));
      execFileSync('mkfifo', [join(root, 'catalog.config.yaml'), join(root, 'metrics/pipe.yaml')]);
    });
    expect(found).toEqual(['catalog.config.yaml:1:1 unsupported-file', 'metrics/pipe.yaml:1:1 unsupported-file']);
  });

  it('reports a catalog folder that cannot be read instead of treating it as empty', () => {
    const files = Object.fromEntries(Object.entries(valid).filter(([path]) => !path.startsWith('initiatives/')));
    expect(errorsAfter((root) => writeFileSync(join(root, 'initiatives'), 'not a folder\n'), files)).toEqual(['initiatives:1:1 unreadable-file']);
  });

  it('reports a folder named like an entry file: folder names follow the id pattern', () => {
    expect(errorsAfter((root) => mkdirSync(join(root, 'metrics/empty.yaml')))).toEqual(['metrics/empty.yaml:1:1 invalid-id']);
  });
});

describe('reading', () => {
  const OWNER = 'owners/ops.yaml';

  it('accepts a file of exactly the size limit and refuses one byte more', () => {
    const head = 'name: Operations\nkind: team\n#';
    const fill = (bytes: number) => `${head}${'x'.repeat(bytes - head.length - 1)}\n`;
    expect(errors(withFiles(valid, { [OWNER]: fill(MAX_FILE_BYTES) }))).toEqual([]);
    const files = withFiles(valid, { [OWNER]: fill(MAX_FILE_BYTES + 1) });
    expect(errors(files)).toEqual([`${OWNER}:1:1 file-too-large`]);
    expect(one(files, 'file-too-large').message).toBe('the file is 1025 KiB; the limit is 1024 KiB (1 MiB)');
  });

  it('refuses a huge file quickly, without reading it', () => {
    const root = writeCatalog(valid);
    writeFileSync(join(root, OWNER), Buffer.alloc(64 * 1024 * 1024, 0x61));
    // Only the check is timed: writing 64 MiB on a busy machine is not what this test is about.
    const start = performance.now();
    const found = analyzeCatalog(root, TODAY).diagnostics.filter((d) => d.severity === 'error');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([`${OWNER}:1:1 file-too-large`]);
  });

  it('reports bytes that are not UTF-8 at the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('name: Operations\nkind: team\n# caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    const root = writeCatalog(valid);
    writeFileSync(join(root, OWNER), bytes);
    const found = analyzeCatalog(root, TODAY).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([`${OWNER}:3:6 encoding`]);
    expect(found[0]!.message).toBe('the file is not valid UTF-8 (byte 0xe9 at byte 33)');
    expect(found[0]!.hint).toBe('save the file as UTF-8');
  });

  it('counts characters, not bytes, for the column of a bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('name: Opérations ☕ '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const root = writeCatalog(valid);
    writeFileSync(join(root, OWNER), bytes);
    const d = analyzeCatalog(root, TODAY).diagnostics.find((x) => x.rule === 'encoding')!;
    expect(`${d.line}:${d.column}`).toBe('1:20');
    expect(d.message).toBe('the file is not valid UTF-8 (byte 0xff at byte 22)');
  });

  it('reports bad bytes in an .mdx body and a .csv file at their lines', () => {
    const found = errorsAfter((root) => {
      unlinkSync(join(root, 'goals/access.yaml'));
      writeFileSync(join(root, 'goals/access.mdx'), Buffer.concat([Buffer.from(`---\n${valid['goals/access.yaml']}---\n\nWhy:`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
      writeFileSync(join(root, 'data/wait-days.csv'), Buffer.concat([Buffer.from('date,value,note\n2026-11-09,9,'), Buffer.from([0x80]), Buffer.from('\n')]));
    });
    expect(found).toEqual(['data/wait-days.csv:2:14 encoding', 'goals/access.mdx:9:5 encoding']);
  });

  it('reports a UTF-16 file as not UTF-8', () => {
    const found = errorsAfter((root) => writeFileSync(join(root, OWNER), Buffer.from(`\ufeff${valid[OWNER]}`, 'utf16le')));
    expect(found).toEqual([`${OWNER}:1:1 encoding`]);
  });
});
