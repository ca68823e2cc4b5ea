/** A red metric that no active initiative is moving is a known problem with nobody working on it. */
import { defineRule, type Finding } from './types.ts';

export const redWithoutInitiative = defineRule({
  id: 'red-without-initiative',
  summary: 'An active metric is red at its latest value and no active initiative names it in `moves`.',
  defaultSeverity: 'warn',
  check({ catalog, derived }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const state = derived.metrics.get(metric.id)!;
      if (metric.data.status !== 'active' || state.status !== 'red') continue;
      const moving = metric.movedBy.filter((id) => catalog.initiatives.get(id)?.data.status === 'active');
      if (moving.length) continue;
      findings.push({
        file: metric.file,
        path: ['name'],
        message: `is red (${state.latest!.value} on ${state.latest!.date}) and no active initiative moves it`,
        hint: `start an initiative in initiatives/ with \`moves: [${metric.id}]\`, or record why none is needed in the metric's narrative`,
      });
    }
    return findings;
  },
});
