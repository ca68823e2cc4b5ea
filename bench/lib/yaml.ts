/**
 * Writes catalog entries as YAML in the style people write by hand (flow lists, small flow
 * maps, block lists of objects). Only what the generator produces is supported; any string that
 * could be read as something else is written as a JSON string, which YAML reads the same way.
 */
export type Scalar = string | number | boolean;
export type Value = Scalar | Scalar[] | Fields | Fields[];
export interface Fields {
  [key: string]: Value | undefined;
}

const KEYWORDS = /^(true|false|null|yes|no|on|off|~|y|n)$/i;
const NUMBER_LIKE = /^[-+.]?\d/;

function scalar(value: Scalar, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value; // dates stay plain, as people write them
  const plain =
    value !== '' &&
    value === value.trim() &&
    /^[A-Za-z(]/.test(value) &&
    !/[:#"'`{}[\]|>*&!%@\\\n]/.test(value) &&
    !(inFlow && value.includes(',')) &&
    !KEYWORDS.test(value) &&
    !NUMBER_LIKE.test(value);
  return plain ? value : JSON.stringify(value);
}

const isFields = (value: Value): value is Fields => typeof value === 'object' && !Array.isArray(value);
const allScalars = (fields: Fields) => Object.values(fields).every((v) => v === undefined || typeof v !== 'object');

function flow(value: Value): string {
  if (Array.isArray(value)) return `[${(value as Value[]).map(flow).join(', ')}]`;
  if (isFields(value)) {
    const parts = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${flow(v!)}`);
    return `{ ${parts.join(', ')} }`;
  }
  return scalar(value, true);
}

function field(key: string, value: Value, indent: string): string[] {
  if (Array.isArray(value) && value.length && isFields(value[0] as Value)) {
    const lines = [`${indent}${key}:`];
    for (const item of value as Fields[]) {
      if (allScalars(item)) {
        lines.push(`${indent}  - ${flow(item)}`);
        continue;
      }
      const [first, ...rest] = Object.entries(item).filter(([, v]) => v !== undefined);
      if (!first) continue;
      lines.push(`${indent}  - ${first[0]}: ${inline(first[1]!)}`);
      for (const [k, v] of rest) lines.push(`${indent}    ${k}: ${inline(v!)}`);
    }
    return lines;
  }
  if (isFields(value) && !allScalars(value)) {
    return [`${indent}${key}:`, ...Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : field(k, v, `${indent}  `)))];
  }
  // A map with a link in it reads better as a block than as one long flow line.
  if (isFields(value) && Object.values(value).some((v) => typeof v === 'string' && v.includes('://'))) {
    return [`${indent}${key}:`, ...Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [`${indent}  ${k}: ${scalar(v as Scalar, false)}`]))];
  }
  return [`${indent}${key}: ${inline(value)}`];
}

const inline = (value: Value) => (typeof value === 'object' ? flow(value) : scalar(value, false));

export function toYaml(fields: Fields): string {
  return Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : field(key, value, ''))).join('\n') + '\n';
}
