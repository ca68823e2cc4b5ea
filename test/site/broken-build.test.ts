/** A broken catalog stops the build before any page is written, naming every problem at its line. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { buildSite, htmlFiles } from '../helpers/site.ts';

const outDirs: string[] = [];
afterAll(() => {
  removeCatalogs();
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('building a broken catalog', () => {
  const files = validCatalog();
  files['metrics/open-slots.yaml'] = files['metrics/open-slots.yaml']!.replace('owner: ana', 'ownr: ana');
  files['goals/scheduling.yaml'] = files['goals/scheduling.yaml']!.replace('parent: access', 'parent: acess');
  files['data/wait-days.csv'] += '2026-11-23,lots,\n';
  const build = buildSite(writeCatalog(files));
  outDirs.push(build.outDir);

  it('exits non-zero', () => {
    expect(build.status).not.toBe(0);
  });

  it('prints every diagnostic as path:line:column error rule-id message', () => {
    const lines = build.stderr.split('\n');
    expect(lines).toContain('goals/scheduling.yaml:3:9 error unknown-reference no goal `acess` in goals/');
    expect(lines).toContain('metrics/open-slots.yaml:7:1 error unknown-field unknown field `ownr`');
    expect(lines).toContain('metrics/open-slots.yaml:1:1 error missing-field `owner` is required');
    expect(lines.some((l) => l.startsWith('data/wait-days.csv:4:12 error data-row'))).toBe(true);
    expect(build.stderr).toContain('hint: did you mean `owner`?');
    expect(build.stderr).toContain('no pages were written');
  });

  it('writes no pages', () => {
    expect(htmlFiles(build.outDir)).toEqual([]);
  });
});
