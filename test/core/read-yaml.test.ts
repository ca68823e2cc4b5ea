import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DEPTH, parseYaml, spanAt } from '../../src/core/read/yaml.ts';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { at, edit, errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const OWNER = 'owners/ops.yaml';

/** Diagnostics of one YAML text as `line:column rule`. */
const problems = (text: string) => parseYaml('f.yaml', text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);

/** Wall-clock time of `run`, in milliseconds. */
function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('parseYaml', () => {
  it('parses plain YAML with dates kept as strings and yes/no as text', () => {
    const { value, diagnostics } = parseYaml('f.yaml', 'a: 2026-01-05\nb: yes\nc: 1.5\nd: [x, "y"]\ne: ~\n');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ a: '2026-01-05', b: 'yes', c: 1.5, d: ['x', 'y'], e: null });
  });

  it('accepts a leading document marker and a trailing end marker', () => {
    expect(parseYaml('f.yaml', '---\nname: Ops\n...\n').value).toEqual({ name: 'Ops' });
  });

  it.each([
    ['an unclosed quote, at the line where the file ends', 'name: Ops\nkind: team\ngithub: "@ops\n', '4:1'],
    ['an unclosed list', 'name: Ops\nparent: [a, b\nkind: team\n', '3:1'],
    ['a reserved character', 'name: Ops\nkind: team\ngithub: @ops\n', '3:9'],
    ['a nested mapping on one line', 'name: Ops\nemail: a: b\n', '2:8'],
  ])('reports a syntax error with its line: %s', (_, text, position) => {
    expect(problems(text)).toContain(`${position} yaml-syntax`);
    expect(parseYaml('f.yaml', text).value).toBeUndefined();
  });

  it('reports tabs used for indentation', () => {
    const [d] = parseYaml('f.yaml', 'name: Ops\n\tkind: team\n').diagnostics;
    expect(`${d!.line}:${d!.column} ${d!.rule} ${d!.message}`).toBe('2:1 yaml-syntax tabs are used for indentation');
  });

  it('reports a duplicate key at the repeat, naming it', () => {
    const [d, ...rest] = parseYaml('f.yaml', 'name: A\nkind: team\nname: B\n').diagnostics;
    expect(rest).toEqual([]);
    expect(`${d!.line}:${d!.column}-${d!.endLine}:${d!.endColumn} ${d!.rule} ${d!.message}`).toBe('3:1-3:5 duplicate-key `name` is given twice in the same mapping');
  });

  it('reports duplicate keys in nested mappings', () => {
    expect(problems('source:\n  system: A\n  system: B\nlist:\n  - { a: 1, a: 2 }\n')).toEqual(['3:3 duplicate-key', '5:13 duplicate-key']);
  });

  it.each([
    ['!!js/function', 'name: !!js/function "function () { return 1 }"\n'],
    ['!!js/undefined', 'name: !!js/undefined ""\n'],
    ['!foo', 'name: !foo bar\n'],
    ['!<tag:example.com,2026:x>', 'name: !<tag:example.com,2026:x> bar\n'],
    ['a tagged mapping', 'source: !thing { system: Epic }\n'],
  ])('refuses the custom tag %s', (_, text) => {
    expect(problems(text)).toEqual([`1:${text.indexOf('!') + 1} yaml-tag`]);
  });

  it('reports a list or a scalar where a mapping belongs as the file shape', () => {
    for (const text of ['- name: Ops\n- kind: team\n', 'just some words\n', '42\n', '# only a comment\n']) {
      const files = withFiles(valid, { [OWNER]: text });
      expect(errors(files)).toEqual([`${OWNER}:1:1 invalid-type`]);
      expect(one(files, 'invalid-type').message).toBe('the file must be a mapping of fields (`name: …` lines)');
    }
  });

  it('reports a second document at its `---`', () => {
    const files = withFiles(valid, { [OWNER]: 'name: Operations\nkind: team\n---\nname: Other\nkind: team\n' });
    expect(errors(files)).toEqual([`${OWNER}:3:1 yaml-syntax`]);
    expect(one(files, 'yaml-syntax').message).toBe('the file holds more than one YAML document');
  });

  it('reports a key that is a list or mapping at the key', () => {
    expect(problems('name: Ops\n? [a, b]\n: x\n')).toEqual(['2:3 yaml-syntax']);
  });

  it('does not merge `<<` keys: it is an unknown field', () => {
    const files = withFiles(valid, { [OWNER]: 'name: Operations\n<<: { kind: team }\n' });
    expect(errors(files)).toEqual([`${OWNER}:1:1 missing-field`, `${OWNER}:2:1 unknown-field`]);
  });
});

