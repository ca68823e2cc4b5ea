/**
 * CI log injection through the import: a source's names, cells, file names and column headers are
 * written into IMPORT-REPORT.md and summarised on stdout. With hostile input: the exact escaped
 * report and summary, tables and lists that keep their shape, and no line the Actions runner would
 * read as a workflow command.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../src/import/plan.ts';
import { formatReport, formatSummary } from '../../src/import/report.ts';
import { importInto, removeTempDirs, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const HOSTILE = 'bad\n::error file=x::forged\r::stop-commands::token\u2028\u202egnp.exe ##[error]legacy';
/** On a line of stdout: every control as an escape. */
const SHOWN = 'bad\\n::error file=x::forged\\r::stop-commands::token\\u2028\\u202egnp.exe #\\u0023[error]legacy';
/** In the Markdown report: line breaks as spaces, other controls as escapes; in a table `|` escaped too. */
const CELL = 'bad ::error file=x::forged ::stop-commands::token \\u202egnp.exe #\\u0023[error]legacy';

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const commandLines = (output: string) => output.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));

const plan: ImportPlan = {
  kind: 'csv',
  source: `registers/${HOSTILE}.csv`,
  config: {},
  entries: [{ kind: 'metric', id: 'nrr', data: {}, origin: `row 2 | ${HOSTILE}`, placeholders: ['why'], assumed: [], notes: [`direction "${HOSTILE}" is not a known word`] }],
  sourceEntries: 2,
  skipped: [{ origin: `row 3\n::notice::forged`, name: HOSTILE, reason: `no name: ${HOSTILE}` }],
  notes: [`columns not mapped: "${HOSTILE}"`],
};

describe('IMPORT-REPORT.md, with hostile names, cells and file names', () => {
  const report = formatReport(plan, [{ path: `metrics/${HOSTILE}.yaml`, content: '', kind: 'metric', id: 'nrr' }]);

  it('keeps every table row and list item on one line, escaped', () => {
    const lines = report.split('\n');
    expect(lines).toContain(`Source: \`registers/${SHOWN}.csv\` (\`plumbline import csv …\`).`);
    expect(lines).toContain(`| row 3 ::notice::forged | ${CELL} | no name: ${CELL} |`);
    expect(lines).toContain(`- columns not mapped: "${CELL}"`);
    expect(lines).toContain(`| metrics/${CELL}.yaml | row 2 \\| ${CELL} | why |  | direction "${CELL}" is not a known word |`);
    expect(report).not.toMatch(RAW);
    expect(commandLines(report)).toEqual([]);
  });
});

describe('the import summary on stdout, with hostile names, cells and file names', () => {
  it('prints each skipped row and file on one line, escaped', () => {
    const summary = formatSummary(plan, [{ path: `metrics/${HOSTILE}.yaml`, status: 'conflict', reason: HOSTILE }], { reportPath: `out/${HOSTILE}/IMPORT-REPORT.md` });
    expect(summary.split('\n')).toEqual([
      'KPI register (CSV): 2 rows in the source, 1 imported, 1 not imported.',
      `  not imported: row 3\\n::notice::forged (${SHOWN}): no name: ${SHOWN}`,
      'To do (the source does not say):',
      '  metric why: 1',
      'Files: 0 created, 0 updated, 0 unchanged, 1 in conflict.',
      `  conflict: metrics/${SHOWN}.yaml: ${SHOWN}`,
      `Report: out/${SHOWN}/IMPORT-REPORT.md`,
      '',
    ]);
    expect(summary).not.toMatch(RAW);
    expect(commandLines(summary)).toEqual([]);
  });
});

describe('a real CSV import with quoted line breaks in its cells', () => {
  it('writes a report and a summary with no raw control and no command', () => {
    const csv = [
      'KPI Name,Owner,Polarity,Frequency,"Odd\n::warning::column"',
      '"Net revenue\n::error file=x::forged",Finance,"up\r\n::stop-commands::token",Monthly,"##[error]legacy\u202e"',
      '"",Finance,up,Monthly,',
      '',
    ].join('\r\n');
    const source = `${writeTree({ 'register.csv': csv })}/register.csv`;
    const { plan: real, results, report } = importInto('csv', source, { dryRun: true });
    const summary = formatSummary(real, results, { dryRun: true });
    for (const out of [report, summary]) {
      expect(out).not.toMatch(RAW);
      expect(commandLines(out)).toEqual([]);
    }
    expect(report).toContain('Odd ::warning::column');
    expect(report).toContain('direction "up ::stop-commands::token" is not a known word');
  });
});
