/** `plumbline dev`: the site served from the catalog as it is edited. */
import { type CliIo, parseCommand, runCommand } from './common.ts';
import { runSite, SERVER_OPTIONS, SERVER_OPTIONS_HELP, SITE_OPTIONS, SITE_OPTIONS_HELP, siteSettings } from './site.ts';

const USAGE = `Usage: plumbline dev [--dir DIR] [--today YYYY-MM-DD] [--site URL] [--base PATH] [--host ADDRESS] [--port PORT]

Serves the site on this machine and shows each saved change to the catalog without a restart.
Diagnostics are printed as warnings, errors included, so a half-written entry does not stop the
server. Ctrl-C stops it.

${SITE_OPTIONS_HELP}
${SERVER_OPTIONS_HELP}
Exit status: 0 stopped, 1 the server could not start, 2 bad arguments.
`;

/** Serves the site until stopped; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values } = parseCommand(argv, { ...SITE_OPTIONS, ...SERVER_OPTIONS }, USAGE);
    return runSite('dev', siteSettings(values, io), io);
  });
}
