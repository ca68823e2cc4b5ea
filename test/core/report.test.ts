import { describe, expect, it } from 'vitest';
import type { Diagnostic, RuleId } from '../../src/core/diagnostics.ts';
import { formatDiagnostic, formatGithub, formatJson, formatReport, formatText, summary } from '../../src/features/report.ts';

const error: Diagnostic = {
  file: 'metrics/wait-days.yaml',
  line: 4,
  column: 1,
  endLine: 4,
  endColumn: 5,
  severity: 'error',
  rule: 'unknown-field',
  message: 'unknown field `ownr`',
  hint: 'did you mean `owner`?',
};
const warning: Diagnostic = { file: 'goals/access.yaml', line: 2, column: 8, endLine: 2, endColumn: 16, severity: 'warning', rule: 'lead-and-lag', message: 'no leading metric' };

const many = (errors: number, warnings: number) => [...Array<Diagnostic>(errors).fill(error), ...Array<Diagnostic>(warnings).fill(warning)];

describe('summary', () => {
  it.each([
    [2, 5, 61, '2 errors, 5 warnings in 61 files'],
    [1, 1, 1, '1 error, 1 warning in 1 file'],
    [0, 0, 0, '0 errors, 0 warnings in 0 files'],
    [0, 2, 11, '0 errors, 2 warnings in 11 files'],
  ])('counts %i errors and %i warnings in %i files', (errors, warnings, files, text) => {
    expect(summary(many(errors, warnings), files)).toBe(text);
  });
});

describe('text', () => {
  it('prints path:line:column severity rule-id message', () => {
    expect(formatDiagnostic(error)).toBe('metrics/wait-days.yaml:4:1 error unknown-field unknown field `ownr`');
    expect(formatDiagnostic(warning)).toBe('goals/access.yaml:2:8 warning lead-and-lag no leading metric');
  });

  it('puts each hint on its own indented line and ends with the summary', () => {
    expect(formatText([error, warning], 11)).toBe(
      [
        'metrics/wait-days.yaml:4:1 error unknown-field unknown field `ownr`',
        '  hint: did you mean `owner`?',
        'goals/access.yaml:2:8 warning lead-and-lag no leading metric',
        '1 error, 1 warning in 11 files',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when all is well', () => {
    expect(formatReport('text', [], 11)).toBe('0 errors, 0 warnings in 11 files\n');
  });
});

describe('json', () => {
  it('is a JSON array of objects with exactly the diagnostic keys, hint null when absent', () => {
    const parsed = JSON.parse(formatJson([error, warning])) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    for (const row of parsed) expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'hint']);
    expect(parsed[0]).toEqual({ ...error });
    expect(parsed[1]).toEqual({ ...warning, hint: null });
  });

  it('is an empty array when all is well, with nothing else printed', () => {
    expect(formatReport('json', [], 11)).toBe('[]\n');
  });

  it('keeps quotes, newlines and unicode intact', () => {
    const odd = { ...error, message: 'a "quoted"\nline — ✓ \u2028 </script>' };
    expect((JSON.parse(formatJson([odd])) as Diagnostic[])[0]!.message).toBe(odd.message);
  });
});

describe('github', () => {
  it('prints every problem in the log, then an annotation per problem, then the summary', () => {
    expect(formatGithub([error, warning], 11).split('\n')).toEqual([
      'metrics/wait-days.yaml:4:1 error unknown-field unknown field `ownr`',
      '  hint: did you mean `owner`?',
      'goals/access.yaml:2:8 warning lead-and-lag no leading metric',
      '::error file=metrics/wait-days.yaml,line=4,col=1,endLine=4,endColumn=5,title=unknown-field::unknown field `ownr`%0Adid you mean `owner`?',
      '::warning file=goals/access.yaml,line=2,col=8,endLine=2,endColumn=16,title=lead-and-lag::no leading metric',
      '1 error, 1 warning in 11 files',
      '',
    ]);
  });

  it('annotates at most 10 errors and 10 warnings, as GitHub shows no more per step, and says so', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...error, line: i + 1 }));
    const lines = formatGithub(many, 1).split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('metrics/wait-days.yaml:'))).toHaveLength(12);
    expect(lines).toContain('(2 more problems listed above without an annotation: GitHub shows 10 of each kind per step)');
  });

  it('names files from the repository root for a catalog in a subfolder', () => {
    const lines = formatGithub([warning], 1, 'catalog/').split('\n');
    expect(lines[0]).toBe('catalog/goals/access.yaml:2:8 warning lead-and-lag no leading metric');
    expect(lines[1]).toMatch(/^::warning file=catalog\/goals\/access\.yaml,line=2,/);
  });

  it('escapes % in the message, and also : and , in properties; CR and LF from the catalog show as \\r and \\n', () => {
    const odd: Diagnostic = { ...error, file: 'goals/a,b:c%.yaml', rule: 'x,y:z' as RuleId, message: '100% done\r\nnext: a, b', hint: undefined };
    expect(formatGithub([odd], 1).split('\n').find((l) => l.startsWith('::'))).toBe(
      '::error file=goals/a%2Cb%3Ac%25.yaml,line=4,col=1,endLine=4,endColumn=5,title=x%2Cy%3Az::100%25 done\\r\\nnext: a, b',
    );
    // The one line break GitHub keeps in an annotation is ours, between the message and the hint.
    expect(formatGithub([error], 1)).toContain('::unknown field `ownr`%0Adid you mean `owner`?\n');
  });

  it('can prefix paths so annotations land when the catalog is a subfolder', () => {
    expect(formatGithub([warning], 1, 'catalog/')).toContain('::warning file=catalog/goals/access.yaml,');
  });

  it('is chosen by formatReport', () => {
    expect(formatReport('github', [error], 1)).toBe(formatGithub([error], 1));
    expect(formatReport('json', [error], 1)).toBe(formatJson([error]));
  });
});
