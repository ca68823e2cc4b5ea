/**
 * `npm run bench -- [check|build|example|all] [--sizes 2000,18000] [--runs 5]`
 *
 * Generates synthetic catalogs into bench/out/ (once per size per invocation), then measures:
 *   check    `src/cli/check.ts` on each size, against the 5 s target (default sizes 2000,18000; 5 runs)
 *   build    Plumbline's build against a bare Astro build of the same files in bench/baseline/,
 *            against the 1.5× time and memory targets and the 100 KB page ceiling (default 2000; 3 runs)
 *   example  the build of the example catalog at the repository root (3 runs)
 *   all      all three (the default)
 * Prints one plain-text line per measurement; a missed target says TARGET MISSED. Exits 0 either
 * way: this is a measurement, not a test.
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AS_OF, DEFAULT_SEED, generateCatalog, type GeneratedCatalog } from './generate.ts';
import { hasGnuTime, measure, NO_TIME_HINT, type Sample } from './lib/measure.ts';
import { COLLECTIONS, MAX_PAGE_BYTES, scanPages, totalEntryPages, type PageReport } from './lib/pages.ts';
import { count, kilobytes, median, missed, peakSummary, ratio, timeSummary } from './lib/stats.ts';

const REPO = resolve(import.meta.dirname, '..');
const OUT = join(REPO, 'bench', 'out');
const BASELINE = join(REPO, 'bench', 'baseline');
const ASTRO = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
const CHECK = join(REPO, 'src', 'cli', 'check.ts');

const CHECK_TARGET_SECONDS = 5;
const BUILD_TARGET_RATIO = 1.5;
const MODES = ['check', 'build', 'example', 'all'] as const;
type Mode = (typeof MODES)[number];

const USAGE = `Usage: npm run bench -- [check|build|example|all] [--sizes 2000,18000] [--runs N] [--seed N]

  check    time and peak memory of \`check\` on synthetic catalogs (default sizes 2000,18000; 5 runs)
  build    Plumbline's build against a bare Astro build of the same files (default size 2000; 3 runs)
  example  the build of the example catalog at the repository root (3 runs)
  all      all three (default)
Sizes are numbers of metrics; the catalogs are written to bench/out/.
`;

function parseCommand() {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { sizes: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const mode = (positionals[0] ?? 'all') as Mode;
  const sizes = values.sizes?.split(',').map(Number);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const bad = !MODES.includes(mode) || positionals.length > 1 || sizes?.some((n) => !Number.isInteger(n) || n < 20) || (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) || !Number.isInteger(seed);
  if (bad) {
    process.stderr.write(`bench: bad arguments\n\n${USAGE}`);
    process.exit(2);
  }
  return { mode, sizes, runs, seed };
}

/** Environment for every measured command: the fixed "as of" date and no telemetry. */
function envFor(catalogDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CATALOG_TODAY: AS_OF, ASTRO_TELEMETRY_DISABLED: '1' };
  if (catalogDir) env.CATALOG_DIR = catalogDir;
  else delete env.CATALOG_DIR;
  return env;
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const logPath = (name: string) => join(OUT, 'logs', name);

function generate(size: number, seed: number): GeneratedCatalog {
  const started = performance.now();
  const made = generateCatalog(join(OUT, `catalog-${size}`), { metrics: size, seed });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  say(`generated ${size} metrics: ${count(made.files)} files in ${took} s (${count(made.goals)} goals, ${count(made.owners)} owners, ${count(made.initiatives)} initiatives, ${count(made.dataFiles)} data files) in ${made.dir}`);
  return made;
}

