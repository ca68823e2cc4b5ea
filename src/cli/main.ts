/**
 * `plumbline <command> [options]`: the one entry point of every command. Each command is loaded
 * only when it is run, so `check` never loads Astro. Exit status: 0 ok, 1 the catalog has
 * problems, 2 a mistake in how the command was called, 70 a bug in Plumbline.
 */
import { closest } from '../core/suggest.ts';
import { PLUMBLINE_VERSION } from '../core/version.ts';
import { type CliIo, type Command, fail, processIo, runCommand } from './common.ts';

interface CommandEntry {
  /** One line for the list of commands. */
  summary: string;
  load: () => Promise<{ run: Command }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  check: { summary: 'check every file of the catalog and list all problems', load: () => import('./check.ts') },
  build: { summary: 'check the catalog, then build the site (into dist/)', load: () => import('./build.ts') },
  dev: { summary: 'serve the site while you edit the catalog', load: () => import('./dev.ts') },
  preview: { summary: 'serve the built site', load: () => import('./preview.ts') },
  diff: { summary: 'what a change does to the catalog, for a pull-request comment', load: () => import('./diff.ts') },
  codeowners: { summary: "write .github/CODEOWNERS from the catalog's owners", load: () => import('./codeowners.ts') },
  reminders: { summary: 'what each owner should act on: fired triggers, stale data, reviews due', load: () => import('./reminders.ts') },
  import: { summary: "bring KPIs in from a spreadsheet, GitLab's handbook or metric-hub", load: () => import('./import.ts') },
  schema: { summary: 'JSON Schema for editors, and the format reference', load: () => import('./schema.ts') },
  init: { summary: "start a catalog in a folder: config, an example metric, workflows", load: () => import('./init.ts') },
};

const COMMAND_NAMES = Object.keys(COMMANDS);

export const USAGE = `Usage: plumbline <command> [options]

Plumbline checks a catalog of goals, metrics, owners and initiatives kept as YAML, MDX and CSV
files in git, and publishes it as a static site.

Commands:
${COMMAND_NAMES.map((name) => `  ${name.padEnd(11)} ${COMMANDS[name]!.summary}`).join('\n')}

  plumbline <command> --help   the options of a command
  plumbline --version          the version of Plumbline

Every command works on the catalog in --dir DIR; without it, on CATALOG_DIR, else on the
nearest folder upwards from here that holds catalog.config.yaml.
Exit status: 0 ok, 1 the catalog has problems (each command's --help says which), 2 bad
arguments, 70 a bug in Plumbline.
`;

function commandList(): string {
  return `the commands are ${COMMAND_NAMES.join(', ')}`;
}

/** Runs `plumbline <argv>`; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (first === '--version') {
    io.stdout(`${PLUMBLINE_VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!entry) {
    return runCommand(io, () => {
      const what = first.startsWith('-') ? `unknown option ${first} before the command` : `unknown command "${first}"`;
      const guess = closest(first.replace(/^-+/, ''), COMMAND_NAMES);
      fail(`${what} (${guess ? `did you mean ${guess}? ` : ''}${commandList()}). Usage: plumbline <command> [options] (plumbline --help lists them)`, 2);
    });
  }
  const { run: command } = await entry.load();
  return command(rest, io);
}

/** Runs the command line of this process and sets its exit status. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
}

if (import.meta.main) await main();
