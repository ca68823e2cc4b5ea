import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { FORMAT_VERSION, PLUMBLINE_VERSION } from '../../src/core/version.ts';
import { analyze, removeCatalogs, TODAY, validCatalog } from '../helpers/catalog.ts';
import { append, at, edit, errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const OWNER = 'owners/ana.yaml';
const INITIATIVE = 'initiatives/slot-release.yaml';
const CONFIG = 'catalog.config.yaml';

const dropLine = (path: string, field: string) => {
  const lines = valid[path]!.split('\n');
  if (!lines.some((line) => line.startsWith(`${field}:`))) throw new Error(`no ${field} in ${path}`);
  return { ...valid, [path]: lines.filter((line) => !line.startsWith(`${field}:`)).join('\n') };
};

describe('owner schema', () => {
  it.each(['name', 'kind'])('reports a missing `%s` at the start of the file', (field) => {
    const files = dropLine(OWNER, field);
    expect(errors(files)).toEqual([`${OWNER}:1:1 missing-field`]);
    expect(one(files, 'missing-field').message).toBe(`\`${field}\` is required`);
  });

  it('reports a kind typo with a did-you-mean hint', () => {
    const files = edit(valid, OWNER, 'kind: person', 'kind: persn');
    expect(errors(files)).toEqual([`${at(files, OWNER, 'persn')} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe('did you mean `person`?');
  });

  it('accepts an email and reports a malformed one', () => {
    expect(errors(append(valid, OWNER, 'email: ana@example.org'))).toEqual([]);
    const files = append(valid, OWNER, 'email: ana at example.org');
    expect(errors(files)).toEqual([`${at(files, OWNER, 'ana at')} invalid-value`]);
  });

  it.each(['"@ana"', '"@example/ops-team"', 'ana'])('accepts the GitHub handle %s', (handle) => {
    expect(errors(edit(valid, OWNER, '"@ana"', handle))).toEqual([]);
  });

  it.each(['"@ana lima"', '"@-ana"', '"@org/team/extra"'])('reports the GitHub handle %s', (handle) => {
    const files = edit(valid, OWNER, '"@ana"', handle);
    expect(errors(files)).toEqual([`${at(files, OWNER, handle)} invalid-value`]);
  });

  it('reports an unknown field with a did-you-mean hint', () => {
    const files = append(valid, OWNER, 'emial: ana@example.org');
    expect(errors(files)).toEqual([`${at(files, OWNER, 'emial')} unknown-field`]);
    expect(one(files, 'unknown-field').hint).toBe('did you mean `email`?');
  });

  it('reports an owner id that is not kebab-case at the value', () => {
    const files = edit(valid, OWNER, 'parent: ops', 'parent: Ops Team');
    expect(errors(files)).toEqual([`${at(files, OWNER, 'Ops Team')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toBe('`parent` must be an owner id in lowercase kebab-case, like `timely-access`; got "Ops Team"');
  });
});

describe('initiative schema', () => {
  it.each(['name', 'owner', 'moves'])('reports a missing `%s` at the start of the file', (field) => {
    const files = dropLine(INITIATIVE, field);
    expect(errors(files)).toEqual([`${INITIATIVE}:1:1 missing-field`]);
    expect(one(files, 'missing-field').message).toBe(`\`${field}\` is required`);
  });

  it('reports an empty `moves` list', () => {
    const files = edit(valid, INITIATIVE, 'moves: [open-slots]', 'moves: []');
    expect(errors(files)).toEqual([`${at(files, INITIATIVE, '[]')} invalid-value`]);
    expect(one(files, 'invalid-value').message).toBe('`moves` must name at least one metric id');
  });

  it('accepts dates in order and reports an end before the start at the end', () => {
    expect(errors(append(valid, INITIATIVE, 'start: 2026-02-01', 'end: 2026-06-30'))).toEqual([]);
    const files = append(valid, INITIATIVE, 'start: 2026-06-30', 'end: 2026-02-01');
    expect(errors(files)).toEqual([`${at(files, INITIATIVE, '2026-02-01')} invalid-date-range`]);
  });

  it('reports an impossible start date', () => {
    const files = append(valid, INITIATIVE, 'start: 2026-02-30');
    expect(errors(files)).toEqual([`${at(files, INITIATIVE, '2026-02-30')} invalid-date`]);
  });

  it('reports a status typo with a did-you-mean hint', () => {
    const files = append(valid, INITIATIVE, 'status: don');
    expect(errors(files)).toEqual([`${at(files, INITIATIVE, 'don')} invalid-value`]);
    expect(one(files, 'invalid-value').hint).toBe('did you mean `done`?');
  });
});

describe('config schema', () => {
  it('reports a missing `name` and keeps checking the catalog', () => {
    const files = withFiles(valid, { [CONFIG]: 'repository: https://github.com/example/metrics\n' });
    expect(errors(files)).toEqual([`${CONFIG}:1:1 missing-field`]);
    const files2 = withFiles(files, { 'goals/access.yaml': valid['goals/access.yaml']!.replace('owner: ops', 'ownr: ops') });
    expect(errors(files2)).toContain(`${at(files2, 'goals/access.yaml', 'ownr')} unknown-field`);
  });

  it('reports a missing config file', () => {
    const files = withFiles(valid, { [CONFIG]: undefined });
    expect(errors(files)).toEqual([`${CONFIG}:1:1 missing-config`]);
    expect(one(files, 'missing-config').hint).toMatch(/create it with at least `name: <your organisation>`/);
  });

  it('reports a missing catalog folder at `.`', () => {
    const { diagnostics } = analyzeCatalog('/nonexistent/plumbline-catalog', TODAY);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['.:1:1 missing-config']);
  });

  it('reports an unknown field with a did-you-mean hint', () => {
    const files = append(valid, CONFIG, 'levls: [mission, strategy]');
    expect(errors(files)).toEqual([`${at(files, CONFIG, 'levls')} unknown-field`]);
    expect(one(files, 'unknown-field').hint).toBe('did you mean `levels`?');
  });

  it('refuses a repository link that is not http(s)', () => {
    const files = edit(valid, CONFIG, 'https://github.com/example/metrics', '"javascript:alert(1)"');
    expect(errors(files)).toEqual([`${at(files, CONFIG, '"javascript')} invalid-url`]);
  });

  it('reports a level named twice, and an empty list of levels', () => {
    const twice = append(valid, CONFIG, 'levels: [mission, strategy, strategy, department]');
    expect(errors(twice)).toEqual([`${at(twice, CONFIG, '[mission')} invalid-value`]);
    expect(one(twice, 'invalid-value').message).toBe('names a level twice');
    const empty = append(valid, CONFIG, 'levels: []');
    expect(errors(empty)).toEqual([`${at(empty, CONFIG, '[]')} invalid-value`]);
  });

  it('reports a misspelled severity with a did-you-mean hint', () => {
    const files = append(valid, CONFIG, 'rules:', '  orphan-metric: warning');
    expect(errors(files)).toEqual([`${at(files, CONFIG, 'warning')} invalid-value`]);
    const d = one(files, 'invalid-value');
    expect(d.message).toBe('`rules.orphan-metric` must be one of error, warn, off; got "warning"');
    expect(d.hint).toBe('did you mean `warn`?');
  });

  it('reports an unknown rule with a did-you-mean hint', () => {
    const files = append(valid, CONFIG, 'rules:', '  orphan-metrc: warn');
    expect(errors(files)).toEqual([`${at(files, CONFIG, 'orphan-metrc')} unknown-rule`]);
    expect(one(files, 'unknown-rule').hint).toBe('did you mean `orphan-metric`?');
  });

  it('reports `__proto__` under rules as an unknown rule, though parsing drops it', () => {
    const files = append(valid, CONFIG, 'rules:', '  __proto__: { orphan-metric: off }');
    expect(errors(files)).toEqual([`${at(files, CONFIG, '__proto__')} unknown-rule`]);
    expect(one(files, 'unknown-rule').message).toBe('there is no rule `__proto__`');
  });

  it('refuses to turn an integrity rule down', () => {
    const files = append(valid, CONFIG, 'rules:', '  unknown-reference: off');
    expect(errors(files)).toEqual([`${at(files, CONFIG, 'unknown-reference')} unknown-rule`]);
  });

  it('refuses any mdx setting, which belongs to the trusted build, at its line', () => {
    const files = append(valid, CONFIG, 'mdx: { allowCode: false }');
    expect(errors(files)).toEqual([`${at(files, CONFIG, '{ allowCode')} trusted-setting`]);
    expect(one(files, 'trusted-setting').message).toBe('`mdx` settings (such as `allowCode`) can no longer be made in the catalog, which any pull request can change');
  });

  it('takes size limits within their bounds', () => {
    expect(errors(append(valid, CONFIG, 'limits: { title: 120, text: 2000, body: 8192 }'))).toEqual([]);
    const files = append(valid, CONFIG, 'limits: { body: 2000000 }');
    expect(errors(files)).toEqual([`${at(files, CONFIG, '2000000')} invalid-value`]);
  });

  it('takes the format this Plumbline reads, or an older one, without a word', () => {
    expect(analyze(append(valid, CONFIG, `format: ${FORMAT_VERSION}`), TODAY).diagnostics).toEqual(analyze(valid, TODAY).diagnostics);
  });

  it('warns at `format` when the catalog is written for a newer format, and reads it all the same', () => {
    const files = append(valid, CONFIG, `format: ${FORMAT_VERSION + 1}`);
    expect(errors(files)).toEqual([]);
    const d = one(files, 'format-too-new');
    expect(`${d.file}:${d.line}:${d.column} ${d.severity}`).toBe(`${at(files, CONFIG, `${FORMAT_VERSION + 1}`)} warning`);
    expect(d.message).toBe(`this catalog is written for format ${FORMAT_VERSION + 1}; this Plumbline (${PLUMBLINE_VERSION}) reads format ${FORMAT_VERSION}: upgrade plumbline`);
  });

  it('refuses a format that is not a whole number from 1', () => {
    for (const value of ['0', '1.5', '"one"']) expect(errors(append(valid, CONFIG, `format: ${value}`)), value).toHaveLength(1);
  });

  it('reports broken YAML in the config and still checks the entries with the defaults', () => {
    const files = withFiles(edit(valid, 'goals/access.yaml', 'owner: ops', 'owner: opz'), { [CONFIG]: 'name: [Test\n' });
    const found = errors(files);
    expect(found).toContain(`${CONFIG}:2:1 yaml-syntax`);
    expect(found).toContain(`${at(files, 'goals/access.yaml', 'opz')} unknown-reference`);
  });
});
