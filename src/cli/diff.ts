/** `plumbline diff`: what a change does to the catalog, as Markdown for a pull-request comment or JSON for tools. */
import { basename } from 'node:path';
import { analyzeCatalog, type Analysis } from '../core/analyze.ts';
import { diffToJson, diffToMarkdown } from '../features/diff-markdown.ts';
import { diffCatalogs } from '../features/diff.ts';
import { GitError, gitSource, repoInfo, resolveCommit } from '../features/git.ts';
import { catalogRootOrFail, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, outputPathOrFail, OUTPUT_OPTION, parseCommand, todayOrFail, usageError, writeOutput } from './common.ts';

const USAGE = `Usage: plumbline diff --base REV [--head REV] [--dir DIR] [--format markdown|json] [--today YYYY-MM-DD] [--output FILE]

Compares two versions of the catalog in its git repository and prints what changed: goals,
metrics, owners and initiatives added, removed, renamed, retired and changed (each changed field
as before → after), observed values, diagnostics the change introduces or resolves, and the
effect on the cascade. Prints "No changes to the catalog." when there is nothing to review.

  --base REV       the revision to compare against, such as origin/main or HEAD~1 (required)
  --head REV       the revision to compare (default: the working tree, committed or not)
  --dir DIR        catalog root (default: CATALOG_DIR, else the nearest folder upwards from
                   here that holds catalog.config.yaml); it may be a subfolder of the repository
  --format FORMAT  markdown (default) or json
  --output FILE    write the diff to FILE instead of stdout, where \`npm run\` prints its own
                   lines first
  --today DATE     the "as of" date for both versions (default: CATALOG_TODAY, else today)
Exit status: 0 the diff was printed, 1 the catalog folder is missing or cannot be read, 2 bad
arguments (no --base, an unknown revision, a catalog that is not in a git repository, or an
--output file that cannot be written).
`;

const FORMATS = ['markdown', 'json'] as const;

/** Compares two revisions of the catalog; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommand(argv, { ...COMMON_OPTIONS, ...OUTPUT_OPTION, base: { type: 'string' }, head: { type: 'string' }, format: { type: 'string', default: 'markdown' } }, USAGE);
    if (!values.base) usageError('--base REV is required: the revision to compare against, such as origin/main', USAGE);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`, 2);
    const output = outputPathOrFail(values.output, io.cwd);

    const today = todayOrFail(values.today, io.env);
    // The working tree's folder must be there to find its repository; catalog.config.yaml is each revision's own business.
    const root = catalogRootOrFail(values.dir, { config: false }, io);
    const info = repoInfo(root);
    if ('problem' in info) fail(`${info.problem}: diff compares git revisions of the catalog (${root}), so point --dir (or CATALOG_DIR) at a catalog folder inside a git repository`, 2);
    const prefix = info.prefix;

    function commitOf(revision: string): string {
      try {
        return resolveCommit(root, revision);
      } catch (error) {
        if (error instanceof GitError) fail(error.message, 2);
        throw error;
      }
    }

    /**
     * The catalog as it was at a commit, read from the repository. Messages that name the
     * catalog's folder (a missing config, say) name the revision and where the catalog sits in it.
     */
    function analyzeRevision(commit: string, revision: string): Analysis {
      // Named like the working tree's folder, so a revision without a valid config does not seem renamed.
      const source = { ...gitSource(root, commit), root: `${revision} (${prefix || 'the repository root'})`, name: basename(root) || root };
      return analyzeCatalog(source, today, io.env);
    }

    const baseCommit = commitOf(values.base);
    const headCommit = values.head === undefined ? undefined : commitOf(values.head);
    const before = analyzeRevision(baseCommit, values.base);
    const after = headCommit === undefined ? analyzeCatalog(root, today, io.env) : analyzeRevision(headCommit, values.head!);
    const diff = diffCatalogs(before, after);

    const title = `Catalog changes: ${values.head ?? 'working tree'} against ${values.base}`;
    writeOutput(io, format === 'json' ? diffToJson(diff) : diffToMarkdown(diff, { title }), output, `the ${format} diff`);
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
