/**
 * The fast reader must agree with the careful one on every file it answers for, and step aside
 * for every file that needs the careful one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFastYaml } from '../../src/core/read/fast-yaml.ts';
import { splitFrontmatter } from '../../src/core/read/mdx.ts';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

function yamlOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.mdx') ? splitFrontmatter(text)!.frontmatter : text;
}

describe('the fast YAML reader', () => {
  const folders = ['goals', 'metrics', 'owners', 'initiatives'].flatMap((f) => [join(PROJECT_ROOT, f), join(PROJECT_ROOT, 'test/fixtures/site-catalog', f)]);
  const files = folders.flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(yaml|mdx)$/.test(f)).map((f) => join(dir, f)));

  it('reads every example and fixture file to the same value as the careful parser', () => {
    expect(files.length).toBeGreaterThan(90);
    for (const file of files) {
      const text = yamlOf(file);
      expect(parseFastYaml(text)?.value, file).toEqual(parseYaml(file, text).value);
    }
  });

  it('keeps dates, numbers and booleans as the core schema reads them', () => {
    expect(parseFastYaml('a: 2026-03-31\nb: 0.5\nc: true\nd: yes\ne: ~\nf: "7"\n')!.value).toEqual({ a: '2026-03-31', b: 0.5, c: true, d: 'yes', e: null, f: '7' });
  });

  it.each([
    ['a syntax error', 'name: [unclosed\n'],
    ['a duplicate key', 'name: a\nname: b\n'],
    ['a custom tag', 'name: !!js/function "() => 1"\n'],
    ['an unknown local tag', 'name: !secret x\n'],
    ['two documents', 'name: a\n---\nname: b\n'],
    ['collections shared through aliases', 'a: &x [1, 2]\nb: [*x, *x]\n'],
    ['a self-referencing alias', 'a: &x [*x]\n'],
    ['nesting deeper than the stack', `${'['.repeat(20000)}${']'.repeat(20000)}\n`],
  ])('steps aside for %s', (_, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
  });
});
