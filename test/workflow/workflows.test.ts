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
 * The workflows run Plumbline only through its composite action (action/action.yml), used from the
 * package `npm ci` installed; the action's own steps follow the same rules.
 *
 * PLUMBLINE_WORKFLOWS_DIR and PLUMBLINE_ACTION_FILE point the tests at other workflows or another
 * action (to check that they catch a bad one).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/main.ts';
import { PROJECT_ROOT } from '../helpers/site.ts';
import { ACTION_FILE, ACTION_USES, INSTALLED_ACTION, readAction, readYaml, stepCommand, stepsFor, WORKFLOWS_DIR, type WorkflowStep as Step } from '../helpers/workflow-files.ts';

type Permissions = 'read-all' | 'write-all' | Record<string, string>;
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

const readWorkflow = (file: string) => readYaml<Workflow>(join(WORKFLOWS_DIR, file));
const action = readAction();

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

const FILES = readdirSync(WORKFLOWS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const WORKFLOWS = FILES.map((file) => ({ file, workflow: readWorkflow(file), text: readFileSync(join(WORKFLOWS_DIR, file), 'utf8') }));
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));
const where = (file: string, job: string, step: Step) => `${file} › ${job} › ${step.name ?? step.uses ?? step.run?.split('\n')[0]}`;
/** The steps that use the action installed with plumbline. */
const actionSteps = (job: Job) => job.steps.filter((step) => step.uses !== undefined && INSTALLED_ACTION.test(step.uses));
/** The folder plumbline was installed in for an action step, from its `uses:` ('' is the workspace). */
const installedIn = (step: Step) => normalizePath(INSTALLED_ACTION.exec(step.uses!)?.[1] ?? '.');

/** The only write permissions any job may hold; every other job's token is read-only. */
const WRITES: Record<string, Record<string, string[]>> = {
  'pr.yml': { diff: ['pull-requests'] },
  'publish.yml': { deploy: ['id-token', 'pages'] },
  'reminders.yml': { reminders: ['issues'] },
};
/** The action's commands. */
const ACTION_COMMANDS = ['check', 'build', 'diff', 'reminders'];

