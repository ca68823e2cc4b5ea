/**
 * JSON Schema for editors, generated from the catalog's zod schemas (never written by hand).
 * The VS Code YAML extension reads draft-07, and an editor sees what an author types, so the
 * schemas are the *input* side: defaulted fields are optional and show their default.
 *
 * What JSON Schema cannot say is left to `npm run check`: refinements across fields (a metric's
 * `supports` while active, a goal's `parent` below the top level, target bands), unique lists,
 * and every reference between files.
 */
import { z } from 'zod';
import { configSchema } from '../core/schemas/config.ts';
import { ENTRY_KINDS, schemasFor, type EntryKind, type SchemaShape } from '../core/kinds.ts';
import { observationSchema } from '../core/schemas/observation.ts';

/** A JSON Schema (draft-07) as plain data. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $comment?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  propertyNames?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [keyword: string]: unknown;
}

export type SchemaKind = 'config' | EntryKind;
export const SCHEMA_KINDS: readonly SchemaKind[] = ['config', ...ENTRY_KINDS];

export interface SchemaKindInfo {
  /** The file name under public/schema/ (and /schema/ on the published site). */
  fileName: string;
  title: string;
  /** Which catalog files the schema is for, as Markdown. */
  files: string;
  summary: string;
}

/** Each kind's schema file and how the editor and the reference introduce it. */
export const SCHEMA_KIND_INFO: Record<SchemaKind, SchemaKindInfo> = {
  config: {
    fileName: 'config.json',
    title: 'Plumbline catalog config',
    files: '`catalog.config.yaml` at the catalog root',
    summary: 'The organisation, its cascade levels, perspectives and rule settings.',
  },
  goal: {
    fileName: 'goal.json',
    title: 'Plumbline goal',
    files: '`goals/<id>.yaml`, or the frontmatter of `goals/<id>.mdx`',
    summary: 'One objective of the cascade. Its levels and perspectives are the ones configured in catalog.config.yaml.',
  },
  metric: {
    fileName: 'metric.json',
    title: 'Plumbline metric',
    files: '`metrics/<id>.yaml`, or the frontmatter of `metrics/<id>.mdx`',
    summary: 'One KPI definition.',
  },
  owner: {
    fileName: 'owner.json',
    title: 'Plumbline owner',
    files: '`owners/<id>.yaml`',
    summary: 'A team or a person who owns goals, metrics and initiatives.',
  },
  initiative: {
    fileName: 'initiative.json',
    title: 'Plumbline initiative',
    files: '`initiatives/<id>.yaml`, or the frontmatter of `initiatives/<id>.mdx`',
    summary: 'A project and the metrics it is designed to move.',
  },
};

const GENERATED_NOTE = 'Generated from the zod schemas in src/core/schemas/ by `plumbline schema`; do not edit by hand. Rules across fields and references between files are checked by `plumbline check`.';

/** The zod schema behind each kind; the goal schema is made from the configured levels and perspectives. */
export function catalogZodSchemas(options: SchemaShape): Record<SchemaKind, z.ZodType> {
  return { config: configSchema, ...schemasFor(options) };
}

/** Every editor schema by file name (`metric.json`, …), in a fixed order. */
export function generateJsonSchemas(options: SchemaShape): Record<string, JsonSchema> {
  const zodSchemas = catalogZodSchemas(options);
  const result: Record<string, JsonSchema> = {};
  for (const kind of SCHEMA_KINDS) {
    const info = SCHEMA_KIND_INFO[kind];
    result[info.fileName] = canonical({
      ...toJsonSchema(zodSchemas[kind]),
      $id: info.fileName,
      $comment: GENERATED_NOTE,
      title: info.title,
      description: `${info.summary} File: ${info.files.replaceAll('`', '')}.`,
    });
  }
  return result;
}

/** The columns of `data/<metric-id>.csv` as a JSON Schema, for the format reference (editors do not read CSV). */
export function observationJsonSchema(): JsonSchema {
  return canonical(toJsonSchema(observationSchema));
}

/**
 * One zod schema as draft-07 input JSON Schema. A zod `.superRefine()` has no JSON Schema form
 * and is left out (zod skips custom checks); an http(s)-only URL gets a `pattern` for its
 * protocol, which zod would otherwise drop, so `javascript:` links are flagged in the editor too.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; format?: string; protocol?: unknown };
      if (def.type === 'string' && def.format === 'url' && def.protocol instanceof RegExp && jsonSchema.pattern === undefined) {
        jsonSchema.pattern = protocolPattern(def.protocol);
      }
    },
  }) as JsonSchema;
}

/** `/^https?$/` (a protocol without its colon) as a pattern for the whole URL: `^(?:https?):`. */
export function protocolPattern(protocol: RegExp): string {
  const inner = protocol.source.replace(/^\^/, '').replace(/\$$/, '');
  return `^(?:${inner}):`;
}

/** The text of a schema file: 2-space JSON and a final newline, so it diffs cleanly. */
export function serializeJsonSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Keywords in one fixed order, whatever order zod happened to emit them in (it puts
 * `description` before or after `type` depending on how a field is wrapped). Field names keep the
 * order of the zod schema, which is the order of the format documentation.
 */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'propertyNames',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'default',
  'definitions',
  '$ref',
];
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains', 'additionalItems']);
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

function rank(keyword: string): number {
  const i = KEYWORD_ORDER.indexOf(keyword);
  return i < 0 ? KEYWORD_ORDER.length : i;
}

export function canonical(schema: JsonSchema): JsonSchema {
  const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: JsonSchema = {};
  for (const key of keys) {
    const value = schema[key];
    if (SCHEMA_KEYWORDS.has(key) && isSchema(value)) out[key] = canonical(value);
    else if (SCHEMA_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((v) => (isSchema(v) ? canonical(v) : v));
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((v) => (isSchema(v) ? canonical(v) : v));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && isSchema(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, v]) => [name, isSchema(v) ? canonical(v) : v]));
    else out[key] = value;
  }
  return out;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
