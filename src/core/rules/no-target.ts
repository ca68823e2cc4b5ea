/** Without a target or thresholds a number cannot be judged good or bad, so it cannot show progress. */
import { defineRule, type Finding } from './types.ts';

export const noTarget = defineRule({
  id: 'no-target',
  summary: 'An active metric has neither `target` nor `thresholds`, so no value can be judged on or off track.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const { status, target, thresholds } = metric.data;
      if (status !== 'active' || target || thresholds) continue;
      findings.push({
        file: metric.file,
        path: ['direction'],
        at: 'key',
        message: 'no `target` and no `thresholds`: nothing says what a good value is',
        hint: metric.data.direction === 'range' ? 'add `target: { min: <n>, max: <n>, by: YYYY-MM-DD }`' : 'add `target: { value: <n>, by: YYYY-MM-DD }`, or `thresholds: { green: <n>, red: <n> }`',
      });
    }
    return findings;
  },
});
