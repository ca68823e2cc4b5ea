/**
 * A value dated after the catalog's "as of" date cannot have been measured yet. Derivation never
 * counts it (the graph keeps it apart), whatever this rule's severity; the rule says so at the row, so a
 * typo like 2099 for 2026, or a value entered early, is fixed instead of silently ignored.
 */
import { MAX_DIAGNOSTICS_PER_FILE } from '../load.ts';
import { noun, plural } from '../plural.ts';
import type { PlacedFinding } from './run.ts';
import { defineRule, type Finding } from './types.ts';

const ID = 'future-value';

export const futureValue = defineRule({
  id: ID,
  summary: 'A row in `data/<metric-id>.csv` is dated after the catalog\'s "as of" date; it counts for nothing until that day.',
  defaultSeverity: 'error',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const future = metric.futureObservations;
      if (!metric.dataFile || future.length === 0) continue;
      // A file of a million future rows is one mistake: list the first ones and count the rest.
      const listed = future.slice(0, MAX_DIAGNOSTICS_PER_FILE);
      for (const row of listed) {
        const year = row.date.slice(0, 4);
        const typo = year === catalog.today.slice(0, 4) ? '' : ` (${year} for ${catalog.today.slice(0, 4)}?)`;
        findings.push(atRow(metric.dataFile, row.dateAt, `the value dated ${row.date} is after the "as of" date ${catalog.today}, so it is not counted: status, latest value, trend, progress, triggers and freshness use the values up to ${catalog.today}`, `correct the date${typo}, or add the row once ${row.date} has come; a value is dated the day it is for (docs/statuses.md)`));
      }
      const rest = future.length - listed.length;
      if (rest > 0) findings.push(atRow(metric.dataFile, future[listed.length]!.dateAt, `${plural(rest, 'more row')} ${noun(rest, 'is', 'are')} dated after the "as of" date ${catalog.today} and not counted`, 'correct or remove the rows dated in the future'));
    }
    return findings;
  },
});

function atRow(file: string, at: { line: number; column: number }, message: string, hint: string): PlacedFinding {
  return { file, path: [], span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 10 }, message, hint };
}
