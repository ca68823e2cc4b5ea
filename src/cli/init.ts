/** `plumbline init`: a new catalog in a folder, ready to check, build and publish. */
import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { countsOf } from '../import/report.ts';
import { configSchema, DEFAULT_LEVELS } from '../core/schemas/config.ts';
import { ownerSchema } from '../core/schemas/owner.ts';
import { escapeLine } from '../core/escape.ts';
import { plural } from '../core/plural.ts';
import { IMPORT_KINDS, ImportError, type ImportKind } from '../import/index.ts';
import { importedFiles } from '../init/import.ts';
import { readKit } from '../init/kit.ts';
import { scaffoldFiles, type InitAnswers, type ScaffoldFile } from '../init/scaffold.ts';
import { planWrite, writePlan } from '../init/write.ts';
import { CliExit, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, fileProblem, parseCommand, todayOrFail, usageError } from './common.ts';

/** Where a new catalog's entries come from: the example, or one of the importers. */
const STARTS = ['empty', ...IMPORT_KINDS] as const;

const USAGE = `Usage: plumbline init [--dir DIR] [--name NAME] [--levels A,B,C] [--github HANDLE] [--from KIND --source PATH] [--yes]

Writes a new catalog into a folder: catalog.config.yaml, a mission goal, an owner, an example
metric with its values, the JSON Schema for editors (public/schema/), .github/CODEOWNERS, a
README, .gitignore and package.json. It never overwrites a file: if any of them exists, it lists
them and writes nothing. A package.json that exists is completed with the scripts and
dependencies it lacks; nothing in it is changed.
On a terminal it asks for what the options do not give; with --yes, or when standard input is
not a terminal, it asks nothing and takes the defaults.

  --dir DIR              the folder to write into, created if missing (default: the current folder)
  --name NAME            the organisation (default: the folder's name)
  --levels A,B,C         the cascade levels from the top down (default: ${DEFAULT_LEVELS.join(',')})
  --github HANDLE        GitHub user or @org/team of the leadership team: the code owner of the catalog
  --from KIND            where the entries come from: ${STARTS.join(', ')} (default: empty,
                         an example metric); the others import --source instead of the example
  --source PATH          what to import: a .csv KPI register, or a folder of GitLab or metric-hub files
  --plumbline-spec SPEC  the plumbline dependency in package.json (default: ^ this version)
  --today DATE           the date the example's values are dated before (default: CATALOG_TODAY, else today)
  --yes                  ask nothing; what the options do not give takes its default
Exit status: 0 written, 1 a file is in the way (nothing is written) or the source cannot be
imported, 2 bad arguments.
`;

const OPTIONS = {
  dir: COMMON_OPTIONS.dir,
  today: COMMON_OPTIONS.today,
  help: COMMON_OPTIONS.help,
  name: { type: 'string' },
  levels: { type: 'string' },
  github: { type: 'string' },
  from: { type: 'string' },
  source: { type: 'string' },
  'plumbline-spec': { type: 'string' },
  yes: { type: 'boolean', default: false },
} as const;

/** What the options give, before the prompts fill the gaps. */
export interface InitFlags {
  name?: string;
  levels?: string;
  github?: string;
  from?: string;
  source?: string;
}

/** Asks one question; the answer is trimmed, and an empty one takes the default shown. */
export type Ask = (question: string, fallback: string) => Promise<string>;

/**
 * The flags, completed by asking for each one that is missing. Without `ask` (no terminal, or
 * --yes) nothing is asked: the folder's name, the default levels, no handle, the example.
 */
export async function completeFlags(flags: InitFlags, folderName: string, ask?: Ask): Promise<Required<Omit<InitFlags, 'github' | 'source'>> & Pick<InitFlags, 'github' | 'source'>> {
  const value = async (given: string | undefined, question: string, fallback: string) => given ?? (ask ? await ask(question, fallback) : fallback);
  const name = await value(flags.name, 'Organisation name', folderName);
  const levels = await value(flags.levels, 'Levels, from the top down', DEFAULT_LEVELS.join(','));
  const github = (await value(flags.github, 'GitHub user or @org/team of the leadership team (optional)', '')) || undefined;
  const from = await value(flags.from, `Start from (${STARTS.join(', ')})`, 'empty');
  const source = from === 'empty' ? flags.source : await value(flags.source, `Path of what to import (${from})`, '');
  return { name, levels, github, from, source: source || undefined };
}

