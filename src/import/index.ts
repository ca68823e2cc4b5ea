/**
 * Importing existing KPIs into a catalog folder: plan (read the source, map it), render (catalog
 * files, each read back with the core's parser and schemas), write (safely), report.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderSource } from '../core/read/source.ts';
import { DEFAULT_LEVELS, DEFAULT_PERSPECTIVES } from '../core/schemas/config.ts';
import { CONFIG_FILE, loadCatalogConfig } from '../core/load.ts';
import { plural } from '../core/plural.ts';
import { importCsv } from './csv.ts';
import { gitlabFiles, importGitlab } from './gitlab.ts';
import { importMetricHub, metricHubFiles } from './metric-hub.ts';
import type { CatalogShape, ImportPlan } from './plan.ts';
import { problemsOf, renderConfig, renderEntry, type RenderedFile } from './render.ts';
import { formatReport, REPORT_FILE } from './report.ts';
import { writeFiles, type WriteResult } from './write.ts';

export const IMPORT_KINDS = ['csv', 'gitlab-pi', 'metric-hub'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  /** The catalog folder to write into. */
  dir: string;
  /** The "as of" date (YYYY-MM-DD). */
  today: string;
  org?: string;
  mission?: string;
  /** csv: extra column mappings, "Column=field". */
  map?: string[];
  /** gitlab-pi: where site-relative handbook links point. */
  baseUrl?: string;
  force?: boolean;
  dryRun?: boolean;
}

export interface ImportOutcome {
  plan: ImportPlan;
  files: RenderedFile[];
  results: WriteResult[];
  /** IMPORT-REPORT.md's content. */
  report: string;
}

export class ImportError extends Error {}

/** The levels and perspectives of the catalog in `dir` (defaults if it has no config yet). */
export function readCatalogShape(dir: string): CatalogShape {
  const source = folderSource(dir);
  let levels = DEFAULT_LEVELS;
  let perspectives = DEFAULT_PERSPECTIVES;
  let name: string | undefined;
  if (source.exists(CONFIG_FILE)) {
    // Read exactly as check reads it, so an import never builds on a config check would refuse.
    const { config, diagnostics } = loadCatalogConfig(source);
    if (diagnostics.some((d) => d.severity === 'error')) throw new ImportError(`${join(dir, CONFIG_FILE)} is not a valid catalog config: run \`plumbline check --dir ${dir}\` and fix it first`);
    ({ levels, perspectives, name } = config);
  }
  if (levels.length < 2) throw new ImportError(`the catalog has one level (${levels.join('')}); an import needs a mission and a level below it`);
  const below = (preferred: string, fallback: number) => (levels.includes(preferred) ? preferred : levels[Math.min(fallback, levels.length - 1)]!);
  return { levels, perspectives, top: levels[0]!, department: below('department', 2), strategy: below('strategy', 1), name };
}

export function planImport(kind: ImportKind, source: string, options: ImportOptions): ImportPlan {
  if (!existsSync(source)) throw new ImportError(`the source ${source} does not exist`);
  if (kind === 'csv' && statSync(source).isDirectory()) throw new ImportError(`the source ${source} is a folder: a csv import reads one .csv file, the KPI register exported from a spreadsheet`);
  const shape = readCatalogShape(options.dir);
  const common = { org: options.org, mission: options.mission, today: options.today, shape };
  const plan = kind === 'csv' ? importCsv(source, { ...common, map: options.map }) : kind === 'gitlab-pi' ? importGitlab(source, { ...common, baseUrl: options.baseUrl }) : importMetricHub(source, common);
  // "0 imported" would read as success: a source with nothing to import is a wrong path or a wrong kind.
  if (plan.sourceEntries === 0) throw new ImportError(nothingToImport(kind, source, plan));
  return plan;
}

/** What the importer expected to find in the source, and where, when it found nothing. */
export function nothingToImport(kind: ImportKind, source: string, plan: ImportPlan): string {
  const said = plan.notes.join('; ');
  const notes = said ? ` (${said.length > 300 ? `${said.slice(0, 300)}…` : said})` : '';
  if (kind === 'csv') {
    return readFileSync(source, 'utf8').trim() === '' ? `the source ${source} is empty: expected a header row, then one row per KPI` : `no KPI rows in ${source}: expected a header row, then one row per KPI${notes}`;
  }
  const folder = statSync(source).isDirectory();
  const [files, pattern, what, whereFrom] =
    kind === 'metric-hub'
      ? [metricHubFiles(source).length, '*.toml', 'metric-hub definition', 'definitions/ in a clone of mozilla/metric-hub']
      : [gitlabFiles(source).length, '*.yml or *.yaml', 'performance-indicator', "data/performance_indicators/ in GitLab's handbook"];
  if (folder && files === 0) return `no ${what} files (${pattern}) in the folder ${source}: give the folder that holds them (${whereFrom}) or one such file`;
  const found = folder ? `the ${plural(files, 'file')} of ${source}` : source;
  return kind === 'metric-hub'
    ? `no metrics in ${found}: metric-hub defines each in a [metrics.<name>] table${notes}`
    : `no performance indicators in ${found}: GitLab's files are YAML lists of indicators, each with a name${notes}`;
}

/**
 * Renders the plan and checks every file the way `npm run check` reads it. A metric that would
 * not be valid is moved to the plan's skipped list with the reason; any other invalid file is a
 * bug in the importer and throws.
 */
export function renderPlan(plan: ImportPlan, shape: CatalogShape): RenderedFile[] {
  const files: RenderedFile[] = [];
  const kept = [];
  for (const entry of plan.entries) {
    const file = renderEntry(entry);
    const problems = problemsOf(file, shape);
    if (!problems.length) {
      files.push(file);
      kept.push(entry);
    } else if (entry.kind === 'metric') {
      plan.skipped.push({ origin: entry.origin ?? entry.id, name: String(entry.data.name), reason: `would not be a valid metric: ${problems.join('; ')}` });
    } else {
      throw new Error(`import produced an invalid ${entry.kind} ${file.path}: ${problems.join('; ')}`);
    }
  }
  plan.entries = kept;
  const config = renderConfig(plan.config);
  const problems = problemsOf(config, shape);
  if (problems.length) throw new Error(`import produced an invalid catalog.config.yaml: ${problems.join('; ')}`);
  return [config, ...files];
}

export function runImport(kind: ImportKind, source: string, options: ImportOptions): ImportOutcome {
  const plan = planImport(kind, source, options);
  const files = renderPlan(plan, readCatalogShape(options.dir));
  const report = formatReport(plan, files);
  const results = writeFiles(options.dir, files, { force: options.force, dryRun: options.dryRun });
  if (!options.dryRun) {
    mkdirSync(options.dir, { recursive: true });
    writeFileSync(join(options.dir, REPORT_FILE), report);
  }
  return { plan, files, results, report };
}
