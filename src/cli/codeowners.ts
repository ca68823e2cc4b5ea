/** `plumbline codeowners`: a CODEOWNERS file from the catalog's owners, printed or written to .github/CODEOWNERS. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyzeCatalog } from '../core/analyze.ts';
import { codeownersLines, formatCodeowners } from '../features/codeowners.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { repoInfo } from '../features/git.ts';
import { noun, plural } from '../core/plural.ts';
import { summary } from '../features/report.ts';
import { catalogRootOrFail, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, fileProblem, parseCommand, todayOrFail, usageError } from './common.ts';

const USAGE = `Usage: plumbline codeowners [--dir DIR] [--write | --check] [--today YYYY-MM-DD]

Prints a CODEOWNERS file that maps every goal, metric, initiative and values file of the catalog
to its owner's GitHub handle (the \`github\` field in owners/), climbing to the nearest team above
the owner that has one. Files whose owners have no handle anywhere are listed as comments.
Paths are relative to the git repository's root, so a catalog in a subfolder works too.

  --dir DIR     catalog root (default: CATALOG_DIR, else the nearest folder upwards from here
                that holds catalog.config.yaml)
  --write       write .github/CODEOWNERS at the repository's root (the catalog root outside git)
  --check       print nothing; exit 1 if .github/CODEOWNERS is missing or out of date
  --today DATE  the "as of" date the catalog is read at (default: CATALOG_TODAY, else today)
Exit status: 0 done, 1 the catalog has errors or is missing (nothing is written) or --check
found a stale file, 2 bad arguments.
`;

/** Prints, writes or checks CODEOWNERS; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommand(argv, { ...COMMON_OPTIONS, write: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } }, USAGE);
    if (values.write && values.check) usageError('--write and --check do not go together', USAGE);

    const today = todayOrFail(values.today, io.env);
    const root = catalogRootOrFail(values.dir, {}, io);
    const analysis = analyzeCatalog(root, today, io.env);
    const info = repoInfo(root);
    const repositoryRoot = 'problem' in info ? root : info.toplevel;
    const prefix = 'problem' in info ? '' : info.prefix;
    const lines = codeownersLines(analysis.catalog, prefix);
    const text = formatCodeowners(lines);
    const target = join(repositoryRoot, '.github', 'CODEOWNERS');
    const shown = relative(io.cwd, target) || target;

    if (hasErrors(analysis.diagnostics)) {
      fail(`the catalog has errors (${summary(analysis.diagnostics, analysis.fileCount)}), so entries that failed to load would have no code owner; fix them first (plumbline check lists them)`, 1);
    }
    const missing = lines.filter((line) => line.missing).length;
    const noHandle = `${plural(missing, 'file')} ${noun(missing, 'has', 'have')} no GitHub handle (listed as comments)`;
    const note = missing ? `; ${noHandle}` : '';

    if (values.check) {
      let current: string | undefined;
      try {
        current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      } catch (error) {
        fail(`cannot read ${shown} (${fileProblem(error)}); replace it with plumbline codeowners --write`, 1);
      }
      if (current !== text) fail(`${shown} is ${current === undefined ? 'missing' : 'out of date'}: run plumbline codeowners --write`, 1);
      io.stderr(`plumbline: ${shown} is up to date${note}\n`);
    } else if (values.write) {
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      } catch (error) {
        fail(`cannot write ${shown} (${fileProblem(error)}); print the file instead (leave out --write) and save it where you can`, 1);
      }
      io.stderr(`plumbline: wrote ${shown} (${plural(lines.length - missing, 'file')}${note})\n`);
    } else {
      io.stdout(text);
      if (missing) io.stderr(`plumbline: ${noHandle}\n`);
    }
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
