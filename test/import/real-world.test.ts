/**
 * The two real catalogs in ../shared/real-world/ (read in place, never copied into this
 * repository), and the 20-KPI register fixture: imported, checked and built. Every source entry
 * is a page or is in the import report with a reason; the counts are asserted against counts this
 * test makes from the sources itself. A plain clone has no ../shared: the two real catalogs are
 * then skipped, with the reason in their names, and nothing reads the folder.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PLACEHOLDER_PREFIX } from '../../src/import/plan.ts';
import { REPORT_FILE } from '../../src/import/report.ts';
import { checkCounts, CSV_FIXTURE, GITLAB_SOURCE, importInto, METRIC_HUB_SOURCE, readTree, REAL_WORLD, removeTempDirs } from '../helpers/import.ts';
import { buildSite, htmlFiles, pageExists, readPage, text, type BuildResult } from '../helpers/site.ts';

/** GitLab's indicators, counted straight from the files: one list item per indicator. */
function gitlabSourceEntries() {
  const entries: Record<string, unknown>[] = [];
  for (const file of readdirSync(GITLAB_SOURCE).filter((f) => f.endsWith('.yml'))) entries.push(...(parseYaml(readFileSync(join(GITLAB_SOURCE, file), 'utf8')) as Record<string, unknown>[]));
  return entries;
}

/** metric-hub's metrics, counted straight from the files: one [metrics.<key>] table each. */
function metricHubSourceMetrics() {
  const metrics: Record<string, unknown>[] = [];
  for (const file of readdirSync(METRIC_HUB_SOURCE).filter((f) => f.endsWith('.toml'))) {
    const doc = parseToml(readFileSync(join(METRIC_HUB_SOURCE, file), 'utf8')) as { metrics?: Record<string, Record<string, unknown>> };
    metrics.push(...Object.values(doc.metrics ?? {}));
  }
  return metrics;
}

afterAll(removeTempDirs);

/** ../shared/real-world (or PLUMBLINE_REAL_WORLD), when it is there; a suite that needs it says why it was skipped. */
const ABSENT = !existsSync(GITLAB_SOURCE) || !existsSync(METRIC_HUB_SOURCE);
const needsRealWorld = (name: string) => (ABSENT ? `${name} (skipped: ${REAL_WORLD} is absent)` : name);

describe.skipIf(ABSENT)(needsRealWorld('GitLab performance indicators (CC BY-SA 4.0, GitLab handbook)'), () => {
  // Read in beforeAll, never while the tests are collected: a skipped suite's body still runs.
  let source: Record<string, unknown>[];
  let imported: ReturnType<typeof importInto>;
  let build: BuildResult;
  const metricIds = () => imported.plan.entries.filter((e) => e.kind === 'metric').map((e) => e.id);

  beforeAll(() => {
    source = gitlabSourceEntries();
    imported = importInto('gitlab-pi', GITLAB_SOURCE);
    build = buildSite(imported.dir);
  });
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  it('imports every one of the 229 indicators, and reports none', () => {
    expect(source).toHaveLength(229);
    expect(imported.plan.sourceEntries).toBe(source.length);
    expect(metricIds()).toHaveLength(229);
    expect(imported.plan.skipped).toEqual([]);
    expect(metricIds().length + imported.plan.skipped.length).toBe(source.length);
    expect(new Set(metricIds()).size).toBe(229);
    // The two names that repeat get the next free id, in source order.
    expect(metricIds().filter((id) => /^(ux-debt|unique-wider-community-contributors-per-month)(-\d)?$/.test(id)).sort()).toEqual(['unique-wider-community-contributors-per-month', 'unique-wider-community-contributors-per-month-2', 'ux-debt', 'ux-debt-2']);
  });

  it('makes a department goal per org under the GitLab mission', () => {
    const orgs = new Set(source.map((e) => e.org));
    expect(orgs.size).toBe(14);
    const goals = imported.plan.entries.filter((e) => e.kind === 'goal');
    expect(goals).toHaveLength(orgs.size + 1);
    expect(goals.filter((g) => g.data.level === 'department').map((g) => g.data.title).sort()).toEqual([...orgs].sort());
  });

  it('keeps every health note and every target as written, and primary for is_key', () => {
    const files = readTree(imported.dir);
    const metrics = Object.entries(files).filter(([path]) => path.startsWith('metrics/'));
    expect(metrics.filter(([, content]) => content.includes('## Health, as the source reports it'))).toHaveLength(229);
    const withTarget = source.filter((e) => e.target !== null && e.target !== undefined && String(e.target).trim() !== '');
    expect(withTarget).toHaveLength(229 - 86);
    expect(metrics.filter(([, content]) => content.includes('## Target, as the source states it'))).toHaveLength(withTarget.length);
    const key = source.filter((e) => e.is_key === true || e.is_key === 'yes').length;
    expect(metrics.filter(([, content]) => content.includes('\nprimary: true\n'))).toHaveLength(key);
  });

  it('turns parent anchors into links: 30 to indicators in the source, 18 to indicators that no longer exist', () => {
    const withParent = source.filter((e) => e.parent);
    expect(withParent).toHaveLength(48);
    const dangling = imported.plan.notes.filter((n) => n.includes('names no indicator in the source'));
    expect(dangling).toHaveLength(18);
    const linked = imported.plan.entries.filter((e) => e.notes.some((n) => /^parent .* → /.test(n)));
    expect(linked).toHaveLength(withParent.length - dangling.length);
  });

  it('checks with no errors; the warnings say what each indicator lacks', () => {
    const { errors, byRule, diagnostics } = checkCounts(imported.dir);
    expect(errors).toEqual([]);
    // No GitLab target has a date, so every indicator is listed as lacking a target.
    expect(byRule['no-target']).toBe(229);
    expect(new Set(diagnostics.filter((d) => d.rule === 'no-target').map((d) => d.file)).size).toBe(229);
    // And every file says what the source left open.
    const files = readTree(imported.dir);
    expect(Object.entries(files).filter(([path, content]) => path.startsWith('metrics/') && content.includes(`why: "${PLACEHOLDER_PREFIX}`))).toHaveLength(229);
    expect(files[REPORT_FILE]).toContain('| metric `why` | 229 | placeholder `TODO(import): …` |');
  });

  it('writes nothing new when imported a second time', () => {
    const before = readTree(imported.dir);
    const again = importInto('gitlab-pi', GITLAB_SOURCE, { dir: imported.dir });
    expect(again.results.filter((r) => r.status !== 'unchanged')).toEqual([]);
    expect(readTree(imported.dir)).toEqual(before);
  });

  it('builds a page for every indicator', () => {
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    expect(metricIds().filter((id) => !pageExists(build.outDir, `metrics/${id}`))).toEqual([]);
    expect(htmlFiles(join(build.outDir, 'metrics')).filter((f) => f !== 'index.html')).toHaveLength(229);
  });

  it("shows an indicator's health note and target text on its page", () => {
    const page = text(readPage(build.outDir, 'metrics/master-pipeline-stability'));
    expect(page).toContain('Health, as the source reports it Okay (level 3;');
    expect(page).toContain('Increased to 90% and 96% in the recent months');
    expect(page).toContain('Target, as the source states it Above 95%');
    expect(page).toMatch(/Unit\s*percent/);
    expect(page).toMatch(/Direction\s*Higher is better/);
    expect(page).toContain('GitLab handbook content is licensed CC BY-SA 4.0');
  });
});

