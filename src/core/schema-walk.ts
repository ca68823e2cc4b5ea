/**
 * A zod schema followed down a field path, the way an issue's path goes: into mappings by key,
 * into lists by index, into the branch of a union that has the segment's shape. What "did you
 * mean" and a field's hint need to know about the field a problem is at.
 */
import type { z } from 'zod';
import { fieldHints } from './schemas/field-hints.ts';

type Def = Record<string, unknown>;
type Path = readonly (string | number)[];

const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** A field's schema and what it wraps, outermost first: `.optional()`, `.default()`, a transform's input, then the field itself. */
function layersOf(schema: unknown): unknown[] {
  const layers: unknown[] = [];
  let current = schema as { _zod?: { def: Def } } | undefined;
  for (let guard = 0; guard < 20 && current?._zod; guard++) {
    layers.push(current);
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType as typeof current;
    else if (def.type === 'pipe') current = def.in as typeof current;
    else break;
  }
  return layers;
}

const unwrap = (schema: unknown) => layersOf(schema).at(-1) ?? schema;

/** The schema of the field at `path`, or undefined when the schema has no such field. */
export function schemaAt(schema: z.ZodType, path: Path): unknown {
  let node: unknown = schema;
  for (const segment of path) {
    let def = defOf(unwrap(node));
    // A union (`target: {…} | [{…}]`) is entered through the option of the segment's shape, then stepped into.
    if (def.type === 'union') {
      node = (def.options as unknown[]).find((o) => defOf(unwrap(o)).type === (typeof segment === 'number' ? 'array' : 'object'));
      if (!node) return undefined;
      def = defOf(unwrap(node));
    }
    if (def.type === 'object' && typeof segment === 'string' && Object.hasOwn(def.shape as object, segment)) node = (def.shape as Record<string, unknown>)[segment];
    else if (def.type === 'array') node = def.element;
    else return undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The field names a strict object accepts at a path, for "did you mean". */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const node = schemaAt(schema, path);
  if (node === undefined) return [];
  const def = defOf(unwrap(node));
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap((o) => keysAt(o, [])))];
  return [];
}

/** The hint the schema keeps beside the field at `path`, on the field or on any wrapper around it. */
export function hintAt(schema: z.ZodType, path: Path): string | undefined {
  for (const layer of layersOf(schemaAt(schema, path))) {
    const hint = fieldHints.get(layer as z.ZodType)?.hint;
    if (hint !== undefined) return hint;
  }
  return undefined;
}