async function benchCheck(catalog: GeneratedCatalog, runs: number): Promise<void> {
  const samples: Sample[] = [];
  let diagnostics: { severity: string }[] = [];
  for (let run = 0; run < runs; run++) {
    const stdoutFile = logPath(`check-${catalog.metrics}.json`);
    const sample = await measure(process.execPath, [CHECK, '--dir', catalog.dir, '--today', AS_OF, '--format', 'json'], { cwd: REPO, env: envFor(), stdoutFile, stderrFile: logPath(`check-${catalog.metrics}.err`) });
    if (sample.exitCode > 1) return say(`check ${catalog.metrics} metrics: FAILED (exit ${sample.exitCode}); see ${logPath(`check-${catalog.metrics}.err`)}`);
    diagnostics = JSON.parse(readFileSync(stdoutFile, 'utf8')) as { severity: string }[];
    samples.push(sample);
  }
  const times = samples.map((s) => s.seconds);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const share = median(times) / CHECK_TARGET_SECONDS;
  say(`check ${catalog.metrics} metrics (${count(catalog.files)} files): ${timeSummary(times)}, ${peakSummary(samples.map((s) => s.peakKb))}, ${count(diagnostics.length)} diagnostics (${count(errors)} errors, ${count(diagnostics.length - errors)} warnings) — ${ratio(share)} the ${CHECK_TARGET_SECONDS} s target${missed(share <= 1)}`);
}

interface BuildResult {
  samples: Sample[];
  pages: PageReport;
}

async function buildOnce(label: string, args: string[], catalogDir: string | undefined, outDir: string): Promise<Sample> {
  rmSync(outDir, { recursive: true, force: true });
  // An empty cache of its own for every run (both configs read PLUMBLINE_CACHE_DIR), plus --force:
  // each build starts cold, as in CI, and never shares a cache with another build of this checkout.
  const cacheDir = join(OUT, 'cache', label);
  rmSync(cacheDir, { recursive: true, force: true });
  const env = { ...envFor(catalogDir), PLUMBLINE_CACHE_DIR: cacheDir };
  const sample = await measure(process.execPath, [ASTRO, 'build', ...args, '--outDir', outDir, '--force'], { cwd: REPO, env, stdoutFile: logPath(`${label}.log`), stderrFile: logPath(`${label}.err`) });
  if (sample.exitCode !== 0) throw new Error(`the ${label} build failed (exit ${sample.exitCode}); see ${logPath(`${label}.log`)} and ${logPath(`${label}.err`)}`);
  return sample;
}

const pagesSummary = (pages: PageReport) => {
  const biggest = pages.largest[0];
  return `${count(pages.pages)} pages (${count(totalEntryPages(pages))} entry pages), largest ${biggest ? `${kilobytes(biggest.bytes)} (${biggest.path})` : 'none'}`;
};