describe.skipIf(ABSENT)(needsRealWorld('Mozilla metric-hub definitions (MPL-2.0)'), () => {
  let source: Record<string, unknown>[];
  let imported: ReturnType<typeof importInto>;
  let metrics: typeof imported.plan.entries;

  beforeAll(() => {
    source = metricHubSourceMetrics();
    imported = importInto('metric-hub', METRIC_HUB_SOURCE, { org: 'Mozilla' });
    metrics = imported.plan.entries.filter((e) => e.kind === 'metric');
  });

  it('imports every one of the 404 metrics, and reports none', () => {
    expect(source).toHaveLength(404);
    expect(imported.plan.sourceEntries).toBe(source.length);
    expect(metrics).toHaveLength(404);
    expect(imported.plan.skipped).toEqual([]);
    expect(metrics.length + imported.plan.skipped.length).toBe(source.length);
  });

  it('retires the deprecated ones, and reads bigger_is_better = false as lower is better', () => {
    expect(metrics.filter((m) => m.data.status === 'retired')).toHaveLength(source.filter((m) => m.deprecated === true).length);
    expect(metrics.filter((m) => m.data.direction === 'down')).toHaveLength(source.filter((m) => m.bigger_is_better === false).length);
    expect(metrics.filter((m) => m.data.owner === 'unassigned')).toHaveLength(source.filter((m) => m.owner === undefined).length);
  });

  it('checks with no errors', () => {
    const { errors, byRule } = checkCounts(imported.dir);
    expect(errors).toEqual([]);
    expect(byRule['no-target']).toBe(404 - 22);
  });

  it('writes nothing new when imported a second time', () => {
    const again = importInto('metric-hub', METRIC_HUB_SOURCE, { org: 'Mozilla', dir: imported.dir });
    expect(again.results.filter((r) => r.status !== 'unchanged')).toEqual([]);
  });
});

describe('a 20-KPI register from a spreadsheet', () => {
  let imported: ReturnType<typeof importInto>;
  let build: BuildResult;

  beforeAll(() => {
    imported = importInto('csv', CSV_FIXTURE, { org: 'Northwind Analytics' });
    build = buildSite(imported.dir);
  });
  afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

  it('imports all 20 rows', () => {
    expect(imported.plan.sourceEntries).toBe(20);
    expect(imported.plan.skipped).toEqual([]);
    expect(imported.plan.entries.filter((e) => e.kind === 'metric')).toHaveLength(20);
    expect(imported.plan.entries.filter((e) => e.kind === 'goal').map((e) => e.data.title)).toEqual(['Northwind Analytics', 'Grow recurring revenue', 'Delight our customers', 'Run a reliable product', 'Build a great place to work']);
  });

  it('checks with no errors', () => {
    expect(checkCounts(imported.dir).errors).toEqual([]);
  });

  it('builds a page per KPI', () => {
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    const ids = imported.plan.entries.filter((e) => e.kind === 'metric').map((e) => e.id);
    expect(ids.filter((id) => !pageExists(build.outDir, `metrics/${id}`))).toEqual([]);
    expect(text(readPage(build.outDir, 'metrics/net-revenue-retention'))).toContain('Target, as the register states it > 110%');
  });
});
