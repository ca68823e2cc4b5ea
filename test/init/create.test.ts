/**
 * `npm create plumbline`: the launcher in packages/create-plumbline. It is spawned as npm runs it,
 * with an `npm` of the test's own first on PATH that records how it was called, so what the
 * launcher installs and runs is seen without installing anything.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.ts';
import { readTree, removeTempDirs, tempDir } from '../helpers/import.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

afterAll(removeTempDirs);

const LAUNCHER = join(PROJECT_ROOT, 'packages/create-plumbline/index.js');
const rootPackage = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const ownPackage = JSON.parse(readFileSync(join(PROJECT_ROOT, 'packages/create-plumbline/package.json'), 'utf8'));

/** A folder with an `npm` that appends `<folder it ran in> <arguments>` to npm.log beside it and exits with NPM_STATUS. */
function fakeNpm(): { bin: string; log: string } {
  const bin = tempDir('plumbline-fake-npm-');
  const log = join(bin, 'npm.log');
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$PWD $*" >> "${log}"\nexit \${NPM_STATUS:-0}\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  return { bin, log };
}

/** Runs the launcher in `cwd` with standard input from a pipe, as in CI. */
function create(cwd: string, args: string[], env: Record<string, string> = {}) {
  const { bin, log } = fakeNpm();
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, encoding: 'utf8', input: '', timeout: 30_000, env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, ...env } });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    // npm was never run
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls };
}

describe('create-plumbline', () => {
  it('with --skip-install writes the package.json npm install needs, and prints the commands that follow', () => {
    const cwd = tempDir();
    const result = create(cwd, ['acme-metrics', '--skip-install', '--name', "Acme's clinic", '--yes']);
    expect(result).toMatchObject({ status: 0, stderr: '', calls: [] });
    expect(result.stdout).toBe("Wrote acme-metrics/package.json. Next:\n  cd acme-metrics\n  npm install\n  npx plumbline init --name 'Acme'\\''s clinic' --yes\n");
    expect(readTree(join(cwd, 'acme-metrics'))).toEqual({ 'package.json': expect.any(String) });
    // The Node.js range and the allowed install scripts are Plumbline's own: init completes this file and changes none of them.
    expect(JSON.parse(readFileSync(join(cwd, 'acme-metrics/package.json'), 'utf8'))).toEqual({
      private: true,
      type: 'module',
      dependencies: { plumbline: `^${ownPackage.version}` },
      devDependencies: { node: rootPackage.devDependencies.node },
      allowScripts: { ...rootPackage.allowScripts, plumbline: true },
    });
  });

  it('leaves the rest of package.json to init: after init the file is the one init writes in an empty folder', async () => {
    const cwd = tempDir();
    expect(create(cwd, ['acme', '--skip-install', '--plumbline-spec', '^9.9.9'])).toMatchObject({ status: 0 });
    const inCreated = await runCliInProcess('init', ['--dir', join(cwd, 'acme'), '--yes']);
    expect(inCreated.stdout).toContain('completed package.json with scripts.check, scripts.build, scripts.dev, scripts.preview.');
    const fresh = join(cwd, 'fresh');
    expect(await runCliInProcess('init', ['--dir', fresh, '--plumbline-spec', '^9.9.9', '--yes'])).toMatchObject({ status: 0 });
    expect(JSON.parse(readFileSync(join(cwd, 'acme/package.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(fresh, 'package.json'), 'utf8')));
  });

  it('installs in the new folder, then runs plumbline init there with the options it did not take itself', () => {
    const cwd = tempDir();
    const result = create(cwd, ['acme', '--name', 'Acme', '--plumbline-spec', 'file:/tmp/plumbline-0.2.0.tgz', '--levels', 'a,b', '--yes']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const dir = join(cwd, 'acme');
    expect(result.calls).toEqual([`${dir} install --no-audit --no-fund`, `${dir} exec --no -- plumbline init --name Acme --levels a,b --yes`]);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual({ plumbline: 'file:/tmp/plumbline-0.2.0.tgz' });
  });

  it('runs npm without the settings of the `npm exec` that started it, so the inner exec finds plumbline, not the launcher', () => {
    const cwd = tempDir();
    const { bin, log } = fakeNpm();
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "package=$npm_config_package yes=$npm_config_yes registry=$npm_config_registry" >> "${log}"\n`);
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, npm_config_package: 'create-plumbline@latest', npm_config_yes: 'true', npm_config_registry: 'https://mirror.example.org/' };
    const run = spawnSync(process.execPath, [LAUNCHER, 'acme', '--yes'], { cwd, encoding: 'utf8', input: '', env });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('package= yes= registry=https://mirror.example.org/\n'.repeat(2));
  });

  it('stops when the install fails, and says what to run', () => {
    const result = create(tempDir(), ['acme', '--yes'], { NPM_STATUS: '3' });
    expect(result.status).toBe(3);
    expect(result.calls).toHaveLength(1);
    expect(result.stderr).toMatch(/^create-plumbline: installing Plumbline failed \(npm install --no-audit --no-fund exited with 3\)/);
  });

  it('refuses a folder that is not empty, and writes nothing into it', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'ours'));
    writeFileSync(join(cwd, 'ours/notes.md'), 'ours\n');
    const result = create(cwd, ['ours', '--yes']);
    expect(result).toMatchObject({ status: 1, calls: [] });
    expect(result.stderr).toBe('create-plumbline: ours is not empty (notes.md): give a new folder; to add a catalog to this one, run `npm install plumbline` and `npx plumbline init` in it\n');
    expect(readTree(join(cwd, 'ours'))).toEqual({ 'notes.md': 'ours\n' });

    // An empty folder that exists is fine.
    mkdirSync(join(cwd, 'empty'));
    expect(create(cwd, ['empty', '--skip-install'])).toMatchObject({ status: 0 });
  });

  it('asks nothing without a terminal: no folder is a usage error, as are --dir and a --plumbline-spec with no value', () => {
    const cwd = tempDir();
    expect(create(cwd, ['--name', 'Acme'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^create-plumbline: give the folder for the new catalog\. Usage: npm create plumbline@latest <folder>/) });
    expect(create(cwd, ['acme', '--dir', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('give the folder as the first argument, not --dir') });
    expect(create(cwd, ['acme', '--plumbline-spec'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--plumbline-spec needs a value') });
    expect(readTree(cwd)).toEqual({});
  });

  it('explains itself with --help', () => {
    expect(create(tempDir(), ['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('--plumbline-spec SPEC') });
  });
});
