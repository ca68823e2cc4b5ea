/**
 * `data/<metric-id>.csv`: observed values, one row per date, each row validated with the
 * observation schema and kept with its line so errors point at it.
 */
import { csvParseRows } from 'd3-dsv';
import { problem, type Diagnostic } from '../diagnostics.ts';
import type { LoaderRuleId } from '../loader-rules.ts';
import { DATA_COLUMNS, observationSchema, REQUIRED_DATA_COLUMNS, type Observation } from '../schemas/observation.ts';
import { DEFAULT_LIMITS } from '../schemas/config.ts';
import { didYouMean } from '../suggest.ts';
import { plural } from '../plural.ts';
import { lineStarts, positionAt } from './positions.ts';
import { controlCharacterDiagnostics } from './text-values.ts';

export interface ObservationRow extends Observation {
  line: number;
  /** Where the row's date cell starts, for findings about the date (a value dated in the future). */
  dateAt: { line: number; column: number };
}

/** `maxNote` is the catalog's `limits.text`: a note is text on the page like any other field. */
export function parseObservations(file: string, text: string, maxNote = DEFAULT_LIMITS.text): { rows: ObservationRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + Math.max(1, length) });
  const report = (line: number, column: number, length: number, rule: LoaderRuleId, message: string, hint?: string) => diagnostics.push(problem(rule, file, at(line, column, length), message, hint));

  let normalized = text.replace(/\r\n?/g, '\n');
  const starts = lineStarts(normalized);
  // No raw control characters in any cell (text-values.ts): the same rule as every YAML value.
  for (const found of controlCharacterDiagnostics(file, normalized, starts)) diagnostics.push(found);
  const place = (offset: number) => positionAt(starts, offset);
  const open = unclosedQuote(normalized);
  if (open !== undefined) {
    // Read the rows before it; from the open quote on, everything would be one runaway note.
    const { line, column } = place(open);
    report(line, column, 1, 'data-row', 'this quote is never closed, so every line after it would be read as part of one note', 'close the quote; inside a quoted note, write a quote as two: `""`');
    normalized = normalized.slice(0, starts[line - 1]);
  }
  const records = csvParseRows(normalized);
  // Lines of each record: one per record, plus the line breaks inside quoted fields before it.
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1 + record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
  }
  const header = (records[0] ?? []).map((name) => name.trim());
  const columnAt = fieldStarts(normalized, 0).map((offset) => place(offset).column);
  const columnOf = (i: number) => columnAt[i] ?? 1;
  header.forEach((name, i) => {
    if (!(DATA_COLUMNS as readonly string[]).includes(name)) {
      report(1, columnOf(i), name.length, 'data-column', `unknown column \`${name}\``, didYouMean(name.toLowerCase(), DATA_COLUMNS) ?? `columns are ${DATA_COLUMNS.join(', ')}`);
    } else if (header.indexOf(name) !== i) {
      report(1, columnOf(i), name.length, 'data-column', `the column \`${name}\` appears twice`, 'keep one column of each name; only one of them would be read');
    }
  });
  for (const required of REQUIRED_DATA_COLUMNS) {
    if (!header.includes(required)) report(1, 1, 1, 'data-column', `the header has no \`${required}\` column`, 'the first line must be `date,value,note` (note is optional)');
  }
  if (diagnostics.some((d) => d.rule === 'data-column')) return { rows: [], diagnostics };

  const rows: ObservationRow[] = [];
  const seen = new Map<string, number>();
  const dateIndex = header.indexOf('date');
  records.slice(1).forEach((record, index) => {
    const rowLine = lines[index + 1]!;
    if (record.length === 1 && record[0]!.trim() === '') return; // blank line
    if (record.length !== header.length) {
      report(rowLine, 1, 1, 'data-row', `the row has ${plural(record.length, 'field')}; the header has ${header.length}`, 'quote a note that contains a comma: `2026-01-05,11.2,"flu season, short staffed"`');
      return;
    }
    const raw = Object.fromEntries(header.map((name, i) => [name, record[i]!.trim()]));
    const parsed = observationSchema.safeParse(raw);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const name = String(problem.path[0] ?? 'date');
        const i = Math.max(0, header.indexOf(name));
        const recordStart = starts[rowLine - 1]!;
        const { line: fieldLine, column: fieldColumn } = place(fieldStarts(normalized, recordStart)[i] ?? recordStart);
        report(fieldLine, fieldColumn, record[i]?.length ?? 1, 'data-row', `\`${name}\` ${problem.message}: \`${raw[name] ?? ''}\``);
      }
      return;
    }
    const earlier = seen.get(parsed.data.date);
    if (earlier !== undefined) {
      report(rowLine, 1, parsed.data.date.length, 'data-duplicate-date', `${parsed.data.date} already has a value on line ${earlier}`, 'keep one row per date: remove or correct one of them');
      return;
    }
    if (parsed.data.note !== undefined && parsed.data.note.length > maxNote) {
      report(rowLine, 1, 1, 'text-too-long', `the note is ${parsed.data.note.length} characters long; the limit is ${maxNote}`, 'shorten the note and link to the longer text, or raise `limits.text` in catalog.config.yaml');
      return;
    }
    seen.set(parsed.data.date, rowLine);
    // The date cell starts the record in the usual `date,value,note`; otherwise find it.
    const dateAt = dateIndex === 0 ? { line: rowLine, column: 1 } : place(fieldStarts(normalized, starts[rowLine - 1]!)[dateIndex]!);
    rows.push({ ...parsed.data, line: rowLine, dateAt });
  });
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { rows, diagnostics };
}

/** Offset of a quote that opens a field and never closes, or undefined. d3 would read the rest of the file into that field. */
function unclosedQuote(text: string): number | undefined {
  for (let offset = 0; offset < text.length; ) {
    const record = scanRecord(text, offset);
    if (record.unclosed !== undefined) return record.unclosed;
    offset = record.next;
  }
  return undefined;
}

/** Where each field of the record at `offset` starts. */
function fieldStarts(text: string, offset: number): number[] {
  return scanRecord(text, offset).starts;
}

/**
 * One record read the way d3 reads it: a quote opens a quoted field only at the field's start,
 * and the character after the closing quote ends the field, whatever it is.
 */
function scanRecord(text: string, offset: number): { starts: number[]; next: number; unclosed?: number } {
  const starts = [offset];
  let i = offset;
  while (i < text.length) {
    if (text[i] === '"') {
      const open = i;
      // A quote inside a quoted field is written twice; the field ends at a single one.
      do {
        i = text.indexOf('"', i + 1);
        if (i < 0) return { starts, next: text.length, unclosed: open };
      } while (text[i + 1] === '"' && ++i);
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
    }
    if (i >= text.length) break;
    if (text[i] === '\n') return { starts, next: i + 1 };
    starts.push(++i);
  }
  return { starts, next: text.length };
}
