/**
 * `npm install` on a Node too old for the native bindings stops with one line (scripts/check-node.cjs,
 * the root `preinstall`), instead of a build that later fails with "Cannot find native binding".
 * npm decides with the Node that runs it which optional bindings to install, so the check reads
 * that Node from npm's user agent; the range it enforces is the one the lockfile's bindings declare.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/site.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts/check-node.cjs');
const RANGE = '^20.19.0 || >=22.12.0';
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8'));

/** Runs the check as npm would on a machine whose Node is `version` (the test's own Node runs it). */
function checkAs(version: string) {
  const run = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, npm_config_user_agent: `npm/10.8.2 node/v${version} linux x64 workspaces/false` }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the install-time Node check', () => {
  it('runs before anything of ours, as the root preinstall, and package.json states the same range', () => {
    expect(pkg.scripts.preinstall).toBe('node scripts/check-node.cjs');
    expect(pkg.engines.node).toBe(RANGE);
  });

  it('is the range of the native bindings the lockfile installs for the build (rolldown, the Astro compiler)', () => {
    const ranges = new Set<string>();
    for (const [path, entry] of Object.entries(lock.packages as Record<string, { optional?: boolean; cpu?: string[]; engines?: { node?: string } }>)) {
      // The wasm32 fallbacks are not installed where a native binding exists.
      if (!/^node_modules\/(@rolldown\/binding-|@astrojs\/compiler-binding-)[^/]+$/.test(path) || entry.cpu?.includes('wasm32')) continue;
      ranges.add(entry.engines?.node ?? '(none)');
    }
    expect([...ranges]).toEqual([RANGE]);
  });

  it.each(['14.21.3', '16.20.2', '18.20.8', '20.18.3', '21.7.3', '22.11.0'])('stops npm on Node %s with one line', (version) => {
    const { status, stdout, stderr } = checkAs(version);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `plumbline: npm runs on Node ${version}, but installing needs Node 20.19 or a later 20.x, or Node 22.12 or later (on other versions npm skips native bindings that the build needs); install Node 22.12 or later, then run npm install again.\n`,
    );
    expect(status).toBe(1);
  });

  it.each(['20.19.0', '20.20.2', '22.12.0', '23.0.0', '24.21.0', '26.1.0'])('lets npm go on on Node %s, silently', (version) => {
    expect(checkAs(version)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('falls back to the Node that runs it when npm gives no user agent', () => {
    const { npm_config_user_agent: _agent, ...env } = process.env;
    const run = spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
  });

  it('is written so that any Node can parse it (ES5: no let, const, arrows or template strings)', () => {
    const code = readFileSync(SCRIPT, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    expect(code).not.toMatch(/\b(let|const|class)\s|=>|`|\?\.|\?\?/);
  });
});
