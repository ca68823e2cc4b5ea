/**
 * Importing existing KPIs into a catalog folder: plan (read the source, map it), render (catalog
 * files, each read back with the core's parser and schemas), write (safely), report.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../core/read/yaml.ts';
import { configSchema, DEFAULT_LEVELS, DEFAULT_PERSPECTIVES } from '../core/schemas/config.ts';
import { CONFIG_FILE } from '../core/load.ts';
import { importCsv } from './csv.ts';
import { importGitlab } from './gitlab.ts';
import { importMetricHub } from './metric-hub.ts';
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
  const path = join(dir, CONFIG_FILE);
  let levels = DEFAULT_LEVELS;
  let perspectives = DEFAULT_PERSPECTIVES;
  let name: string | undefined;
  if (existsSync(path)) {
    const parsed = parseYaml(CONFIG_FILE, readFileSync(path, 'utf8'));
    const config = parsed.diagnostics.length ? undefined : configSchema.safeParse(parsed.value);
    if (!config?.success) throw new ImportError(`${path} is not a valid catalog config: run \`npm run check -- --dir ${dir}\` and fix it first`);
    ({ levels, perspectives, name } = config.data);
  }
  if (levels.length < 2) throw new ImportError(`the catalog has one level (${levels.join('')}); an import needs a mission and a level below it`);
  const below = (preferred: string, fallback: number) => (levels.includes(preferred) ? preferred : levels[Math.min(fallback, levels.length - 1)]!);
  return { levels, perspectives, top: levels[0]!, department: below('department', 2), strategy: below('strategy', 1), name };
}

export function planImport(kind: ImportKind, source: string, options: ImportOptions): ImportPlan {
  if (!existsSync(source)) throw new ImportError(`the source ${source} does not exist`);
  const shape = readCatalogShape(options.dir);
  const common = { org: options.org, mission: options.mission, today: options.today, shape };
  switch (kind) {
    case 'csv':
      return importCsv(source, { ...common, map: options.map });
    case 'gitlab-pi':
      return importGitlab(source, { ...common, baseUrl: options.baseUrl });
    case 'metric-hub':
      return importMetricHub(source, common);
  }
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
