/**
 * The JSON Schema for editors and the format reference: generated from the zod schemas, faithful
 * to them where JSON Schema can say it, committed up to date, and named by every example file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReference } from '../../src/features/format-reference.ts';
import { generateJsonSchemas, observationJsonSchema, serializeJsonSchema, type JsonSchema } from '../../src/features/json-schema.ts';
import { loadCatalogConfig } from '../../src/core/load.ts';
import { CADENCES, DIRECTIONS, INDICATORS, METRIC_STATUSES, metricSchema } from '../../src/core/schemas/index.ts';
import { analyze, removeCatalogs, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { runCli, runCliInProcess } from '../helpers/cli.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const DEFAULTS = { levels: ['mission', 'strategy', 'department', 'team', 'individual'], perspectives: ['financial', 'customer', 'internal-process', 'learning-growth'] };
const schemas = generateJsonSchemas(DEFAULTS);
const metric = schemas['metric.json']!;
const temporary: string[] = [];

afterAll(() => {
  removeCatalogs();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-schema-'));
  temporary.push(dir);
  return dir;
}

const run = (script: string, ...args: string[]) => runCli(script, args);
/** `npm run schema`'s run, in this process. */
const schemaCli = (...args: string[]) => runCliInProcess('schema', args);

/** Every schema in a schema, with the path that leads to it. */
function* walk(schema: JsonSchema, path = '#'): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [name, field] of Object.entries(schema.properties ?? {})) yield* walk(field, `${path}/properties/${name}`);
  if (schema.items) yield* walk(schema.items, `${path}/items`);
  if (typeof schema.additionalProperties === 'object') yield* walk(schema.additionalProperties, `${path}/additionalProperties`);
  for (const [i, branch] of (schema.anyOf ?? []).entries()) yield* walk(branch, `${path}/anyOf/${i}`);
}

/**
 * What the editor would say about a document's top level, from the schema's structure: missing
 * required fields, unknown fields, values outside an enum, strings that miss a pattern. No JSON
 * Schema validator is installed, so this reads the keywords the generated schemas use.
 */
function topLevelProblems(schema: JsonSchema, doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of schema.required ?? []) if (!(name in doc)) problems.push(`missing ${name}`);
  for (const [name, value] of Object.entries(doc)) {
    const field = schema.properties?.[name];
    if (!field) {
      if (schema.additionalProperties === false) problems.push(`unknown ${name}`);
      continue;
    }
    if (field.enum && !field.enum.includes(value)) problems.push(`enum ${name}`);
    if (field.pattern && typeof value === 'string' && !new RegExp(field.pattern, 'u').test(value)) problems.push(`pattern ${name}`);
    if (field.type === 'array' && field.items?.pattern && Array.isArray(value) && value.some((v) => !new RegExp(field.items!.pattern!, 'u').test(String(v)))) problems.push(`pattern ${name}[]`);
  }
  return problems;
}

const validMetric = {
  name: 'Days to appointment',
  description: 'Median days from request to appointment.',
  why: 'waiting is what patients feel first.',
  supports: ['timely-access'],
  indicator: 'lagging',
  owner: 'scheduling-team',
  unit: 'days',
  direction: 'down',
  formula: 'median(appointment_date - request_date)',
  source: { system: 'Epic' },
  cadence: 'weekly',
};

