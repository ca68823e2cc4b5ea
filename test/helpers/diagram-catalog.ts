/**
 * Catalogs built in memory for the diagram layouts: a few goals and metrics written out in a
 * test, or a synthetic cascade of any size (seeded, so the same size gives the same tree).
 */
import { buildCatalog, type Catalog } from '../../src/core/graph.ts';
import type { LoadedCatalog } from '../../src/core/load.ts';
import { configSchema } from '../../src/core/schemas/config.ts';
import { goalSchema } from '../../src/core/schemas/goal.ts';
import { metricSchema } from '../../src/core/schemas/metric.ts';
import { ownerSchema } from '../../src/core/schemas/owner.ts';

export interface GoalInput {
  id: string;
  title?: string;
  level: string;
  parent?: string;
  owner?: string;
  perspective?: string;
  status?: 'proposed' | 'active' | 'retired';
}

export interface MetricInput {
  id: string;
  name?: string;
  supports?: string[];
  indicator?: 'leading' | 'lagging';
  drives?: string[];
  status?: 'proposed' | 'active' | 'retired';
}

/** A catalog of exactly these goals and metrics, owned by one team. */
export function catalogOf(goals: GoalInput[], metrics: MetricInput[] = []): Catalog {
  const config = configSchema.parse({ name: 'Diagram test' });
  const goalData = goalSchema({ levels: config.levels, perspectives: config.perspectives });
  const loaded = {
    root: '/nowhere',
    config,
    goals: goals.map((g) => ({
      id: g.id,
      file: `goals/${g.id}.yaml`,
      data: goalData.parse({ title: g.title ?? `Goal ${g.id}`, level: g.level, parent: g.parent, owner: g.owner ?? 'team', perspective: g.perspective, status: g.status }),
    })),
    metrics: metrics.map((m) => ({
      id: m.id,
      file: `metrics/${m.id}.yaml`,
      data: metricSchema.parse({
        name: m.name ?? `Metric ${m.id}`,
        description: 'A test metric.',
        why: 'tests need one.',
        supports: m.supports,
        indicator: m.indicator ?? (m.drives?.length ? 'leading' : 'lagging'),
        drives: m.drives,
        owner: 'team',
        unit: 'count',
        direction: 'up',
        formula: 'count',
        source: { system: 'Test' },
        cadence: 'monthly',
        status: m.status,
        ...(m.status === 'retired' ? { retired: { date: '2026-01-01', reason: 'Replaced.' } } : {}),
      }),
    })),
    owners: [{ id: 'team', file: 'owners/team.yaml', data: ownerSchema.parse({ name: 'The team', kind: 'team' }) }],
    initiatives: [],
    observations: new Map(),
  } as unknown as LoadedCatalog;
  return buildCatalog(loaded, '2026-11-23');
}

const WORDS = ['patients', 'seen', 'within', 'a', 'week', 'reliable', 'systems', 'clinicians', 'trust', 'every', 'site', 'revenue', 'cycle', 'paid', 'on', 'time', 'fewer', 'missed', 'appointments', 'care', 'that', 'reaches', 'rural', 'communities', 'and', 'keeps', 'people', 'well', 'onboarding', 'staff', 'want', 'to', 'stay'];

/** A deterministic pseudo-random generator (an LCG), enough to shape test trees. */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A five-level cascade of `count` goals: one mission, then about 1% strategies (at least 3),
 * 6% departments, 25% teams, the rest individuals, each under a random goal one level up, or
 * with `skipLevels` of them two levels up. Titles run from two words to long sentences.
 */
export function syntheticCascade(count: number, seed = 7, skipLevels = 0): Catalog {
  const random = seeded(seed);
  const rest = count - 1;
  const strategy = Math.max(3, Math.round(rest * 0.01));
  const department = Math.max(strategy, Math.round(rest * 0.06));
  const team = Math.max(department, Math.round(rest * 0.25));
  const individual = Math.max(0, rest - strategy - department - team);
  const levels = ['mission', 'strategy', 'department', 'team', 'individual'];
  const perLevel = [1, strategy, department, team, individual];
  const byLevel: string[][] = [];
  const goals: GoalInput[] = [];
  const metrics: MetricInput[] = [];
  levels.forEach((level, depth) => {
    byLevel[depth] = [];
    for (let i = 0; i < perLevel[depth]! && goals.length < count; i++) {
      const id = `${level}-${i + 1}`;
      const skip = depth >= 3 && random() < skipLevels;
      const above = byLevel[skip ? depth - 2 : depth - 1];
      const parent = above?.length ? above[Math.floor(random() * above.length)] : undefined;
      const words = Array.from({ length: 2 + Math.floor(random() * 14) }, () => WORDS[Math.floor(random() * WORDS.length)]);
      goals.push({ id, level, parent, title: `${words.join(' ')} ${i + 1}`.replace(/^./, (c) => c.toUpperCase()), perspective: depth === 1 ? ['financial', 'customer', 'internal-process', 'learning-growth'][i % 4] : undefined });
      byLevel[depth]!.push(id);
      if (random() < 0.5) metrics.push({ id: `${id}-metric`, supports: [id] });
    }
  });
  return catalogOf(goals, metrics);
}
