/**
 * Component slots a catalog may fill with its own .astro files: the header logo and the footer.
 * The layout imports `virtual:plumbline/components/<Name>`; this Vite plugin answers each with a
 * re-export of the catalog's file, or of Plumbline's own component when none is given.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const COMPONENT_SLOTS = ['SiteLogo', 'Footer'] as const;
export type ComponentSlot = (typeof COMPONENT_SLOTS)[number];
export type ComponentOverrides = Partial<Record<ComponentSlot, string>>;

const PREFIX = 'virtual:plumbline/components/';

/** The type of each virtual module, for the catalog's editor and `astro check`. */
export const COMPONENT_SLOT_TYPES = COMPONENT_SLOTS.map(
  (name) => `declare module '${PREFIX}${name}' {\n  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;\n  export default Component;\n}\n`,
).join('\n');

export class ComponentSlotError extends Error {}

/**
 * The file behind each slot: the catalog's own, resolved against Astro's root, else the default
 * under `defaults` (Plumbline's src/components/). A slot name that does not exist, or a file that
 * is not there, is refused here rather than as a failed import deep in the build.
 */
export function componentFiles(overrides: ComponentOverrides, astroRoot: string, defaults: URL): Record<ComponentSlot, string> {
  const unknown = Object.keys(overrides).filter((name) => !(COMPONENT_SLOTS as readonly string[]).includes(name));
  if (unknown.length) throw new ComponentSlotError(`plumbline({ components }) has no slot ${unknown.map((n) => `\`${n}\``).join(', ')}; the slots are ${COMPONENT_SLOTS.join(', ')}`);
  const files = {} as Record<ComponentSlot, string>;
  for (const name of COMPONENT_SLOTS) {
    const given = overrides[name];
    const file = given ? resolve(astroRoot, given) : fileURLToPath(new URL(`${name}.astro`, defaults));
    if (!existsSync(file)) throw new ComponentSlotError(`plumbline({ components: { ${name} } }): ${file} does not exist`);
    files[name] = file;
  }
  return files;
}

export function componentSlotsPlugin(files: Record<ComponentSlot, string>): Plugin {
  const modules = new Map(COMPONENT_SLOTS.map((name) => [`${PREFIX}${name}`, `export { default } from ${JSON.stringify(files[name])};\n`]));
  return {
    name: 'plumbline:component-slots',
    // The \0 marks the id as virtual, so no other plugin tries to read it from disk.
    resolveId: (id) => (modules.has(id) ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? modules.get(id.slice(1)) : undefined),
  };
}
