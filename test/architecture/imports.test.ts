/**
 * The directions imports may take between the parts of src/: the pipeline in core/ stands alone,
 * features and diagrams build on it, the commands and the site sit on top. A wrong arrow fails
 * here with the file and line of the import, before it becomes a tangle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Each part of src/ and the parts it may import from (besides itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  features: ['core'],
  diagrams: ['core'],
  import: ['core'],
  init: ['core', 'features', 'import'],
  cli: ['core', 'features', 'import', 'init', 'run'],
  run: ['core', 'features', 'site', 'integration.ts'],
  site: ['core', 'features', 'diagrams'],
  components: ['core', 'features', 'diagrams', 'site'],
  layouts: ['core', 'site', 'components', 'styles'],
  routes: ['core', 'features', 'diagrams', 'site', 'components', 'layouts'],
  'integration.ts': ['core', 'features', 'site'],
  'content.config.ts': ['core', 'site'],
  styles: [],
};

/** Packages a part may not use: the pipeline knows nothing of Astro or drawing, commands nothing of Astro. */
const NO_PACKAGES: Record<string, readonly RegExp[]> = {
  core: [/^astro($|:|\/)/, /^@astrojs\//, /^d3($|\/)/, /^pagefind/, /^hast/],
  features: [/^astro($|:|\/)/, /^@astrojs\//, /^d3($|\/)/],
  diagrams: [/^astro($|:|\/)/, /^@astrojs\//, /^node:/],
  import: [/^astro($|:|\/)/, /^@astrojs\//],
  cli: [/^astro($|:|\/)/, /^@astrojs\//],
  init: [/^astro($|:|\/)/, /^@astrojs\//],
};

export interface ImportSite {
  /** Path under src/, forward slashes. */
  file: string;
  line: number;
  specifier: string;
}

/** The part of src/ a path belongs to: its first folder, or the file itself at the top. */
export function partOf(path: string): string {
  return path.split('/')[0]!;
}

/** Every import, export-from and dynamic import of a TypeScript text, with its line. */
export function importsOf(file: string, text: string, lineOffset = 0): ImportSite[] {
  const info = ts.preProcessFile(text, true, true);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineAt = (pos: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= pos) line++;
    return line + 1 + lineOffset;
  };
  return info.importedFiles.map((ref) => ({ file, line: lineAt(ref.pos), specifier: ref.fileName }));
}

/** The frontmatter and `<script>` bodies of an .astro file, each with the line it starts after. */
function astroScripts(text: string): { code: string; lineOffset: number }[] {
  const parts: { code: string; lineOffset: number }[] = [];
  const linesBefore = (index: number) => text.slice(0, index).split('\n').length - 1;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push({ code: front[1]!, lineOffset: 1 });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push({ code: script[1]!, lineOffset: linesBefore(script.index + script[0].indexOf('>') + 1) });
  return parts;
}

/** The imports that break the directions above, as `file:line imports specifier (why)`. */
export function violations(sites: ImportSite[]): string[] {
  const found: string[] = [];
  for (const { file, line, specifier } of sites) {
    const from = partOf(file);
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (target.startsWith('..')) {
        found.push(`src/${file}:${line} imports ${specifier}, outside src/`);
        continue;
      }
      const to = partOf(target);
      if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) found.push(`src/${file}:${line} imports ${specifier}: ${from} may not import from ${to}`);
    } else if ((NO_PACKAGES[from] ?? []).some((pattern) => pattern.test(specifier))) {
      found.push(`src/${file}:${line} imports ${specifier}: ${from} may not use this package`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

function importsOfFile(file: string): ImportSite[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  if (!file.endsWith('.astro')) return importsOf(file, text);
  return astroScripts(text).flatMap(({ code, lineOffset }) => importsOf(file, code, lineOffset));
}

describe('import directions', () => {
  it('every part of src/ is known to the table, so a new folder has to be placed', () => {
    const parts = new Set(sourceFiles(SRC).map(partOf));
    expect([...parts].filter((part) => !(part in MAY_IMPORT))).toEqual([]);
  });

  it('no import in src/ goes against the directions', () => {
    const sites = sourceFiles(SRC).flatMap(importsOfFile);
    expect(sites.length).toBeGreaterThan(300);
    expect(violations(sites)).toEqual([]);
  });

  it('names the file and line of an import that goes the wrong way', () => {
    const text = "import { x } from './analyze.ts';\n\nimport { y } from '../features/diff.ts';\nexport { z } from '../site/links.ts';\nconst d3 = await import('d3');\n";
    expect(violations(importsOf('core/example.ts', text))).toEqual([
      'src/core/example.ts:3 imports ../features/diff.ts: core may not import from features',
      'src/core/example.ts:4 imports ../site/links.ts: core may not import from site',
      'src/core/example.ts:5 imports d3: core may not use this package',
    ]);
  });

  it('reads the imports of an .astro file at their lines in the file', () => {
    const text = "---\nimport A from '../components/A.astro';\nimport { b } from '../cli/check.ts';\n---\n<p>hi</p>\n<script>\n  import { c } from '../cli/diff.ts';\n</script>\n";
    const sites = astroScripts(text).flatMap(({ code, lineOffset }) => importsOf('routes/x.astro', code, lineOffset));
    expect(violations(sites)).toEqual(['src/routes/x.astro:3 imports ../cli/check.ts: routes may not import from cli', 'src/routes/x.astro:7 imports ../cli/diff.ts: routes may not import from cli']);
  });
});
