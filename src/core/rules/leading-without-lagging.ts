/** A leading metric earns its place by predicting an outcome; one that drives nothing predicts nothing in particular. */
import { defineRule, type Finding } from './types.ts';

export const leadingWithoutLagging = defineRule({
  id: 'leading-without-lagging',
  summary: 'An active leading metric names no metric in `drives`, so the outcome it predicts is unstated.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const { status, indicator, drives } = metric.data;
      if (status !== 'active' || indicator !== 'leading' || drives?.length) continue;
      findings.push({
        file: metric.file,
        path: drives ? ['drives'] : ['indicator'],
        message: drives ? '`drives` is empty: this leading metric names no outcome it predicts' : 'this leading metric has no `drives`: it names no outcome it predicts',
        hint: 'add `drives: [<lagging-metric-id>]`, or make it `indicator: lagging` if it is the outcome itself',
      });
    }
    return findings;
  },
});
