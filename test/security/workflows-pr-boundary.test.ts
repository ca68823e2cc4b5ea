/**
 * A hostile pull request, run through pr.yml's own shell steps: the pull request rewrites
 * package.json's scripts (variant 1) or src/cli/ (variant 2) to write a marker file, changes one
 * metric and adds another. Each job of the workflow is replayed in a fresh workspace laid out as its checkout steps
 * say (a base-branch checkout is this project; any other checkout is the pull request's git
 * repository, whose history holds origin/main), and every `run:` step runs in bash with the
 * workflow's environment. The pull request's code must never run, and the check annotations and
 * the diff must still describe the pull request's catalog.
 *
 * Two kinds of step are not run: installs (the base checkout already has node_modules; a skipped
 * install elsewhere gets this project's node_modules, as an install would) and the site build
 * (slow, and it would write into this project's dist/; test/site builds catalogs outside the
 * project the same way). PLUMBLINE_WORKFLOWS_DIR replays another folder's pr.yml.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, git } from '../helpers/git.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  steps: Step[];
  env?: Record<string, string>;
  defaults?: { run?: { 'working-directory'?: string } };
}
interface Workflow {
  env?: Record<string, string>;
  defaults?: { run?: { 'working-directory'?: string } };
  jobs: Record<string, Job>;
}

const WORKFLOWS_DIR = process.env.PLUMBLINE_WORKFLOWS_DIR || join(PROJECT_ROOT, '.github/workflows');
const workflow = parse(readFileSync(join(WORKFLOWS_DIR, 'pr.yml'), 'utf8')) as Workflow;

const BASE_REFS = ['${{ github.event.pull_request.base.sha }}', '${{ github.event.pull_request.base.ref }}', '${{ github.base_ref }}'];
/** A catalog repository today: Plumbline's code and the catalog, as on main. */
const REPOSITORY = ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts', 'catalog.config.yaml', 'metrics', 'goals', 'owners', 'initiatives', 'data', 'assets'];
const METRIC = 'metrics/people/clinician-burnout-rate.yaml';
/** A metric only the pull request has; it has no data yet, so `check` warns about it. */
const ADDED = 'metrics/people/burnout-pulse.yaml';
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const normalize = (path: string) => path.split('/').filter((p) => p !== '' && p !== '.').join('/');

/** What writes the marker, in a package.json script and in a module. */
const WRITE_MARKER = `require('fs').writeFileSync(process.env.PWN_MARKER, 'the pull request ran code')`;
const HOSTILE: Record<string, Record<string, string>> = {
  'package.json scripts': {
    'package.json': JSON.stringify({
      name: 'plumbline',
      private: true,
      type: 'module',
      scripts: Object.fromEntries(['check', 'precheck', 'diff', 'prediff', 'build', 'prebuild'].map((s) => [s, `node -e "${WRITE_MARKER}"`])),
    }),
  },
  'src/cli': Object.fromEntries(
    ['check', 'diff'].map((cli) => [`src/cli/${cli}.ts`, `import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.PWN_MARKER, 'the pull request ran code');\n`]),
  ),
};

/**
 * The pull request's repository in `dir`: Plumbline and the catalog as on main (origin/main), then
 * one commit that tightens a threshold and adds the hostile files. Returns the base commit.
 */
function pullRequestRepo(dir: string, hostile: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'pr']);
  for (const name of REPOSITORY) cpSync(join(PROJECT_ROOT, name), join(dir, name), { recursive: true });
  const base = commitAll(dir, 'The catalog on main');
  git(dir, ['update-ref', 'refs/remotes/origin/main', base]);
  const metric = join(dir, METRIC);
  writeFileSync(metric, readFileSync(metric, 'utf8').replace('thresholds: { green: 35, red: 45 }', 'thresholds: { green: 35, red: 40 }'));
  cpSync(metric, join(dir, ADDED));
  for (const [path, content] of Object.entries(hostile)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  commitAll(dir, 'Tighten the burnout threshold', { date: '2026-02-01T10:00:00Z' });
  return base;
}

