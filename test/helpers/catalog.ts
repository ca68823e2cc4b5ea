/**
 * Small catalogs written to temporary folders. `validCatalog()` is a complete, clean catalog;
 * tests change one file at a time to break exactly one thing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeCatalog } from '../../src/core/analyze.ts';

export type Files = Record<string, string>;

export const TODAY = '2026-11-23';

export function validCatalog(): Files {
  return {
    'catalog.config.yaml': 'name: Test Clinic\nrepository: https://github.com/example/metrics\n',
    'owners/ops.yaml': 'name: Operations\nkind: team\ngithub: "@example/ops"\n',
    'owners/ana.yaml': 'name: Ana Lima\nkind: person\nparent: ops\ngithub: "@ana"\n',
    'goals/mission.yaml': 'title: Healthy people\nlevel: mission\nowner: ops\n',
    'goals/access.yaml': 'title: Seen within a week\nlevel: strategy\nparent: mission\nowner: ops\nperspective: customer\n',
    'goals/scheduling.yaml': 'title: Open slots every day\nlevel: department\nparent: access\nowner: ana\n',
    'metrics/wait-days.yaml': [
      'name: Days to appointment',
      'description: Median days from request to appointment.',
      'why: waiting is what patients feel first.',
      'supports: [access]',
      'indicator: lagging',
      'owner: ops',
      'unit: days',
      'direction: down',
      'formula: median(appointment_date - request_date)',
      'source: { system: Epic, url: https://reports.example.org/wait }',
      'cadence: weekly',
      'thresholds: { green: 7, red: 14 }',
      'primary: true',
      'triggers:',
      '  - when: { above: 14 }',
      '    action: Open extra slots.',
      '',
    ].join('\n'),
    'metrics/open-slots.yaml': [
      'name: Open slots',
      'description: Same-week slots open on Monday morning.',
      'why: open slots today are short waits next week.',
      'supports: [scheduling]',
      'indicator: leading',
      'drives: [wait-days]',
      'owner: ana',
      'unit: count',
      'direction: up',
      'formula: count of open same-week slots at 08:00 Monday',
      'source: { system: Epic }',
      'cadence: weekly',
      'target: { value: 40, by: 2026-12-31 }',
      '',
    ].join('\n'),
    'initiatives/slot-release.yaml': 'name: Slot release\nowner: ana\nmoves: [open-slots]\n',
    'data/wait-days.csv': 'date,value,note\n2026-11-09,9,\n2026-11-16,8,\n',
    'data/open-slots.csv': 'date,value,note\n2026-11-09,31,\n2026-11-16,36,\n',
  };
}

const made: string[] = [];

/** Writes the files into a new temporary folder and returns its path. */
export function writeCatalog(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeCatalogs(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Writes and analyzes a catalog in one step. */
export function analyze(files: Files, today = TODAY) {
  return analyzeCatalog(writeCatalog(files), today);
}

/** The diagnostics as `file:line:column rule` strings, the way tests most often compare them. */
export function where(files: Files, today = TODAY): string[] {
  return analyze(files, today).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
}
