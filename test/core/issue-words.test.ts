/**
 * One set of words for a zod issue: the sentence `check` prints and the brief the /propose/ form
 * shows beside the control, from the same function, so both say the same about the same mistake.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueWords, ruleParams, type IssueWords } from '../../src/core/issue-words.ts';
import { parseYaml } from '../../src/core/read/yaml.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { validateEntry } from '../../src/core/validate.ts';
import { checkProposal } from '../../src/site/propose.ts';

const SRC = join(import.meta.dirname, '../../src');

const METRIC = {
  name: 'Open slots',
  description: 'Same-week slots open on Monday morning.',
  why: 'open slots today are short waits next week.',
  supports: ['scheduling'],
  indicator: 'leading',
  owner: 'ana',
  unit: 'count',
  direction: 'up',
  formula: 'count of open same-week slots',
  source: { system: 'Epic' },
  cadence: 'weekly',
};

function wordsFor(data: Record<string, unknown>): IssueWords[] {
  const result = metricSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => issueWords(issue, metricSchema, data));
}

describe('issueWords', () => {
  it('says a field is required, at the mapping that lacks it, with the hint kept beside the field', () => {
    const { owner: _, ...data } = METRIC;
    expect(wordsFor(data)).toEqual([{ path: ['owner'], at: 'parent', rule: 'missing-field', message: '`owner` is required', brief: 'required', hint: 'name an owner id from owners/' }]);
  });

  it('offers the choices of a missing enum as its hint', () => {
    const { direction: _, ...data } = METRIC;
    expect(wordsFor(data)[0]).toMatchObject({ rule: 'missing-field', hint: 'set it to one of up, down, range' });
  });

  it('says a field has no value, at its key', () => {
    expect(wordsFor({ ...METRIC, source: null })).toEqual([{ path: ['source'], at: 'key', rule: 'missing-field', message: '`source` has no value', brief: 'has no value', hint: 'say where the number comes from: `source: { system: …, url: https://… }`' }]);
  });

  it('names the choices and the value given, and the closest choice', () => {
    expect(wordsFor({ ...METRIC, cadence: 'wekly' })).toEqual([
      { path: ['cadence'], at: 'value', rule: 'invalid-value', message: '`cadence` must be one of daily, weekly, monthly, quarterly, yearly; got "wekly"', brief: 'must be one of daily|weekly|monthly|quarterly|yearly', hint: 'did you mean `weekly`?' },
    ]);
  });

  it('reports an unknown field at its key, with the field that was meant', () => {
    expect(wordsFor({ ...METRIC, source: { sytem: 'Epic' } })).toContainEqual({ path: ['source', 'sytem'], at: 'key', rule: 'unknown-field', message: 'unknown field `sytem` in `source`', brief: 'unknown field `sytem`', hint: 'did you mean `system`?' });
  });

  it('looks into the branch of a union that fits the value', () => {
    expect(wordsFor({ ...METRIC, target: { value: 'forty', by: '2026-12-31' } })).toEqual([
      { path: ['target', 'value'], at: 'value', rule: 'invalid-type', message: '`target.value` must be a number; got "forty"', brief: 'must be a number' },
    ]);
    expect(wordsFor({ ...METRIC, triggers: [{ when: { below: undefined }, action: 'Release slots.' }] })).toMatchObject([{ path: ['triggers', 0, 'when', 'below'], rule: 'missing-field', brief: 'required' }]);
  });

  it('names the rule a refinement gives, and says its message as it is', () => {
    expect(wordsFor({ ...METRIC, thresholds: { green: 10, red: 20 } })).toEqual([
      { path: ['thresholds', 'green'], at: 'value', rule: 'thresholds-direction', message: 'with direction up, green (10) must be at or above red (20)', brief: 'with direction up, green (10) must be at or above red (20)' },
    ]);
  });

  it('gives formats their own rules', () => {
    expect(wordsFor({ ...METRIC, source: { system: 'Epic', url: 'javascript:alert(1)' } })[0]).toMatchObject({ rule: 'invalid-url', brief: 'must be an http:// or https:// link' });
    expect(wordsFor({ ...METRIC, baseline: { value: 3, date: '2026-02-30' } })[0]).toMatchObject({ rule: 'invalid-date', brief: 'must be a real date written YYYY-MM-DD, like 2026-03-31' });
  });
});

describe('ruleParams', () => {
  it('carries a rule, and a hint only when there is one', () => {
    expect(ruleParams('invalid-target')).toEqual({ rule: 'invalid-target' });
    expect(Object.keys(ruleParams('invalid-target'))).toEqual(['rule']);
    expect(ruleParams('trusted-setting', 'remove it')).toEqual({ rule: 'trusted-setting', hint: 'remove it' });
  });
});

describe('check and the /propose/ form', () => {
  /** The metric as a file, through the reader and validator `check` uses. */
  function checked(data: Record<string, unknown>) {
    const text = Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
    const parsed = parseYaml('metrics/open-slots.yaml', text);
    return validateEntry(metricSchema, parsed.value, parsed.source).diagnostics;
  }

  it.each([
    ['a wrong kind of value', { target: { value: 'forty', by: '2026-12-31' } }, 'target.value', 'must be a number'],
    ['a link that is not one', { source: { system: 'Epic', url: 'ftp://reports' } }, 'source.url', 'must be an http:// or https:// link'],
    ['a date that does not exist', { baseline: { value: 31, date: '2026-02-30' } }, 'baseline.date', 'must be a real date written YYYY-MM-DD, like 2026-03-31'],
    ['an empty list', { target: [] }, 'target.value', 'must list at least one target'],
  ])('say the same about %s', (_, change, control, brief) => {
    const data = { ...METRIC, ...change };
    const form = checkProposal({ id: 'open-slots', data });
    // The form names the field first ("Source link must be …") and may add how to fix it; the words for the mistake are check's.
    expect(form).toEqual([{ field: control, message: expect.stringContaining(brief) }]);
    const [diagnostic, ...rest] = checked(data);
    expect(rest).toEqual([]);
    expect(diagnostic!.message).toContain(brief);
  });
});

describe('in the browser', () => {
  /** Every module `entry` loads at run time (type-only imports are erased), by path from src/. */
  function runtimeImports(entry: string): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    const pending = [entry];
    while (pending.length) {
      const file = pending.pop()!;
      if (graph.has(file)) continue;
      const text = readFileSync(join(SRC, file), 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
      graph.set(file, specifiers);
      for (const specifier of specifiers) if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier));
    }
    return graph;
  }

  it('the /propose/ form and the words it shares load no Node module', () => {
    const graph = runtimeImports('site/propose.ts');
    expect(graph.has('core/issue-words.ts')).toBe(true);
    const nodeOnly = [...graph].flatMap(([file, specifiers]) => specifiers.filter((s) => s.startsWith('node:') || builtinModules.includes(s)).map((s) => `${file} → ${s}`));
    expect(nodeOnly).toEqual([]);
  });
});
