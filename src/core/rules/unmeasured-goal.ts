/** A goal nothing measures can never be shown to be on or off track: every active goal needs a metric or a sub-goal. */
import { defineRule, type Finding } from './types.ts';

export const unmeasuredGoal = defineRule({
  id: 'unmeasured-goal',
  summary: 'An active goal has no active metric and no active sub-goal, so nothing shows whether it is on track.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const goal of catalog.goals.values()) {
      if (goal.data.status !== 'active') continue;
      if (goal.metrics.some((id) => catalog.metrics.get(id)?.data.status === 'active')) continue;
      if (goal.children.some((id) => catalog.goals.get(id)?.data.status === 'active')) continue;
      const inactive = goal.metrics.length + goal.children.length;
      findings.push({
        file: goal.file,
        path: [],
        message: inactive ? `no active metric or sub-goal measures this goal (only proposed or retired ones: ${[...goal.metrics, ...goal.children].join(', ')})` : 'no metric or sub-goal measures this goal',
        hint: `add a metric with \`supports: [${goal.id}]\`, add a sub-goal with \`parent: ${goal.id}\`, or mark the goal \`status: proposed\``,
      });
    }
    return findings;
  },
});
