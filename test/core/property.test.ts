/**
 * Random damage to a valid catalog never crashes the analysis, and every diagnostic points at a
 * real place: a file of the catalog (or the config, or `.`), at a line that file has.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { parseObservations } from '../../src/core/read/csv.ts';
import { checkMdxBody } from '../../src/core/read/mdx.ts';
import { parseFastYaml } from '../../src/core/read/fast-yaml.ts';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
// One entry as .mdx, so damage reaches frontmatter splitting and MDX bodies too.
const base = withFiles(valid, {
  'goals/access.yaml': undefined,
  'goals/access.mdx': `---\n${valid['goals/access.yaml']}---\n\n## Why it matters\n\nPatients who wait **longer** stop coming.\n\n- one\n- two\n`,
});
const PATHS = Object.keys(base).sort();

const NEWLINE = 0x0a;
const lines = (bytes: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === NEWLINE) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
};
const joinLines = (parts: Buffer[]) => Buffer.concat(parts.flatMap((part, i) => (i ? [Buffer.from([NEWLINE]), part] : [part])));

/** Characters that mean something to YAML, MDX or CSV. */
const SPECIAL = ['[', ']', '{', '}', ':', ': ', '- ', '? ', '&a ', '*a', '!tag ', '!!js/function ', '"', "'", '#', '\t', '\r', '\n', '---\n', '|', '>', '\0', '\ufeff', '<', '<b>', '{x}', ',', '\\', '%', '`', '@'];
const KEYS = ['name', 'title', 'owner', 'ownr', 'parent', 'level', 'supports', 'drives', 'status', 'retired', 'target', 'when', 'date', 'value', 'note', 'x'];

type Mutation = (bytes: Buffer) => Buffer;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (b) => {
    const ls = lines(b);
    ls.splice(n % ls.length, 1);
    return joinLines(ls);
  }),
  fc.nat().map((n): Mutation => (b) => {
    const ls = lines(b);
    const i = n % ls.length;
    ls.splice(i, 0, ls[i]!);
    return joinLines(ls);
  }),
  fc.nat().map((n): Mutation => (b) => {
    if (b.length < 2) return b;
    const i = n % (b.length - 1);
    const out = Buffer.from(b);
    [out[i], out[i + 1]] = [b[i + 1]!, b[i]!];
    return out;
  }),
  fc.tuple(fc.nat(), fc.oneof({ arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 }, { arbitrary: fc.constantFrom(...SPECIAL), weight: 3 })).map(([n, text]): Mutation => (b) => {
    const i = n % (b.length + 1);
    return Buffer.concat([b.subarray(0, i), Buffer.from(text), b.subarray(i)]);
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 6 })).map(([n, bytes]): Mutation => (b) => {
    const i = n % (b.length + 1);
    return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
  }),
  fc.nat().map((n): Mutation => (b) => b.subarray(0, n % (b.length + 1))),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...KEYS), fc.string({ minLength: 1, maxLength: 8 }))).map(([n, key]): Mutation => (b) => {
    const ls = lines(b);
    const i = n % ls.length;
    ls[i] = Buffer.from(ls[i]!.toString('latin1').replace(/^(\s*-?\s*)[A-Za-z_]+:/, `$1${key}:`), 'latin1');
    return joinLines(ls);
  }),
);

// Every file can be hit; the MDX entry and a data file, which have their own parsers, more often.
const target = fc.oneof({ arbitrary: fc.constantFrom(...PATHS), weight: 3 }, { arbitrary: fc.constantFrom('goals/access.mdx', 'data/wait-days.csv'), weight: 2 });
const damage = fc.array(fc.tuple(target, mutation), { minLength: 1, maxLength: 3 });

/** Lines as an editor counts them: any of CRLF, CR or LF ends one. */
const lineCount = (bytes: Buffer) => bytes.toString('latin1').split(/\r\n|\r|\n/).length;

