/** A headline number nobody has agreed to act on is only reported, never managed: primary metrics say what happens when they drift. */
import { defineRule, type Finding } from './types.ts';

export const noActionOnDeviation = defineRule({
  id: 'no-action-on-deviation',
  summary: 'An active primary metric has no `triggers`: nothing says what happens when it drifts.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const { status, primary, triggers } = metric.data;
      if (status !== 'active' || !primary || triggers?.length) continue;
      findings.push({
        file: metric.file,
        path: triggers ? ['triggers'] : ['primary'],
        at: triggers ? 'key' : 'value',
        message: 'a primary metric with no trigger: nothing says who does what when it goes off track',
        hint: 'add `triggers: [{ when: { above: <n> }, action: <what happens> }]` (or `below`, or `change` over a period)',
      });
    }
    return findings;
  },
});
