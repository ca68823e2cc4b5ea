/** Spreadsheet registers: column synonyms, --map, value words, and what a row becomes. */
import { afterAll, describe, expect, it } from 'vitest';
import { importCsv, isoDateOf, mapColumns, normalizeHeader, numberOf, parseDelimited, unitOf } from '../../src/import/csv.ts';
import { readCatalogShape } from '../../src/import/index.ts';
import { PLACEHOLDER_PREFIX } from '../../src/import/plan.ts';
import { checkCounts, importInto, readTree, removeTempDirs, TODAY, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const plan = (csv: string, map?: string[]) => {
  const dir = writeTree({ 'register.csv': csv });
  return importCsv(`${dir}/register.csv`, { today: TODAY, shape: readCatalogShape(dir), map, org: 'Acme' });
};
const metric = (p: ReturnType<typeof plan>, id: string) => p.entries.find((e) => e.kind === 'metric' && e.id === id)!;

describe('column names', () => {
  it('are compared without case, spacing or punctuation', () => {
    expect(normalizeHeader('  KPI_Name: ')).toBe('kpi name');
    expect(normalizeHeader('Unit of Measure (UoM)')).toBe('unit of measure uom');
  });

  it('match common synonyms', () => {
    const headers = ['KPI Name', 'Description', 'Owner', 'Strategic Goal', 'Formula', 'Unit', 'Polarity', 'Target', 'Frequency', 'Data Source', 'Leading/Lagging', 'Rationale', 'Target Date', 'Comments'];
    expect(mapColumns(headers).fields).toEqual(['name', 'description', 'owner', 'goal', 'formula', 'unit', 'direction', 'target', 'cadence', 'source', 'indicator', 'why', 'target_date', undefined]);
  });

  it('give each field to the first column that names it', () => {
    expect(mapColumns(['Metric', 'Name', 'Frequency', 'Cadence']).fields).toEqual(['name', undefined, 'cadence', undefined]);
  });

  it('follow --map before synonyms, and --map can ignore a column', () => {
    const { fields, problems } = mapColumns(['Metric', 'Title', 'Accountable Exec', 'Owner'], ['Title=name', 'metric=ignore', 'Accountable exec=owner']);
    expect(fields).toEqual([undefined, 'name', 'owner', undefined]);
    expect(problems).toEqual([]);
  });

  it('report a --map that is malformed, names an unknown field, or a column the file lacks', () => {
    expect(mapColumns(['A'], ['A', 'A=colour', 'B=owner']).problems).toEqual([
      '--map "A" is not "Column name=field" with a field among: id, name, description, why, goal, owner, owner_email, owner_kind, indicator, unit, direction, formula, source, source_url, cadence, baseline, baseline_date, target, target_date, primary, status, tags, ignore',
      '--map "A=colour" is not "Column name=field" with a field among: id, name, description, why, goal, owner, owner_email, owner_kind, indicator, unit, direction, formula, source, source_url, cadence, baseline, baseline_date, target, target_date, primary, status, tags, ignore',
      '--map names a column "b" that the file does not have',
    ]);
  });
});

describe('reading the file', () => {
  it('takes comma, semicolon (European Excel) and tab separated exports, with or without a byte-order mark', () => {
    expect(parseDelimited('\uFEFFName,Unit\r\n"Churn, gross",%\r\n')).toEqual([['Name', 'Unit'], ['Churn, gross', '%']]);
    expect(parseDelimited('Name;Unit;Target\nChurn;%;1,5\n')).toEqual([['Name', 'Unit', 'Target'], ['Churn', '%', '1,5']]);
    expect(parseDelimited('Name\tUnit\nChurn\t%\n')).toEqual([['Name', 'Unit'], ['Churn', '%']]);
  });

  it('reads units, dates and numbers only where they are clear', () => {
    expect(['%', 'Percentage', '#', 'Days', 'hrs', 'Score', '$', 'EUR', 'GBP', 'MR Dollars', 'months'].map(unitOf)).toEqual(['percent', 'percent', 'count', 'days', 'hours', 'score', 'USD', 'EUR', 'GBP', 'MR Dollars', 'months']);
    expect(['2026-12-31', '2026/3/1', '2026-02-30', '31/12/2026', 'Q4 2026'].map(isoDateOf)).toEqual(['2026-12-31', '2026-03-01', undefined, undefined, undefined]);
    expect(['95%', '1,200', '$1.2M', '3x', '4.5/5', 'TBD'].map((c) => numberOf(c)?.value)).toEqual([95, 1200, 1_200_000, undefined, undefined, undefined]);
  });
});

describe('a row', () => {
  const csv = [
    'KPI ID,KPI Name,Description,Why it matters,Owner,Owner Email,Strategic Goal,Formula,Unit,Polarity,Baseline,Baseline Date,Target,Target Date,Frequency,Data Source,Dashboard,Type,Key KPI,Status,Category,Comments',
    'FIN-01,Gross margin,Revenue less cost of sales over revenue.,This metric matters because it funds growth.,Finance Team,finance@acme.example,Profitable growth,(revenue - COGS) / revenue,%,Higher is better,38,2026-01-01,45%,2026-12-31,Monthly,NetSuite,https://bi.acme.example/gm,Lagging,Yes,Active,"Finance, Board",Audited',
    ',Days sales outstanding,,,Jane Doe,,Profitable growth,,days,Minimise,,,< 40,,Quarterly,,,Leading,,Proposed,,',
    ',Old churn,,,,,,,,,,,,,,,,,,Deprecated,,',
    ',,just a comment in an otherwise empty row,,,,,,,,,,,,,,,,,,,',
    ',Gross margin,Second definition under the same name.,,,,,,ratio,up,,,,,Bi-weekly,,,,,,,',
    ',,,,,,,,,,,,,,,,,,,,,',
  ].join('\n');
  const p = plan(csv);

  it('becomes a metric with every field the row gives', () => {
    expect(metric(p, 'fin-01').data).toEqual({
      name: 'Gross margin',
      description: 'Revenue less cost of sales over revenue.',
      why: 'it funds growth.',
      supports: ['profitable-growth'],
      indicator: 'lagging',
      owner: 'finance-team',
      unit: 'percent',
      direction: 'up',
      formula: '(revenue - COGS) / revenue',
      source: { system: 'NetSuite', url: 'https://bi.acme.example/gm' },
      cadence: 'monthly',
      baseline: { value: 38, date: '2026-01-01' },
      target: { value: 45, by: '2026-12-31' },
      primary: true,
      tags: ['finance', 'board'],
    });
    expect(metric(p, 'fin-01').body).toBe('## Other columns of the register\n\n- **Comments:** Audited');
  });

  it('leaves what it lacks as placeholders and marked defaults, and keeps a target without a date as text', () => {
    const dso = metric(p, 'days-sales-outstanding');
    expect(dso.data).toMatchObject({ indicator: 'leading', direction: 'down', cadence: 'quarterly', status: 'proposed', owner: 'jane-doe', unit: 'days' });
    expect(dso.data.description).toBe(`${PLACEHOLDER_PREFIX} the source gives no description: say what is measured, in a sentence.`);
    expect(dso.data.source).toBeUndefined(); // a proposed metric needs no source
    expect(dso.placeholders).toEqual(['description', 'why', 'formula']);
    expect(dso.body).toBe('## Target, as the register states it\n\n\\< 40');
    expect(dso.notes).toContain('target "< 40" kept as text: no target date (YYYY-MM-DD) to write `target: { value, by }`');
  });

  it('retires a deprecated row on the import date, with a placeholder reason, owned by the placeholder owner', () => {
    const old = metric(p, 'old-churn');
    expect(old.data).toMatchObject({ status: 'retired', owner: 'unassigned', supports: ['acme'], retired: { date: TODAY, reason: expect.stringMatching(/^TODO\(import\):/) } });
    expect(old.assumed).toEqual(['indicator', 'direction', 'cadence']);
    expect(old.data.tags).toEqual(['todo-import-indicator', 'todo-import-direction', 'todo-import-cadence']);
  });

  it('reports a row without a name, ignores blank rows, and suffixes a repeated name', () => {
    expect(p.sourceEntries).toBe(5);
    expect(p.skipped).toEqual([{ origin: 'register.csv, row 5', name: undefined, reason: 'the "KPI Name" cell is empty' }]);
    expect(p.notes).toContain('1 blank row(s) ignored');
    expect(metric(p, 'gross-margin').data).toMatchObject({ name: 'Gross margin', unit: 'ratio', direction: 'up' });
    expect(metric(p, 'gross-margin').notes).toContain('frequency "Bi-weekly" is not one of daily, weekly, monthly, quarterly, yearly');
  });

  it('makes goal and owner files for the names it finds, once each', () => {
    const ids = (kind: string) => p.entries.filter((e) => e.kind === kind).map((e) => e.id);
    expect(ids('goal')).toEqual(['acme', 'profitable-growth']);
    expect(ids('owner')).toEqual(['acme', 'unassigned', 'finance-team', 'jane-doe']);
    expect(p.entries.find((e) => e.id === 'finance-team' && e.kind === 'owner')!.data).toEqual({ name: 'Finance Team', kind: 'team', email: 'finance@acme.example' });
    expect(p.entries.find((e) => e.id === 'jane-doe')!.data).toEqual({ name: 'Jane Doe', kind: 'person' });
  });

  it('names the columns it did not map', () => {
    expect(p.notes).toContain('columns not mapped to a field, kept in each metric\'s narrative: "Comments" (map one with --map "Column=field")');
  });
});

describe('edge cases', () => {
  it('never gives the placeholder owner\'s id to an owner called Unassigned', () => {
    const p = plan('Name,Owner\nA,Unassigned\nB,\n');
    expect(p.entries.filter((e) => e.kind === 'owner').map((e) => [e.id, e.data.name])).toEqual([
      ['acme', 'Acme'],
      ['unassigned-2', 'Unassigned'],
      ['unassigned', 'TODO(import): no owner is named in the source'],
    ]);
  });

  it('keeps cells that MDX would read as code from running', () => {
    const p = plan('Name,Target,Remarks\nA,export 5%,"{x} <b>"\n');
    expect(metric(p, 'a').body).toBe('## Target, as the register states it\n\n&#101;xport 5%\n\n## Other columns of the register\n\n- **Remarks:** \\{x\\} \\<b\\>');
  });
});

describe('importing a register', () => {
  it('writes files that check with no errors, and --map brings in a column no synonym names', () => {
    const source = writeTree({ 'kpis.csv': 'Measure title,Accountable exec,Cadence\nOn-time delivery,Logistics Team,weekly\n' });
    const plain = importInto('csv', `${source}/kpis.csv`);
    expect(plain.plan.skipped.map((s) => s.reason)).toEqual(['no column holds the KPI name']);
    const mapped = importInto('csv', `${source}/kpis.csv`, { map: ['Measure title=name', 'Accountable exec=owner'] });
    expect(mapped.plan.skipped).toEqual([]);
    expect(readTree(mapped.dir)['metrics/on-time-delivery.yaml']).toContain('owner: logistics-team\n');
    expect(checkCounts(mapped.dir).errors).toEqual([]);
  });
});