describe('damaged catalogs', () => {
  it('never throw, and every diagnostic points at a line of a catalog file', () => {
    fc.assert(
      fc.property(damage, (changes) => {
        const contents = new Map<string, Buffer>(PATHS.map((path) => [path, Buffer.from(base[path]!)]));
        for (const [path, mutate] of changes) contents.set(path, mutate(contents.get(path)!));
        // The helper writes text; damaged files are bytes, written over the ones it made.
        const root = writeCatalog(base);
        for (const [path] of changes) writeFileSync(join(root, path), contents.get(path)!);
        const { diagnostics } = analyzeCatalog(root, TODAY);
        for (const d of diagnostics) {
          expect(d.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(d.message.length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(d.severity);
          if (d.file === '.') continue;
          const bytes = contents.get(d.file);
          expect(bytes, `${d.file} is not a catalog file`).toBeDefined();
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line, `${d.file}:${d.line} ${d.rule}`).toBeLessThanOrEqual(lineCount(bytes!));
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.endLine).toBeGreaterThanOrEqual(d.line);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Text made of the pieces that mean something to a parser, so random input reaches its error paths. */
const textOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

/** Every diagnostic of `text` sits on one of its lines, `offset` lines down. */
function expectInside(diagnostics: Diagnostic[], text: string, offset = 0): void {
  const count = text.split(/\r\n|\r|\n/).length + offset;
  for (const d of diagnostics) {
    expect(d.line, `${d.line}:${d.column} ${d.rule} in ${JSON.stringify(text)}`).toBeGreaterThan(offset);
    expect(d.line, `${d.line}:${d.column} ${d.rule} in ${JSON.stringify(text)}`).toBeLessThanOrEqual(count);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

describe('random input to each reader', () => {
  it('YAML: never throws, diagnostics on the text\'s lines', () => {
    const yaml = textOf(['name', 'kind', ': ', ':', ' ', '  ', '\n', '\r\n', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '!x ', '!!str ', '|', '>', '? ', '---', '...', '\t', 'x', '1', '~', '%YAML 1.2', '@']);
    fc.assert(
      fc.property(yaml, fc.nat(3), (text, offset) => {
        expectInside(parseYaml('f.yaml', text, offset).diagnostics, text, offset);
      }),
      { numRuns: 300 },
    );
  });

  it('YAML: the fast reader gives the careful reader\'s value, or leaves the text to it', () => {
    const pieces = ['name', ': ', ':', ' ', '  ', '\n', '\n  ', '\r\n', '\r', '- ', '-', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '!x ', '!!str ', '|', '>', '>+', '? ', '---', '...', '\t', 'x', '~', '%YAML 1.2'];
    const scalars = ['1', '0b1', '0o7', '0x1F', '017', '+1', '-0', '1_0', '.5', '+.5', '5.', '1e3', '.inf', '-.Inf', '.NaN', '1:2', 'True', 'yes', 'Null', '\\0', '\u0000', '\u0085', '\u2028', '\u202e', '\ufeff'];
    // Started as a mapping or a list, as an entry is: the fast reader leaves a lone scalar to the careful one.
    const yaml = fc.tuple(fc.constantFrom('', 'a: ', 'a:\n  ', '- ', 'a:\n  - ', 'a: |\n  ', 'a: ['), textOf([...pieces, ...scalars])).map(([start, rest]) => start + rest);
    fc.assert(
      fc.property(yaml, (text) => {
        const fast = parseFastYaml(text);
        if (fast === undefined) return;
        const careful = parseYaml('f.yaml', text);
        expect(careful.diagnostics, JSON.stringify(text)).toEqual([]);
        expect(fast.value, JSON.stringify(text)).toStrictEqual(careful.value);
      }),
      { numRuns: 1000 },
    );
  });

  it('MDX bodies: never throw, diagnostics on the body\'s lines', () => {
    const mdx = textOf(['<', '>', '</', '/>', '<b>', '{', '}', '{x}', '#', '*', '**', '`', '```', '-', ' ', '\n', '\n\n', '\r\n', 'a', '!', '[', ']', '(', ')', '\\', '|', 'import x from "y"\n', 'export const a = 1\n', '<!--', '-->', '&amp;', '$$']);
    fc.assert(
      fc.property(mdx, fc.boolean(), (body, allowCode) => {
        expectInside(checkMdxBody('x.mdx', body, 6, { allowCode, maxBytes: 65_536 }), body, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: never throws, diagnostics on the file\'s lines, rows in date order', () => {
    const csv = fc.tuple(fc.constantFrom('date,value,note\n', 'date,value\n', 'value,date\n', 'date,valeu\n', ''), textOf([',', '"', '""', '\n', '\r\n', '\r', '2026-01-0', '2026-02-3', '1', '5', '.', '-', 'e', 'x', ' ', 'flu']));
    fc.assert(
      fc.property(csv, ([header, body]) => {
        const text = header + body;
        const { rows, diagnostics } = parseObservations('data/x.csv', text);
        expectInside(diagnostics, text);
        expect(rows.map((r) => r.date)).toEqual(rows.map((r) => r.date).sort());
        for (const row of rows) expect(Number.isFinite(row.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
