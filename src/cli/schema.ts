/** `plumbline schema`: JSON Schema for editors and the format reference, generated from the zod schemas. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors } from '../core/diagnostics.ts';
import { generateReference } from '../features/format-reference.ts';
import { generateJsonSchemas, observationJsonSchema, serializeJsonSchema } from '../features/json-schema.ts';
import { loadCatalogConfig } from '../core/load.ts';
import { plural } from '../core/plural.ts';
import { formatText } from '../features/report.ts';
import { catalogRootOrFail, type CliIo, COMMON_OPTIONS, processIo, runCommand, fail, fileProblem, parseCommand } from './common.ts';

/** The project the site is built from: its public/ folder is what gets published. */
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const DEFAULT_OUT = join(PROJECT_ROOT, 'public/schema');
const DEFAULT_DOCS = join(PROJECT_ROOT, 'docs/reference.md');

const USAGE = `Usage: plumbline schema [--dir DIR] [--out DIR] [--docs FILE] [--check]

Generates, from the catalog's zod schemas, the JSON Schema that editors use to validate and
complete catalog files (config.json, goal.json, metric.json, owner.json, initiative.json; draft-07)
and the format reference. The goal schema takes its levels and perspectives from the catalog's
catalog.config.yaml. public/ is published with the site, so the schemas are served at /schema/.

  --dir DIR    catalog root whose catalog.config.yaml is read (default: CATALOG_DIR, else the
               nearest folder upwards from here that holds catalog.config.yaml)
  --out DIR    folder for the JSON Schema files (default: public/schema)
  --docs FILE  the format reference to write (default: docs/reference.md)
  --check      write nothing; exit 1 if a file is missing or differs from what would be generated
Exit status: 0 written (or up to date), 1 out of date, or catalog.config.yaml is missing or has errors,
2 bad arguments (or an --out or --docs path that cannot be written).
`;

/** Generates or checks the JSON Schema and the format reference; resolves to the exit status. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommand(
      argv,
      // No --today: the schemas do not depend on a date.
      { dir: COMMON_OPTIONS.dir, help: COMMON_OPTIONS.help, out: { type: 'string' }, docs: { type: 'string' }, check: { type: 'boolean', default: false } },
      USAGE,
    );

    const root = catalogRootOrFail(values.dir, {}, io);
    const { config, diagnostics } = loadCatalogConfig(root);
    if (hasErrors(diagnostics)) {
      io.stderr(`${formatText(diagnostics, 1)}plumbline: the goal schema is made from catalog.config.yaml in ${root}; fix it, then run the command again (nothing was generated).\n`);
      return 1;
    }

    const outDir = values.out ? resolve(io.cwd, values.out) : DEFAULT_OUT;
    const docsFile = values.docs ? resolve(io.cwd, values.docs) : DEFAULT_DOCS;
    const schemas = generateJsonSchemas({ levels: config.levels, perspectives: config.perspectives });
    const files = new Map<string, string>();
    for (const [fileName, schema] of Object.entries(schemas)) files.set(join(outDir, fileName), serializeJsonSchema(schema));
    files.set(docsFile, generateReference(schemas, observationJsonSchema()));

    const shown = (path: string) => {
      const near = relative(io.cwd, path);
      return near && !near.startsWith('..') ? near : path;
    };
    // A checkout that turned line ends into CRLF still counts as up to date.
    const onDisk = (path: string) => {
      try {
        return existsSync(path) ? readFileSync(path, 'utf8').replace(/\r\n/g, '\n') : undefined;
      } catch {
        return undefined; // a folder or an unreadable file in the way is not up to date either
      }
    };
    const stale = [...files].filter(([path, text]) => onDisk(path) !== text).map(([path]) => path);

    if (values.check) {
      if (stale.length) {
        io.stderr(`plumbline: out of date, run \`plumbline schema\`:\n${stale.map((path) => `  ${shown(path)}${existsSync(path) ? '' : ' (missing)'}\n`).join('')}`);
        return 1;
      } else {
        io.stdout(`${plural(files.size, 'file')} up to date\n`);
      }
    } else {
      for (const path of stale) {
        try {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, files.get(path)!);
        } catch (error) {
          fail(`cannot write ${shown(path)} (${fileProblem(error)}): give --out a folder and --docs a file that you may write`, 2);
        }
      }
      io.stdout(`${stale.length ? `wrote ${stale.map(shown).join(', ')}` : 'nothing to write'}; ${files.size - stale.length} of ${plural(files.size, 'file')} already up to date\n`);
    }
  });
}

if (import.meta.main) process.exitCode = await run(process.argv.slice(2), processIo());
