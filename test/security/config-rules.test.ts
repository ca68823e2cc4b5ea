/**
 * `rules:` in catalog.config.yaml comes from pull requests: only known rule ids and options are
 * accepted, each other key is reported at its line, and no prototype key (`__proto__`,
 * `constructor`, …) can set, silence or configure a rule, whichever YAML reader read the file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { deriveCatalog } from '../../src/core/derive/index.ts';
import { buildCatalog } from '../../src/core/graph.ts';
import { loadCatalog } from '../../src/core/load.ts';
import { parseFastYaml } from '../../src/core/read/fast-yaml.ts';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { ruleOptions } from '../../src/core/rules/options.ts';
import { RULES_BY_ID } from '../../src/core/rules/index.ts';
import { runRules } from '../../src/core/rules/run.ts';
import { configSchema } from '../../src/core/schemas/config.ts';
import { analyze, removeCatalogs, TODAY, validCatalog, writeCatalog, type Files } from '../helpers/catalog.ts';
import { at, edit, errors, one } from '../helpers/core.ts';
import { hits, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const CONFIG = 'catalog.config.yaml';
/** As of this date both example metrics are stale (latest value 2026-11-16, weekly). */
const LATER = '2026-12-20';

/** Diagnostics of catalog.config.yaml as `file:line:column rule`. */
const configErrors = (files: Files, today = TODAY) => errors(files, today).filter((d) => d.startsWith(`${CONFIG}:`));

describe('rule ids under `rules:`', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])('reports `%s` as an unknown rule at its key', (id) => {
    const files = withRules(validCatalog(), `${id}: warn`);
    expect(errors(files)).toEqual([`${at(files, CONFIG, id)} unknown-rule`]);
    const found = one(files, 'unknown-rule');
    expect(found.message).toBe(`there is no rule \`${id}\``);
    expect(found.hint).toBe('see docs/rules/ for the rule ids');
  });

  it('reports `__proto__` holding settings, which do not apply', () => {
    const files = withRules(validCatalog(), '__proto__: { stale-data: off, future-value: off }');
    expect(configErrors(files, LATER)).toEqual([`${CONFIG}:4:3 unknown-rule`]);
    // stale-data keeps its default severity: the `off` inside `__proto__` changed nothing.
    expect(hits(files, 'stale-data', LATER)).toEqual(['metrics/open-slots.yaml:12:10 warning', 'metrics/wait-days.yaml:11:10 warning']);
  });

  it('reports `__proto__` in a flow mapping and in a block mapping, next to real settings', () => {
    const flow = edit(validCatalog(), CONFIG, 'name: Test Clinic\n', 'name: Test Clinic\nrules: { stale-data: error, __proto__: off }\n');
    expect(errors(flow)).toEqual([`${at(flow, CONFIG, '__proto__')} unknown-rule`]);
    expect(hits(flow, 'stale-data', LATER)).toEqual(['metrics/open-slots.yaml:12:10 error', 'metrics/wait-days.yaml:11:10 error']);
    const block = withRules(validCatalog(), 'stale-data: error', '__proto__:', '  stale-data: off');
    expect(errors(block)).toEqual([`${CONFIG}:5:3 unknown-rule`]);
  });

  it('suggests the rule id a typo was meant to be', () => {
    const files = withRules(validCatalog(), 'futur-value: warn');
    expect(errors(files)).toEqual([`${CONFIG}:4:3 unknown-rule`]);
    expect(one(files, 'unknown-rule').hint).toBe('did you mean `future-value`?');
  });

  it('reports a loader diagnostic id: it is not a rule and cannot be configured', () => {
    const files = withRules(validCatalog(), 'data-row: off');
    expect(errors(files)).toEqual([`${CONFIG}:4:3 unknown-rule`]);
  });
});

