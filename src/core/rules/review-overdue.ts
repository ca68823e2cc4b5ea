/** Definitions drift from reality as systems and strategy change; a metric that promises regular reviews should get them. */
import { CADENCE_PERIOD, daysBetween, describePeriod, REVIEW_GRACE, reviewDueBy } from '../periods.ts';
import { defineRule, type Finding } from './types.ts';

export const reviewOverdue = defineRule({
  id: 'review-overdue',
  summary: "A metric's `review.last` is older than its `review.every` allows, as of the catalog's date.",
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    for (const metric of catalog.metrics.values()) {
      const review = metric.data.review;
      if (!review || metric.data.status === 'retired') continue;
      const due = reviewDueBy(review.last, review.every);
      if (catalog.today <= due) continue;
      findings.push({
        file: metric.file,
        path: ['review', 'last'],
        message: `last reviewed ${review.last}, ${daysBetween(review.last, catalog.today)} days ago as of ${catalog.today}; a ${review.every} review is due within ${describePeriod(CADENCE_PERIOD[review.every])} + ${describePeriod(REVIEW_GRACE[review.every])} of grace (by ${due})`,
        hint: 'review the definition with its owner, then set `review.last` to the review date',
      });
    }
    return findings;
  },
});
