/** `plumbline build`: check the catalog, then build the site with Astro. */
import { analyzeCatalog } from '../core/analyze.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { formatText } from '../features/report.ts';
import { type CliIo, parseCommand, runCommand } from './common.ts';
import { runSite, SITE_OPTIONS, SITE_OPTIONS_HELP, siteSettings } from './site.ts';

const USAGE = `Usage: plumbline build [--dir DIR] [--today YYYY-MM-DD] [--out-dir DIR] [--site URL] [--base PATH]

Checks the catalog and, when it has no errors, builds the site: a page for every goal, metric,
owner and initiative, the diagrams, catalog.json and the search index. Warnings are printed and
do not stop the build.

${SITE_OPTIONS_HELP}
Exit status: 0 built, 1 the catalog has errors (nothing is built; the report is the one check
prints) or the build failed, 2 bad arguments.
`;

/** Builds the site; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values } = parseCommand(argv, SITE_OPTIONS, USAGE);
    const settings = siteSettings(values, io);
    // Checked here first: on errors the integration would end the whole process, so nothing could follow the build.
    const { diagnostics, fileCount } = analyzeCatalog(settings.catalog, settings.today, io.env);
    if (hasErrors(diagnostics)) {
      io.stderr(`${formatText(diagnostics, fileCount)}\nplumbline: the catalog has errors, so no pages were written. Fix them (plumbline check lists the same) and build again.\n`);
      return 1;
    }
    return runSite('build', settings, io);
  });
}
