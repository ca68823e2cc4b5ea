import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hintAt, keysAt, schemaAt } from '../../src/core/schema-walk.ts';
import { configSchema } from '../../src/core/schemas/config.ts';
import { goalSchema } from '../../src/core/schemas/goal.ts';
import { initiativeSchema } from '../../src/core/schemas/initiative.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { ownerSchema } from '../../src/core/schemas/owner.ts';

const OWNER_HINT = 'name an owner id from owners/';

describe('field hints kept beside the fields', () => {
  it('are found on the metric fields that carry one', () => {
    expect(hintAt(metricSchema, ['why'])).toBe('complete the sentence "This metric matters because …"');
    expect(hintAt(metricSchema, ['supports'])).toBe('name the goal ids this metric measures progress toward, like `supports: [timely-access]`');
    expect(hintAt(metricSchema, ['source'])).toBe('say where the number comes from: `source: { system: …, url: https://… }`');
    expect(hintAt(metricSchema, ['owner'])).toBe(OWNER_HINT);
  });

  it('go with every owner field, however it is wrapped, and nowhere else', () => {
    expect(hintAt(goalSchema(), ['owner'])).toBe(OWNER_HINT);
    expect(hintAt(initiativeSchema, ['owner'])).toBe(OWNER_HINT);
    expect(hintAt(metricSchema, ['triggers', 0, 'owner'])).toBe(OWNER_HINT);
    expect(hintAt(ownerSchema, ['parent'])).toBeUndefined();
    expect(hintAt(metricSchema, ['name'])).toBeUndefined();
    expect(hintAt(metricSchema, ['source', 'system'])).toBeUndefined();
  });

  it('stay out of the JSON Schema', () => {
    const json = JSON.stringify(z.toJSONSchema(metricSchema, { io: 'input' }));
    expect(json).toContain('Owner id accountable for the metric.');
    expect(json).not.toContain(OWNER_HINT);
    expect(json).not.toContain('"hint"');
  });
});

describe('a schema followed down a path', () => {
  it('lists the fields of the mapping at a path, through lists and unions', () => {
    expect(keysAt(metricSchema, ['source'])).toEqual(['system', 'url']);
    expect(keysAt(metricSchema, ['target'])).toEqual(['value', 'min', 'max', 'by']);
    expect(keysAt(metricSchema, ['target', 1])).toEqual(['value', 'min', 'max', 'by']);
    expect(keysAt(metricSchema, ['triggers', 0, 'when'])).toEqual(['above', 'below', 'change', 'over']);
  });

  it('finds nothing for a field the schema does not have, inherited names included', () => {
    expect(schemaAt(metricSchema, ['nope'])).toBeUndefined();
    expect(schemaAt(metricSchema, ['constructor'])).toBeUndefined();
    expect(keysAt(metricSchema, ['__proto__'])).toEqual([]);
    expect(hintAt(configSchema, ['rules', 'constructor'])).toBeUndefined();
  });
});
