/** `npm run dev`: an edited entry shows on its page without a restart. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAstroLock, type Release } from '../helpers/astro-lock.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const root = mkdtempSync(join(tmpdir(), 'plumbline-dev-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'plumbline-cache-'));
let server: ChildProcess;
let releaseAstro: Release | undefined;
let base = '';
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls a page until it holds `needle` or the deadline passes; returns the last body. */
async function pageWith(path: string, needle: string, deadline = 30_000): Promise<string> {
  const end = Date.now() + deadline;
  let body = '';
  while (Date.now() < end) {
    try {
      body = await (await fetch(base + path)).text();
      if (body.includes(needle)) return body;
    } catch (error) {
      body = String((error as Error & { cause?: unknown }).cause ?? error); // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return body;
}

function edit(path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`no "${from}" in ${path}`);
  writeFileSync(file, text.replace(from, to));
}

/** This process's environment without vitest's own variables, which make Astro serve no pages. */
function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

// The dev server writes the project's .astro/ folder as a build does: not while one runs.
beforeAll(async () => {
  releaseAstro = await takeAstroLock();
});

beforeAll(async () => {
  cpSync(join(PROJECT_ROOT, 'test/fixtures/site-catalog'), root, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...outsideVitest(), CATALOG_DIR: root, CATALOG_TODAY: '2026-11-23', PLUMBLINE_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  releaseAstro?.();
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('shows the edited why sentence of a YAML metric without a restart', async () => {
    const before = await pageWith('/metrics/headway-gaps/', 'gaps are the first sign', 60_000);
    expect(before, log).toContain('gaps are the first sign');
    edit('metrics/headway-gaps.yaml', 'gaps are the first sign', 'gaps are the earliest sign');
    const after = await pageWith('/metrics/headway-gaps/', 'gaps are the earliest sign');
    expect(after, log).toContain('gaps are the earliest sign');
  });

  it('shows an edited why sentence and narrative without a restart', async () => {
    const before = await pageWith('/metrics/on-time-performance/', 'every late bus breaks that promise', 60_000);
    expect(before, log).toContain('every late bus breaks that promise');
    expect(before).toContain('How we count');

    edit('metrics/on-time-performance.mdx', 'every late bus breaks that promise', 'a late bus costs them a connection');
    const afterWhy = await pageWith('/metrics/on-time-performance/', 'a late bus costs them a connection');
    expect(afterWhy, log).toContain('a late bus costs them a connection');

    edit('metrics/on-time-performance.mdx', '## How we count', '## How the count works');
    const afterBody = await pageWith('/metrics/on-time-performance/', 'How the count works');
    expect(afterBody, log).toContain('How the count works');
    expect(afterBody).not.toContain('every late bus breaks that promise');
  });
});
