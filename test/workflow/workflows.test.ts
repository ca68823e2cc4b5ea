/**
 * The GitHub Actions workflows shipped for catalog repositories: valid YAML, the right triggers
 * and permissions, and only npm scripts that exist in package.json, run the way the README says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/site.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; needs?: string; if?: string }>;
}

const read = (file: string) => parse(readFileSync(join(PROJECT_ROOT, '.github/workflows', file), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts as object);
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((step) => (step.run ? [step.run] : []));

const WORKFLOWS = ['pr.yml', 'publish.yml', 'reminders.yml'];

describe('every workflow', () => {
  for (const file of WORKFLOWS) {
    it(`${file} is valid YAML that calls only npm scripts package.json has, installed with npm install`, () => {
      const workflow = read(file);
      expect(workflow.name).toBeTruthy();
      expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
      const called = runs(workflow).flatMap((run) => [...run.matchAll(/npm run (?:--silent |-s )?([\w:-]+)/g)].map((m) => m[1]!));
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((name) => !scripts.includes(name))).toEqual([]);
      expect(runs(workflow).join('\n')).not.toMatch(/npm ci\b/);
      const installs = runs(workflow).filter((run) => /^npm install\b/.test(run));
      if (Object.values(workflow.jobs).some((job) => job.steps.some((s) => s.run?.includes('npm run')))) expect(installs.length).toBeGreaterThan(0);
      expect(workflow.env?.CATALOG_DIR).toBe('.');
      for (const step of steps(workflow)) if (step.uses) expect(step.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    });
  }
});

describe('the pull-request workflow', () => {
  const workflow = read('pr.yml');
  const all = runs(workflow).join('\n');

  it('runs on pull requests and may comment on them', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(steps(workflow).find((s) => s.uses?.startsWith('actions/checkout'))!.with).toEqual({ 'fetch-depth': 0 });
  });

  it('checks with annotations, builds, and diffs against the base branch', () => {
    expect(all).toContain('npm run check -- --format github');
    expect(all).toContain('npm run build');
    expect(all).toContain('npm run --silent diff -- --base "origin/${{ github.base_ref }}" > catalog-diff.md');
    expect(all.indexOf('check')).toBeLessThan(all.indexOf('build'));
  });

  it('posts the diff as one comment, found again by a hidden marker', () => {
    const comment = steps(workflow).find((s) => s.uses?.startsWith('actions/github-script'))!;
    const script = String(comment.with!.script);
    expect(script).toContain("const marker = '<!-- plumbline-catalog-diff -->'");
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    expect(script).toContain("readFileSync('catalog-diff.md'");
  });
});

describe('the publishing workflow', () => {
  const workflow = read('publish.yml');

  it('builds on pushes to main with the full history and deploys dist/ to GitHub Pages', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const uses = steps(workflow).map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages@v5', 'actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4']));
    expect(steps(workflow).find((s) => s.uses === 'actions/upload-pages-artifact@v3')!.with).toEqual({ path: 'dist' });
    expect(steps(workflow).find((s) => s.uses?.startsWith('actions/checkout'))!.with).toEqual({ 'fetch-depth': 0 });
    expect(runs(workflow).join('\n')).toContain('npm run build -- --site "$SITE_ORIGIN" --base "${SITE_BASE:-/}"');
    expect(workflow.jobs.deploy!.needs).toBe('build');
  });
});

describe('the reminders workflow', () => {
  const workflow = read('reminders.yml');

  it('runs weekly and by hand, and opens or updates one labelled issue', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 7 * * 1' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    const all = runs(workflow).join('\n');
    expect(all).toContain('npm run --silent reminders > reminders.md');
    expect(all).toContain('gh issue list --label "$ISSUE_LABEL" --state open');
    expect(all).toContain('gh issue edit "$number" --body-file reminders.md');
    expect(all).toContain('gh issue create --title "$ISSUE_TITLE" --label "$ISSUE_LABEL" --body-file reminders.md');
    expect(all).toContain("grep -q '^Nothing to remind' reminders.md");
  });
});
