/** The example organisation at the repository root: clean, complete, and fully published. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { pageExists, PROJECT_ROOT, readPage, text, type BuildResult } from '../helpers/site.ts';

const TODAY = '2026-11-23';
const { catalog, diagnostics } = analyzeCatalog(PROJECT_ROOT, TODAY);
let build: BuildResult;

beforeAll(async () => {
  build = await sharedBuild(PROJECT_ROOT, TODAY);
});

describe('the example catalog', () => {
  it('has no errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is rich enough to show every feature', () => {
    const metrics = [...catalog.metrics.values()];
    const goals = [...catalog.goals.values()];
    expect(metrics.length).toBeGreaterThanOrEqual(30);
    expect(new Set(goals.map((g) => g.data.level))).toEqual(new Set(catalog.config.levels));
    const objectives = goals.filter((g) => g.data.level === 'strategy');
    expect(objectives.length).toBeGreaterThanOrEqual(4);
    expect(new Set(objectives.map((g) => g.data.perspective))).toEqual(new Set(catalog.config.perspectives));
    expect(metrics.some((m) => m.body)).toBe(true);
    expect(metrics.some((m) => m.data.status === 'retired')).toBe(true);
    expect(metrics.some((m) => m.data.triggers?.length)).toBe(true);
    expect(metrics.some((m) => m.data.guardrails?.length)).toBe(true);
    expect(metrics.some((m) => m.observations.length)).toBe(true);
    // A lead → lead → lag chain.
    const chain = metrics.some((m) => m.data.drives?.some((id) => catalog.metrics.get(id)?.data.drives?.some((next) => catalog.metrics.get(next)?.data.indicator === 'lagging')));
    expect(chain).toBe(true);
    expect(catalog.initiatives.size).toBeGreaterThan(0);
    expect(catalog.owners.size).toBeGreaterThan(0);
  });

  it('builds a page for every metric, goal, owner and initiative', () => {
    expect(build.status).toBe(0);
    const missing = [
      ...[...catalog.metrics.keys()].map((id) => `metrics/${id}`),
      ...[...catalog.goals.keys()].map((id) => `goals/${id}`),
      ...[...catalog.owners.keys()].map((id) => `owners/${id}`),
      ...[...catalog.initiatives.keys()].map((id) => `initiatives/${id}`),
    ].filter((path) => !pageExists(build.outDir, path));
    expect(missing).toEqual([]);
    const json = JSON.parse(readFileSync(join(build.outDir, 'catalog.json'), 'utf8'));
    expect(json.metrics).toHaveLength(catalog.metrics.size);
  });

  it('puts every metric’s why sentence and the goals on its path to the mission on its page', () => {
    for (const metric of catalog.metrics.values()) {
      const page = readPage(build.outDir, `metrics/${metric.id}`);
      expect(text(page.querySelector('[data-why]'))).toBe(`This metric ${metric.data.status === 'retired' ? 'mattered' : 'matters'} because ${metric.data.why.trim()}`);
      const traced = page.querySelectorAll('[data-trace] a').map(text);
      for (const goalId of metric.data.supports ?? []) {
        expect(traced, metric.id).toContain(catalog.goals.get(goalId)!.data.title);
      }
      if (metric.data.supports?.length) expect(traced, metric.id).toContain(catalog.goals.get(catalog.roots[0]!)!.data.title);
    }
  });
});
