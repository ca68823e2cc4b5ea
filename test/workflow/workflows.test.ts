/**
 * The GitHub Actions workflows shipped for catalog repositories: valid YAML, the right triggers,
 * only npm scripts that exist in package.json, and an explicit trust boundary around pull
 * requests (docs/workflow.md, "Trust boundary"):
 *
 * - no `${{ }}` expression is spliced into a shell script (or a github-script script): values reach
 *   the shell through `env:`;
 * - the token is read-only at the top of every workflow, and only the jobs that must write say so;
 * - a job of a pull-request workflow installs and runs Plumbline from the base branch's checkout,
 *   never from the pull request's; a job that holds a write permission runs nothing from it at all;
 * - checkouts keep no credentials, `pull_request_target` is never used, no secret reaches a
 *   pull-request job, and actions are pinned.
 *
 * PLUMBLINE_WORKFLOWS_DIR points the tests at another folder of workflows (to check that they catch
 * a bad one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/site.ts';

type Permissions = 'read-all' | 'write-all' | Record<string, string>;
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}
interface Defaults {
  run?: { 'working-directory'?: string };
}
interface Job {
  'runs-on': string;
  steps: Step[];
  needs?: string;
  if?: string;
  permissions?: Permissions;
  defaults?: Defaults;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Permissions;
  defaults?: Defaults;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS_DIR = process.env.PLUMBLINE_WORKFLOWS_DIR || join(PROJECT_ROOT, '.github/workflows');
const readWorkflow = (file: string) => parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;

/** Where the pull-request workflow checks out the pull request. */
const PR_CHECKOUT = 'pr';
/** `ref:` values that name the base branch: a checkout with one holds trusted code. */
const BASE_REFS = ['${{ github.event.pull_request.base.sha }}', '${{ github.event.pull_request.base.ref }}', '${{ github.base_ref }}'];

/** The events a workflow runs on, whichever way `on:` is written. */
function triggers(workflow: Workflow): string[] {
  const on = workflow.on as unknown;
  return typeof on === 'string' ? [on] : Array.isArray(on) ? (on as string[]) : Object.keys(on as object);
}

/** Workflows that run on a pull request's content. */
const isPullRequestWorkflow = (workflow: Workflow) => triggers(workflow).some((t) => ['pull_request', 'pull_request_target', 'workflow_run'].includes(t));

/** A path relative to the workspace, without `./` or a trailing slash; '' is the workspace itself. */
function normalizePath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return parts.join('/');
}

const isWithin = (dir: string, folder: string) => folder === '' || dir === folder || dir.startsWith(`${folder}/`);

/** The folders a job checks out: the base branch's (trusted code) and the pull request's (data). */
function checkouts(job: Job): { base: string[]; pr: string[] } {
  const found = { base: [] as string[], pr: [] as string[] };
  for (const step of job.steps) {
    if (!step.uses?.startsWith('actions/checkout')) continue;
    const path = normalizePath(String(step.with?.path ?? '.'));
    // The base branch of this repository; a fork's repository with the same ref is the pull request's.
    const ours = step.with?.repository === undefined || step.with.repository === '${{ github.repository }}';
    (ours && BASE_REFS.includes(String(step.with?.ref)) ? found.base : found.pr).push(path);
  }
  return found;
}

/** The folder a `run:` step runs in, relative to the workspace. */
const stepDirectory = (workflow: Workflow, job: Job, step: Step) => normalizePath(step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? workflow.defaults?.run?.['working-directory'] ?? '.');

/** A job's token permissions: its own, else the workflow's; undefined means the repository default. */
const effectivePermissions = (workflow: Workflow, job: Job) => job.permissions ?? workflow.permissions;

/** The scopes a permission set may write, sorted; `write-all` is every scope. */
function writes(permissions: Permissions): string[] {
  if (permissions === 'write-all') return ['*'];
  if (typeof permissions !== 'object' || permissions === null) return [];
  return Object.keys(permissions).filter((scope) => permissions[scope] === 'write').sort();
}