describe('the metric JSON Schema', () => {
  it('is draft-07 with an id, a title, a description and no unknown fields', () => {
    expect(metric.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(metric.$id).toBe('metric.json');
    expect(metric.title).toBe('Plumbline metric');
    expect(metric.description).toMatch(/KPI/);
    expect(metric.type).toBe('object');
    expect(metric.additionalProperties).toBe(false);
  });

  it('requires exactly the fields zod requires, and leaves defaulted ones optional with their default', () => {
    expect(metric.required).toEqual(['name', 'description', 'why', 'indicator', 'owner', 'unit', 'direction', 'formula', 'cadence']);
    expect(Object.keys(metric.properties!)).toEqual(Object.keys(metricSchema.shape));
    expect(metric.properties!.status!.default).toBe('active');
    expect(metric.properties!.primary!.default).toBe(false);
  });

  it('lists the allowed values of every enum', () => {
    expect(metric.properties!.indicator!.enum).toEqual([...INDICATORS]);
    expect(metric.properties!.direction!.enum).toEqual([...DIRECTIONS]);
    expect(metric.properties!.cadence!.enum).toEqual([...CADENCES]);
    expect(metric.properties!.status!.enum).toEqual([...METRIC_STATUSES]);
    expect(metric.properties!.triggers!.items!.properties!.when!.anyOf).toHaveLength(3);
  });

  it('describes every property of every schema, at every depth', () => {
    for (const [fileName, schema] of Object.entries(schemas)) {
      const undescribed = [...walk(schema)].flatMap(([path, s]) => Object.entries(s.properties ?? {}).filter(([, field]) => !field.description).map(([name]) => `${fileName}${path}/properties/${name}`));
      expect(undescribed).toEqual([]);
    }
  });

  it('closes every object the way zod strict objects do (only rule options stay open)', () => {
    for (const [fileName, schema] of Object.entries(schemas)) {
      const open = [...walk(schema)].filter(([, s]) => s.type === 'object' && s.properties && s.additionalProperties !== false).map(([path]) => `${fileName}${path}`);
      expect(open).toEqual(fileName === 'config.json' ? ['config.json#/properties/rules/additionalProperties/anyOf/1'] : []);
    }
  });

  const cases: { name: string; doc: Record<string, unknown>; editor: string[] }[] = [
    { name: 'a complete metric', doc: validMetric, editor: [] },
    { name: 'a missing field', doc: { ...validMetric, why: undefined }, editor: ['missing why'] },
    { name: 'a misspelled field', doc: { ...validMetric, ownr: 'x' }, editor: ['unknown ownr'] },
    { name: 'a value outside the enum', doc: { ...validMetric, direction: 'sideways' }, editor: ['enum direction'] },
    { name: 'an id that is not kebab-case', doc: { ...validMetric, owner: 'Scheduling_Team' }, editor: ['pattern owner'] },
    { name: 'a goal id that is not kebab-case', doc: { ...validMetric, supports: ['Timely Access'] }, editor: ['pattern supports[]'] },
  ];
  for (const { name, doc, editor } of cases) {
    it(`agrees with zod on ${name}`, () => {
      const cleaned = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      expect(metricSchema.safeParse(cleaned).success).toBe(editor.length === 0);
      expect(topLevelProblems(metric, cleaned)).toEqual(editor);
    });
  }

  it('carries zod’s patterns: impossible dates and non-http links fail in the editor too', () => {
    const date = new RegExp(metric.properties!.baseline!.properties!.date!.pattern!, 'u');
    const url = new RegExp(metric.properties!.source!.properties!.url!.pattern!, 'u');
    for (const [value, ok] of [['2026-02-28', true], ['2028-02-29', true], ['2026-02-30', false], ['2026-13-01', false], ['31/03/2026', false]] as const) {
      expect(date.test(value), value).toBe(ok);
      expect(metricSchema.safeParse({ ...validMetric, baseline: { value: 1, date: value } }).success, value).toBe(ok);
    }
    for (const [value, ok] of [['https://reports.example.org/x', true], ['http://reports.example.org/x', true], ['javascript:alert(1)', false], ['ftp://reports.example.org/x', false]] as const) {
      expect(url.test(value), value).toBe(ok);
      expect(metricSchema.safeParse({ ...validMetric, source: { system: 'Epic', url: value } }).success, value).toBe(ok);
    }
  });

  it('leaves out refinements JSON Schema cannot express, without failing: zod alone enforces them', () => {
    const { supports: _supports, ...withoutSupports } = validMetric;
    expect(topLevelProblems(metric, withoutSupports)).toEqual([]);
    expect(metricSchema.safeParse(withoutSupports).success).toBe(false);
    expect(JSON.stringify(schemas)).not.toMatch(/"(if|then|not)"/);
  });
});

describe('the goal JSON Schema', () => {
  it('offers the configured levels and perspectives', () => {
    const custom = generateJsonSchemas({ levels: ['vision', 'pillar', 'squad'], perspectives: ['people', 'planet'] })['goal.json']!;
    expect(custom.properties!.level!.enum).toEqual(['vision', 'pillar', 'squad']);
    expect(custom.properties!.perspective!.enum).toEqual(['people', 'planet']);
    expect(custom.required).toEqual(['title', 'level', 'owner']);
  });

  it('as committed, lists the levels of the example catalog', () => {
    const { config, diagnostics } = loadCatalogConfig(PROJECT_ROOT);
    expect(diagnostics).toEqual([]);
    const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'public/schema/goal.json'), 'utf8')) as JsonSchema;
    expect(committed.properties!.level!.enum).toEqual(config.levels);
    expect(committed.properties!.perspective!.enum).toEqual(config.perspectives);
  });
});

