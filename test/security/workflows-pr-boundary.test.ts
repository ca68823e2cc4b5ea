/**
 * A hostile pull request to a catalog repository, run through pr.yml's own steps: the pull request
 * rewrites package.json's scripts (variant 1), adds a src/cli/ of its own (variant 2) or commits a
 * node_modules/ with a `plumbline` of its own (variant 3), each writing a marker file, and it
 * changes one metric and adds another. Each job of the workflow is replayed in a fresh workspace
 * laid out as its checkout steps say: a base-branch checkout is a catalog repository that depends
 * on plumbline, and its `npm ci` links this project in as node_modules/plumbline (with its bin, and
 * the `node` package's Node.js, in node_modules/.bin); any other checkout is the pull request's
 * git repository, whose history holds origin/main. Every `run:` step runs in bash with the
 * workflow's environment, and a step that uses the installed action runs the action's own steps
 * for its `command`, with the inputs its `with:` gives. The pull request's code must never run, and
 * the check annotations and the diff must still describe the pull request's catalog.
 *
 * Not run: the site build (slow, and test/site builds catalogs outside the project the same way)
 * and the github-script step that posts the comment (it needs GitHub). PLUMBLINE_WORKFLOWS_DIR
 * replays another folder's pr.yml.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, git } from '../helpers/git.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';
import { type Action, type WorkflowStep as Step, INSTALLED_ACTION, inputsOf, readYaml, stepsFor, WORKFLOWS_DIR } from '../helpers/workflow-files.ts';

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

const workflow = parse(readFileSync(join(WORKFLOWS_DIR, 'pr.yml'), 'utf8')) as Workflow;

const BASE_REFS = ['${{ github.event.pull_request.base.sha }}', '${{ github.event.pull_request.base.ref }}', '${{ github.base_ref }}'];
/** The catalog's files, as on main; a catalog repository holds them and a package.json. */
const CATALOG = ['catalog.config.yaml', 'metrics', 'goals', 'owners', 'initiatives', 'data', 'assets'];
/** A catalog repository's package.json: plumbline is its one dependency. */
const CATALOG_PACKAGE = JSON.stringify({ name: 'riverbend-metrics', private: true, scripts: { check: 'plumbline check', build: 'plumbline build' }, devDependencies: { plumbline: '*' } });
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
const MARKER_MODULE = `import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.PWN_MARKER, 'the pull request ran code');\n`;
const HOSTILE: Record<string, Record<string, string>> = {
  'package.json scripts': {
    'package.json': JSON.stringify({
      name: 'riverbend-metrics',
      private: true,
      type: 'module',
      scripts: Object.fromEntries(['check', 'precheck', 'diff', 'prediff', 'build', 'prebuild', 'preinstall', 'postinstall'].map((s) => [s, `node -e "${WRITE_MARKER}"`])),
      devDependencies: { plumbline: '*' },
    }),
  },
  'src/cli': Object.fromEntries(['check', 'diff'].map((cli) => [`src/cli/${cli}.ts`, MARKER_MODULE])),
  'node_modules/plumbline': {
    'node_modules/plumbline/package.json': JSON.stringify({ name: 'plumbline', type: 'module', bin: { plumbline: 'bin/plumbline.js' } }),
    'node_modules/plumbline/bin/plumbline.js': `#!/usr/bin/env node\n${MARKER_MODULE}`,
    'node_modules/.bin/plumbline': `#!/usr/bin/env node\n${MARKER_MODULE}`,
    'node_modules/plumbline/action/action.yml': "runs: { using: composite, steps: [{ shell: bash, run: 'touch \"$PWN_MARKER\"' }] }\n",
  },
};

/** A catalog repository as on main in `dir`: the catalog's files and its package.json. */
function catalogRepository(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of CATALOG) cpSync(join(PROJECT_ROOT, name), join(dir, name), { recursive: true });
  writeFileSync(join(dir, 'package.json'), CATALOG_PACKAGE);
}

/**
 * The pull request's repository in `dir`: the catalog repository as on main (origin/main), then
 * one commit that tightens a threshold and adds the hostile files. Returns the base commit.
 */
function pullRequestRepo(dir: string, hostile: Record<string, string>): string {
  catalogRepository(dir);
  git(dir, ['init', '-q', '-b', 'pr']);
  const base = commitAll(dir, 'The catalog on main');
  git(dir, ['update-ref', 'refs/remotes/origin/main', base]);
  const metric = join(dir, METRIC);
  writeFileSync(metric, readFileSync(metric, 'utf8').replace('thresholds: { green: 35, red: 45 }', 'thresholds: { green: 35, red: 40 }'));
  cpSync(metric, join(dir, ADDED));
  for (const [path, content] of Object.entries(hostile)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content, { mode: 0o755 });
  }
  if (existsSync(join(dir, 'node_modules'))) git(dir, ['add', '-f', 'node_modules']);
  commitAll(dir, 'Tighten the burnout threshold', { date: '2026-02-01T10:00:00Z' });
  return base;
}

