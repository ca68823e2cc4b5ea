/**
 * Writes a valid synthetic catalog of any size, the same files for the same size and seed.
 *
 *   node bench/generate.ts <dir> <metrics> [seed]
 *
 * 18,000 metrics give about 5,000 goals, 450 owners, 360 initiatives and 9,000 data files.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_PATHS } from '../src/features/git.ts';
import { planCatalog, type CatalogPlan, type PlannedEntry } from './lib/plan.ts';
import { toYaml } from './lib/yaml.ts';

export { AS_OF, catalogSize } from './lib/plan.ts';

export const DEFAULT_SEED = 20261123;

/** Marks a folder as written by this generator, so regenerating may clear it and nothing else. */
const MARKER = '.plumbline-bench';

export interface GeneratedCatalog {
  dir: string;
  files: number;
  metrics: number;
  goals: number;
  owners: number;
  initiatives: number;
  dataFiles: number;
}

export function generateCatalog(dir: string, options: { metrics: number; seed?: number }): GeneratedCatalog {
  const root = resolve(dir);
  const plan = planCatalog(options.metrics, options.seed ?? DEFAULT_SEED);
  prepareFolder(root);
  const files = renderCatalog(plan);
  const made = new Set<string>();
  for (const [path, text] of files) {
    const folder = join(root, path, '..');
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(root, path), text);
  }
  return { dir: root, files: files.size, metrics: plan.metrics.length, goals: plan.goals.length, owners: plan.owners.length, initiatives: plan.initiatives.length, dataFiles: plan.data.length };
}

/** Every file of the catalog by path relative to its root, in a stable order. */
export function renderCatalog(plan: CatalogPlan): Map<string, string> {
  const files = new Map<string, string>();
  files.set('catalog.config.yaml', toYaml(plan.config));
  for (const entry of [...plan.owners, ...plan.goals, ...plan.metrics, ...plan.initiatives]) {
    files.set(`${entry.dir}/${entry.id}.${entry.body ? 'mdx' : 'yaml'}`, renderEntry(entry));
  }
  for (const { id, rows } of plan.data) {
    files.set(`data/${id}.csv`, ['date,value,note', ...rows.map((r) => `${r.date},${r.value},${r.note ?? ''}`)].join('\n') + '\n');
  }
  return files;
}

function renderEntry(entry: PlannedEntry): string {
  const yaml = toYaml(entry.fields);
  return entry.body ? `---\n${yaml}---\n${entry.body}` : yaml;
}

/** An empty folder, or one this generator wrote before (its catalog parts are cleared); never anything else. */
function prepareFolder(root: string): void {
  if (existsSync(root) && readdirSync(root).length) {
    if (!existsSync(join(root, MARKER))) throw new Error(`${root} is not empty and was not written by bench/generate.ts; choose an empty or new folder`);
    for (const part of CATALOG_PATHS) rmSync(join(root, part), { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, MARKER), 'Written by bench/generate.ts; regenerating clears this folder\'s catalog files.\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, metrics, seed] = process.argv.slice(2);
  const count = Number(metrics);
  if (!dir || !Number.isInteger(count) || count < 20) {
    process.stderr.write('Usage: node bench/generate.ts <dir> <metrics (at least 20)> [seed]\n');
    process.exit(2);
  }
  const started = performance.now();
  const made = generateCatalog(dir, { metrics: count, seed: seed === undefined ? undefined : Number(seed) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`wrote ${made.files} files to ${made.dir} in ${seconds} s: ${made.metrics} metrics, ${made.goals} goals, ${made.owners} owners, ${made.initiatives} initiatives, ${made.dataFiles} data files\n`);
}
