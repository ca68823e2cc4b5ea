/** A retired metric is no longer measured: whatever still leans on it (a driver link, a guardrail, an initiative) leans on nothing. */
import { defineRule, type FieldPath, type Finding } from './types.ts';

export const retiredStillUsed = defineRule({
  id: 'retired-still-used',
  summary: 'An active metric (in `drives` or `guardrails`) or an active or planned initiative (in `moves`) names a retired metric.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    const refer = (file: string, path: FieldPath, id: string, role: string) => {
      const target = catalog.metrics.get(id);
      if (target?.data.status !== 'retired') return;
      const { date, replaced_by } = target.data.retired ?? {};
      findings.push({
        file,
        path,
        message: `\`${id}\` was retired${date ? ` on ${date}` : ''} but is still named as ${role}`,
        hint: replaced_by ? `name its replacement \`${replaced_by}\` instead` : `remove \`${id}\` here, or name the metric that took its place`,
      });
    };
    for (const metric of catalog.metrics.values()) {
      if (metric.data.status !== 'active') continue;
      metric.data.drives?.forEach((id, i) => refer(metric.file, ['drives', i], id, 'a metric this one drives'));
      metric.data.guardrails?.forEach((id, i) => refer(metric.file, ['guardrails', i], id, 'a guardrail'));
    }
    for (const initiative of catalog.initiatives.values()) {
      if (initiative.data.status !== 'active' && initiative.data.status !== 'planned') continue;
      initiative.data.moves.forEach((id, i) => refer(initiative.file, ['moves', i], id, `a metric this ${initiative.data.status} initiative moves`));
    }
    return findings;
  },
});
