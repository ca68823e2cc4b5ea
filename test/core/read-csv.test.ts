import { afterAll, describe, expect, it } from 'vitest';
import { parseObservations } from '../../src/core/read/csv.ts';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const DATA = 'data/wait-days.csv';

const withData = (text: string) => withFiles(valid, { [DATA]: text });
/** Diagnostics of one CSV text as `line:column rule`. */
const problems = (text: string) => parseObservations(DATA, text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);
const rows = (text: string) => parseObservations(DATA, text).rows.map(({ date, value, note, line }) => [date, value, note, line]);

describe('data files', () => {
  it('reads rows, oldest first, each with its line', () => {
    expect(rows('date,value,note\n2026-01-12,10.8,flu season\n2026-01-05,11.2,\n2026-01-19,-0.5e1,\n')).toEqual([
      ['2026-01-05', 11.2, undefined, 3],
      ['2026-01-12', 10.8, 'flu season', 2],
      ['2026-01-19', -5, undefined, 4],
    ]);
  });

  it('accepts a header without the optional note, in any column order', () => {
    expect(rows('value,date\n3,2026-01-05\n')).toEqual([['2026-01-05', 3, undefined, 2]]);
  });

  it('reports an unknown column with a did-you-mean hint, and the missing one', () => {
    const files = withData('date,valeu,note\n2026-11-09,9,\n');
    expect(errors(files)).toEqual([`${DATA}:1:1 data-column`, `${DATA}:1:6 data-column`]);
    const [missing, unknown] = analyze(files).diagnostics.filter((d) => d.rule === 'data-column');
    expect(missing!.message).toBe('the header has no `value` column');
    expect(unknown!.message).toBe('unknown column `valeu`');
    expect(unknown!.hint).toBe('did you mean `value`?');
  });

  it('reports a missing value column', () => {
    const files = withData('date,note\n2026-11-09,x\n');
    expect(errors(files)).toEqual([`${DATA}:1:1 data-column`]);
    expect(one(files, 'data-column').hint).toBe('the first line must be `date,value,note` (note is optional)');
  });

  it('reports a column given twice', () => {
    expect(problems('date,value,value\n2026-01-05,1,2\n')).toEqual(['1:12 data-column']);
  });

  it('reports a bad number at its line and column', () => {
    const files = withData('date,value,note\n2026-11-02,10,\n2026-11-09,9 days,\n2026-11-16,8,\n');
    expect(errors(files)).toEqual([`${DATA}:3:12 data-row`]);
    expect(one(files, 'data-row').message).toBe('`value` must be a plain number such as 42 or 0.75 (no units, %, or thousands separators): `9 days`');
  });

  it.each(['12%', '1,200', '1.2.3', '', 'NaN', 'Infinity', '0x10', '1e999'])('refuses the value `%s`', (value) => {
    const text = `date,value,note\n2026-01-05,${value.includes(',') ? `"${value}"` : value},\n`;
    expect(problems(text)).toEqual(['2:12 data-row']);
  });

  it('reports an impossible date at its line', () => {
    const files = withData('date,value\n2026-11-09,9\n2026-02-30,8\n');
    expect(errors(files)).toEqual([`${DATA}:3:1 data-row`]);
    expect(one(files, 'data-row').message).toBe('`date` must be a real date written YYYY-MM-DD, like 2026-03-31: `2026-02-30`');
  });

  it('reports a date given twice at the repeat, naming the first line', () => {
    const files = withData('date,value\n2026-11-09,9\n2026-11-16,8\n2026-11-09,7\n');
    expect(errors(files)).toEqual([`${DATA}:4:1 data-duplicate-date`]);
    expect(one(files, 'data-duplicate-date').message).toBe('2026-11-09 already has a value on line 2');
  });

  it('reports a row with too many fields, with a hint to quote the note', () => {
    const files = withData('date,value,note\n2026-11-09,9,flu, staff out\n');
    expect(errors(files)).toEqual([`${DATA}:2:1 data-row`]);
    expect(one(files, 'data-row').message).toBe('the row has 4 fields; the header has 3');
  });

  it('reads a quoted note with a comma', () => {
    expect(rows('date,value,note\n2026-01-05,11.2,"flu season, short staffed"\n')).toEqual([['2026-01-05', 11.2, 'flu season, short staffed', 2]]);
  });

  it('reads a quoted note with line breaks and keeps the lines after it right', () => {
    const text = 'date,value,note\n2026-01-05,11.2,"flu season\n\nshort ""staffed"""\n2026-01-12,x,\n';
    expect(rows(text)).toEqual([['2026-01-05', 11.2, 'flu season\n\nshort "staffed"', 2]]);
    expect(problems(text)).toEqual(['5:12 data-row']);
  });

  it('places a bad value after quoted fields at its real column, and line', () => {
    expect(problems('date,value\n"2026-01-05",x\n')).toEqual(['2:14 data-row']);
    expect(problems('note,date,value\n"flu,\nstaff",2026-01-05,x\n')).toEqual(['3:19 data-row']);
    expect(problems('"date","valeu"\n')).toEqual(['1:8 data-column', '1:1 data-column']);
  });

  it('ignores blank lines and keeps the lines after them right', () => {
    const text = 'date,value\n\n2026-01-05,1\n\n\n2026-01-12,x\n';
    expect(rows(text)).toEqual([['2026-01-05', 1, undefined, 3]]);
    expect(problems(text)).toEqual(['6:12 data-row']);
  });

  it('reads CRLF and CR line endings with the same lines', () => {
    for (const newline of ['\r\n', '\r']) {
      const text = ['date,value,note', '2026-01-05,1,"a', 'b"', '2026-01-12,x,', ''].join(newline);
      expect(rows(text)).toEqual([['2026-01-05', 1, 'a\nb', 2]]);
      expect(problems(text)).toEqual(['4:12 data-row']);
    }
  });

  it('reads a file with a byte-order mark', () => {
    expect(errors(withData('\ufeffdate,value\n2026-11-09,9\n2026-11-16,8\n'))).toEqual([]);
  });

  it('reports a quote that is never closed instead of reading the rest of the file into one note', () => {
    const text = 'date,value,note\n2026-01-05,1,ok\n2026-01-12,2,"flu season\n2026-01-19,3,\n2026-01-26,4,\n';
    expect(problems(text)).toEqual(['3:14 data-row']);
    expect(rows(text)).toEqual([['2026-01-05', 1, 'ok', 2]]);
    expect(parseObservations(DATA, text).diagnostics[0]!.message).toBe('this quote is never closed, so every line after it would be read as part of one note');
  });

  it('reads a quote inside an unquoted note as text', () => {
    expect(rows('date,value,note\n2026-01-05,1,the 5" screen\n')).toEqual([['2026-01-05', 1, 'the 5" screen', 2]]);
  });

  it('reports an empty data file', () => {
    expect(errors(withData(''))).toEqual([`${DATA}:1:1 empty-file`]);
  });

  it('refuses a note longer than the text limit, at its row', () => {
    const text = `date,value,note\n2026-01-05,11.2,${'a'.repeat(101)}\n2026-01-12,11.4,fine\n`;
    const { rows, diagnostics } = parseObservations(DATA, text, 100);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual(['2:1 text-too-long the note is 101 characters long; the limit is 100']);
    expect(rows.map((r) => r.date)).toEqual(['2026-01-12']);
  });
});
