/** Each data file is named after an existing metric. */
import { didYouMean } from '../suggest.ts';
import { defineRule, type Finding } from './types.ts';

export const dataFile = defineRule({
  id: 'data-file',
  summary: 'A file in data/ is not named after an existing metric id.',
  defaultSeverity: 'error',
  integrity: true,
  check({ loaded }) {
    const findings: Finding[] = [];
    for (const [id, { file }] of loaded.observations) {
      if (loaded.knownIds.metric.has(id)) continue;
      findings.push({ file, path: [], message: `there is no metric \`${id}\` for these values`, hint: didYouMean(id, loaded.knownIds.metric) ?? `name the file after a metric id: data/<metric-id>.csv` });
    }
    return findings;
  },
});
