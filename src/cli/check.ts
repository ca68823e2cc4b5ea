/** `plumbline check`: every diagnostic of the catalog, the way the build sees it. */
import { relative, sep } from 'node:path';
import { analyzeCatalog } from '../core/analyze.ts';
import { formatReport, REPORT_FORMATS, summary, type ReportFormat } from '../features/report.ts';
import { catalogRoot, type CliIo, COMMON_OPTIONS, fail, outputPathOrFail, OUTPUT_OPTION, parseCommand, todayOrFail, processIo, runCommand, writeOutput } from './common.ts';

const USAGE = `Usage: plumbline check [--dir DIR] [--format text|json|github] [--today YYYY-MM-DD] [--strict] [--output FILE]

Checks every file of the catalog and prints all problems at once, sorted by file and line,
as path:line:column severity rule-id message.

  --dir DIR        catalog root (default: CATALOG_DIR, else the nearest folder upwards from
                   here that holds catalog.config.yaml)
  --format FORMAT  text (default), json, or github (workflow annotations)
  --output FILE    write the report to FILE instead of stdout, where \`npm run\` prints its own
                   lines first (the summary goes to stderr)
  --today DATE     the "as of" date for staleness and reviews (default: CATALOG_TODAY, else today)
  --strict         exit 1 on warnings too
Exit status: 0 clean, 1 errors (or warnings with --strict), 2 bad arguments.
A catalog folder that is missing or cannot be read is an error; an --output file that cannot
be written is a bad argument.
`;

/** Checks the catalog; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommand(argv, { ...COMMON_OPTIONS, ...OUTPUT_OPTION, format: { type: 'string', default: 'text' }, strict: { type: 'boolean', default: false } }, USAGE);
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) fail(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${values.format}"`, 2);
    const output = outputPathOrFail(values.output, io.cwd);

    const root = catalogRoot(values.dir, io.env, io.cwd);
    const { diagnostics, fileCount } = analyzeCatalog(root, todayOrFail(values.today, io.env), io.env);
    // Annotations name files from the repository root (where CI runs), even for a catalog in a subfolder.
    const prefix = relative(io.env.GITHUB_WORKSPACE ?? io.cwd, root).split(sep).join('/');
    writeOutput(io, formatReport(format, diagnostics, fileCount, prefix && !prefix.startsWith('..') ? `${prefix}/` : ''), output, `the ${format} report`, summary(diagnostics, fileCount));
    const failing = diagnostics.some((d) => d.severity === 'error' || (values.strict && d.severity === 'warning'));
    return failing ? 1 : 0;
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