describe('options of a rule', () => {
  it('reports `__proto__` among the options at its key, and keeps the options that were set', () => {
    const files = withRules(validCatalog(), 'too-many-metrics: { severity: warn, max: 3, __proto__: { max: 1 } }');
    expect(errors(files)).toEqual([`${at(files, CONFIG, '__proto__')} unknown-rule`]);
    const found = one(files, 'unknown-rule');
    expect(found.message).toBe('`too-many-metrics` has no option `__proto__`');
    expect(found.hint).toBe('its options are `max`');
    // `max: 1` inside `__proto__` would make the goal with two metrics too many; it does not apply.
    expect(hits(files, 'too-many-metrics')).toEqual([]);
  });

  it('reports `__proto__` and `constructor` as options in block style', () => {
    const files = withRules(validCatalog(), 'max-primary-per-goal:', '  severity: warn', '  __proto__: { max: 0 }', '  constructor: 2');
    expect(errors(files)).toEqual([`${CONFIG}:6:5 unknown-rule`, `${CONFIG}:7:5 unknown-rule`]);
  });

  it('reads an option only from the setting itself, never from a prototype', () => {
    const options = Object.create({ max: 1, words: ['followers'] }) as Record<string, unknown>;
    const read = ruleOptions('too-many-metrics', options);
    expect(read.count('max', 7)).toBe(7);
    expect(read.words('words', ['downloads'])).toEqual(['downloads']);
    expect(read.findings).toEqual([]);
  });
});

describe('rule settings as read by the runner', () => {
  it('come out of the config schema without prototypes', () => {
    const config = configSchema.parse({ name: 'x', rules: { 'too-many-metrics': { severity: 'warn', max: 3 }, 'stale-data': 'off' } });
    expect(Object.getPrototypeOf(config.rules)).toBe(null);
    expect(Object.getPrototypeOf(config.rules['too-many-metrics'])).toBe(null);
    expect(config.rules['constructor']).toBeUndefined();
    expect(config.rules['toString']).toBeUndefined();
    expect({ ...config.rules }).toEqual({ 'too-many-metrics': { severity: 'warn', max: 3 }, 'stale-data': 'off' });
  });

  it('ignore a setting inherited from a prototype', () => {
    // Two metrics on `access`: `too-many-metrics` with `max: 1` would fire.
    const loaded = loadCatalog(writeCatalog(edit(validCatalog(), 'metrics/open-slots.yaml', 'supports: [scheduling]', 'supports: [access, scheduling]')));
    // Settings whose prototype says `stale-data: off` and `too-many-metrics: { max: 1 }`: only own keys count.
    loaded.config.rules = Object.create({ 'stale-data': 'off', 'too-many-metrics': { severity: 'error', max: 1 } });
    const catalog = buildCatalog(loaded, LATER);
    const found = runRules(catalog, loaded, deriveCatalog(catalog)).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
    expect(found.filter((d) => d.endsWith('stale-data')).sort()).toEqual(['metrics/open-slots.yaml:12:10 warning stale-data', 'metrics/wait-days.yaml:11:10 warning stale-data']);
    expect(found.filter((d) => d.endsWith('too-many-metrics'))).toEqual([]);
  });

  it('finds no rule for a prototype name', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(RULES_BY_ID.get(id)).toBeUndefined();
  });
});

describe('both YAML readers', () => {
  const text = 'name: x\nrules:\n  __proto__: { stale-data: off }\n  too-many-metrics: { max: 3, __proto__: { max: 1 } }\n';

  it.each([
    ['js-yaml (fast)', () => parseFastYaml(text)!.value],
    ['yaml (careful)', () => parseYaml(CONFIG, text).value],
  ])('%s keeps `__proto__` as an own key and never as a prototype', (_, read) => {
    const { rules } = read() as { rules: Record<string, Record<string, unknown>> };
    expect(Object.keys(rules)).toEqual(['__proto__', 'too-many-metrics']);
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
    expect(Object.hasOwn(rules, 'stale-data')).toBe(false);
    expect((rules as Record<string, unknown>)['stale-data']).toBeUndefined();
    const options = rules['too-many-metrics']!;
    expect(Object.keys(options)).toEqual(['max', '__proto__']);
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
  });

  it('report a `__proto__` key in an otherwise valid entry, read first by the fast reader, at its key', () => {
    const files = { ...validCatalog() };
    files['metrics/wait-days.yaml'] += '__proto__: { status: retired }\n';
    expect(errors(files)).toEqual([`${at(files, 'metrics/wait-days.yaml', '__proto__')} unknown-field`]);
    // And through the config: the whole file goes through the careful reader, the keys as written reach the runner.
    const config = withRules(validCatalog(), '__proto__: warn');
    expect(analyze(config).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toContain(`${CONFIG}:4:3 unknown-rule`);
  });
});
