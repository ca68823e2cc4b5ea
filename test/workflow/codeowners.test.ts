/**
 * CODEOWNERS from the catalog's owners: every goal, metric, initiative and values file mapped to
 * its owner's handle, climbing the team hierarchy; files without a handle anywhere listed as
 * comments; paths from the repository root for a catalog in a subfolder; --write and --check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeownersLines, formatCodeowners, handleOf } from '../../src/features/codeowners.ts';
import { analyze, removeCatalogs, TODAY, validCatalog, type Files } from '../helpers/catalog.ts';
import { runCli, runCliInProcess } from '../helpers/cli.ts';
import { plainFolder, removeRepos, repoWith, writeFiles } from '../helpers/git.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

afterAll(() => {
  removeRepos();
  removeCatalogs();
});

/** `npm run codeowners`'s run, in this process. */
const codeownersCli = (args: string[]) => runCliInProcess('codeowners', ['--today', TODAY, ...args]);

/** The valid catalog plus people and teams without handles at several depths. */
function withHierarchy(): Files {
  const files = validCatalog();
  return {
    ...files,
    // A person without a handle, in a team that has one: climbs to @example/ops.
    'owners/bo.yaml': 'name: Bo Chen\nkind: person\nparent: ops\n',
    // A team with no handle and no parent, and a person in it: no handle anywhere.
    'owners/records.yaml': 'name: Records\nkind: team\n',
    'owners/cy.yaml': 'name: Cy Diaz\nkind: person\nparent: records\n',
    'goals/paper-free.yaml': 'title: Paper-free records\nlevel: department\nparent: access\nowner: bo\n',
    'metrics/scanned-share.yaml': [
      'name: Share of records scanned',
      'description: Paper records scanned into the EHR, as a share of all.',
      'why: paper records slow every visit.',
      'supports: [paper-free]',
      'indicator: lagging',
      'owner: cy',
      'unit: percent',
      'direction: up',
      'formula: scanned / total paper records',
      'source: { system: EHR }',
      'cadence: monthly',
      'target: { value: 90, by: 2026-12-31 }',
      '',
    ].join('\n'),
    'data/scanned-share.csv': 'date,value\n2026-10-31,40\n',
    'initiatives/scan-sprint.yaml': 'name: Scanning sprint\nowner: records\nmoves: [scanned-share]\n',
  };
}

describe('the mapping', () => {
  const { catalog } = analyze(withHierarchy());

  it("uses the owner's handle, or climbs to the nearest team with one", () => {
    expect(handleOf(catalog, 'ana')).toEqual({ handle: '@ana', from: 'ana' });
    expect(handleOf(catalog, 'bo')).toEqual({ handle: '@example/ops', from: 'ops' });
    expect(handleOf(catalog, 'cy')).toEqual({ handle: undefined, reason: 'no GitHub handle for owner `cy` or the teams above it (cy → records)' });
    expect(handleOf(catalog, 'records')).toEqual({ handle: undefined, reason: 'no GitHub handle for owner `records`, which belongs to no team' });
    expect(handleOf(catalog, 'nobody')).toEqual({ handle: undefined, reason: 'owner `nobody` is not in owners/' });
  });

  it('maps every goal, metric, initiative and values file, sorted by path', () => {
    const lines = codeownersLines(catalog);
    expect(lines.map((l) => `${l.pattern} ${l.handle ?? '-'}${l.via ? ` via ${l.via}` : ''}`)).toEqual([
      '/data/open-slots.csv @ana',
      '/data/scanned-share.csv -',
      '/data/wait-days.csv @example/ops',
      '/goals/access.yaml @example/ops',
      '/goals/mission.yaml @example/ops',
      '/goals/paper-free.yaml @example/ops via ops',
      '/goals/scheduling.yaml @ana',
      '/initiatives/scan-sprint.yaml -',
      '/initiatives/slot-release.yaml @ana',
      '/metrics/open-slots.yaml @ana',
      '/metrics/scanned-share.yaml -',
      '/metrics/wait-days.yaml @example/ops',
    ]);
  });

  it('writes files without a handle as comments saying why, never dropping them', () => {
    const text = formatCodeowners(codeownersLines(catalog));
    expect(text.split('\n').slice(0, 3).every((line) => line.startsWith('# '))).toBe(true);
    expect(text).toContain('/goals/paper-free.yaml         @example/ops\n');
    expect(text).toContain('# /metrics/scanned-share.yaml: no GitHub handle for owner `cy` or the teams above it (cy → records)\n');
    expect(text).toContain('# /initiatives/scan-sprint.yaml: no GitHub handle for owner `records`, which belongs to no team\n');
    const rules = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules).toHaveLength(9);
  });

  it('anchors paths at the repository root for a catalog in a subfolder, escaping spaces', () => {
    const lines = codeownersLines(catalog, 'our metrics/');
    expect(lines[0]!.pattern).toBe('/our\\ metrics/data/open-slots.csv');
  });
});

describe('npm run codeowners', () => {
  it('prints the file, mapping each metric file to its owner handle, run as npm runs it', () => {
    const { catalog } = repoWith(validCatalog());
    // The wiring: the one test that starts Node, the way `npm run codeowners` does.
    const run = runCli('codeowners', ['--today', TODAY, '--dir', catalog]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\/metrics\/wait-days\.yaml +@example\/ops$/m);
    expect(run.stdout).toMatch(/^\/metrics\/open-slots\.yaml +@ana$/m);
    expect(run.stderr).toBe('');
  });

  it('writes .github/CODEOWNERS at the repository root, and --check says whether it is up to date', async () => {
    const { repo, catalog } = repoWith(withHierarchy(), { subfolder: 'catalog' });
    expect((await codeownersCli(['--dir', catalog, '--check'])).status).toBe(1);
    const write = await codeownersCli(['--dir', catalog, '--write']);
    expect(write.status).toBe(0);
    expect(write.stderr).toContain('wrote');
    expect(write.stderr).toContain('3 files have no GitHub handle (listed as comments)');
    const written = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    expect(written).toMatch(/^\/catalog\/metrics\/wait-days\.yaml +@example\/ops$/m);
    expect(existsSync(join(catalog, '.github'))).toBe(false);
    expect((await codeownersCli(['--dir', catalog, '--check'])).status).toBe(0);

    writeFiles(catalog, { 'owners/records.yaml': 'name: Records\nkind: team\ngithub: "@example/records"\n' });
    const stale = await codeownersCli(['--dir', catalog, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('out of date: run plumbline codeowners --write');
  });

  it('writes into the catalog folder outside git, and refuses a catalog with errors', async () => {
    const dir = plainFolder();
    writeFiles(dir, validCatalog());
    expect((await codeownersCli(['--dir', dir, '--write'])).status).toBe(0);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toContain('/goals/scheduling.yaml');
    writeFiles(dir, { 'metrics/wait-days.yaml': 'name: broken\n' });
    const broken = await codeownersCli(['--dir', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('the catalog has errors');
    expect((await codeownersCli(['--dir', dir, '--write', '--check'])).status).toBe(2);
  });
});

describe("this repository's own CODEOWNERS", () => {
  it('is up to date with the example catalog', async () => {
    const run = await codeownersCli(['--dir', PROJECT_ROOT, '--check']);
    expect(run.stderr).toContain('is up to date');
    expect(run.status).toBe(0);
  });
});