/** Questions on the terminal, with node's readline; closed by the caller. */
function terminalAsk(): { ask: Ask; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return {
    ask: async (question, fallback) => (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback,
    close: () => rl.close(),
  };
}

/** The answers the scaffold takes, from completed flags; a value that could not be used ends the command (exit 2). */
function answersOrFail(flags: Awaited<ReturnType<typeof completeFlags>>, today: string, plumblineSpec: string): InitAnswers & { from: string } {
  const name = configSchema.shape.name.safeParse(flags.name);
  if (!name.success) usageError("the organisation's name is empty: give --name NAME", USAGE);
  const levels = configSchema.shape.levels.safeParse(flags.levels.split(',').map((level) => level.trim()));
  if (!levels.success) usageError(`--levels ${flags.levels}: ${levels.error.issues[0]!.message}; give names such as ${DEFAULT_LEVELS.join(',')}`, USAGE);
  if (flags.github !== undefined && !ownerSchema.shape.github.safeParse(flags.github).success) usageError(`--github ${flags.github} must be a GitHub user (@alice) or team (@org/team)`, USAGE);
  if (!(STARTS as readonly string[]).includes(flags.from)) usageError(`--from must be one of ${STARTS.join(', ')}; got "${flags.from}"`, USAGE);
  if (flags.from === 'empty' && flags.source !== undefined) usageError(`--source goes with --from ${IMPORT_KINDS.join('|')}`, USAGE);
  if (flags.from !== 'empty' && flags.source === undefined) usageError(`--from ${flags.from} needs --source PATH: what to import`, USAGE);
  return { name: name.data!, levels: levels.data!, github: flags.github, today, plumblineSpec, from: flags.from };
}

/** Writes a new catalog; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values } = parseCommand(argv, OPTIONS, USAGE);
    const today = todayOrFail(values.today, io.env);
    const dir = resolve(io.cwd, values.dir ?? '.');
    if (existsSync(dir) && !statSync(dir).isDirectory()) fail(`${dir} is a file: give --dir a folder (a new one is created)`, 2);

    // A prompt nobody can answer would hang a script: ask only on a terminal, and never with --yes.
    const terminal = !values.yes && process.stdin.isTTY === true ? terminalAsk() : undefined;
    let flags;
    try {
      flags = await completeFlags(values, basename(dir), terminal?.ask);
    } finally {
      terminal?.close();
    }
    const kit = readKit();
    const answers = answersOrFail(flags, today, values['plumbline-spec'] ?? `^${kit.version}`);

    let imported: ScaffoldFile[] | undefined;
    let importLine = '';
    if (answers.from !== 'empty') {
      const source = resolve(io.cwd, flags.source!);
      try {
        const { files, outcome } = importedFiles(answers.from as ImportKind, source, answers);
        imported = files;
        const counts = countsOf(outcome.plan);
        importLine = `Imported ${counts.imported} of ${plural(counts.sourceEntries, 'entry', 'entries')} from ${escapeLine(flags.source!)}${counts.skipped ? ` (${counts.skipped} not imported)` : ''}; IMPORT-REPORT.md says what each still lacks.\n`;
      } catch (error) {
        if (error instanceof ImportError) fail(error.message, 1);
        const { code, path } = error as NodeJS.ErrnoException;
        if (code && path) fail(`cannot read the source ${path} (${fileProblem(error)}): give --source a file or folder you may read`, 1);
        throw error;
      }
    }

    const files = scaffoldFiles(answers, kit, imported);
    // The folder as the user finds it from where they are: relative inside it, else absolute.
    const near = relative(io.cwd, dir);
    const shown = near === '' ? '.' : near.startsWith('..') || isAbsolute(near) ? dir : near;
    let plan;
    try {
      plan = planWrite(dir, files);
    } catch (error) {
      if (error instanceof SyntaxError) fail(`${join(shown, 'package.json')} is not valid JSON (${error.message}): fix it, or move it away, and run init again`, 1);
      throw error;
    }
    if (plan.existing.length) {
      const list = plan.existing.map((path) => `  ${escapeLine(path)}\n`).join('');
      throw new CliExit(1, `plumbline: nothing was written: ${plural(plan.existing.length, 'file')} in ${escapeLine(shown)} would be overwritten:\n${list}Move them away, or run init in an empty folder.\n`);
    }
    try {
      writePlan(dir, plan);
    } catch (error) {
      fail(`cannot write into ${shown} (${fileProblem(error)}): give --dir a folder you may write to`, 1);
    }

    const completed = plan.complete?.added.length ? `; completed package.json with ${plan.complete.added.join(', ')}` : '';
    io.stdout(`Wrote ${plural(plan.create.length, 'file')}${shown === '.' ? '' : ` in ${escapeLine(shown)}`}${completed}.\n${importLine}`);
    io.stdout(nextSteps(dir, shown));
  });
}

/** What to run next, from the folder the command ran in. */
function nextSteps(dir: string, shown: string): string {
  const steps = [
    ...(shown === '.' ? [] : [`cd ${shown}`]),
    ...(existsSync(join(dir, 'node_modules', 'plumbline')) ? [] : ['npm install']),
    'npx plumbline check    # 0 errors: the catalog is valid',
    'npx plumbline dev      # the site at http://localhost:4321',
  ];
  return `Next:\n${steps.map((step) => `  ${escapeLine(step)}\n`).join('')}`;
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
