/** Once a catalog publishes values, a live metric without any looks measured but is not. */
import { defineRule, type Finding } from './types.ts';

export const noData = defineRule({
  id: 'no-data',
  summary: 'An active metric has no observed values, in a catalog where other metrics have them.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    const metrics = [...catalog.metrics.values()];
    if (!metrics.some((m) => m.dataFile !== undefined)) return findings;
    for (const metric of metrics) {
      if (metric.data.status !== 'active' || metric.observations.length) continue;
      findings.push(
        metric.dataFile
          ? { file: metric.dataFile, path: [], message: `no values for the active metric \`${metric.id}\``, hint: 'add rows under the header: `2026-01-05,11.2,`' }
          : { file: metric.file, path: [], message: `no values: there is no data/${metric.id}.csv`, hint: `create data/${metric.id}.csv with a \`date,value,note\` header and one row per observation, or mark the metric \`status: proposed\` until it is measured` },
      );
    }
    return findings;
  },
});
