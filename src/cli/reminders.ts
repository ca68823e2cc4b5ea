/** `npm run reminders`: fired triggers, stale data and overdue reviews, grouped per owner, as Markdown for an issue. */
import { analyzeCatalog } from '../core/analyze.ts';
import { collectReminders, remindersToMarkdown } from '../core/reminders.ts';
import { catalogRoot, COMMON_OPTIONS, fail, parseCommand, todayOrFail } from './common.ts';

const USAGE = `Usage: npm run reminders -- [--dir DIR] [--format markdown|json] [--today YYYY-MM-DD]

Lists what each owner should act on, as of a date: triggers that fired on the latest values,
metrics whose data is stale (the stale-data rule), and definitions overdue for review (the
review-overdue rule), grouped per owner and mentioning the owner's GitHub handle. Prints one
line starting "Nothing to remind" when there is nothing to do.

  --dir DIR        catalog root (default: CATALOG_DIR, else the current folder)
  --format FORMAT  markdown (default) or json
  --today DATE     the "as of" date (default: CATALOG_TODAY, else today)
Exit status: 0 printed (whatever it found), 2 bad arguments.
`;

const FORMATS = ['markdown', 'json'] as const;
const { values, positionals } = parseCommand(process.argv.slice(2), { ...COMMON_OPTIONS, format: { type: 'string', default: 'markdown' } }, USAGE);
if (positionals.length) fail(`unexpected argument "${positionals[0]}"\n\n${USAGE}`, 2);
const format = values.format as (typeof FORMATS)[number];
if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`, 2);

const today = todayOrFail(values.today);
const groups = collectReminders(analyzeCatalog(catalogRoot(values.dir), today));
process.stdout.write(format === 'json' ? JSON.stringify({ today, owners: groups }, null, 2) + '\n' : remindersToMarkdown(groups, today));
