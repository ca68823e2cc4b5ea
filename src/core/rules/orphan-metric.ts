/** An active metric supports at least one active goal. */
import { defineRule, type Finding } from './types.ts';

export const orphanMetric = defineRule({
  id: 'orphan-metric',
  summary: 'An active metric supports no active goal, so nothing it measures is tied to the strategy.',
  defaultSeverity: 'error',
  check({ catalog, loaded }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      if (metric.data.status !== 'active') continue;
      const supports = metric.data.supports ?? [];
      // Unknown or broken goals are reported by their own rules; judge only what resolved.
      if (supports.some((id) => !catalog.goals.has(id) && loaded.knownIds.goal.has(id))) continue;
      const goals = supports.map((id) => catalog.goals.get(id)).filter((g) => g !== undefined);
      if (goals.length < supports.length || goals.some((g) => g.data.status === 'active')) continue;
      findings.push({ file: metric.file, path: supports.length ? ['supports'] : [], at: 'key', message: supports.length ? `supports only goals that are not active (${goals.map((g) => `${g.id}: ${g.data.status}`).join(', ')})` : 'supports no goal', hint: 'name an active goal in `supports`, or retire the metric with `status: retired` and `retired: { date, reason }`' });
    }
    return findings;
  },
});
