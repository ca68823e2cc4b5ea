import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { editLine, hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'review-overdue';
const SLOTS = 'metrics/open-slots.yaml';
const reviewed = (every: string, last: string) => editLine(validCatalog(), SLOTS, null, `review: { every: ${every}, last: ${last} }`);

describe(RULE, () => {
  it('is silent on metrics without `review`', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a review older than its period plus grace, at `review.last`', () => {
    const files = reviewed('yearly', '2025-10-01');
    expect(hits(files, RULE)).toEqual([`${SLOTS}:14:32 warning`]);
    expect(messages(files, RULE)).toEqual(['last reviewed 2025-10-01, 418 days ago as of 2026-11-23; a yearly review is due within 12 months + 36 days of grace (by 2026-11-06)']);
  });

  it.each([
    ['daily', '2026-11-21', '2026-11-24'],
    ['weekly', '2026-11-15', '2026-11-24'],
    ['monthly', '2026-10-20', '2026-11-24'],
    ['quarterly', '2026-08-14', '2026-11-24'],
    ['yearly', '2025-10-18', '2026-11-24'],
  ])('a %s review last done %s is due on 2026-11-23 and overdue on %s', (every, last, dayAfter) => {
    expect(hits(reviewed(every, last), RULE, '2026-11-23')).toEqual([]);
    expect(hits(reviewed(every, last), RULE, dayAfter)).toEqual([`${SLOTS}:14:${26 + every.length} warning`]);
  });

  it('leaves retired metrics alone', () => {
    const files = withFiles(validCatalog(), {
      'metrics/old-wait.yaml': metricYaml({ name: 'Old wait', status: 'retired', retired: '{ date: 2026-01-31, reason: replaced }', review: '{ every: monthly, last: 2020-01-01 }' }),
    });
    expect(hits(files, RULE)).toEqual([]);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(reviewed('monthly', '2026-01-01'), `${RULE}: error`), RULE)).toEqual([`${SLOTS}:14:33 error`]);
    expect(hits(withRules(reviewed('monthly', '2026-01-01'), `${RULE}: off`), RULE)).toEqual([]);
  });
});