/**
 * What `npm ci` leaves in a catalog repository, with this project as the installed plumbline:
 * node_modules/plumbline, its bin, and the Node.js of the `node` package, which npx finds there.
 * bin/plumbline.js runs the realpath of itself, which is outside node_modules, so it runs src/.
 */
function installPlumbline(dir: string): void {
  const bin = join(dir, 'node_modules/.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(PROJECT_ROOT, join(dir, 'node_modules/plumbline'));
  symlinkSync('../plumbline/bin/plumbline.js', join(bin, 'plumbline'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), join(bin, 'node'));
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
  const contexts: Record<string, string> = {
    'github.base_ref': 'main',
    'github.event.pull_request.number': '7',
    'github.repository': 'riverbend/metrics',
    'github.token': 'a-token-for-the-replay',
    ...Object.fromEntries(Object.entries(workflow.env ?? {}).map(([k, v]) => [`env.${k}`, String(v)])),
  };
  const evaluate = (text: string, inputs: Record<string, string> = {}) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.event.pull_request.base.sha') return baseSha;
      const value = expression.startsWith('inputs.') ? inputs[expression.slice('inputs.'.length)] : contexts[expression];
      if (value === undefined) throw new Error(`the replay does not know \${{ ${expression} }}`);
      return value;
    });
  const envOf = (env: Record<string, string> | undefined, inputs?: Record<string, string>) => Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, evaluate(String(v), inputs)]));

  // Lay out the checkouts first: the pull request's repository gives the base commit.
  const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
  for (const step of checkouts.filter((s) => !BASE_REFS.includes(String(s.with?.ref)))) baseSha = pullRequestRepo(join(workspace, normalize(String(step.with?.path ?? '.'))), hostile);
  for (const step of checkouts.filter((s) => BASE_REFS.includes(String(s.with?.ref)))) {
    const path = normalize(String(step.with?.path ?? '.'));
    if (path === '') throw new Error('the replay cannot lay the base checkout over the workspace');
    catalogRepository(join(workspace, path));
  }

  const results: StepResult[] = [];
  const runStep = (name: string, script: string, dir: string, env: Record<string, string>) => {
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: {
        ...process.env,
        ...env,
        GITHUB_WORKSPACE: workspace,
        GITHUB_BASE_REF: 'main',
        RUNNER_TEMP: runnerTemp,
        GITHUB_STEP_SUMMARY: summary,
        CATALOG_TODAY: '2026-11-23',
        PWN_MARKER: marker,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
    results.push({ name, status: run.status, stdout: run.stdout, stderr: run.stderr });
  };
  const jobEnv = { ...envOf(workflow.env), ...envOf(job.env) };
  for (const step of job.steps) {
    if (step.uses !== undefined && INSTALLED_ACTION.test(step.uses)) {
      // The action as the workflow finds it in the workspace: a file of the installed package.
      const action = readYaml<Action>(join(workspace, step.uses, 'action.yml'));
      const inputs = inputsOf(action, envOf(step.with as Record<string, string>));
      for (const inner of stepsFor(action, inputs.command!)) {
        if (!inner.run || /plumbline build\b/.test(inner.run)) continue;
        const dir = join(workspace, normalize(evaluate(inner['working-directory'] ?? '.', inputs)));
        runStep(inner.name ?? inner.run, inner.run, dir, { ...jobEnv, ...envOf(inner.env, inputs) });
      }
      continue;
    }
    if (!step.run) continue;
    const dir = join(workspace, normalize(step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? workflow.defaults?.run?.['working-directory'] ?? '.'));
    if (/^npm (?:ci|install)\b/.test(step.run)) {
      if (!existsSync(join(dir, 'node_modules'))) installPlumbline(dir);
      continue;
    }
    runStep(step.name ?? step.run, evaluate(step.run), dir, { ...jobEnv, ...envOf(step.env) });
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
    const { results, marker, summary } = replay(jobWith('Diff against the base branch and comment'), HOSTILE[variant]!);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : 'no marker').toBe('no marker');
    // The action's diff step ran, from the base checkout's installed plumbline.
    expect(results.map((r) => r.name)).toContain('Diff against the base branch');
    for (const result of results) expect(result.status, `${result.name}: ${result.stderr}`).toBe(0);
    const diff = readFileSync(summary, 'utf8');
    expect(diff).toContain('clinician-burnout-rate');
    expect(diff).toContain('thresholds.red');
    expect(diff).toContain('burnout-pulse');
  });
});
