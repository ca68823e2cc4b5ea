/** Headline KPIs only focus attention while they are few: a goal with many "primary" metrics has no headline. */
import { ruleOptions } from './options.ts';
import { noun, plural } from '../plural.ts';
import { defineRule, type Finding } from './types.ts';

const ID = 'max-primary-per-goal';

export const maxPrimaryPerGoal = defineRule({
  id: ID,
  summary: 'A goal has more than `max` (default 3) active primary metrics.',
  defaultSeverity: 'warn',
  options: ['max'],
  check({ catalog, options }) {
    const settings = ruleOptions(ID, options);
    const max = settings.count('max', 3);
    const findings: Finding[] = [...settings.findings];
    for (const goal of catalog.goals.values()) {
      if (goal.data.status === 'retired') continue;
      const primary = goal.metrics.filter((id) => {
        const metric = catalog.metrics.get(id);
        return metric?.data.status === 'active' && metric.data.primary;
      });
      if (primary.length <= max) continue;
      findings.push({
        file: goal.file,
        path: [],
        message: `${plural(primary.length, 'active primary metric')} (${primary.join(', ')}), more than ${max}: with this many, none stands out as the headline`,
        hint: `keep \`primary: true\` on the ${max} that best ${noun(max, 'shows', 'show')} whether the goal is met, and drop it from the others`,
      });
    }
    return findings;
  },
});
