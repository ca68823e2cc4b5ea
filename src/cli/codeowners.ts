/** `npm run codeowners`: a CODEOWNERS file from the catalog's owners, printed or written to .github/CODEOWNERS. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyzeCatalog } from '../core/analyze.ts';
import { codeownersLines, formatCodeowners } from '../core/codeowners.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { repoInfo } from '../core/git.ts';
import { summary } from '../core/report.ts';
import { catalogRoot, COMMON_OPTIONS, fail, parseCommand, todayOrFail } from './common.ts';

const USAGE = `Usage: npm run codeowners -- [--dir DIR] [--write | --check]

Prints a CODEOWNERS file that maps every goal, metric, initiative and values file of the catalog
to its owner's GitHub handle (the \`github\` field in owners/), climbing to the nearest team above
the owner that has one. Files whose owners have no handle anywhere are listed as comments.
Paths are relative to the git repository's root, so a catalog in a subfolder works too.

  --dir DIR   catalog root (default: CATALOG_DIR, else the current folder)
  --write     write .github/CODEOWNERS at the repository's root (the catalog root outside git)
  --check     print nothing; exit 1 if .github/CODEOWNERS is missing or out of date
Exit status: 0 done, 1 the catalog has errors (nothing is written) or --check found a stale
file, 2 bad arguments.
`;

const { values, positionals } = parseCommand(process.argv.slice(2), { ...COMMON_OPTIONS, write: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } }, USAGE);
if (positionals.length) fail(`unexpected argument "${positionals[0]}"\n\n${USAGE}`, 2);
if (values.write && values.check) fail(`--write and --check do not go together\n\n${USAGE}`, 2);

const root = catalogRoot(values.dir);
const analysis = analyzeCatalog(root, todayOrFail(values.today));
const info = repoInfo(root);
const repositoryRoot = 'problem' in info ? root : info.toplevel;
const prefix = 'problem' in info ? '' : info.prefix;
const lines = codeownersLines(analysis.catalog, prefix);
const text = formatCodeowners(lines);
const target = join(repositoryRoot, '.github', 'CODEOWNERS');
const shown = relative(process.cwd(), target) || target;

if (hasErrors(analysis.diagnostics)) {
  fail(`the catalog has errors (${summary(analysis.diagnostics, analysis.fileCount)}), so entries that failed to load would have no code owner; fix them first (npm run check lists them)`, 1);
}
const missing = lines.filter((line) => line.missing).length;
const note = missing ? `; ${missing} file${missing === 1 ? ' has' : 's have'} no GitHub handle (listed as comments)` : '';

if (values.check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current !== text) fail(`${shown} is ${current === undefined ? 'missing' : 'out of date'}: run npm run codeowners -- --write`, 1);
  process.stderr.write(`plumbline: ${shown} is up to date${note}\n`);
} else if (values.write) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stderr.write(`plumbline: wrote ${shown} (${lines.length - missing} files${note})\n`);
} else {
  process.stdout.write(text);
  if (missing) process.stderr.write(`plumbline: ${missing} file${missing === 1 ? ' has' : 's have'} no GitHub handle (listed as comments)\n`);
}
