/** What build, dev and preview hand to Astro: a project's own config file wins; without one, Plumbline's setup. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineConfig } from '../../src/run/astro.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-project-'));
  scratch.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const where = { outDir: '/tmp/site', site: 'https://example.org', base: '/metrics-catalog/', env: {} };

describe('inlineConfig', () => {
  it.each(['astro.config.mjs', 'astro.config.ts'])('with %s passes only where to read and write: the file adds the integration', (file) => {
    const root = project({ [file]: 'export default {};\n' });
    expect(inlineConfig({ root, ...where })).toEqual({ root, logLevel: 'info', outDir: '/tmp/site', site: 'https://example.org', base: '/metrics-catalog/' });
  });

  it("without a config file adds the integration, skips any config, and reads pages from Plumbline's own src/", () => {
    const root = project();
    const config = inlineConfig({ root, env: {}, server: { port: 4400 } });
    expect(config).toMatchObject({ root, configFile: false, srcDir: join(PROJECT_ROOT, 'src/'), server: { port: 4400 } });
    expect(config.integrations?.map((integration) => (integration as { name: string }).name)).toEqual(['plumbline']);
  });

  it('keeps a src/ the project has of its own', () => {
    const root = project({ 'src/pages/extra.astro': '<p>extra</p>\n' });
    const config = inlineConfig({ root, env: {} });
    expect(config.configFile).toBe(false);
    expect(config).not.toHaveProperty('srcDir');
  });
});
