/**
 * Text from a pull request is published: no key or value of an entry or of catalog.config.yaml,
 * and no cell of a data file, may hold a control character (NUL, ESC, DEL, C1, a bidi override),
 * and no text may outgrow the limits in catalog.config.yaml. Each finding is an error at the key,
 * value or cell that holds it, names the character without writing it, and keeps the entry out of
 * the catalog, whichever YAML reader read the file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkTextValues, describeCharacter, MAX_KEY_LENGTH } from '../../src/core/read/text-values.ts';
import { analyze, removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { append, at, edit, errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const CONFIG = 'catalog.config.yaml';
const GOAL = 'goals/mission.yaml';
const METRIC = 'metrics/wait-days.yaml';
const OWNER = 'owners/ops.yaml';
const INITIATIVE = 'initiatives/slot-release.yaml';
const DATA = 'data/wait-days.csv';

/** Any character the rule refuses, in a message or a hint, would be the very thing it warns about. */
const REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The control-character findings, each checked for a message that names `code` and never holds a refused character. */
function controlFindings(files: Files, code: number) {
  const found = analyze(files).diagnostics.filter((d) => d.rule === 'control-character');
  for (const d of found) {
    expect(d.severity).toBe('error');
    expect(d.message).toContain(describeCharacter(code));
    expect(d.message).not.toMatch(REFUSED);
    expect(d.hint).not.toMatch(REFUSED);
  }
  return found;
}

const hex = (code: number) => code.toString(16).padStart(4, '0');

// Every refused range, at both ends and in between.
const CODES = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x202a, 0x202c, 0x202e, 0x2066, 0x2068, 0x2069];