/** A command that runs JavaScript: a package manager or Node itself. */
const RUNS_CODE = /(?:^|[\s;&|(`])(?:npm|npx|node|yarn|pnpm|corepack|bun)(?=\s|$)/m;
/** Moving elsewhere from inside a script, which `working-directory` would no longer describe. */
const MOVES = /(?:^|[\s;&|(])(?:cd|pushd)\s|--prefix\b|(?:^|\s)-C\s/m;

it('finds the three workflows', () => {
  expect(FILES).toEqual(expect.arrayContaining(['pr.yml', 'publish.yml', 'reminders.yml']));
});

describe('every workflow', () => {
  for (const { file, workflow } of WORKFLOWS) {
    it(`${file} is valid YAML that installs plumbline with npm ci and runs it only through the installed action`, () => {
      expect(workflow.name).toBeTruthy();
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
      // Exactly the lockfile's versions; `npm install` may resolve others and rewrite the lockfile.
      expect(runs(workflow).join('\n')).not.toMatch(/npm (?:install|i|add)\b/);
      // The only JavaScript a workflow starts itself is the install; Plumbline runs inside the action.
      expect(runs(workflow).filter((run) => RUNS_CODE.test(run) && run !== 'npm ci --no-audit --no-fund')).toEqual([]);
      const used = Object.values(workflow.jobs).flatMap(actionSteps);
      expect(used.length).toBeGreaterThan(0);
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const uses = actionSteps(job);
        if (!uses.length) continue;
        const installs = job.steps.filter((s) => s.run === 'npm ci --no-audit --no-fund');
        expect(installs.length, `${file} › ${name}`).toBe(1);
        for (const step of uses) {
          expect(ACTION_COMMANDS, where(file, name, step)).toContain(step.with?.command);
          // The action comes from the install: after it, and from the folder it ran in, which is also where plumbline runs.
          expect(job.steps.indexOf(installs[0]!), where(file, name, step)).toBeLessThan(job.steps.indexOf(step));
          expect(stepDirectory(workflow, job, installs[0]!), where(file, name, step)).toBe(installedIn(step));
          expect(normalizePath(String(step.with?.['working-directory'] ?? '.')), where(file, name, step)).toBe(installedIn(step));
        }
      }
      expect(workflow.env?.CATALOG_DIR).toBe('.');
    });
  }
});

describe('the trust boundary', () => {
  it('no workflow and no action step splices a ${{ }} expression into a shell script or a github-script script', () => {
    const spliced: string[] = [];
    const check = (what: string, step: Step) => {
      if (step.run?.includes('${{')) spliced.push(`${what}: run`);
      if (step.uses?.startsWith('actions/github-script') && String(step.with?.script ?? '').includes('${{')) spliced.push(`${what}: script`);
    };
    for (const { file, workflow } of WORKFLOWS) {
      for (const [name, job] of Object.entries(workflow.jobs)) for (const step of job.steps) check(where(file, name, step), step);
    }
    for (const step of action.runs.steps) check(`action › ${step.name}`, step);
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
          if (step.uses?.startsWith('./')) {
            // Only the action installed from the base branch's lockfile; any other local action comes from the pull request.
            if (step.uses !== ACTION_USES.base || !base.includes(installedIn(step))) problems.push(`${where(file, name, step)}: a local action other than ${ACTION_USES.base} from the base checkout`);
            const runsIn = normalizePath(String(step.with?.['working-directory'] ?? '.'));
            if (!base.some((b) => isWithin(runsIn, b)) || pr.some((p) => isWithin(runsIn, p))) problems.push(`${where(file, name, step)}: runs plumbline in "${runsIn}", outside the base branch checkout`);
          }
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
        const { base, pr } = checkouts(job);
        for (const step of job.steps) {
          if (step.uses?.startsWith('./') && (step.uses !== ACTION_USES.base || !base.includes(installedIn(step)))) problems.push(`${where(file, name, step)}: a local action other than the one installed in the base checkout`);
          // Building renders the pull request's text through Astro: the read-only job does that.
          if (step.uses?.startsWith('./') && step.with?.command !== 'diff') problems.push(`${where(file, name, step)}: runs plumbline ${String(step.with?.command)}, not diff`);
          if (!step.run) continue;
          const dir = stepDirectory(workflow, job, step);
          if (pr.some((p) => isWithin(dir, p))) problems.push(`${where(file, name, step)}: runs in "${dir}", inside the pull request checkout`);
          if (pr.some((p) => mentions(withoutDataLocations(step.run!), p))) problems.push(`${where(file, name, step)}: names the pull request checkout other than as the catalog's location`);
          if (/npm run (?:build|dev|preview)\b|astro\b|plumbline\b/.test(step.run)) problems.push(`${where(file, name, step)}: builds the site`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no pull-request workflow names a secret, passes the token to a shell, or turns on MDX code', () => {
    for (const { file, text } of WORKFLOWS.filter((w) => isPullRequestWorkflow(w.workflow))) {
      expect(text, file).not.toMatch(/\bsecrets\./);
      expect(text, file).not.toMatch(/github\.token|GITHUB_TOKEN|GH_TOKEN|github-token/);
      expect(text, file).not.toContain('PLUMBLINE_ALLOW_MDX_CODE');
    }
    expect(readFileSync(ACTION_FILE, 'utf8')).not.toMatch(/\bsecrets\.|PLUMBLINE_ALLOW_MDX_CODE/);
  });

  it('pins actions, in the workflows and in the action: GitHub\'s own actions/* to a major version, any other to a full commit', () => {
    const loose: string[] = [];
    const check = (what: string, uses: string) => {
      const firstParty = /^actions\/[\w.-]+@v\d+$/.test(uses);
      const pinned = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/.test(uses);
      const installed = Object.values(ACTION_USES).includes(uses as never);
      if (!firstParty && !pinned && !installed) loose.push(`${what}: ${uses}`);
    };
    for (const { file, workflow } of WORKFLOWS) {
      for (const [name, job] of Object.entries(workflow.jobs)) for (const step of job.steps) if (step.uses) check(where(file, name, step), step.uses);
    }
    for (const step of action.runs.steps) if (step.uses) check(`action › ${step.name}`, step.uses);
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

describe('the action', () => {
  const runSteps = action.runs.steps.filter((step) => step.run !== undefined);
  const named = (name: string) => action.runs.steps.find((step) => step.name === name)!;

  it('is a composite action with the inputs the workflows use, and a step list for each command', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['base-path', 'base-ref', 'catalog', 'command', 'github-token', 'repository-path', 'site', 'working-directory']);
    expect(action.inputs.command!.required).toBe(true);
    expect(action.inputs.catalog!.default).toBe('.');
    expect(action.inputs['working-directory']!.default).toBe('.');
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(stepsFor(action, 'check').map((s) => s.name)).toEqual(['Check the command', 'Check the catalog']);
    expect(stepsFor(action, 'build').map((s) => s.name)).toEqual(['Check the command', 'Build the site']);
    expect(stepsFor(action, 'diff').map((s) => s.name)).toEqual(['Check the command', 'Diff against the base branch', 'Post or update the diff comment']);
    expect(stepsFor(action, 'reminders').map((s) => s.name)).toEqual(['Check the command', 'List the reminders', 'Open or update the reminders issue']);
    expect(action.runs.steps.map(stepCommand).filter((c) => c !== undefined && !ACTION_COMMANDS.includes(c))).toEqual([]);
  });

  it('runs every script in bash, in the folder plumbline is installed in, and runs JavaScript only as `npx --no plumbline <command>`', () => {
    const problems: string[] = [];
    for (const step of runSteps) {
      if (step.shell !== 'bash') problems.push(`${step.name}: shell ${step.shell}`);
      if (MOVES.test(step.run!)) problems.push(`${step.name}: changes folder inside the script`);
      if (!RUNS_CODE.test(step.run!)) continue;
      if (step['working-directory'] !== '${{ inputs.working-directory }}') problems.push(`${step.name}: runs in ${step['working-directory'] ?? 'the workspace'}`);
      // npx --no runs what npm ci installed and never downloads a package.
      const commands = [...step.run!.matchAll(/(?:npm|npx|node|yarn|pnpm|corepack|bun)\b(?: --no)?(?: plumbline ([\w-]+))?/g)];
      for (const [call, command] of commands) {
        if (!call.startsWith('npx --no plumbline') || !Object.hasOwn(COMMANDS, command!)) problems.push(`${step.name}: ${call}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers an unknown command with an error, and lets the four through', () => {
    const step = named('Check the command');
    const run = (command: string) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { encoding: 'utf8', env: { PATH: process.env.PATH, COMMAND: command } });
    expect(step.env).toEqual({ COMMAND: '${{ inputs.command }}' });
    for (const command of ACTION_COMMANDS) expect(run(command).status, command).toBe(0);
    const wrong = run('publish; touch x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('::error title=plumbline::command must be check, build, diff or reminders');
  });

  it('checks with annotations named from the catalog checkout, and builds with the given address', () => {
    expect(named('Check the catalog').env).toEqual({ CATALOG: '${{ inputs.catalog }}', REPOSITORY_PATH: '${{ inputs.repository-path }}' });
    expect(named('Check the catalog').run).toBe('env GITHUB_WORKSPACE="$GITHUB_WORKSPACE/$REPOSITORY_PATH" npx --no plumbline check --format github --dir "$GITHUB_WORKSPACE/$CATALOG"');
    expect(named('Build the site').env).toEqual({ CATALOG: '${{ inputs.catalog }}', SITE: '${{ inputs.site }}', BASE_PATH: '${{ inputs.base-path }}' });
    expect(named('Build the site').run).toBe('npx --no plumbline build --dir "$GITHUB_WORKSPACE/$CATALOG" ${SITE:+--site "$SITE"} ${BASE_PATH:+--base "$BASE_PATH"}');
  });

  it('diffs against the base ref passed through env, into the job summary, and posts it as one comment found again by a hidden marker, which may fail on forks', () => {
    const diff = named('Diff against the base branch');
    expect(diff.env).toEqual({ CATALOG: '${{ inputs.catalog }}', BASE_REF: '${{ inputs.base-ref }}' });
    expect(diff.run).toContain('npx --no plumbline diff --dir "$GITHUB_WORKSPACE/$CATALOG" --base "${BASE_REF:-origin/$GITHUB_BASE_REF}" --head HEAD --output "$RUNNER_TEMP/catalog-diff.md"');
    expect(diff.run).toContain('cat "$RUNNER_TEMP/catalog-diff.md" >> "$GITHUB_STEP_SUMMARY"');
    const comment = named('Post or update the diff comment');
    expect(comment.uses).toBe('actions/github-script@v7');
    expect(comment['continue-on-error']).toBe(true);
    expect(comment.with!['github-token']).toBe('${{ inputs.github-token }}');
    const script = String(comment.with!.script);
    expect(script).toContain("const marker = '<!-- plumbline-catalog-diff -->'");
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    expect(script).toContain("readFileSync(path.join(process.env.RUNNER_TEMP, 'catalog-diff.md')");
  });

  it('lists the reminders and opens or updates one labelled issue, giving the token to that step alone', () => {
    expect(named('List the reminders').run).toBe('npx --no plumbline reminders --dir "$GITHUB_WORKSPACE/$CATALOG" --output "$RUNNER_TEMP/catalog-reminders.md"');
    const issue = named('Open or update the reminders issue');
    expect(issue.run).toContain('gh issue list --label "$ISSUE_LABEL" --state open');
    expect(issue.run).toContain('gh issue edit "$number" --body-file "$reminders"');
    expect(issue.run).toContain('gh issue create --title "$ISSUE_TITLE" --label "$ISSUE_LABEL" --body-file "$reminders"');
    expect(issue.run).toContain(`grep -q '^Nothing to remind' "$reminders"`);
    expect(issue.run).not.toMatch(RUNS_CODE);
    const withToken = action.runs.steps.filter((s) => JSON.stringify(s).includes('github-token'));
    expect(withToken.map((s) => s.name)).toEqual(['Post or update the diff comment', 'Open or update the reminders issue']);
    expect(issue.env).toMatchObject({ GH_TOKEN: '${{ inputs.github-token }}', GH_REPO: '${{ github.repository }}' });
  });

  it('ships in the npm package', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('action/');
  });
});

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

  it('checks with annotations named from the pull request root, then builds, both on the pull request catalog with the base branch\'s plumbline', () => {
    expect(step('check', 'Install Plumbline').run).toBe('npm ci --no-audit --no-fund');
    expect(step('check', 'Check the catalog')).toMatchObject({ uses: ACTION_USES.base, with: { command: 'check', 'working-directory': 'base', catalog: 'pr/${{ env.CATALOG_DIR }}', 'repository-path': 'pr' } });
    expect(step('check', 'Build the site')).toMatchObject({ uses: ACTION_USES.base, with: { command: 'build', 'working-directory': 'base', catalog: 'pr/${{ env.CATALOG_DIR }}' } });
    const names = job('check').steps.map((s) => s.name);
    expect(names.indexOf('Check the catalog')).toBeLessThan(names.indexOf('Build the site'));
  });

  it('diffs the pull request against the base branch and comments, with the base branch\'s plumbline', () => {
    expect(step('diff', 'Diff against the base branch and comment')).toEqual({
      name: 'Diff against the base branch and comment',
      uses: ACTION_USES.base,
      with: { command: 'diff', 'working-directory': 'base', catalog: 'pr/${{ env.CATALOG_DIR }}', 'base-ref': 'origin/${{ github.base_ref }}' },
    });
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
    expect(steps(workflow).find((s) => s.name === 'Build the site')).toMatchObject({
      uses: ACTION_USES.workspace,
      with: { command: 'build', catalog: '${{ env.CATALOG_DIR }}', site: '${{ steps.pages.outputs.origin }}', 'base-path': '${{ steps.pages.outputs.base_path }}' },
    });
    expect(workflow.jobs.deploy!.needs).toBe('build');
    // The job that may write to Pages runs no npm at all.
    expect(workflow.jobs.deploy!.steps.every((s) => !s.run && !s.uses?.startsWith('./'))).toBe(true);
  });
});

describe('the reminders workflow', () => {
  const workflow = readWorkflow('reminders.yml');

  it('runs weekly and by hand, and opens or updates one labelled issue through the action', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 7 * * 1' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.reminders!.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.jobs.reminders!.if).toBe("${{ vars.PLUMBLINE_REMINDERS != 'off' }}");
    expect(steps(workflow).find((s) => s.uses === ACTION_USES.workspace)!.with).toEqual({ command: 'reminders', catalog: '${{ env.CATALOG_DIR }}' });
  });
});

describe("Plumbline's own workflows", () => {
  it('are only CI, which runs .ci/run read-only on pushes and pull requests', () => {
    const own = join(PROJECT_ROOT, '.github/workflows');
    expect(readdirSync(own)).toEqual(['ci.yml']);
    const ci = readYaml<Workflow>(join(own, 'ci.yml'));
    expect(triggers(ci).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(runs(ci)).toEqual(['bash .ci/run']);
    expect(steps(ci).find((s) => s.uses?.startsWith('actions/checkout'))!.with).toEqual({ 'persist-credentials': false });
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
    expect(installedIn({ uses: ACTION_USES.base })).toBe('base');
    expect(installedIn({ uses: ACTION_USES.workspace })).toBe('');
    expect(INSTALLED_ACTION.test('./pr/node_modules/plumbline/action')).toBe(true);
    expect(INSTALLED_ACTION.test('./pr/action')).toBe(false);
    expect(stepCommand({ if: "inputs.command == 'diff'" })).toBe('diff');
    expect(() => stepCommand({ name: 'x', if: 'always()' })).toThrow(/tests do not read/);
  });
});
