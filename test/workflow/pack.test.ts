/**
 * What `npm pack` puts in the published package: the command compiled to JavaScript (Node will
 * not strip types inside node_modules), the site's sources for Vite, and nothing of this
 * repository's example catalog or tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/site.ts';

const NODE_BIN = join(PROJECT_ROOT, 'node_modules/.bin');
const HAS_NPM = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

/** The paths `npm pack --dry-run` would pack; its prepack compiles lib/, removed again if it was not there. */
function packedFiles(): string[] {
  const hadLib = existsSync(join(PROJECT_ROOT, 'lib'));
  try {
    // Node 24 first on the PATH, as npm scripts have it; npm's own settings from an outer `npm test` left out.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(?!config_cache$)/i.test(name)));
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: PROJECT_ROOT, env: { ...env, PATH: `${NODE_BIN}:${dirname(process.execPath)}:${process.env.PATH}` }, encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`npm pack failed (${run.status}): ${run.stderr}`);
    const [pack] = JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as { files: { path: string }[] }[];
    return pack!.files.map((file) => file.path);
  } finally {
    if (!hadLib) rmSync(join(PROJECT_ROOT, 'lib'), { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_NPM)('npm pack', () => {
  it('packs the bin, the compiled command and integration, the site sources, and no example or tests', { timeout: 300_000 }, () => {
    const files = packedFiles();
    for (const path of ['package.json', 'bin/plumbline.js', 'lib/cli/main.js', 'lib/cli/check.js', 'lib/run/astro.js', 'lib/integration.js', 'src/content.config.ts', 'scripts/check-node.cjs', 'CHANGELOG.md', 'README.md', 'action/action.yml', 'templates/catalog/.github/workflows/pr.yml', 'templates/catalog/gitignore', 'docs/writing-metrics.md']) {
      expect(files, path).toContain(path);
    }
    expect(files.some((path) => /^src\/(routes|pages)\/.+\.astro$/.test(path))).toBe(true);
    // Vite compiles the pages and components from src/; compiled copies would only be dead weight.
    expect(files.filter((path) => /^lib\/(routes|pages|components)\//.test(path))).toEqual([]);
    // Of the docs, only the page `init` copies into a new catalog (src/init/kit.ts).
    const stray = files.filter((path) => (/^(test|metrics|goals|owners|initiatives|data|docs|bench|public|node_modules|\.github)\//.test(path) && path !== 'docs/writing-metrics.md') || path === 'catalog.config.yaml' || path === 'astro.config.mjs');
    expect(stray).toEqual([]);
  });
});
