/** `plumbline reminders`: fired triggers, stale data and overdue reviews, grouped per owner, as Markdown for an issue. */
import { analyzeCatalog } from '../core/analyze.ts';
import { collectReminders, remindersToJson, remindersToMarkdown } from '../features/reminders.ts';
import { catalogRootOrFail, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, outputPathOrFail, OUTPUT_OPTION, parseCommand, todayOrFail, writeOutput } from './common.ts';

const USAGE = `Usage: plumbline reminders [--dir DIR] [--format markdown|json] [--today YYYY-MM-DD] [--output FILE]

Lists what each owner should act on, as of a date: triggers that fired on the latest values,
metrics whose data is stale (the stale-data rule), and definitions overdue for review (the
review-overdue rule), grouped per owner and mentioning the owner's GitHub handle. Prints one
line starting "Nothing to remind" when there is nothing to do.

  --dir DIR        catalog root (default: CATALOG_DIR, else the nearest folder upwards from
                   here that holds catalog.config.yaml)
  --format FORMAT  markdown (default) or json
  --output FILE    write the reminders to FILE instead of stdout, where \`npm run\` prints its
                   own lines first
  --today DATE     the "as of" date (default: CATALOG_TODAY, else today)
Exit status: 0 printed (whatever it found), 1 the catalog folder is missing, cannot be read or
has no catalog.config.yaml, 2 bad arguments (or an --output file that cannot be written).
`;

const FORMATS = ['markdown', 'json'] as const;
/** Lists the reminders; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommand(argv, { ...COMMON_OPTIONS, ...OUTPUT_OPTION, format: { type: 'string', default: 'markdown' } }, USAGE);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`, 2);
    const output = outputPathOrFail(values.output, io.cwd);

    const today = todayOrFail(values.today, io.env);
    // A folder that is no catalog has nothing to remind of, but saying "Nothing to remind" would hide that.
    const groups = collectReminders(analyzeCatalog(catalogRootOrFail(values.dir, {}, io), today, io.env));
    writeOutput(io, format === 'json' ? remindersToJson(groups, today) : remindersToMarkdown(groups, today), output, `the ${format} reminders`);
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