const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts as object);
const FILES = readdirSync(WORKFLOWS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const WORKFLOWS = FILES.map((file) => ({ file, workflow: readWorkflow(file), text: readFileSync(join(WORKFLOWS_DIR, file), 'utf8') }));
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));
const where = (file: string, job: string, step: Step) => `${file} › ${job} › ${step.name ?? step.uses ?? step.run?.split('\n')[0]}`;

/** The only write permissions any job may hold; every other job's token is read-only. */
const WRITES: Record<string, Record<string, string[]>> = {
  'pr.yml': { diff: ['pull-requests'] },
  'publish.yml': { deploy: ['id-token', 'pages'] },
  'reminders.yml': { reminders: ['issues'] },
};

/** A command that runs JavaScript: a package manager or Node itself. */
const RUNS_CODE = /(?:^|[\s;&|(`])(?:npm|npx|node|yarn|pnpm|corepack|bun)(?=\s|$)/m;
/** Moving elsewhere from inside a script, which `working-directory` would no longer describe. */
const MOVES = /(?:^|[\s;&|(])(?:cd|pushd)\s|--prefix\b|(?:^|\s)-C\s/m;

it('finds the three workflows', () => {
  expect(FILES).toEqual(expect.arrayContaining(['pr.yml', 'publish.yml', 'reminders.yml']));
});

describe('every workflow', () => {
  for (const { file, workflow } of WORKFLOWS) {
    it(`${file} is valid YAML that calls only npm scripts package.json has, installed with npm ci`, () => {
      expect(workflow.name).toBeTruthy();
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
      const called = runs(workflow).flatMap((run) => [...run.matchAll(/npm run (?:--silent |-s )?([\w:-]+)/g)].map((m) => m[1]!));
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((name) => !scripts.includes(name))).toEqual([]);
      // Exactly the lockfile's versions; `npm install` may resolve others and rewrite the lockfile.
      expect(runs(workflow).join('\n')).not.toMatch(/npm (?:install|i|add)\b/);
      for (const [, job] of Object.entries(workflow.jobs)) {
        if (job.steps.some((s) => s.run?.includes('npm run'))) expect(job.steps.filter((s) => s.run?.startsWith('npm ci --no-audit --no-fund')).length, file).toBe(1);
      }
      expect(workflow.env?.CATALOG_DIR).toBe('.');
    });
  }
});

describe('the trust boundary', () => {
  it('no workflow splices a ${{ }} expression into a shell script or a github-script script', () => {
    const spliced: string[] = [];
    for (const { file, workflow } of WORKFLOWS) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps) {
          if (step.run?.includes('${{')) spliced.push(`${where(file, name, step)}: run`);
          if (step.uses?.startsWith('actions/github-script') && String(step.with?.script ?? '').includes('${{')) spliced.push(`${where(file, name, step)}: script`);
        }
      }
    }
    expect(spliced).toEqual([]);
  });

  it('every workflow is read-only at the top, and only the jobs that must write hold a write permission', () => {
    const problems: string[] = [];
    for (const { file, workflow } of WORKFLOWS) {
      const top = workflow.permissions;
      if (top === undefined) problems.push(`${file}: no top-level permissions (the repository default may be read and write)`);
      else if (typeof top !== 'object' || top === null) problems.push(`${file}: top-level permissions ${JSON.stringify(top)}: list each scope`);
      else if (writes(top).length) problems.push(`${file}: top-level permissions write ${writes(top).join(', ')}`);
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const permissions = effectivePermissions(workflow, job);
        if (permissions === undefined) {
          problems.push(`${file} › ${name}: no permissions`);
          continue;
        }
        const allowed = WRITES[file]?.[name] ?? [];
        if (JSON.stringify(writes(permissions)) !== JSON.stringify(allowed)) problems.push(`${file} › ${name}: writes [${writes(permissions).join(', ')}], expected [${allowed.join(', ')}]`);
        // A job that writes says so itself, so the grant sits next to the steps that use it.
        if (allowed.length && job.permissions === undefined) problems.push(`${file} › ${name}: its write permissions come from the top of the workflow`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a pull-request job installs and runs JavaScript only in the base branch checkout, never in the pull request checkout', () => {
    const problems: string[] = [];
    for (const { file, workflow } of WORKFLOWS.filter((w) => isPullRequestWorkflow(w.workflow))) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const { base, pr } = checkouts(job);
        if (!pr.length) problems.push(`${file} › ${name}: no checkout of the pull request`);
        for (const step of job.steps) {
          if (step.uses?.startsWith('./')) problems.push(`${where(file, name, step)}: a local action, which comes from the pull request`);
          if (!step.run) continue;
          const dir = stepDirectory(workflow, job, step);
          if (MOVES.test(step.run)) problems.push(`${where(file, name, step)}: changes folder inside the script`);
          if (!RUNS_CODE.test(step.run)) continue;
          if (pr.some((p) => isWithin(dir, p))) problems.push(`${where(file, name, step)}: runs in "${dir}", inside the pull request checkout`);
          if (!base.some((b) => isWithin(dir, b))) problems.push(`${where(file, name, step)}: runs in "${dir}", outside the base branch checkout`);
          // Nothing executable named inside the pull request checkout: it appears only as where the data is.
          if (pr.some((p) => mentions(withoutDataLocations(step.run!), p))) problems.push(`${where(file, name, step)}: names the pull request checkout other than as the catalog's location`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every checkout keeps no credentials in .git/config (persist-credentials: false)', () => {
    const kept: string[] = [];
    for (const { file, workflow } of WORKFLOWS) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps) if (step.uses?.startsWith('actions/checkout') && step.with?.['persist-credentials'] !== false) kept.push(where(file, name, step));
      }
    }
    expect(kept).toEqual([]);
  });

  it('no workflow runs on pull_request_target, which hands a write token and secrets to runs of pull requests', () => {
    const targets = WORKFLOWS.filter(({ workflow }) => triggers(workflow).includes('pull_request_target')).map((w) => w.file);
    expect(targets).toEqual([]);
    expect(WORKFLOWS.filter(({ workflow }) => isPullRequestWorkflow(workflow)).map((w) => w.file)).toEqual(['pr.yml']);
  });

  it('in a pull-request workflow, a job that holds a write permission runs nothing from the pull request checkout and builds nothing', () => {
    const problems: string[] = [];
    for (const { file, workflow } of WORKFLOWS.filter((w) => isPullRequestWorkflow(w.workflow))) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        if (!writes(effectivePermissions(workflow, job) ?? 'write-all').length) continue;
        const { pr } = checkouts(job);
        for (const step of job.steps) {
          if (step.uses?.startsWith('./')) problems.push(`${where(file, name, step)}: a local action`);
          if (!step.run) continue;
          const dir = stepDirectory(workflow, job, step);
          if (pr.some((p) => isWithin(dir, p))) problems.push(`${where(file, name, step)}: runs in "${dir}", inside the pull request checkout`);
          if (pr.some((p) => mentions(withoutDataLocations(step.run!), p))) problems.push(`${where(file, name, step)}: names the pull request checkout other than as the catalog's location`);
          // Building renders the pull request's text through Astro: the read-only job does that.
          if (/npm run (?:build|dev|preview)\b|astro\b/.test(step.run)) problems.push(`${where(file, name, step)}: builds the site`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no pull-request workflow names a secret, passes the token to a shell, or turns on MDX code', () => {
    for (const { file, text } of WORKFLOWS.filter((w) => isPullRequestWorkflow(w.workflow))) {
      expect(text, file).not.toMatch(/\bsecrets\./);
      expect(text, file).not.toMatch(/github\.token|GITHUB_TOKEN|GH_TOKEN/);
      expect(text, file).not.toContain('PLUMBLINE_ALLOW_MDX_CODE');
    }
  });

  it('pins actions: GitHub\'s own actions/* to a major version, any other to a full commit', () => {
    const loose: string[] = [];
    for (const { file, workflow } of WORKFLOWS) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps) {
          if (!step.uses) continue;
          const firstParty = /^actions\/[\w.-]+@v\d+$/.test(step.uses);
          const pinned = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/.test(step.uses);
          if (!firstParty && !pinned) loose.push(`${where(file, name, step)}: ${step.uses}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });
});

/**
 * A script without the values that say where data is: `--dir PATH` (the catalog), `CATALOG_DIR=PATH`
 * (the catalog, for the build) and `GITHUB_WORKSPACE=PATH` (the root that annotations name files from).
 */
function withoutDataLocations(script: string): string {
  return script.replace(/(?:--dir\s+|(?<![\w$])(?:CATALOG_DIR|GITHUB_WORKSPACE)=)(?:"[^"]*"|\S+)/g, '');
}

/** Whether a script names a path inside a folder (`pr`, `pr/…`, `$GITHUB_WORKSPACE/pr`), as a word. */
function mentions(script: string, folder: string): boolean {
  if (folder === '') return true;
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s"'=/:])${escaped}(?:/|["'\\s;)]|$)`, 'm').test(script);
}

describe('the pull-request workflow', () => {
  const workflow = readWorkflow('pr.yml');
  const job = (name: string) => workflow.jobs[name]!;
  const step = (jobName: string, name: string) => job(jobName).steps.find((s) => s.name === name)!;

  it('runs on pull requests, with two jobs: check (read-only) and diff (may comment)', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'diff']);
    expect(job('check').permissions).toEqual({ contents: 'read' });
    expect(job('diff').permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('checks out the base branch commit into base/ and the pull request into pr/, without credentials', () => {
    for (const name of ['check', 'diff']) {
      const found = job(name).steps.filter((s) => s.uses?.startsWith('actions/checkout')).map((s) => s.with);
      expect(found[0]).toEqual({ ref: '${{ github.event.pull_request.base.sha }}', path: 'base', 'persist-credentials': false });
      expect(found[1]).toMatchObject({ path: PR_CHECKOUT, 'persist-credentials': false });
      expect(found[1]).not.toHaveProperty('ref');
      expect(job(name).defaults?.run?.['working-directory']).toBe('base');
    }
    // The diff compares against the base branch, so it needs the history.
    expect(job('diff').steps.filter((s) => s.uses?.startsWith('actions/checkout'))[1]!.with!['fetch-depth']).toBe(0);
  });

  it('checks with annotations named from the pull request root, then builds, both on the pull request catalog', () => {
    expect(step('check', 'Install Plumbline').run).toBe('npm ci --no-audit --no-fund');
    expect(step('check', 'Check the catalog').run).toBe('env GITHUB_WORKSPACE="$GITHUB_WORKSPACE/pr" npm run check -- --format github --dir "$GITHUB_WORKSPACE/pr/$CATALOG_DIR"');
    expect(step('check', 'Build the site').run).toBe('CATALOG_DIR="$GITHUB_WORKSPACE/pr/$CATALOG_DIR" npm run build');
    const names = job('check').steps.map((s) => s.name);
    expect(names.indexOf('Check the catalog')).toBeLessThan(names.indexOf('Build the site'));
  });

  it('diffs the pull request against the base branch with the ref passed through env, into the job summary', () => {
    const diff = step('diff', 'Diff against the base branch');
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(diff.run).toContain('npm run --silent diff -- --dir "$GITHUB_WORKSPACE/pr/$CATALOG_DIR" --base "origin/$BASE_REF" --head HEAD > "$RUNNER_TEMP/catalog-diff.md"');
    expect(diff.run).toContain('cat "$RUNNER_TEMP/catalog-diff.md" >> "$GITHUB_STEP_SUMMARY"');
  });

  it('posts the diff as one comment, found again by a hidden marker, and may fail on forks', () => {
    const comment = job('diff').steps.find((s) => s.uses?.startsWith('actions/github-script'))!;
    expect(comment['continue-on-error']).toBe(true);
    const script = String(comment.with!.script);
    expect(script).toContain("const marker = '<!-- plumbline-catalog-diff -->'");
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    expect(script).toContain("readFileSync(path.join(process.env.RUNNER_TEMP, 'catalog-diff.md')");
  });
});

describe('the publishing workflow', () => {
  const workflow = readWorkflow('publish.yml');

  it('builds on pushes to main with the full history and deploys dist/ to GitHub Pages', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const uses = steps(workflow).map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages@v5', 'actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4']));
    expect(steps(workflow).find((s) => s.uses === 'actions/upload-pages-artifact@v3')!.with).toEqual({ path: 'dist' });
    expect(steps(workflow).find((s) => s.uses?.startsWith('actions/checkout'))!.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(runs(workflow).join('\n')).toContain('npm run build -- --site "$SITE_ORIGIN" --base "${SITE_BASE:-/}"');
    expect(workflow.jobs.deploy!.needs).toBe('build');
    // The job that may write to Pages runs no npm at all.
    expect(workflow.jobs.deploy!.steps.every((s) => !s.run)).toBe(true);
  });
});

describe('the reminders workflow', () => {
  const workflow = readWorkflow('reminders.yml');

  it('runs weekly and by hand, and opens or updates one labelled issue', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 7 * * 1' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.reminders!.permissions).toEqual({ contents: 'read', issues: 'write' });
    const all = runs(workflow).join('\n');
    expect(all).toContain('npm run --silent reminders > reminders.md');
    expect(all).toContain('gh issue list --label "$ISSUE_LABEL" --state open');
    expect(all).toContain('gh issue edit "$number" --body-file reminders.md');
    expect(all).toContain('gh issue create --title "$ISSUE_TITLE" --label "$ISSUE_LABEL" --body-file reminders.md');
    expect(all).toContain("grep -q '^Nothing to remind' reminders.md");
    // The token reaches only the step that calls gh.
    const withToken = workflow.jobs.reminders!.steps.filter((s) => JSON.stringify(s).includes('github.token'));
    expect(withToken.map((s) => s.name)).toEqual(['Open or update the reminders issue']);
    expect(withToken[0]!.env).toEqual({ GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}' });
  });
});

describe('the test helpers', () => {
  it('tell a base checkout from a pull request checkout, and a folder inside another', () => {
    const job = parse(`
runs-on: ubuntu-latest
steps:
  - uses: actions/checkout@v4
    with: { ref: '\${{ github.event.pull_request.base.sha }}', path: base }
  - uses: actions/checkout@v4
    with: { path: ./pr/ }
  - uses: actions/checkout@v4
  - uses: actions/checkout@v4
    with: { repository: '\${{ github.event.pull_request.head.repo.full_name }}', ref: '\${{ github.base_ref }}', path: fork }
`) as Workflow['jobs'][string];
    expect(checkouts(job)).toEqual({ base: ['base'], pr: ['pr', '', 'fork'] });
    expect(normalizePath('./pr/')).toBe('pr');
    expect(normalizePath('.')).toBe('');
    expect(isWithin('base', '')).toBe(true);
    expect(isWithin('pr/catalog', 'pr')).toBe(true);
    expect(isWithin('project', 'pr')).toBe(false);
    expect(mentions('npm run check -- --dir "$GITHUB_WORKSPACE/pr/$CATALOG_DIR"', 'pr')).toBe(true);
    expect(mentions('npm run --prefix project check', 'pr')).toBe(false);
    expect(mentions(withoutDataLocations('GITHUB_WORKSPACE="$GITHUB_WORKSPACE/pr" npm run check -- --dir "$GITHUB_WORKSPACE/pr/."'), 'pr')).toBe(false);
    expect(mentions(withoutDataLocations('CATALOG_DIR=pr npm run build && node pr/x.js'), 'pr')).toBe(true);
    expect(mentions(withoutDataLocations('npm run check --dir pr; bash pr/run.sh'), 'pr')).toBe(true);
    expect(RUNS_CODE.test('npx astro build')).toBe(true);
    expect(RUNS_CODE.test('GITHUB_WORKSPACE="$X" npm run check')).toBe(true);
    expect(RUNS_CODE.test('cat node.md')).toBe(false);
    expect(MOVES.test('cd pr && npm ci')).toBe(true);
    expect(writes('write-all')).toEqual(['*']);
    expect(writes({ contents: 'read', issues: 'write' })).toEqual(['issues']);
  });
});
