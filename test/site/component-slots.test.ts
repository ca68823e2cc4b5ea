/** The SiteLogo and Footer slots: which file each virtual module re-exports, and their types. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPONENT_SLOT_TYPES, componentFiles, componentSlotsPlugin } from '../../src/site/component-slots.ts';

const DEFAULTS = new URL('../../src/components/', import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`${name}.astro`, DEFAULTS));

describe('componentFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-slots-'));
  writeFileSync(join(root, 'MyFooter.astro'), '<footer>ours</footer>\n');

  it("fills every slot with Plumbline's own component when the catalog gives none", () => {
    expect(componentFiles({}, root, DEFAULTS)).toEqual({ SiteLogo: own('SiteLogo'), Footer: own('Footer') });
  });

  it("takes the catalog's file for a slot, relative to Astro's root", () => {
    expect(componentFiles({ Footer: './MyFooter.astro' }, root, DEFAULTS)).toEqual({ SiteLogo: own('SiteLogo'), Footer: join(root, 'MyFooter.astro') });
  });

  it('refuses a slot that does not exist, and a file that is not there', () => {
    expect(() => componentFiles({ Header: 'x.astro' } as never, root, DEFAULTS)).toThrow('plumbline({ components }) has no slot `Header`; the slots are SiteLogo, Footer');
    expect(() => componentFiles({ SiteLogo: 'Logo.astro' }, root, DEFAULTS)).toThrow(`plumbline({ components: { SiteLogo } }): ${join(root, 'Logo.astro')} does not exist`);
  });
});

describe('componentSlotsPlugin', () => {
  const plugin = componentSlotsPlugin({ SiteLogo: '/a/Logo.astro', Footer: '/b/Footer.astro' });
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (id: string) => string | undefined;

  it('answers each slot with a re-export of its file, and nothing else', () => {
    expect(resolveId('virtual:plumbline/components/Footer')).toBe('\0virtual:plumbline/components/Footer');
    expect(load('\0virtual:plumbline/components/Footer')).toBe('export { default } from "/b/Footer.astro";\n');
    expect(load('\0virtual:plumbline/components/SiteLogo')).toBe('export { default } from "/a/Logo.astro";\n');
    expect(resolveId('virtual:plumbline/components/Header')).toBeUndefined();
    expect(resolveId('./Footer.astro')).toBeUndefined();
    expect(load('/b/Footer.astro')).toBeUndefined();
  });
});

describe('the slot types', () => {
  it("declare every slot, and this repository's own declarations are the same text", () => {
    expect(COMPONENT_SLOT_TYPES).toContain("declare module 'virtual:plumbline/components/SiteLogo'");
    expect(COMPONENT_SLOT_TYPES).toContain("declare module 'virtual:plumbline/components/Footer'");
    expect(readFileSync(new URL('../../src/virtual-plumbline.d.ts', import.meta.url), 'utf8')).toContain(COMPONENT_SLOT_TYPES);
  });
});
