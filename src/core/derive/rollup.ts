/**
 * A goal's status rolled up from its metrics and child goals. Each known status scores green 1,
 * amber 0.5, red 0; primary metrics count double because they are the goal's headline. The
 * weighted mean gives green from 0.75, amber from 0.4, red below; with nothing known, unknown.
 * An average rather than "worst of": one red signal among many healthy ones makes a goal amber,
 * not red, so red on the cascade keeps meaning "this part of the strategy is failing".
 */
import type { Catalog } from '../graph.ts';
import type { Status } from './status.ts';

const SCORE: Record<Exclude<Status, 'unknown'>, number> = { green: 1, amber: 0.5, red: 0 };
export const GREEN_FROM = 0.75;
export const AMBER_FROM = 0.4;

export function statusFromScores(scores: { score: number; weight: number }[]): Status {
  const total = scores.reduce((sum, s) => sum + s.weight, 0);
  if (total === 0) return 'unknown';
  const mean = scores.reduce((sum, s) => sum + s.score * s.weight, 0) / total;
  return mean >= GREEN_FROM ? 'green' : mean >= AMBER_FROM ? 'amber' : 'red';
}

/** Every goal's rolled-up status, children before parents; retired metrics and goals do not count. */
export function rollUpGoals(catalog: Catalog, metricStatus: (id: string) => Status): Map<string, Status> {
  const result = new Map<string, Status>();
  const visiting = new Set<string>();
  const visit = (id: string): Status => {
    const known = result.get(id);
    if (known) return known;
    if (visiting.has(id)) return 'unknown'; // a cycle is reported by goal-parent; do not loop on it
    visiting.add(id);
    const goal = catalog.goals.get(id)!;
    const scores: { score: number; weight: number }[] = [];
    for (const metricId of goal.metrics) {
      const metric = catalog.metrics.get(metricId)!;
      const status = metricStatus(metricId);
      if (metric.data.status !== 'active' || status === 'unknown') continue;
      scores.push({ score: SCORE[status], weight: metric.data.primary ? 2 : 1 });
    }
    for (const childId of goal.children) {
      if (catalog.goals.get(childId)!.data.status === 'retired') continue;
      const status = visit(childId);
      if (status !== 'unknown') scores.push({ score: SCORE[status], weight: 1 });
    }
    const status = statusFromScores(scores);
    result.set(id, status);
    return status;
  };
  for (const id of catalog.goals.keys()) visit(id);
  return result;
}
