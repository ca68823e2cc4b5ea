import { describe, expect, it } from 'vitest';
import { problem, START_OF_FILE } from '../../src/core/diagnostics.ts';

describe('problem', () => {
  it('takes its severity from the loader table', () => {
    expect(problem('yaml-syntax', 'goals/a.yaml', START_OF_FILE, 'm').severity).toBe('error');
    expect(problem('hidden-file', 'goals/.a.yaml', START_OF_FILE, 'm').severity).toBe('warning');
  });

  it('reports a graph rule the schemas check while reading as an error', () => {
    expect(problem('goal-parent', 'goals/a.yaml', START_OF_FILE, 'm').severity).toBe('error');
  });

  it('has the shape every format prints, in its order, and no hint key without a hint', () => {
    const span = { line: 3, column: 5, endLine: 3, endColumn: 9 };
    expect(problem('unknown-field', 'metrics/a.yaml', span, 'unknown field `onwer`', 'did you mean `owner`?')).toEqual({ file: 'metrics/a.yaml', ...span, severity: 'error', rule: 'unknown-field', message: 'unknown field `onwer`', hint: 'did you mean `owner`?' });
    expect(Object.keys(problem('unknown-field', 'metrics/a.yaml', span, 'm', 'h'))).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'hint']);
    expect(Object.keys(problem('invalid-type', 'metrics/a.yaml', span, 'm'))).not.toContain('hint');
  });

  it('copies only the position of the span it is given', () => {
    const other = problem('encoding', 'x.yaml', { line: 2, column: 1, endLine: 2, endColumn: 2 }, 'first', 'fix');
    const found = problem('too-many-problems', 'y.yaml', other, 'second');
    expect(found).toEqual({ file: 'y.yaml', line: 2, column: 1, endLine: 2, endColumn: 2, severity: 'error', rule: 'too-many-problems', message: 'second' });
  });
});
