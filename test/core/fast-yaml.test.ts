/**
 * The fast reader must agree with the careful one on every file it answers for, and step aside
 * for every file that needs the careful one.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFastYaml } from '../../src/core/read/fast-yaml.ts';
import { splitFrontmatter, type SplitMdx } from '../../src/core/read/mdx.ts';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

function yamlOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.mdx') ? (splitFrontmatter(text) as SplitMdx).frontmatter : text;
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

  // Every plain value resolves as YAML 1.2's core schema says, the way the careful reader resolves it; none needs it.
  it.each([
    ['0b1010101', '0b1010101'],
    ['0o17', 15],
    ['-0o17', '-0o17'],
    ['017', 17],
    ['007', 7],
    ['0x1F', 31],
    ['-0x1', '-0x1'],
    ['+0x1', '+0x1'],
    ['0x_1', '0x_1'],
    ['+1', 1],
    ['-0', -0],
    ['1_000', '1_000'],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['-.5', -0.5],
    ['-.0', -0],
    ['5.', 5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['.5e1', 5],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['+.INF', Infinity],
    ['.NaN', NaN],
    ['-.nan', '-.nan'],
    ['1:20', '1:20'],
    ['yes', 'yes'],
    ['off', 'off'],
    ['True', true],
    ['FALSE', false],
    ['tRUE', 'tRUE'],
    ['~', null],
    ['Null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    ['2026-03-31T10:00:00Z', '2026-03-31T10:00:00Z'],
    ['<<', '<<'],
  ])('reads the plain value `%s` as the careful reader does', (written, expected) => {
    for (const text of [`a: ${written}\n`, `a: [${written}]\n`, `- ${written}\n`]) {
      const careful = parseYaml('f.yaml', text);
      expect(careful.diagnostics).toEqual([]);
      expect(JSON.stringify(careful.value)).toContain(JSON.stringify(expected));
      expect(parseFastYaml(text), text).toStrictEqual({ value: careful.value });
    }
  });

  it.each([
    ['a list entry whose value starts on the next line', 'triggers:\n  -\n    when: x\n    action: y\n'],
    ['CRLF line ends', 'a: 1\r\nb: [x, y]\r\n'],
    ['a block scalar with empty lines', 'a: |\n  one\n\n  two\n'],
    ['a document that starts with `---`', '---\na: 1\n'],
    ['a comment after a value', 'a: 1 # why\n'],
    ['an escaped control character', 'a: "x\\0y"\n'],
  ])('answers itself for %s', (_, text) => {
    const careful = parseYaml('f.yaml', text);
    expect(careful.diagnostics).toEqual([]);
    expect(parseFastYaml(text)).toStrictEqual({ value: careful.value });
  });

  it('leaves a merge key as a plain key, as the careful reader does', () => {
    const text = 'base: { a: 1 }\n<<: { b: 2 }\n';
    expect(parseFastYaml(text)).toStrictEqual({ value: parseYaml('f.yaml', text).value });
    expect(parseYaml('f.yaml', text).value).toStrictEqual({ base: { a: 1 }, '<<': { b: 2 } });
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
    ['nesting deeper than the careful reader allows', `${'['.repeat(65)}${']'.repeat(65)}\n`],
    ['an explicit core tag', 'a: !!int "1"\n'],
    ['a non-specific tag', 'a: ! 1\n'],
    ['an anchor', 'a: &x 1\n'],
    ['an alias to a scalar', 'a: &x 1\nb: *x\n'],
    ['a %YAML directive', '%YAML 1.1\n---\na: yes\n'],
    ['a %TAG directive', '%TAG !e! tag:yaml.org,2002:\n---\na: !e!int 1\n'],
    ['a list as a key', '[a]: x\n'],
    ['a list as a key inside a flow pair', 'b: [[a]: x]\n'],
    ['a mapping as a key', '? { a: 1 }\n: x\n'],
    ['a number as a key (kept as written by the careful reader)', '007: x\n'],
    ['a null as a key', '~: x\n'],
    ['a boolean as a key', 'True: x\n'],
    ['an infinity as a key', '.inf: x\n'],
    ['an empty key in a flow mapping', 'a: { : x }\n'],
    ['an empty list entry before a shallower one', 'a:\n  - -\n  - b\n'],
    ['an empty list entry on its own line', '- a\n-\n- b\n'],
    ['a tab in indentation', 'a:\n\tb: 1\n'],
    ['a carriage return without a line feed', 'a: 1\rb: 2\r'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a byte-order mark inside the text', 'a: x\n\ufeffb: y\n'],
    ['a comment glued to a closing quote', "a: 'x'#c\n"],
    ['a comment glued to a bracket', 'a: [#c\n  1]\n'],
    ['a document marker glued to text', '---kind: x\n'],
    ['a block scalar with an explicit indentation', 'a: |2\n   x\n'],
    ['a line of spaces in a block scalar', 'a: >+\n  x\n    \n'],
    ['a file that is one scalar', 'just text\n'],
    ['a file of nothing but comments', '# nothing\n'],
  ])('steps aside for %s', (_, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
  });

  it('agrees with the careful reader on random documents of every number, boolean and null form, or steps aside', () => {
    fc.assert(
      fc.property(document, (text) => {
        const fast = parseFastYaml(text);
        if (fast === undefined) return;
        const careful = parseYaml('f.yaml', text);
        expect(careful.diagnostics, text).toEqual([]);
        expect(fast.value, text).toStrictEqual(careful.value);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers itself for every document the careful reader accepts whose keys are words, whatever its values', () => {
    fc.assert(
      // Not `1,000` (in a flow mapping, the pair `1` and the key `000`), nor `` and `-` (an empty list entry, which js-yaml misreads).
      fc.property(documentWith(word, scalarOf(FORMS.filter((form) => !form.includes(',') && form !== '' && form !== '-'))), (text) => {
        if (parseYaml('f.yaml', text).diagnostics.length) return;
        expect(parseFastYaml(text), text).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });
});

/** Every way YAML can write a number, boolean or null, the ways it cannot quite, and some plain words. */
const FORMS = [
  ...['0', '00', '007', '017', '0o17', '0o8', '-0o17', '0O17', '0b1010101', '0B11', '0x1F', '0X1F', '0x', '0x_1', '-0x1', '+0x1', '0xg'],
  ...['1', '+1', '-1', '-0', '+0', '1_000', '1__0', '1,000', '12345678901234567890', `1${'0'.repeat(400)}`],
  ...['.5', '5.', '0.', '+.5', '-.5', '-.0', '1.0', '01.5', '1.5.5', '1_0.5', '0.1_2', '.'],
  ...['1e3', '1E3', '1e+3', '1e-3', '1.5e-3', '.5e3', '5.e3', '1e', 'e3', '1e3.5', '1.2e3_0', '0e0', '1e400'],
  ...['.inf', '.Inf', '.INF', '.iNf', '-.inf', '+.inf', '-.Inf', '+.INF', 'inf', 'Infinity', '.NaN', '.nan', '.NAN', '-.nan', 'NaN', 'nan'],
  ...['1:20', '190:20:30', '-1:20', '1:20.5'],
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', 'none', ''],
  ...['2026-03-31', '2026-3-1', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2026-03-31T10:00:00Z'],
  ...['<<', '=', '-', 'a', 'abc', 'x y', 'kpi-1', 'Infinity-ish'],
];

/** One of the forms, written plain (most often), single- or double-quoted. */
const scalarOf = (forms: string[]) =>
  fc.tuple(fc.constantFrom(...forms), fc.constantFrom('plain', 'plain', 'plain', 'single', 'double')).map(([form, style]) =>
    style === 'single' ? `'${form}'` : style === 'double' ? `"${form}"` : form,
  );
const scalar = scalarOf(FORMS);

type Tree = { scalar: string } | { seq: Tree[]; flow: boolean } | { map: [string, Tree][]; flow: boolean };

/** A key that is a plain word; `null`, `true` and `false` are left out, since the fast reader rightly leaves keys spelled like them to the careful one. */
const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((key) => !['null', 'true', 'false'].includes(key));

/** A random document: a block mapping at the top, like a catalog entry, with values of every form and keys from `key`. */
function documentWith(key: fc.Arbitrary<string>, value = scalar): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      value.map((text) => ({ scalar: text })),
      fc.record({ seq: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.boolean() }),
      fc.record({ map: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }), flow: fc.boolean() }),
    ),
  }));
  return fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 6 }).map((entries) => render({ map: entries, flow: false }, 0));
}

/** Keys of every form too, most of the time. */
const document = documentWith(fc.oneof({ arbitrary: scalar, weight: 3 }, { arbitrary: word, weight: 1 }));

function inline(node: Tree): string {
  if ('scalar' in node) return node.scalar;
  if ('seq' in node) return `[${node.seq.map(inline).join(', ')}]`;
  return `{${node.map.map(([key, value]) => `${key}: ${inline(value)}`).join(', ')}}`;
}

function isBlock(node: Tree): boolean {
  return !('scalar' in node) && !node.flow && ('seq' in node ? node.seq.length : node.map.length) > 0;
}

/** Block collections on lines of their own, indented by `indent`; everything else in flow style. */
function render(node: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  const after = (child: Tree) => (isBlock(child) ? `\n${render(child, indent + 2)}` : ` ${inline(child)}\n`);
  if ('seq' in node && isBlock(node)) return node.seq.map((item) => `${pad}-${after(item)}`).join('');
  if ('map' in node && isBlock(node)) return node.map.map(([key, value]) => `${pad}${key}:${after(value)}`).join('');
  return `${pad}${inline(node)}\n`;
}
