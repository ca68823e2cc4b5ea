/**
 * Narratives on the built site: rendered from the checked text, with links and images that point
 * only where check allows; asset images copied; code compiled only in a trusted build; and a
 * build over the output cap removed whole.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNarrative } from '../../src/site/narrative.ts';
import { buildSite, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site-catalog');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5d6e50000000049454e44ae426082', 'hex');
const folders: string[] = [];

/** The fixture with metrics/on-time-performance.mdx's narrative replaced, and an asset image. */
function catalogWithNarrative(body: string): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-narrative-'));
  folders.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const file = join(root, 'metrics/on-time-performance.mdx');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.slice(0, text.indexOf('\n---\n') + 5)}${body}`);
  mkdirSync(join(root, 'assets/charts'), { recursive: true });
  writeFileSync(join(root, 'assets/charts/otp.png'), PNG);
  writeFileSync(join(root, 'assets/unused.png'), PNG);
  return root;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('a narrative on the site', () => {
  let build: BuildResult;
  beforeAll(() => {
    const body = [
      '## How we count',
      '',
      'Early departures count as late. See [the dashboard](https://reports.harbor.example.org/otp), [gaps](../headway-gaps/) or [ops](mailto:ops@harbor.example.org).',
      '',
      '![On-time performance by route](../assets/charts/otp.png "By route")',
      '',
      '| route | share |',
      '| --- | --- |',
      '| 12 | 81% |',
      '',
    ].join('\n');
    build = buildSite(catalogWithNarrative(body));
    folders.push(build.outDir);
  });

  it('builds, rendering Markdown and GFM tables from the checked text', () => {
    expect(build.stderr).not.toContain('error');
    expect(build.status).toBe(0);
    const narrative = readPage(build.outDir, 'metrics/on-time-performance').querySelector('[data-narrative]')!;
    expect(text(narrative.querySelector('h2'))).toBe('How we count');
    expect(narrative.querySelectorAll('td').map(text)).toEqual(['12', '81%']);
    expect(narrative.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['https://reports.harbor.example.org/otp', '../headway-gaps/', 'mailto:ops@harbor.example.org']);
  });

  it('points images at the copied asset and copies only the assets narratives show', () => {
    const image = readPage(build.outDir, 'metrics/on-time-performance').querySelector('[data-narrative] img')!;
    expect(image.getAttribute('src')).toBe('/assets/charts/otp.png');
    expect(image.getAttribute('alt')).toBe('On-time performance by route');
    expect(readFileSync(join(build.outDir, 'assets/charts/otp.png'))).toEqual(PNG);
    expect(existsSync(join(build.outDir, 'assets/unused.png'))).toBe(false);
  });

  it('imports no catalog file into the build', () => {
    const scripts = readFileSync(join(build.outDir, 'metrics/on-time-performance/index.html'), 'utf8').match(/<script[^>]*src="[^"]*"/g) ?? [];
    for (const script of scripts) expect(script).not.toMatch(/on-time-performance|assets\//);
    expect(existsSync(join(build.outDir, '_astro'))).toBe(true);
  });
});

describe('code in narratives', () => {
  it('is compiled only when the trusted build allows it', () => {
    const root = catalogWithNarrative('## Sum\n\nTwo is {1 + 1}.\n');
    const refused = buildSite(root);
    folders.push(refused.outDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('metrics/on-time-performance.mdx:23:8 error mdx-code MDX bodies are Markdown only: a `{…}` expression is not allowed');
    const trusted = buildSite(root, '2026-11-23', { PLUMBLINE_ALLOW_MDX_CODE: 'true' });
    folders.push(trusted.outDir);
    expect(trusted.status).toBe(0);
    expect(text(readPage(trusted.outDir, 'metrics/on-time-performance').querySelector('[data-narrative] p'))).toBe('Two is 2.');
  });
});

describe('a hostile narrative in the build', () => {
  it('stops a build with 1 MiB of unclosed braces in well under 10 s, with a clear error and no pages', () => {
    const root = catalogWithNarrative(`${'{'.repeat(1024 * 1024 - 2000)}\n`);
    const refused = buildSite(root);
    folders.push(refused.outDir);
    expect(refused.ms).toBeLessThan(10_000);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('metrics/on-time-performance.mdx:21:1 error mdx-too-large the narrative is 1023 KiB; the limit is 64 KiB');
    expect(refused.stderr).toContain('no pages were written');
    expect(existsSync(join(refused.outDir, 'index.html'))).toBe(false);
  });
});

describe('the output cap', () => {
  it('removes a build over the cap and says so', () => {
    const capped = buildSite(PROJECT_ROOT, '2026-11-23', { PLUMBLINE_MAX_OUTPUT_MB: '1' }); // the example writes about 3 MiB
    expect(capped.status).toBe(1);
    expect(capped.stderr).toMatch(/plumbline: the build wrote \d+ MiB, over the cap of 1 MiB, so .* was removed and nothing was published/);
    expect(existsSync(capped.outDir)).toBe(false);
  });
});

describe('renderNarrative, behind check', () => {
  // check refuses all of these; the renderer still drops them, should a body ever reach it unchecked.
  const render = (body: string) => renderNarrative(body, 'metrics/x.mdx', (path) => `/base/${path}`).html;

  it('drops script links, unsafe images and code nodes', () => {
    const html = render('[a](javascript:alert(1)) [b](&#106;avascript:x) [c](//evil.example)\n\n![d](../data/x.csv) ![e](data:image/png;base64,AA)\n\n<script>alert(1)</script>\n\n{alert(2)}\n');
    expect(html).not.toMatch(/javascript|evil|data:|x\.csv|<script|alert\(2\)/);
    expect(html).toContain('<a>a</a>');
  });

  it('anchors each second-level heading under the sanitiser’s prefix, uniquely, and lists them in order', () => {
    const { html, headings } = renderNarrative('## Why *this* measure\n\ntext\n\n## Caveats\n\n### Small\n\n## Caveats\n', 'metrics/x.mdx', (path) => path);
    expect(headings).toEqual([
      { id: 'user-content-narrative-why-this-measure', label: 'Why this measure' },
      { id: 'user-content-narrative-caveats', label: 'Caveats' },
      { id: 'user-content-narrative-caveats-2', label: 'Caveats' },
    ]);
    for (const { id } of headings) expect(html).toContain(`<h2 id="${id}">`);
  });

  it('keeps safe links and points asset images under the base path', () => {
    expect(render('[a](https://x.example) ![b](../assets/b.png)\n')).toBe('<p><a href="https://x.example">a</a> <img src="/base/assets/b.png" alt="b"></p>');
  });
});
