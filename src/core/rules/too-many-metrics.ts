/** A goal watched through too many numbers is watched through none: past a handful, nobody acts on them. */
import { ruleOptions } from './options.ts';
import { noun, plural } from '../plural.ts';
import { defineRule, type Finding } from './types.ts';

const ID = 'too-many-metrics';

export const tooManyMetrics = defineRule({
  id: ID,
  summary: 'A goal is directly supported by more than `max` (default 7) active metrics.',
  defaultSeverity: 'warn',
  options: ['max'],
  check({ catalog, options }) {
    const settings = ruleOptions(ID, options);
    const max = settings.count('max', 7);
    const findings: Finding[] = [...settings.findings];
    for (const goal of catalog.goals.values()) {
      if (goal.data.status === 'retired') continue;
      const active = goal.metrics.filter((id) => catalog.metrics.get(id)?.data.status === 'active');
      if (active.length <= max) continue;
      findings.push({
        file: goal.file,
        path: [],
        message: `${plural(active.length, 'active metric')} ${noun(active.length, 'supports', 'support')} this goal directly, more than ${max}: too many to review and act on`,
        hint: 'move detailed metrics to sub-goals, or retire the ones nobody acts on',
      });
    }
    return findings;
  },
});