async function benchBuild(catalog: GeneratedCatalog, runs: number): Promise<void> {
  const name = `build ${catalog.metrics} metrics`;
  const plumbline: BuildResult = { samples: [], pages: undefined! };
  const baseline: BuildResult = { samples: [], pages: undefined! };
  const plumblineOut = join(OUT, `dist-${catalog.metrics}-plumbline`);
  const baselineOut = join(OUT, `dist-${catalog.metrics}-baseline`);
  try {
    // Interleaved, so a slow spell on a shared machine hits both sides alike.
    for (let run = 0; run < runs; run++) {
      plumbline.samples.push(await buildOnce(`build-${catalog.metrics}-plumbline`, [], catalog.dir, plumblineOut));
      baseline.samples.push(await buildOnce(`build-${catalog.metrics}-baseline`, ['--root', BASELINE], catalog.dir, baselineOut));
    }
  } catch (error) {
    return say(`${name}: FAILED: ${(error as Error).message}`);
  }
  plumbline.pages = scanPages(plumblineOut);
  baseline.pages = scanPages(baselineOut);
  say(`${name}, plumbline: ${timeSummary(plumbline.samples.map((s) => s.seconds))}, ${peakSummary(plumbline.samples.map((s) => s.peakKb))}, ${pagesSummary(plumbline.pages)}`);
  say(`${name}, baseline: ${timeSummary(baseline.samples.map((s) => s.seconds))}, ${peakSummary(baseline.samples.map((s) => s.peakKb))}, ${pagesSummary(baseline.pages)}`);

  const perCollection = COLLECTIONS.map((c) => `${c} ${plumbline.pages.entryPages[c]}/${baseline.pages.entryPages[c]}`).join(', ');
  const same = COLLECTIONS.every((c) => plumbline.pages.entryPages[c] === baseline.pages.entryPages[c]);
  say(`${name}, entry pages plumbline/baseline: ${perCollection}${same ? '' : ' MISMATCH: the comparison is not like for like'}`);

  const timeRatio = median(plumbline.samples.map((s) => s.seconds)) / median(baseline.samples.map((s) => s.seconds));
  say(`${name}, time plumbline/baseline: ${ratio(timeRatio)} (target ≤ ${ratio(BUILD_TARGET_RATIO)})${missed(timeRatio <= BUILD_TARGET_RATIO)}`);
  const peaks = (r: BuildResult) => r.samples.map((s) => s.peakKb).filter((p): p is number => p !== undefined);
  if (peaks(plumbline).length === runs && peaks(baseline).length === runs) {
    const memoryRatio = median(peaks(plumbline)) / median(peaks(baseline));
    say(`${name}, peak memory plumbline/baseline: ${ratio(memoryRatio)} (target ≤ ${ratio(BUILD_TARGET_RATIO)})${missed(memoryRatio <= BUILD_TARGET_RATIO)}`);
  } else {
    say(`${name}, peak memory plumbline/baseline: unavailable (${NO_TIME_HINT})`);
  }
  const over = plumbline.pages.oversized;
  const listed = plumbline.pages.largest.slice(0, 5).map((p) => `${p.path} ${kilobytes(p.bytes)}`).join(', ');
  say(`${name}, plumbline pages over ${MAX_PAGE_BYTES / 1024} KB: ${over}${over ? ` (${listed}${over > 5 ? ', …' : ''})` : ''}${missed(over === 0)}`);
}

async function benchExample(runs: number): Promise<void> {
  const out = join(OUT, 'dist-example');
  const samples: Sample[] = [];
  try {
    for (let run = 0; run < runs; run++) samples.push(await buildOnce('build-example', [], undefined, out));
  } catch (error) {
    return say(`build example catalog: FAILED: ${(error as Error).message}`);
  }
  const pages = scanPages(out);
  say(`build example catalog (repository root): ${timeSummary(samples.map((s) => s.seconds))}, ${peakSummary(samples.map((s) => s.peakKb))}, ${pagesSummary(pages)}, ${pages.oversized} pages over ${MAX_PAGE_BYTES / 1024} KB${missed(pages.oversized === 0)}`);
}

async function main(): Promise<void> {
  const { mode, sizes, runs, seed } = parseCommand();
  const doCheck = mode === 'check' || mode === 'all';
  const doBuild = mode === 'build' || mode === 'all';
  const checkSizes = sizes ?? [2000, 18000];
  const buildSizes = sizes ?? [2000];
  mkdirSync(join(OUT, 'logs'), { recursive: true });

  const [load1] = loadavg();
  say(`plumbline bench ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${cpus().length} cores, load average ${load1!.toFixed(2)} at start, as of ${AS_OF}, seed ${seed}`);
  if (!hasGnuTime()) say(NO_TIME_HINT);

  const catalogs = new Map<number, GeneratedCatalog>();
  for (const size of new Set([...(doCheck ? checkSizes : []), ...(doBuild ? buildSizes : [])])) catalogs.set(size, generate(size, seed));

  if (doCheck) for (const size of checkSizes) await benchCheck(catalogs.get(size)!, runs ?? 5);
  if (doBuild) for (const size of buildSizes) await benchBuild(catalogs.get(size)!, runs ?? 3);
  if (mode === 'example' || mode === 'all') await benchExample(runs ?? 3);
}

await main();
