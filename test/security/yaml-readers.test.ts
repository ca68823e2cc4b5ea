/**
 * A file is read by the fast reader when it is plain and valid, by the careful one otherwise; a
 * value must never depend on which. Before the readers agreed, `green: 0b111` was 7 in a valid
 * file and the text "0b111" in a file with any other problem: a pull request could publish a
 * threshold the careful reader (and every YAML 1.2 tool) reads as text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { append, at, edit, errors } from '../helpers/core.ts';

afterAll(removeCatalogs);

const METRIC = 'metrics/wait-days.yaml';

/** Plain scalars YAML 1.1, js-yaml and YAML 1.2 read differently, and some they all read alike. */
const FORMS = ['0b111', '0o17', '017', '0x1F', '-0x1', '+1', '-0', '1_000', '.5', '+.5', '-.5', '5.', '1e3', '1E3', '.inf', '-.Inf', '.NaN', '1:20', 'yes', 'no', 'on', 'off', 'True', 'TRUE', '~', 'Null', 'NULL', '2026-03-31', '2026-03-31T10:00:00Z', '<<', '007'];

/** The same file with one more problem, an unknown field, which sends it to the careful reader. */
const withStray = (files: Files, path: string) => append(files, path, 'zzz-stray: 1');

describe('the value of a scalar does not depend on the reader', () => {
  /** A number, a boolean and a text field, each on its own: any other problem in the file would send it to the careful reader. */
  const FIELDS: [string, string, (form: string) => string][] = [
    ['a number', 'thresholds: { green: 7, red: 14 }', (form) => `thresholds: { green: ${form}, red: 14 }`],
    ['a boolean', 'primary: true', (form) => `primary: ${form}`],
    ['a text', 'unit: days', (form) => `unit: ${form}`],
  ];

  it.each(FORMS.flatMap((form) => FIELDS.map(([kind, from, to]) => [form, kind, from, to(form)])))('`%s` in %s field', (_, __, from, to) => {
    const files = edit(validCatalog(), METRIC, from, to);
    const stray = withStray(files, METRIC);
    expect(errors(stray).sort()).toEqual([...errors(files), `${at(stray, METRIC, 'zzz-stray')} unknown-field`].sort());
  });

  it('reads `0b111` as text, whichever reader reads the file, and says so at the value', () => {
    const files = edit(validCatalog(), METRIC, 'thresholds: { green: 7, red: 14 }', 'thresholds: { green: 0b111, red: 14 }');
    expect(errors(files)).toEqual([`${at(files, METRIC, '0b111')} invalid-type`]);
  });

  it('reads `.5` and `+.5` as numbers, and `1_000` as text', () => {
    expect(errors(edit(validCatalog(), METRIC, 'thresholds: { green: 7, red: 14 }', 'thresholds: { green: .5, red: +.5 }'))).toEqual([]);
    const files = edit(validCatalog(), METRIC, 'thresholds: { green: 7, red: 14 }', 'thresholds: { green: 1_000, red: 14 }');
    expect(errors(files)).toEqual([`${at(files, METRIC, '1_000')} invalid-type`]);
  });
});
