/**
 * Adds, or updates, the first-line comment that tells the VS Code YAML extension (and any editor
 * using yaml-language-server) which JSON Schema a catalog file follows:
 *
 *   # yaml-language-server: $schema=../../public/schema/metric.json
 *
 * Run it on any catalog; running it twice changes nothing. `.mdx` files are left alone: the
 * extension does not read YAML frontmatter.
 *
 *   node scripts/add-schema-comments.ts [--dir DIR] [--schemas DIR|URL] [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { catalogRoot, COMMON_OPTIONS, fail, parseCommand } from '../src/cli/common.ts';
import { SCHEMA_KIND_INFO, type SchemaKind } from '../src/features/json-schema.ts';
import { CONFIG_FILE } from '../src/core/load.ts';
import { discoverFiles, toPosix } from '../src/core/read/files.ts';
import { folderSource } from '../src/core/read/source.ts';

const USAGE = `Usage: node scripts/add-schema-comments.ts [--dir DIR] [--schemas DIR|URL] [--check]

Puts "# yaml-language-server: $schema=<schema>" on the first line of catalog.config.yaml and of
every .yaml file in goals/, metrics/, owners/ and initiatives/, replacing an older such comment.
.mdx files are skipped: the editor does not read YAML frontmatter.

  --dir DIR            catalog root (default: CATALOG_DIR, else the current folder)
  --schemas DIR|URL    where the schemas are: a folder, written as a path relative to each file
                       (default: this project's public/schema), or a URL such as
                       https://metrics.example.org/schema/ (the published site)
  --check              change nothing; exit 1 if a file lacks the right comment
`;

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
/** A full-line yaml-language-server modeline naming a schema. */
const MODELINE = /^#\s*yaml-language-server\s*:.*\$schema=/;

const { values } = parseCommand(process.argv.slice(2), { ...COMMON_OPTIONS, schemas: { type: 'string' }, check: { type: 'boolean', default: false } }, USAGE);
const root = catalogRoot(values.dir);
const schemas = values.schemas ?? join(PROJECT_ROOT, 'public/schema');
const isUrl = /^https?:\/\//.test(schemas);

/** Where a file at `path` (relative to the root) finds the schema file `fileName`. */
function schemaFor(path: string, fileName: string): string {
  if (isUrl) return `${schemas.replace(/\/*$/, '/')}${fileName}`;
  const from = dirname(join(root, path));
  return toPosix(relative(from, join(resolve(schemas), fileName)));
}

/** The text with exactly one modeline, on the first line (after a byte-order mark), keeping CRLF line ends. */
function withSchemaComment(text: string, schema: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = text.slice(bom.length).split('\n');
  const cr = lines[0]?.endsWith('\r') ? '\r' : '';
  const kept = lines.filter((line) => !MODELINE.test(line));
  return `${bom}${[`# yaml-language-server: $schema=${schema}${cr}`, ...kept].join('\n')}`;
}

const targets: { path: string; kind: SchemaKind }[] = [{ path: CONFIG_FILE, kind: 'config' }];
for (const file of discoverFiles(folderSource(root)).files) {
  if (file.kind !== 'data' && file.extension === '.yaml') targets.push({ path: file.path, kind: file.kind });
}

const changed: string[] = [];
for (const { path, kind } of targets) {
  let text: string;
  try {
    text = readFileSync(join(root, path), 'utf8');
  } catch {
    if (path === CONFIG_FILE) fail(`no ${CONFIG_FILE} in ${root}; point --dir (or CATALOG_DIR) at the catalog folder`);
    continue;
  }
  const next = withSchemaComment(text, schemaFor(path, SCHEMA_KIND_INFO[kind].fileName));
  if (next === text) continue;
  changed.push(posix.normalize(path));
  if (!values.check) writeFileSync(join(root, path), next);
}

if (values.check) {
  if (changed.length) {
    process.stderr.write(`plumbline: ${changed.length} file${changed.length === 1 ? '' : 's'} lack the right schema comment; run node scripts/add-schema-comments.ts:\n${changed.map((p) => `  ${p}\n`).join('')}`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${targets.length} YAML files have the schema comment\n`);
  }
} else {
  process.stdout.write(`${changed.length} of ${targets.length} YAML files updated\n${changed.map((p) => `  ${p}\n`).join('')}`);
}
