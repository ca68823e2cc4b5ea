/** A leading indicator that stopped correlating with its outcome no longer leads: revalidate or replace it. */
import { MAX_LAG } from '../derive/correlation.ts';
import { plural } from '../plural.ts';
import { defineRule, type Finding } from './types.ts';

/** |r| below this, over at least MIN_PERIODS paired periods at the best lag, is weak. */
export const WEAK_R = 0.3;
export const MIN_PERIODS = 8;

export const leadLagWeak = defineRule({
  id: 'lead-lag-weak',
  summary: `A leading metric's values correlate weakly (r between -${WEAK_R} and ${WEAK_R}) with a metric it drives, at every lag of 0 to ${MAX_LAG} periods.`,
  defaultSeverity: 'warn',
  check({ catalog, derived }) {
    const findings: Finding[] = [];
    for (const { from, to, correlation } of derived.drivers) {
      const best = correlation.best;
      if (!best || best.pairs < MIN_PERIODS || Math.abs(best.r) >= WEAK_R) continue;
      const metric = catalog.metrics.get(from)!;
      const index = metric.data.drives!.indexOf(to);
      findings.push({
        file: metric.file,
        path: ['drives', index],
        message: `\`${from}\` barely moves with \`${to}\`: the strongest correlation is r = ${best.r} at a lag of ${plural(best.lag, `${correlation.cadence} period`)}, over ${plural(best.pairs, 'paired period')}`,
        hint: 'check that the two series measure what the link claims; if the leading indicator no longer predicts the outcome, replace it or remove the link',
      });
    }
    return findings;
  },
});
