/** A dashboard that shows old numbers as current misleads: the latest value must be as recent as the cadence promises. */
import { CADENCE_PERIOD, DATA_GRACE, daysBetween, describePeriod, freshUntil } from '../periods.ts';
import { plural } from '../plural.ts';
import { defineRule, type Finding } from './types.ts';

export const staleData = defineRule({
  id: 'stale-data',
  summary: "An active metric's latest observed value is older than its cadence allows, as of the catalog's date.",
  defaultSeverity: 'warn',
  check({ catalog, derived }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      // The latest value that counts: a row dated after the "as of" date must not keep a metric fresh.
      const latest = derived.metrics.get(metric.id)?.latest;
      if (metric.data.status !== 'active' || !latest) continue;
      const { cadence } = metric.data;
      const until = freshUntil(latest.date, cadence);
      if (catalog.today <= until) continue;
      findings.push({
        file: metric.file,
        path: ['cadence'],
        message: `the latest value is from ${latest.date}, ${plural(daysBetween(latest.date, catalog.today), 'day')} old as of ${catalog.today}; ${cadence} data stays fresh for ${describePeriod(CADENCE_PERIOD[cadence])} + ${describePeriod(DATA_GRACE[cadence])} of grace (until ${until})`,
        hint: `add the missing values to ${metric.dataFile}, or change \`cadence\` if the metric is measured less often`,
      });
    }
    return findings;
  },
});