describe('generated files', () => {
  it('are deterministic: fixed keyword order, 2-space JSON, a final newline', () => {
    const again = generateJsonSchemas(DEFAULTS);
    for (const [fileName, schema] of Object.entries(schemas)) {
      const text = serializeJsonSchema(schema);
      expect(text).toBe(serializeJsonSchema(again[fileName]!));
      expect(text.endsWith('}\n')).toBe(true);
      expect(text.split('\n')[1]).toBe('  "$schema": "http://json-schema.org/draft-07/schema#",');
      expect(Object.keys(schema).slice(0, 6)).toEqual(['$schema', '$id', '$comment', 'title', 'description', 'type']);
    }
    expect(Object.keys(schemas)).toEqual(['config.json', 'goal.json', 'metric.json', 'owner.json', 'initiative.json']);
  });

  it('include a reference with a row for every field, marked as generated', () => {
    const reference = generateReference(schemas, observationJsonSchema());
    expect(reference.split('\n')[0]).toMatch(/^<!-- Generated by `plumbline schema`.*Do not edit by hand/);
    for (const name of Object.keys(metric.properties!)) expect(reference).toContain(`| \`${name}\` |`);
    expect(reference).toContain('| `source.url` | http(s) URL | optional |');
    expect(reference).toContain('| `status` | one of `proposed`, `active`, `retired` | optional, default `active` |');
    expect(reference).toContain('| `level` | one of `mission`, `strategy`, `department`, `team`, `individual` | required |');
    expect(reference).toContain('| `triggers[].when.change` |');
  });

  it('are committed up to date: `npm run schema -- --check` passes on the repository', () => {
    // The wiring: the one test that starts Node, the way `npm run schema` does.
    const result = run('src/cli/schema.ts', '--check', '--dir', PROJECT_ROOT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('--check names what is missing or out of date, and writing fixes it', async () => {
    const out = tempDir();
    const docs = join(out, 'reference.md');
    const args = ['--dir', PROJECT_ROOT, '--out', out, '--docs', docs];
    expect((await schemaCli(...args)).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['config.json', 'goal.json', 'initiative.json', 'metric.json', 'owner.json', 'reference.md']);
    expect((await schemaCli(...args, '--check')).status).toBe(0);
    writeFileSync(join(out, 'metric.json'), '{}\n');
    rmSync(docs);
    const stale = await schemaCli(...args, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/metric\.json/);
    expect(stale.stderr).toMatch(/reference\.md \(missing\)/);
    expect(stale.stderr).not.toMatch(/goal\.json/);
    expect((await schemaCli(...args)).status).toBe(0);
    expect((await schemaCli(...args, '--check')).status).toBe(0);
  });

  it('take the goal levels from the catalog given by --dir, and refuse a broken config', async () => {
    const catalog = writeCatalog({ 'catalog.config.yaml': 'name: Test\nlevels: [vision, squad]\n' });
    const out = tempDir();
    expect((await schemaCli('--dir', catalog, '--out', out, '--docs', join(out, 'reference.md'))).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'goal.json'), 'utf8')).properties.level.enum).toEqual(['vision', 'squad']);
    const broken = writeCatalog({ 'catalog.config.yaml': 'name: Test\nlevel: [vision]\n' });
    const result = await schemaCli('--dir', broken, '--out', out, '--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/catalog\.config\.yaml:2:1 error unknown-field/);
  });
});

describe('schema comments', () => {
  const MODELINE = '# yaml-language-server: $schema=';
  const KINDS: Record<string, string> = { goals: 'goal', metrics: 'metric', owners: 'owner', initiatives: 'initiative' };

  function entryFiles(root: string): { path: string; folder: string }[] {
    return Object.keys(KINDS).flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => ({ path: posix.join(relative(root, d.parentPath).split('\\').join('/'), d.name), folder })),
    );
  }

  it('name the right schema on the first line of every YAML file of the example catalog, and not in .mdx', () => {
    const files = entryFiles(PROJECT_ROOT);
    expect(files.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { path, folder } of [...files, { path: 'catalog.config.yaml', folder: '' }]) {
      const first = readFileSync(join(PROJECT_ROOT, path), 'utf8').split('\n')[0]!;
      const kind = folder ? KINDS[folder] : 'config';
      const expected = `${MODELINE}${posix.relative(posix.dirname(path), 'public/schema')}/${kind}.json`;
      if (path.endsWith('.mdx') ? first.startsWith('#') : first !== expected) wrong.push(`${path}: ${first}`);
    }
    expect(wrong).toEqual([]);
    expect(readFileSync(join(PROJECT_ROOT, 'metrics/access/no-show-rate.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/public\/schema\/metric\.json\n/);
    expect(readFileSync(join(PROJECT_ROOT, 'catalog.config.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=public\/schema\/config\.json\n/);
  });

  it('are added idempotently by scripts/add-schema-comments.ts, replacing an old one and keeping CRLF', () => {
    const files = validCatalog();
    files['metrics/nested/deep/wait-days.yaml'] = files['metrics/wait-days.yaml']!;
    delete files['metrics/wait-days.yaml'];
    files['owners/ops.yaml'] = `${MODELINE}https://old.example.org/owner.json\r\nname: Operations\r\nkind: team\r\n`;
    files['goals/access.mdx'] = `---\ntitle: Seen within a week\nlevel: strategy\nparent: mission\nowner: ops\n---\nWhy it matters.\n`;
    delete files['goals/access.yaml'];
    const root = writeCatalog(files);
    const schemasDir = join(PROJECT_ROOT, 'public/schema');
    expect(run('scripts/add-schema-comments.ts', '--dir', root, '--check').status).toBe(1);
    expect(run('scripts/add-schema-comments.ts', '--dir', root).status).toBe(0);
    const first = (path: string) => readFileSync(join(root, path), 'utf8').split('\n')[0];
    expect(first('metrics/nested/deep/wait-days.yaml')).toBe(`${MODELINE}${relative(join(root, 'metrics/nested/deep'), join(schemasDir, 'metric.json'))}`);
    expect(readFileSync(join(root, 'owners/ops.yaml'), 'utf8')).toBe(`${MODELINE}${relative(join(root, 'owners'), join(schemasDir, 'owner.json'))}\r\nname: Operations\r\nkind: team\r\n`);
    expect(first('goals/access.mdx')).toBe('---');
    const before = readFileSync(join(root, 'metrics/open-slots.yaml'), 'utf8');
    const again = run('scripts/add-schema-comments.ts', '--dir', root);
    expect(again.stdout).toMatch(/^0 of 8 YAML files updated/);
    expect(readFileSync(join(root, 'metrics/open-slots.yaml'), 'utf8')).toBe(before);
    expect(run('scripts/add-schema-comments.ts', '--dir', root, '--check').status).toBe(0);
    expect(run('scripts/add-schema-comments.ts', '--dir', root, '--schemas', 'https://metrics.example.org/schema').status).toBe(0);
    expect(first('goals/mission.yaml')).toBe(`${MODELINE}https://metrics.example.org/schema/goal.json`);
  });

  it('are plain comments to the loader: no diagnostics, and diagnostics keep their lines', () => {
    const files = validCatalog();
    for (const path of Object.keys(files)) if (path.endsWith('.yaml')) files[path] = `${MODELINE}../public/schema/x.json\n${files[path]}`;
    expect(analyze(files).diagnostics).toEqual([]);
    const broken = files['metrics/open-slots.yaml']!.replace('direction: up', 'direction: sideways').replace('owner: ana', 'ownr: ana');
    const lineOf = (prefix: string) => broken.split('\n').findIndex((line) => line.startsWith(prefix)) + 1;
    expect(lineOf('ownr:')).toBe(8);
    const found = analyze({ ...files, 'metrics/open-slots.yaml': broken }).diagnostics.filter((d) => d.file === 'metrics/open-slots.yaml');
    // The whole-entry problem points at the first field, below the comment.
    expect(found.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['2:1 missing-field', `${lineOf('ownr:')}:1 unknown-field`, `${lineOf('direction:')}:12 invalid-value`]);
  });
});
