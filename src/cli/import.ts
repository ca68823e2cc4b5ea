/** `plumbline import`: bring existing KPIs into a catalog from a spreadsheet, GitLab's handbook or metric-hub. */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { catalogFolderProblem } from '../core/catalog-folder.ts';
import { analyzeCatalog } from '../core/analyze.ts';
import { summary } from '../features/report.ts';
import { IMPORT_KINDS, ImportError, runImport, type ImportKind } from '../import/index.ts';
import { formatSummary, REPORT_FILE } from '../import/report.ts';
import { catalogRoot, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, fileProblem, parseCommand, todayOrFail, usageError } from './common.ts';

const USAGE = `Usage: plumbline import <kind> <source> [--dir DIR] [--dry-run] [--force] [options]

Writes catalog files (goals, metrics, owners, and catalog.config.yaml if there is none) from KPIs
kept elsewhere, and a report of what it could not map: IMPORT-REPORT.md in the catalog folder.
Nothing is invented: a field the source does not give holds a placeholder starting with
"TODO(import):" (or, for indicator, direction and cadence, a default tagged todo-import-<field>).

Kinds and sources:
  csv         a KPI register exported from a spreadsheet (.csv; comma, semicolon or tab separated)
  gitlab-pi   a folder of GitLab handbook performance-indicator files (*.yml), or one file
  metric-hub  a folder of Mozilla metric-hub definition files (*.toml), or one file

  --dir DIR        catalog folder to write into (default: CATALOG_DIR, else the current folder)
  --dry-run        say what would be written; write nothing (the report goes to stdout)
  --force          overwrite files that exist and differ (default: keep them and report a conflict)
  --org NAME       the organisation: its team owns the mission (gitlab-pi default: GitLab)
  --mission TITLE  title of the mission goal (default: the organisation, else "Imported …")
  --map COL=FIELD  csv: map a column to a field (repeatable), e.g. --map "Accountable exec=owner";
                   fields: id, name, description, why, goal, owner, owner_email, owner_kind,
                   indicator, unit, direction, formula, source, source_url, cadence, baseline,
                   baseline_date, target, target_date, primary, status, tags, or ignore
  --base-url URL   gitlab-pi: where site-relative handbook links point (default https://about.gitlab.com)
  --today DATE     the "as of" date, used as the retirement date of deprecated entries
                   (default: CATALOG_TODAY, else today)
Running the same import twice writes the same files. Exit status: 0 done, 1 conflicts (files
kept; rerun with --force to overwrite), a source that cannot be read or holds nothing to import,
or a catalog folder that cannot be written, 2 bad arguments.
Then: plumbline check --dir DIR lists what each entry still lacks.
`;

/** Imports KPIs into a catalog; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values, positionals } = parseCommand(
      argv,
      {
        ...COMMON_OPTIONS,
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        org: { type: 'string' },
        mission: { type: 'string' },
        map: { type: 'string', multiple: true },
        'base-url': { type: 'string' },
      },
      USAGE,
      { positionals: Infinity },
    );
    const [kind, source, ...extra] = positionals;
    if (!kind || !source) usageError('give a kind and a source', USAGE);
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) fail(`the kind must be one of ${IMPORT_KINDS.join(', ')}; got "${kind}"`, 2);
    if (extra.length) usageError(`one source at a time; also got ${extra.join(' ')}`, USAGE);
    if (values.map?.length && kind !== 'csv') fail('--map applies to csv imports only', 2);
    const baseUrl = values['base-url'];
    if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(baseUrl)) fail(`--base-url must be an http(s) address; got "${baseUrl}"`, 2);

    const today = todayOrFail(values.today, io.env);
    const dir = catalogRoot(values.dir, io.env, io.cwd, { search: false });
    // The catalog folder may be new (it is created), but what is there must be a folder we may read.
    const folderProblem = existsSync(dir) ? catalogFolderProblem(dir) : undefined;
    if (folderProblem) fail(`${folderProblem.message}: give --dir the catalog folder to write into (a new one is created)`, 1);
    const dryRun = values['dry-run'];
    // The source as given when the command runs in the process's folder (so messages name it as typed), else from io.cwd.
    const sourcePath = resolve(io.cwd, source) === resolve(source) ? source : resolve(io.cwd, source);
    let outcome;
    try {
      outcome = runImport(kind as ImportKind, sourcePath, { dir, today, org: values.org, mission: values.mission, map: values.map, baseUrl, force: values.force, dryRun });
    } catch (error) {
      if (error instanceof ImportError) fail(error.message, 1);
      const { code, path } = error as NodeJS.ErrnoException;
      if (code && path) {
        // Inside the catalog folder we write; anywhere else we read the source.
        if (resolve(io.cwd, path) === dir || resolve(io.cwd, path).startsWith(`${dir}${sep}`)) fail(`cannot write ${path} (${fileProblem(error)}): give --dir a catalog folder you may write to`, 1);
        fail(`cannot read the source ${path} (${fileProblem(error)}): give a source you may read`, 1);
      }
      throw error;
    }
    const { plan, results, report } = outcome;
    if (dryRun) io.stdout(report + '\n');
    io.stdout(formatSummary(plan, results, { dryRun, reportPath: dryRun ? undefined : join(dir, REPORT_FILE) }));
    if (!dryRun) {
      const { diagnostics, fileCount } = analyzeCatalog(dir, today, io.env);
      const byRule = new Map<string, number>();
      for (const d of diagnostics) byRule.set(`${d.severity} ${d.rule}`, (byRule.get(`${d.severity} ${d.rule}`) ?? 0) + 1);
      io.stdout(`Check: ${summary(diagnostics, fileCount)}${byRule.size ? ':' : '.'}\n`);
      for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) io.stdout(`  ${count} ${rule}\n`);
      io.stdout(`Next: plumbline check --dir ${values.dir ?? dir} shows each finding at its file and line.\n`);
    }
    return results.some((r) => r.status === 'conflict') ? 1 : 0;
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
