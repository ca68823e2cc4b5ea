/** Counting work done is not the same as the result it should produce: activities make poor headline or outcome metrics. */
import { defineRule, type Finding } from './types.ts';

export const activityAsOutcome = defineRule({
  id: 'activity-as-outcome',
  summary: 'A `measures: activity` metric is marked primary or lagging, as if the activity were the outcome.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const { status, measures, primary, indicator } = metric.data;
      if (status === 'retired' || measures !== 'activity' || (!primary && indicator !== 'lagging')) continue;
      const as = [primary && 'primary', indicator === 'lagging' && 'lagging'].filter(Boolean).join(' and ');
      findings.push({
        file: metric.file,
        path: ['measures'],
        message: `an activity metric is marked ${as}, as if doing the work were the result`,
        hint: 'make it a leading metric that `drives` the outcome (and not primary), or measure the outcome itself',
      });
    }
    return findings;
  },
});
