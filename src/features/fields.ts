/**
 * Field-level comparison of two versions of an entry's data, shared by the catalog diff and the
 * change history: nested mappings are compared field by field (`thresholds.red`), lists and
 * values as a whole, with deep equality, so reordering keys or reformatting YAML changes nothing.
 */

export interface FieldChange {
  /** Dotted path of the field, such as `thresholds.red`; `body` is the narrative of an `.mdx` entry. */
  field: string;
  /** The value before; `undefined` when the field was not set. */
  before: unknown;
  /** The value after; `undefined` when the field is no longer set. */
  after: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** Every field whose value differs, in the order the fields appear (after's order, then removed ones). */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (deepEqual(before, after)) return [];
  if (!isPlainObject(before) || !isPlainObject(after)) return [{ field: prefix || '(value)', before, after }];
  const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (deepEqual(a, b)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(a) && isPlainObject(b)) changes.push(...fieldChanges(a, b, field));
    else changes.push({ field, before: a, after: b });
  }
  return changes;
}
