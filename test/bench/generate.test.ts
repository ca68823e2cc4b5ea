import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, generateCatalog } from '../../bench/generate.ts';
import { analyzeCatalog } from '../../src/core/analyze.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function generated(seed = 7): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-bench-'));
  folders.push(dir);
  generateCatalog(dir, { metrics: 200, seed });
  return dir;
}

/** Every file under `dir` by relative path, with its contents. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  }
  return files;
}

describe('the synthetic catalog generator', () => {
  const dir = generated();
  const { catalog, diagnostics } = analyzeCatalog(dir, AS_OF);

  it('writes a catalog that checks without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has 200 metrics and about 56 goals across the five levels, each under a goal one level up', () => {
    expect(catalog.metrics.size).toBe(200);
    expect(catalog.goals.size).toBeGreaterThanOrEqual(50);
    expect(catalog.goals.size).toBeLessThanOrEqual(62);
    expect(new Set([...catalog.goals.values()].map((g) => g.data.level))).toEqual(new Set(catalog.config.levels));
    expect(catalog.roots).toHaveLength(1);
    for (const goal of catalog.goals.values()) {
      if (goal.data.parent) expect(catalog.goals.get(goal.data.parent)!.depth).toBe(goal.depth - 1);
    }
  });

  it('makes about half the metrics leading, and gives half of them 24 monthly values', () => {
    const metrics = [...catalog.metrics.values()];
    expect(metrics.filter((m) => m.data.indicator === 'leading')).toHaveLength(100);
    expect(metrics.filter((m) => m.observations.length === 24)).toHaveLength(100);
    expect(metrics.filter((m) => m.observations.length > 0 && m.observations.length !== 24)).toEqual([]);
    const latest = new Set(metrics.flatMap((m) => m.observations.at(-1)?.date ?? []));
    expect([...latest]).toEqual(['2026-10-31']);
  });

  it('writes the same files for the same seed, and different ones for another', () => {
    const first = snapshot(dir);
    expect(snapshot(generated())).toEqual(first);
    expect(snapshot(generated(8))).not.toEqual(first);
  });
});
