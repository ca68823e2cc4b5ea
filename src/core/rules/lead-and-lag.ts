/** A strategy needs both a lagging outcome (did it work?) and a leading driver (will it work?) somewhere below it. */
import { descendantsOf } from '../graph.ts';
import { defineRule, type Finding } from './types.ts';

export const leadAndLag = defineRule({
  id: 'lead-and-lag',
  summary: 'A strategy-level goal has no active leading metric, or no active lagging metric, anywhere in its part of the cascade.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    const strategyLevel = catalog.config.levels[1];
    if (strategyLevel === undefined) return findings;
    for (const goal of catalog.goals.values()) {
      if (goal.data.level !== strategyLevel || goal.data.status !== 'active') continue;
      const subtree = [goal, ...descendantsOf(catalog, goal.id)].filter((g) => g.data.status !== 'retired');
      const found = { leading: false, lagging: false };
      for (const g of subtree) {
        for (const id of g.metrics) {
          const metric = catalog.metrics.get(id);
          if (metric?.data.status === 'active') found[metric.data.indicator] = true;
        }
      }
      const missing = (['leading', 'lagging'] as const).filter((kind) => !found[kind]);
      if (!missing.length) continue;
      const what = missing.length === 2 ? 'no active metric at all, leading or lagging' : missing[0] === 'leading' ? 'no active leading metric, so nothing warns early' : 'no active lagging metric, so nothing shows the outcome';
      findings.push({
        file: goal.file,
        path: ['level'],
        message: `this ${strategyLevel} goal and the goals below it have ${what}`,
        hint: missing.includes('lagging') ? `measure the outcome with a lagging metric that supports \`${goal.id}\` or a goal below it` : `add a leading metric that drives this goal's lagging metrics and supports \`${goal.id}\` or a goal below it`,
      });
    }
    return findings;
  },
});
