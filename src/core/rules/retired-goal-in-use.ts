/** A retired goal is no longer pursued: active goals and metrics still hanging from it trace up to a strategy that was dropped. */
import { defineRule, type Finding } from './types.ts';

export const retiredGoalInUse = defineRule({
  id: 'retired-goal-in-use',
  summary: 'An active goal has a retired parent, or an active metric still supports a retired goal next to active ones.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    const retired = (id: string | undefined) => id !== undefined && catalog.goals.get(id)?.data.status === 'retired';
    for (const goal of catalog.goals.values()) {
      if (goal.data.status !== 'active' || !retired(goal.data.parent)) continue;
      findings.push({ file: goal.file, path: ['parent'], message: `the parent goal \`${goal.data.parent}\` is retired, so this active goal serves nothing`, hint: 'move the goal under an active parent, or retire it too' });
    }
    for (const metric of catalog.metrics.values()) {
      const supports = metric.data.supports ?? [];
      // A metric whose goals are all inactive is reported by orphan-metric instead.
      if (metric.data.status !== 'active' || !supports.some((id) => catalog.goals.get(id)?.data.status === 'active')) continue;
      supports.forEach((id, i) => {
        if (retired(id)) findings.push({ file: metric.file, path: ['supports', i], message: `\`${id}\` is a retired goal; this metric still lists it next to active ones`, hint: `remove \`${id}\` from \`supports\`` });
      });
    }
    return findings;
  },
});