describe('control characters in YAML values', () => {
  it.each(CODES.map((code) => [hex(code), code]))('refuses U+%s written as an escape in a double-quoted value, at the value', (_, code) => {
    // The escape is plain ASCII: the fast reader reads this file, and the tree is built for the finding.
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', `title: "Healthy\\u${hex(code)}people"`);
    expect(errors(files)).toEqual([`${at(files, GOAL, '"Healthy')} control-character`]);
    const [found] = controlFindings(files, code);
    expect(found!.message).toBe(`\`title\` holds the control character ${describeCharacter(code)}`);
    expect(found!.hint).toMatch(/^delete it/);
  });

  it.each(CODES.filter((code) => code !== 0x0b && code !== 0x0c).map((code) => [hex(code), code]))('refuses U+%s written raw in a plain value, at the value', (_, code) => {
    // js-yaml refuses most raw controls outright, so this is the careful reader's path.
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', `title: Healthy${String.fromCharCode(code)}people`);
    expect(errors(files)).toEqual([`${GOAL}:1:8 control-character`]);
    expect(controlFindings(files, code)).toHaveLength(1);
  });

  it('names the characters it refuses by code point and name, never writing them', () => {
    expect(describeCharacter(0x00)).toBe('U+0000 (NUL)');
    expect(describeCharacter(0x1b)).toBe('U+001B (ESC)');
    expect(describeCharacter(0x7f)).toBe('U+007F (DEL)');
    expect(describeCharacter(0x85)).toBe('U+0085 (a C1 control)');
    expect(describeCharacter(0x202e)).toBe('U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(describeCharacter(0x2066)).toBe('U+2066 (LEFT-TO-RIGHT ISOLATE)');
  });

  it('accepts tabs and line breaks, and the characters just outside the refused ranges', () => {
    const files = withFiles(validCatalog(), {
      [GOAL]: 'title: "Healthy\\tpeople\\r\\n"\nlevel: mission\nowner: ops\ndescription: |\n  Two lines,\n  \tone indented with a tab.\n',
      [OWNER]: 'name: "Opera\\u00a0tions \\u2029 \\u2065 \\u206a \\u202f"\nkind: team\ngithub: "@example/ops"\n',
    });
    expect(errors(files)).toEqual([]);
  });

  it('finds it in every kind of entry, nested in mappings and lists, and in MDX frontmatter below its `---`', () => {
    const files = withFiles(validCatalog(), {
      [OWNER]: 'name: "ops\\0"\nkind: team\ngithub: "@example/ops"\n',
      [METRIC]: edit(validCatalog(), METRIC, '    action: Open extra slots.', '    action: "Open extra slots.\\e[2J"')[METRIC]!,
      [INITIATIVE]: 'name: "Slot\\u202Erelease"\nowner: ana\nmoves: [open-slots]\n',
      'goals/access.yaml': undefined,
      'goals/access.mdx': `---\n${validCatalog()['goals/access.yaml']}description: "a\\x7fb"\n---\n\nWhy it matters.\n`,
    });
    expect(errors(files)).toEqual([
      `${at(files, 'goals/access.mdx', '"a\\x7fb"')} control-character`,
      `${at(files, INITIATIVE, '"Slot')} control-character`,
      `${at(files, METRIC, '"Open extra')} control-character`,
      `${at(files, OWNER, '"ops')} control-character`,
    ]);
    expect(errors(files)[0]).toBe('goals/access.mdx:7:14 control-character');
  });

  it('names a nested field by its path', () => {
    const files = edit(validCatalog(), METRIC, '    action: Open extra slots.', '    action: "Open\\0"');
    expect(analyze(files).diagnostics.find((d) => d.rule === 'control-character')!.message).toBe('`triggers[0].action` holds the control character U+0000 (NUL)');
  });

  it('refuses it in a key, at the key, writing the key with the character escaped', () => {
    const files = append(validCatalog(), OWNER, '"team\\x1bname": x');
    expect(errors(files)).toEqual([`${OWNER}:4:1 control-character`, `${OWNER}:4:1 unknown-field`]);
    const found = analyze(files).diagnostics.find((d) => d.rule === 'control-character')!;
    expect(found.message).toBe('the key `team\\u001bname` holds the control character U+001B (ESC)');
    expect(found.message).not.toMatch(REFUSED);
  });

  it('refuses it in catalog.config.yaml, in a value and in a key', () => {
    const files = edit(validCatalog(), CONFIG, 'name: Test Clinic\n', 'name: "Test\\u2066Clinic"\nrules: { "stale\\0data": warn }\n');
    expect(errors(files)).toEqual([`${CONFIG}:1:7 control-character`, `${CONFIG}:2:10 control-character`, `${CONFIG}:2:10 unknown-rule`]);
  });

  it('reports each string once per problem, every one at its own place', () => {
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', 'title: "Healthy\\0\\0 people\\u202e"\ndescription: "\\x01"');
    expect(errors(files)).toEqual([`${GOAL}:1:8 control-character`, `${GOAL}:2:14 control-character`]);
    expect(analyze(files).diagnostics.find((d) => d.rule === 'control-character')!.message).toContain('U+0000 (NUL)');
  });

  it('keeps the entry out of the catalog, its id still known', () => {
    const files = edit(validCatalog(), OWNER, 'name: Operations', 'name: "Oper\\0ations"');
    const { catalog } = analyze(files);
    expect(catalog.owners.has('ops')).toBe(false);
    // Entries naming `ops` as their owner are not reported a second time.
    expect(errors(files)).toEqual([`${OWNER}:1:7 control-character`]);
  });
});

describe('control characters in data files', () => {
  it('refuses one in a note, at its line and column', () => {
    const files = { ...validCatalog(), [DATA]: 'date,value,note\n2026-11-09,9,flu\u0000season\n2026-11-16,8,\n' };
    expect(errors(files)).toEqual([`${DATA}:2:17 control-character`]);
    expect(controlFindings(files, 0)[0]!.message).toBe('this cell holds the control character U+0000 (NUL)');
  });

  it('refuses a bidi override in a quoted note spanning lines, and reports each line once', () => {
    const files = { ...validCatalog(), [DATA]: 'date,value,note\n2026-11-09,9,"a\u202e\u202e\nb\u0007"\n2026-11-16,8,\u009b\n' };
    expect(errors(files)).toEqual([`${DATA}:2:16 control-character`, `${DATA}:3:2 control-character`, `${DATA}:4:14 control-character`]);
  });

  it('accepts tabs and CRLF line ends', () => {
    const files = { ...validCatalog(), [DATA]: 'date,value,note\r\n2026-11-09,9,"tab\there"\r\n2026-11-16,8,\r\n' };
    expect(errors(files)).toEqual([]);
  });
});

describe('text longer than the limits', () => {
  const title = (n: number) => 'T'.repeat(n);

  it('refuses a title over limits.title (200 by default), at the value, and keeps one of 200', () => {
    expect(errors(edit(validCatalog(), GOAL, 'title: Healthy people', `title: ${title(200)}`))).toEqual([]);
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', `title: ${title(201)}`);
    expect(errors(files)).toEqual([`${GOAL}:1:8 text-too-long`]);
    const found = one(files, 'text-too-long');
    expect(found.message).toBe('`title` is 201 characters long; the limit is 200 (`limits.title`)');
    expect(found.hint).toBe('shorten it, or raise `limits.title` in catalog.config.yaml');
  });

  it('holds the name of a metric, an owner and an initiative to limits.title too', () => {
    const files = withFiles(validCatalog(), {
      [METRIC]: edit(validCatalog(), METRIC, 'name: Days to appointment', `name: ${title(201)}`)[METRIC]!,
      [OWNER]: `name: "${title(300)}"\nkind: team\ngithub: "@example/ops"\n`,
      [INITIATIVE]: `name: >-\n  ${title(150)}\n  ${title(150)}\nowner: ana\nmoves: [open-slots]\n`,
    });
    expect(errors(files)).toEqual([`${INITIATIVE}:1:7 text-too-long`, `${METRIC}:1:7 text-too-long`, `${OWNER}:1:7 text-too-long`]);
  });

  it('refuses any other text over limits.text (5,000 by default), in lists and nested mappings too', () => {
    expect(errors(edit(validCatalog(), METRIC, 'why: waiting', `why: ${'w'.repeat(4_900)} waiting`))).toEqual([]);
    const files = edit(validCatalog(), METRIC, '    action: Open extra slots.', `    action: ${'a'.repeat(5_001)}`);
    expect(errors(files)).toEqual([`${at(files, METRIC, 'aaa')} text-too-long`]);
    expect(one(files, 'text-too-long').message).toBe('`triggers[0].action` is 5,001 characters long; the limit is 5,000 (`limits.text`)');
    expect(one(files, 'text-too-long').hint).toBe('shorten it, or raise `limits.text` in catalog.config.yaml');
  });

  it('follows the limits set in catalog.config.yaml', () => {
    const base = edit(validCatalog(), CONFIG, 'name: Test Clinic\n', 'name: Test Clinic\nlimits: { title: 300, text: 100 }\n');
    const files = withFiles(base, {
      [GOAL]: `title: ${title(300)}\nlevel: mission\nowner: ops\ndescription: ${'d'.repeat(101)}\n`,
    });
    expect(errors(files)).toEqual([`${GOAL}:4:14 text-too-long`]);
    expect(one(files, 'text-too-long').message).toBe('`description` is 101 characters long; the limit is 100 (`limits.text`)');
  });

  it('counts characters, not UTF-16 units: 200 emoji make a 200-character title', () => {
    expect(errors(edit(validCatalog(), GOAL, 'title: Healthy people', `title: ${'🩺'.repeat(200)}`))).toEqual([]);
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', `title: ${'🩺'.repeat(201)}`);
    expect(one(files, 'text-too-long').message).toBe('`title` is 201 characters long; the limit is 200 (`limits.title`)');
  });

  it('holds catalog.config.yaml to the default limits, whatever limits it sets', () => {
    const files = edit(validCatalog(), CONFIG, 'name: Test Clinic\n', `name: ${title(250)}\nlimits: { title: 1000 }\n`);
    expect(errors(files)).toEqual([`${CONFIG}:1:7 text-too-long`]);
    // The entries get the raised limit.
    expect(errors(withFiles(files, { [CONFIG]: `name: Test Clinic\nlimits: { title: 1000 }\n`, [GOAL]: `title: ${title(250)}\nlevel: mission\nowner: ops\n` }))).toEqual([]);
  });

  it(`refuses a key over ${MAX_KEY_LENGTH} characters, at the key, writing only its start`, () => {
    const key = 'k'.repeat(MAX_KEY_LENGTH + 1);
    expect(errors(append(validCatalog(), OWNER, `${'k'.repeat(MAX_KEY_LENGTH)}: x`))).toEqual([`${OWNER}:4:1 unknown-field`]);
    const files = append(validCatalog(), OWNER, `${key}: x`);
    expect(errors(files)).toEqual([`${OWNER}:4:1 text-too-long`, `${OWNER}:4:1 unknown-field`]);
    expect(one(files, 'text-too-long').message).toBe(`the key \`${'k'.repeat(40)}…\` is 201 characters long; the limit for keys is 200`);
  });

  it('refuses a megabyte title quickly and leaves the goal out', () => {
    const files = edit(validCatalog(), GOAL, 'title: Healthy people', `title: ${title(1_000_000)}`);
    const started = performance.now();
    const { catalog, diagnostics } = analyze(files);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([`${GOAL}:1:8 text-too-long`]);
    expect(catalog.goals.has('mission')).toBe(false);
    expect(diagnostics.find((d) => d.rule === 'text-too-long')!.message).toBe('`title` is 1,000,000 characters long; the limit is 200 (`limits.title`)');
  });
});

describe('the walk', () => {
  it('finds every key and string of a deep value, without recursion', () => {
    let value: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) value = i % 2 ? [value] : { k: value };
    expect(checkTextValues(value, { title: 200, text: 5000 }).map((f) => [f.rule, f.path.length])).toEqual([['control-character', 100_000]]);
  });

  it('ignores numbers, booleans and nulls', () => {
    expect(checkTextValues({ a: 1, b: true, c: null, d: [2, false] }, { title: 20, text: 100 })).toEqual([]);
  });
});