describe('aliases', () => {
  it('resolves a few aliases', () => {
    const files = withFiles(valid, { [OWNER]: 'name: &n Operations\nkind: team\ngithub: "@example/ops"\n', 'owners/ana.yaml': 'name: *n\nkind: person\n' });
    // Anchors do not cross files: `*n` in another file is unknown there.
    expect(errors(files)).toEqual(['owners/ana.yaml:1:7 yaml-aliases']);
    expect(parseYaml('f.yaml', 'a: &x [1, 2]\nb: *x\nc: *x\n').value).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it('refuses an alias bomb quickly, with one diagnostic', () => {
    // "Billion laughs": each level holds ten aliases of the level before, 10^10 strings in all.
    const lines = ['name: Operations', 'kind: team', 'bomb:', `  a: &a [${Array(10).fill('lol').join(', ')}]`];
    for (let i = 1; i <= 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`  ${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const files = withFiles(valid, { [OWNER]: `${lines.join('\n')}\n` });
    const { result, ms } = timed(() => errors(files));
    expect(result).toEqual([`${OWNER}:1:1 yaml-aliases`]);
    expect(ms).toBeLessThan(1000);
    expect(one(files, 'yaml-aliases').hint).toBe(`use at most ${MAX_ALIASES} aliases and do not nest them; write the values out instead`);
  });

  it('reports an alias with no anchor before it at the alias', () => {
    expect(problems('name: Ops\nkind: *team\n')).toEqual(['2:7 yaml-aliases']);
    expect(problems('a: *x\nb: &x 1\n')).toEqual(['1:4 yaml-aliases']);
  });

  it('reports an alias inside the value it names, which would make the data circular', () => {
    const text = 'name: Ops\nrules: &r { stale-data: { severity: warn, max: *r } }\n';
    expect(problems(text)).toEqual(['2:48 yaml-aliases']);
    expect(parseYaml('f.yaml', text).diagnostics[0]!.message).toBe('the alias `*r` is inside the value it refers to');
  });
});

describe('nesting', () => {
  it.each([
    ['10,000 `[`', `name: ${'['.repeat(10_000)}\n`],
    ['10,000 `[` closed again', `name: ${'['.repeat(5_000)}${']'.repeat(5_000)}\nkind: team\n`],
    ['10,000 `{`', `name: ${'{'.repeat(10_000)}\n`],
    ['10,000 `- `', `name:\n  ${'- '.repeat(10_000)}x\n`],
    ['1,000 indented mappings', Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n'],
  ])('refuses %s quickly, with one diagnostic', (_, text) => {
    const files = withFiles(valid, { [OWNER]: text });
    const { result, ms } = timed(() => errors(files));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(new RegExp(`^${OWNER}:\\d+:\\d+ yaml-depth$`));
    expect(ms).toBeLessThan(1000);
    expect(one(files, 'yaml-depth').message).toBe(`lists and mappings nest too deeply (the limit is ${MAX_DEPTH} levels)`);
  });

  it('points at the list that goes one level too deep', () => {
    const text = `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`;
    expect(problems(text)).toEqual([`1:${4 + MAX_DEPTH - 1} yaml-depth`]);
  });

  it('accepts nesting up to the limit', () => {
    const text = `a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`;
    expect(problems(text)).toEqual([]);
  });
});

describe('encodings and line endings', () => {
  it('parses a file that starts with a UTF-8 byte-order mark, positions unchanged', () => {
    const files = withFiles(valid, { [OWNER]: `\ufeff${valid[OWNER]}` });
    expect(errors(files)).toEqual([]);
    const typo = withFiles(valid, { [OWNER]: '\ufeffname: Operations\nkinds: team\n' });
    expect(errors(typo)).toEqual([`${OWNER}:1:1 missing-field`, `${OWNER}:2:1 unknown-field`]);
    const first = withFiles(valid, { [OWNER]: '\ufeffnaem: Operations\nkind: team\n' });
    expect(errors(first)).toContain(`${OWNER}:1:1 unknown-field`);
  });

  it('parses a catalog written with CRLF line endings', () => {
    const crlf = Object.fromEntries(Object.entries(valid).map(([path, text]) => [path, text.replace(/\n/g, '\r\n')]));
    expect(errors(crlf)).toEqual([]);
  });

  it('keeps lines and columns right with CRLF line endings', () => {
    const crlf = Object.fromEntries(Object.entries(valid).map(([path, text]) => [path, text.replace(/\n/g, '\r\n')]));
    const files = edit(edit(crlf, 'goals/access.yaml', 'owner: ops', 'ownr: ops'), 'goals/access.yaml', 'level: strategy', 'level: stratgy');
    expect(errors(files)).toEqual([`goals/access.yaml:1:1 missing-field`, `${at(files, 'goals/access.yaml', 'stratgy')} invalid-value`, `${at(files, 'goals/access.yaml', 'ownr')} unknown-field`]);
    expect(at(files, 'goals/access.yaml', 'ownr')).toBe('goals/access.yaml:4:1');
    const metric = edit(crlf, 'metrics/wait-days.yaml', 'https://reports.example.org/wait', 'ftp://x.example.org');
    expect(errors(metric)).toEqual([`${at(metric, 'metrics/wait-days.yaml', 'ftp:')} invalid-url`]);
    expect(at(metric, 'metrics/wait-days.yaml', 'ftp:')).toBe('metrics/wait-days.yaml:10:30');
  });

  it('reports an empty file, and a file of blank lines', () => {
    for (const text of ['', '\n\n  \n']) {
      const files = withFiles(valid, { [OWNER]: text });
      expect(errors(files)).toEqual([`${OWNER}:1:1 empty-file`]);
    }
  });
});

describe('spanAt', () => {
  const source = parseYaml('f.yaml', 'name: Ops\nsource:\n  system: Epic\nlist:\n  - a\n  - { b: 1 }\nshared: &s { x: 1 }\nlinked: *s\n').source;
  const span = (path: (string | number)[], part?: 'key' | 'value') => {
    const s = spanAt(source, path, part);
    return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
  };

  it('finds values and keys of nested fields and list items', () => {
    expect(span(['name'])).toBe('1:7-1:10');
    expect(span(['name'], 'key')).toBe('1:1-1:5');
    expect(span(['source', 'system'])).toBe('3:11-3:15');
    expect(span(['list', 1, 'b'])).toBe('6:10-6:11');
    expect(span(['list', 0])).toBe('5:5-5:6');
  });

  it('falls back to the deepest part of the path that exists', () => {
    expect(span(['source', 'url'])).toBe('3:3-4:1');
    expect(span(['list', 7])).toBe('5:3-7:1');
    expect(span(['nowhere'])).toBe('1:1-9:1');
  });

  it('follows aliases', () => {
    expect(span(['linked', 'x'])).toBe('7:17-7:18');
  });

  it('shifts positions by the lines before embedded YAML', () => {
    const shifted = parseYaml('f.mdx', 'a: 1\nb: 2\n', 1).source;
    expect(spanAt(shifted, ['b'])).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 5 });
  });
});

describe('volume', () => {
  it('checks a mapping with 20,000 keys for duplicates in linear time', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n') + '\nk7: 2\n';
    const { result, ms } = timed(() => problems(text));
    expect(result).toEqual(['20001:1 duplicate-key']);
    expect(ms).toBeLessThan(3000);
  });

  it('lists at most 100 problems of one file, then how many more there are', () => {
    const files = withFiles(valid, { [OWNER]: Array.from({ length: 500 }, () => 'name: x').join('\n') + '\n' });
    const found = errors(files);
    expect(found).toHaveLength(101);
    expect(found[99]).toBe(`${OWNER}:101:1 duplicate-key`);
    expect(found[100]).toBe(`${OWNER}:102:1 too-many-problems`);
    expect(one(files, 'too-many-problems').message).toBe('399 more problems in this file are not listed');
  });
});
