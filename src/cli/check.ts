/** `npm run check`: every diagnostic of the catalog, the way the build sees it. */
import { relative, sep } from 'node:path';
import { analyzeCatalog } from '../core/analyze.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../core/report.ts';
import { catalogRoot, COMMON_OPTIONS, fail, parseCommand, todayOrFail } from './common.ts';

const USAGE = `Usage: npm run check -- [--dir DIR] [--format text|json|github] [--today YYYY-MM-DD] [--strict]

Checks every file of the catalog and prints all problems at once, sorted by file and line,
as path:line:column severity rule-id message.

  --dir DIR        catalog root (default: CATALOG_DIR, else the current folder)
  --format FORMAT  text (default), json, or github (workflow annotations)
  --today DATE     the "as of" date for staleness and reviews (default: CATALOG_TODAY, else today)
  --strict         exit 1 on warnings too
Exit status: 0 clean, 1 errors (or warnings with --strict), 2 bad arguments.
`;

const { values } = parseCommand(process.argv.slice(2), { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, strict: { type: 'boolean', default: false } }, USAGE);
const format = values.format as ReportFormat;
if (!REPORT_FORMATS.includes(format)) fail(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${values.format}"`, 2);

const root = catalogRoot(values.dir);
const { diagnostics, fileCount } = analyzeCatalog(root, todayOrFail(values.today));
// Annotations name files from the repository root (where CI runs), even for a catalog in a subfolder.
const prefix = relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), root).split(sep).join('/');
process.stdout.write(formatReport(format, diagnostics, fileCount, prefix && !prefix.startsWith('..') ? `${prefix}/` : ''));
const failing = diagnostics.some((d) => d.severity === 'error' || (values.strict && d.severity === 'warning'));
process.exitCode = failing ? 1 : 0;
