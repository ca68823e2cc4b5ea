/**
 * What the installed Plumbline package gives `init`: the files in templates/catalog/ and the facts
 * of its own package.json. src/init/ and the compiled lib/init/ sit at the same depth, so the
 * package root is two folders up from either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ScaffoldKit } from './scaffold.ts';

export const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Plumbline's docs a new catalog keeps a copy of: the propose form links to its repository's
 * docs/writing-metrics.md (on the site without JavaScript).
 */
export const COPIED_DOCS = ['docs/writing-metrics.md'] as const;

/**
 * templates/catalog/ as a kit for the scaffold. Every file there is part of a new catalog,
 * including whatever `.github/workflows/` holds, so workflows added there appear in new catalogs,
 * and the docs a catalog keeps a copy of.
 */
export function readKit(packageRoot = PACKAGE_ROOT): ScaffoldKit & { version: string } {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  return {
    templates: new Map([...readTemplates(join(packageRoot, 'templates', 'catalog')), ...COPIED_DOCS.map((path) => [path, readFileSync(join(packageRoot, path), 'utf8')] as const)]),
    version: manifest.version,
    nodeRange: manifest.devDependencies.node,
    allowScripts: manifest.allowScripts ?? {},
  };
}

/** Every file under a folder, by path relative to it with forward slashes, in a stable order. */
export function readTemplates(folder: string): Map<string, string> {
  const paths = readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
}