interface StepResult {
  name: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The job that has a step of this name. */
function jobWith(stepName: string): Job {
  const job = Object.values(workflow.jobs).find((j) => j.steps.some((s) => s.name === stepName));
  if (!job) throw new Error(`pr.yml has no step "${stepName}"`);
  return job;
}

/** Replays one job; returns each run step's result, the marker's path and the job summary's. */
function replay(job: Job, hostile: Record<string, string>) {
  const workspace = temporary('plumbline-ws-');
  const runnerTemp = temporary('plumbline-runner-');
  const marker = join(runnerTemp, 'PWNED');
  const summary = join(runnerTemp, 'summary.md');
  let baseSha = '';
  const values: Record<string, () => string> = {
    'github.base_ref': () => 'main',
    'github.event.pull_request.base.sha': () => baseSha,
    'github.event.pull_request.number': () => '7',
    'github.repository': () => 'riverbend/metrics',
  };
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const value = values[expression];
      if (!value) throw new Error(`the replay does not know \${{ ${expression} }}`);
      return value();
    });
  const envOf = (env: Record<string, string> | undefined) => Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, evaluate(String(v))]));

  // Lay out the checkouts first: the pull request's repository gives the base commit.
  const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
  for (const step of checkouts.filter((s) => !BASE_REFS.includes(String(s.with?.ref)))) baseSha = pullRequestRepo(join(workspace, normalize(String(step.with?.path ?? '.'))), hostile);
  for (const step of checkouts.filter((s) => BASE_REFS.includes(String(s.with?.ref)))) {
    const path = normalize(String(step.with?.path ?? '.'));
    if (path === '') throw new Error('the replay cannot lay the base checkout over the workspace');
    symlinkSync(PROJECT_ROOT, join(workspace, path));
  }

  const results: StepResult[] = [];
  for (const step of job.steps) {
    if (!step.run) continue;
    const dir = join(workspace, normalize(step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? workflow.defaults?.run?.['working-directory'] ?? '.'));
    if (/^npm (?:ci|install)\b/.test(step.run)) {
      if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
      continue;
    }
    if (/npm run build\b/.test(step.run)) continue;
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run)], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: {
        ...process.env,
        ...envOf(workflow.env),
        ...envOf(job.env),
        ...envOf(step.env),
        GITHUB_WORKSPACE: workspace,
        RUNNER_TEMP: runnerTemp,
        GITHUB_STEP_SUMMARY: summary,
        CATALOG_TODAY: '2026-11-23',
        PWN_MARKER: marker,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
    results.push({ name: step.name ?? step.run, status: run.status, stdout: run.stdout, stderr: run.stderr });
  }
  return { results, marker, summary };
}

describe.each(Object.keys(HOSTILE))('a pull request that rewrites %s', (variant) => {
  it('cannot run its code in the check job, which checks its catalog and names its files from its root', () => {
    const { results, marker } = replay(jobWith('Check the catalog'), HOSTILE[variant]!);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : 'no marker').toBe('no marker');
    const check = results.find((r) => r.name === 'Check the catalog')!;
    expect(check.status, check.stderr + check.stdout).toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^::warning file=${ADDED},line=1,.*title=no-data::`, 'm'));
    expect(check.stdout).not.toMatch(/file=pr\//);
  });

  it('cannot run its code in the diff job, whose diff shows its change to the catalog', () => {
    const { results, marker, summary } = replay(jobWith('Diff against the base branch'), HOSTILE[variant]!);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : 'no marker').toBe('no marker');
    for (const result of results) expect(result.status, `${result.name}: ${result.stderr}`).toBe(0);
    const diff = readFileSync(summary, 'utf8');
    expect(diff).toContain('clinician-burnout-rate');
    expect(diff).toContain('thresholds.red');
    expect(diff).toContain('burnout-pulse');
  });
});
