/**
 * The one home of output escaping (src/core/escape.ts): every catalog-derived string printed on a
 * line, in any format, goes through escapeLine; lines we print that are not our own workflow
 * commands go through inertLine. Part of "Trust the pull request boundary": CI log injection.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../src/core/diagnostics.ts';
import { codeSpan, escapeDiagnostic, escapeLine, escapeMarkdown, inertLine, jsonText, mention } from '../../src/core/escape.ts';

describe('escapeLine', () => {
  it.each([
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\u0000', '\\u0000'],
    ['\u001b', '\\u001b'],
    ['\u000b', '\\u000b'],
    ['\u000c', '\\u000c'],
    ['\u007f', '\\u007f'],
    ['\u0085', '\\u0085'],
    ['\u009b', '\\u009b'],
    ['\u2028', '\\u2028'],
    ['\u2029', '\\u2029'],
    ['\u202a', '\\u202a'],
    ['\u202b', '\\u202b'],
    ['\u202c', '\\u202c'],
    ['\u202d', '\\u202d'],
    ['\u202e', '\\u202e'],
    ['\u2066', '\\u2066'],
    ['\u2067', '\\u2067'],
    ['\u2068', '\\u2068'],
    ['\u2069', '\\u2069'],
    ['\u200e', '\\u200e'],
    ['\u200f', '\\u200f'],
    ['\u061c', '\\u061c'],
    ['\ufeff', '\\ufeff'],
  ])('shows %j as %s', (raw, shown) => {
    expect(escapeLine(`a${raw}b`)).toBe(`a${shown}b`);
  });

  it('breaks the legacy ##[command] marker the runner finds anywhere in a line', () => {
    expect(escapeLine('x ##[error]forged ###[warning]too')).toBe('x #\\u0023[error]forged ##\\u0023[warning]too');
    expect(escapeLine('x ##[error]forged ###[warning]too')).not.toContain('##[');
  });

  it('keeps ordinary text, non-Latin scripts, emoji sequences and backslashes as they are', () => {
    for (const text of ['Days to appointment', 'Café crème – 7 € ✓', 'مؤشر الأداء', '👩‍👩‍👧 family', 'C:\\path\\to', 'zero\u200bwidth', 'a::b ## [x] #[y]']) expect(escapeLine(text)).toBe(text);
  });

  it('is idempotent', () => {
    const hostile = 'bad\n::error file=x::forged\r::stop-commands::token\u2028\u202e ##[error]x';
    expect(escapeLine(escapeLine(hostile))).toBe(escapeLine(hostile));
  });

  it('never leaves a character that ends a line or reorders text, for every UTF-16 code unit', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    const shown = escapeLine(all);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
  });
});

describe('inertLine', () => {
  it('escapes a :: that starts a line, after any whitespace the runner trims', () => {
    expect(inertLine('::error file=x::forged')).toBe('\\u003a:error file=x::forged');
    expect(inertLine('  \u00a0\u3000::notice::forged')).toBe('  \u00a0\u3000\\u003a:notice::forged');
    expect(inertLine('\t::notice::forged')).toBe('\\t::notice::forged');
    expect(inertLine('a ::notice:: in the middle is plain text')).toBe('a ::notice:: in the middle is plain text');
    expect(inertLine(':single colon')).toBe(':single colon');
  });
});

describe('escapeDiagnostic', () => {
  it('escapes file, rule, message and hint, and keeps the severity one of the two', () => {
    const d = escapeDiagnostic({ file: 'a\nb', line: 1, column: 2, endLine: 1, endColumn: 3, severity: 'error\n::x' as 'error', rule: 'r\r' as RuleId, message: 'm\u2028', hint: 'h\u202e' });
    expect(d).toEqual({ file: 'a\\nb', line: 1, column: 2, endLine: 1, endColumn: 3, severity: 'warning', rule: 'r\\r', message: 'm\\u2028', hint: 'h\\u202e' });
  });
});

describe('jsonText', () => {
  it('keeps exact values but no raw separator, bidi control or ##[ in the text', () => {
    const value = { s: 'a\n::b\r\u2028\u2029\u202e\u0085\u007f ##[error]x' };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toBe('{\n  "s": "a\\n::b\\r\\u2028\\u2029\\u202e\\u0085\\u007f ##\\u005berror]x"\n}\n');
  });
});

describe('Markdown', () => {
  it('escapeMarkdown: prose on one line, no controls, no HTML, no mentions', () => {
    expect(escapeMarkdown('Days\n::error::x\u202e @ceo <b>')).toBe('Days ::error::x\\\\u202e @\u200bceo &lt;b&gt;');
  });

  it('codeSpan: ids, files, keys and values shown exactly, controls as escapes', () => {
    expect(codeSpan('bad\n::notice::forged')).toBe('`bad\\n::notice::forged`');
    expect(codeSpan('a`b')).toBe('``a`b``');
  });

  it('mention: only a real handle is written as a mention', () => {
    expect(mention('@example/ops')).toBe('@example/ops');
    expect(mention('@ana')).toBe('@ana');
    expect(mention('@ana\n::error::x')).toBe('@\u200bana ::error::x');
    expect(mention('@ana @ceo')).toBe('@\u200bana @\u200bceo');
  });
});
