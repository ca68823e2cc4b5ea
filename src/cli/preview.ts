/** `plumbline preview`: the built site, served as it will be published. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CliIo, fail, parseCommand, runCommand } from './common.ts';
import { runSite, SERVER_OPTIONS, SERVER_OPTIONS_HELP, SITE_OPTIONS, SITE_OPTIONS_HELP, siteSettings } from './site.ts';

const USAGE = `Usage: plumbline preview [--dir DIR] [--out-dir DIR] [--site URL] [--base PATH] [--host ADDRESS] [--port PORT]

Serves the site that plumbline build wrote, to look at it before it is published. Give it the
--out-dir and --base the build had. Ctrl-C stops it.

${SITE_OPTIONS_HELP}
${SERVER_OPTIONS_HELP}
Exit status: 0 stopped, 1 nothing is built there or the server could not start, 2 bad arguments.
`;

/** Serves the built site until stopped; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values } = parseCommand(argv, { ...SITE_OPTIONS, ...SERVER_OPTIONS }, USAGE);
    const settings = siteSettings(values, io);
    const built = settings.outDir ?? join(settings.root, 'dist');
    if (!existsSync(join(built, 'index.html'))) fail(`no built site in ${built}: run plumbline build first${settings.outDir ? ' with the same --out-dir' : ''}`, 1);
    return runSite('preview', settings, io);
  });
}
