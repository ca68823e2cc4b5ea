/**
 * A new catalog that starts from KPIs kept elsewhere: the importer's files take the place of the
 * example. The importer reads the levels from the catalog's config, so it runs against a
 * temporary folder holding only the new config, and writes nothing: its files join the others
 * and are written by the same step, which refuses to overwrite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE } from '../core/load.ts';
import { runImport, type ImportKind, type ImportOutcome } from '../import/index.ts';
import { REPORT_FILE } from '../import/report.ts';
import { catalogConfig, yamlText, type InitAnswers, type ScaffoldFile } from './scaffold.ts';

/** The answers an import needs: the levels it places goals at, the organisation that owns the mission. */
type ImportAnswers = Pick<InitAnswers, 'name' | 'levels' | 'today' | 'github'>;

/** The files an import of `source` gives a catalog with these answers, and the import's outcome. */
export function importedFiles(kind: ImportKind, source: string, answers: ImportAnswers): { files: ScaffoldFile[]; outcome: ImportOutcome } {
  const staging = mkdtempSync(join(tmpdir(), 'plumbline-init-'));
  try {
    writeFileSync(join(staging, CONFIG_FILE), catalogConfig(answers));
    const outcome = runImport(kind, source, { dir: staging, today: answers.today, org: answers.name, dryRun: true });
    const missionOwner = outcome.plan.entries.find((entry) => entry.kind === 'goal' && entry.data.level === answers.levels[0])?.data.owner;
    const files = outcome.files
      .filter((file) => file.kind !== 'config')
      .map(({ path, content, kind, id }) => ({ path, content: kind === 'owner' && id === missionOwner && answers.github ? withHandle(content, answers.github) : content }));
    return { files: [...files, { path: REPORT_FILE, content: outcome.report }], outcome };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The organisation's team, which owns the imported mission, with the handle given to init: the
 * code owner of the mission and of the teams below it that have none of their own. The importer
 * writes no `github` of its own (no source gives one), so the line is simply added.
 */
function withHandle(ownerYaml: string, github: string): string {
  return `${ownerYaml.replace(/\n?$/, '\n')}github: ${yamlText(github)}\n`;
}
