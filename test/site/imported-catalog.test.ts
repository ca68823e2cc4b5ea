/**
 * Acceptance: a catalog imported from GitLab's performance indicators (../shared/real-world, read
 * in place) publishes no import bookkeeping as content. Every HTML and JSON file of the built site
 * is searched for `TODO(import)`, `todo-import-` and the "nothing fired" claim. A plain clone has
 * no ../shared: the suite is then skipped, with the reason in its name.
 *
 * /catalog.json is searched too: there a placeholder is null and named in the entry's
 * `notWritten`, an assumed default named in `assumed`. Pagefind's index is compressed and holds
 * only what the HTML pages hold.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSUMED_TAG_PREFIX, PLACEHOLDER_PREFIX } from '../../src/core/placeholders.ts';
import { GITLAB_SOURCE, importInto, METRIC_HUB_SOURCE, readTree, REAL_WORLD, removeTempDirs } from '../helpers/import.ts';
import { buildSite, readPage, text, type BuildResult } from '../helpers/site.ts';

const ABSENT = !existsSync(GITLAB_SOURCE);
const name = 'a catalog imported from GitLab performance indicators';

/** Wording that claims every metric is fine; only true when metrics with values and triggers exist. */
const CLAIMS = ['No trigger has fired', 'within the limits', 'every metric is within'];
const LEAKS = [PLACEHOLDER_PREFIX, ASSUMED_TAG_PREFIX, ...CLAIMS];

/** Every .html and .json file of the site but Pagefind's index, by path. */
function publishedFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => /\.(html|json)$/.test(f) && !f.startsWith(`pagefind${sep}`));
}

/** The page type of a file: its first folder, or "(home)" for the top-level page. */
const pageType = (file: string) => (file.includes(sep) ? file.split(sep)[0]! : '(home)');

/** Leaks in a built site, as "page type: wording" → number of files. */
function leaksIn(outDir: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const file of publishedFiles(outDir)) {
    const content = readFileSync(join(outDir, file), 'utf8');
    for (const leak of LEAKS) if (content.includes(leak)) found[`${pageType(file)}: ${leak}`] = (found[`${pageType(file)}: ${leak}`] ?? 0) + 1;
  }
  return found;
}

afterAll(removeTempDirs);

describe.skipIf(ABSENT)(ABSENT ? `${name} (skipped: ${REAL_WORLD} is absent)` : name, () => {
  let dir: string;
  let build: BuildResult;
  /** Leaks found, as "page type: wording" → number of files. */
  let found: Record<string, number>;

  beforeAll(() => {
    dir = importInto('gitlab-pi', GITLAB_SOURCE).dir;
    build = buildSite(dir);
    found = leaksIn(build.outDir);
  });
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  it('builds', () => {
    expect(build.status).toBe(0);
  });

  it('shows no placeholder, import tag or "nothing fired" claim on any page', () => {
    // Every page was searched: a metric page each for GitLab's 229 indicators, and the rest.
    expect(publishedFiles(build.outDir).length).toBeGreaterThan(229);
    expect(found).toEqual({});
  });

  it('gives other tools what is open as data in catalog.json: null fields listed in notWritten, defaults in assumed', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'catalog.json'), 'utf8'));
    const metric = json.metrics.find((m: { notWritten?: string[] }) => m.notWritten?.length);
    expect(metric, 'a metric with a field not written').toBeDefined();
    for (const field of metric.notWritten) if (!field.includes('.') && !field.includes('[')) expect(metric[field], field).toBeNull();
    expect(json.metrics.every((m: { assumed?: string[]; tags?: string[] }) => m.assumed?.includes('indicator') && !m.tags?.some((t) => t.startsWith(ASSUMED_TAG_PREFIX)))).toBe(true);
  });

  it('counts on /health/ the fields the import left open, by owner, as the files hold them', () => {
    const files = Object.entries(readTree(dir)).filter(([path]) => /^(metrics|goals|owners|initiatives)\//.test(path));
    const placeholders = files.reduce((n, [, content]) => n + content.split(PLACEHOLDER_PREFIX).length - 1, 0);
    const assumed = files.reduce((n, [, content]) => n + content.split(ASSUMED_TAG_PREFIX).length - 1, 0);
    const entries = files.filter(([, content]) => content.includes(PLACEHOLDER_PREFIX) || content.includes(ASSUMED_TAG_PREFIX)).length;
    const health = readPage(build.outDir, 'health');
    expect(text(health.querySelector('[data-open-total]'))).toMatch(new RegExp(`^${placeholders} fields not written yet and ${assumed} defaults assumed across ${entries} entries\\.`));
    const perOwner = health.querySelectorAll('[data-open-owners] li').map((li) => Number(/(\d+) fields? not written/.exec(text(li))![1]));
    expect(perOwner.reduce((a, b) => a + b, 0)).toBe(placeholders);
  });

  it("counts them on each owner's page", () => {
    const owners = readPage(build.outDir, 'owners');
    const cell = owners.querySelector('[data-open]')!;
    const id = cell.getAttribute('data-open')!;
    const page = readPage(build.outDir, `owners/${id}`);
    const total = text(page.querySelector('[data-open-total]'));
    const [, notWritten, assumed] = /^(\d+) fields? not written yet and (\d+) defaults? assumed/.exec(total)!;
    expect(Number(notWritten) + Number(assumed)).toBe(Number(text(cell)));
  });

  it('shows a goal\'s placeholder as "not written yet" and marks each assumed indicator as assumed', () => {
    const goal = readPage(build.outDir, 'goals/development-department');
    expect(text(goal.querySelector('[data-goal-description]'))).toBe('What this goal means: Not written yet');
    // The import tags every GitLab indicator's `indicator` as assumed (the source gives none).
    const metrics = goal.querySelectorAll('[data-goal-metrics] li');
    expect(metrics.length).toBeGreaterThan(0);
    for (const li of metrics) expect(text(li.querySelector('[data-assumed="indicator"]'))).toBe('(assumed)');
    // The metrics index says so too, in every row's indicator cell.
    const rows = readPage(build.outDir, 'metrics').querySelectorAll('[data-metrics-table] tbody tr');
    expect(rows.length).toBe(229);
    for (const row of rows) expect(text(row.querySelector('[data-assumed="indicator"]'))).toBe('(assumed)');
  });

  it('claims nothing about triggers or fresh data for a catalog without values', () => {
    const health = readPage(build.outDir, 'health');
    expect(text(health.querySelector('[data-needs-action]'))).toBe('');
    expect(text(health.querySelector('main'))).toContain('No active metric has values yet, so no trigger can fire.');
    expect(text(health.querySelector('[data-fresh]'))).toBe('No active metric has values yet, so none can be up to date or stale.');
  });
});

// Mozilla's metric-hub names no owners: the import's unnamed owner is on every page.
const HUB_ABSENT = !existsSync(METRIC_HUB_SOURCE);
const hubName = 'a catalog imported from Mozilla metric-hub';
describe.skipIf(HUB_ABSENT)(HUB_ABSENT ? `${hubName} (skipped: ${REAL_WORLD} is absent)` : hubName, () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite(importInto('metric-hub', METRIC_HUB_SOURCE).dir);
  });
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  it('shows no placeholder, import tag or "nothing fired" claim on any page, the unnamed owner included', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(publishedFiles(build.outDir).length).toBeGreaterThan(400);
    expect(leaksIn(build.outDir)).toEqual({});
    const owner = readPage(build.outDir, 'owners/unassigned');
    expect(text(owner.querySelector('h1'))).toBe('Not named yet');
  });
});
