/**
 * A row dated after the "as of" date must not decide anything: a pull request adding
 * `2099-12-31,<green value>` would otherwise turn a red metric green and fresh forever. Such rows
 * are reported at the row (`future-value`, an error by default) and never counted, whatever the
 * rule's severity.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Derived } from '../../src/core/derive/index.ts';
import { analyze, removeCatalogs, TODAY, validCatalog, type Files } from '../helpers/catalog.ts';
import { at, errors, one } from '../helpers/core.ts';
import { hits, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const DATA = 'data/wait-days.csv';

/** wait-days (down, green ≤ 7, red > 14, trigger above 14) is red at its latest value, 16 on 2026-11-16. */
function redCatalog(): Files {
  return { ...validCatalog(), [DATA]: 'date,value,note\n2026-11-09,15,\n2026-11-16,16,\n' };
}

/** The same catalog with a green value dated far in the future. */
function withFutureGreen(files: Files): Files {
  return { ...files, [DATA]: `${files[DATA]}2099-12-31,5,all better\n` };
}

/** Everything derived, to compare two catalogs. */
function derivedWithoutFuture(derived: Derived) {
  return {
    metrics: [...derived.metrics],
    goals: [...derived.goals],
    drivers: derived.drivers,
  };
}

describe('a value dated after the "as of" date', () => {
  it('leaves a red metric red and is reported at the row, as an error', () => {
    const files = withFutureGreen(redCatalog());
    expect(errors(files)).toEqual([`${at(files, DATA, '2099-12-31')} future-value`]);
    expect(errors(files)).toEqual([`${DATA}:4:1 future-value`]);
    const found = one(files, 'future-value');
    expect(found.message).toBe(`the value dated 2099-12-31 is after the "as of" date ${TODAY}, so it is not counted: status, latest value, trend, progress, triggers and freshness use the values up to ${TODAY}`);
    expect(found.hint).toBe('correct the date (2099 for 2026?), or add the row once 2099-12-31 has come; a value is dated the day it is for (docs/statuses.md)');
    const state = analyze(files).derived.metrics.get('wait-days')!;
    expect(state).toMatchObject({ status: 'red', latest: { date: '2026-11-16', value: 16 }, stale: false, freshUntil: '2026-11-26' });
    expect(analyze(files).catalog.metrics.get('wait-days')!.futureObservations.map((row) => row.date)).toEqual(['2099-12-31']);
  });

  it('is a warning with `future-value: warn`, and the metric is still red', () => {
    const files = withRules(withFutureGreen(redCatalog()), 'future-value: warn');
    expect(errors(files)).toEqual([]);
    expect(hits(files, 'future-value')).toEqual([`${DATA}:4:1 warning`]);
    expect(analyze(files).derived.metrics.get('wait-days')!.status).toBe('red');
  });

  it('is silent with `future-value: off`, and still not counted', () => {
    const files = withRules(withFutureGreen(redCatalog()), 'future-value: off');
    expect(hits(files, 'future-value')).toEqual([]);
    expect(analyze(files).derived.metrics.get('wait-days')!.status).toBe('red');
  });

  it.each(['error', 'warn', 'off'])('changes nothing derived, and no other finding, at severity %s', (severity) => {
    // Future rows on both ends of a drives link, greener and with a trigger-firing jump.
    const plain: Files = {
      ...redCatalog(),
      [DATA]: 'date,value\n2026-10-19,12\n2026-10-26,13\n2026-11-02,12\n2026-11-09,15\n2026-11-16,16\n',
      'data/open-slots.csv': 'date,value\n2026-10-19,30\n2026-10-26,28\n2026-11-02,31\n2026-11-09,27\n2026-11-16,26\n',
    };
    const future: Files = {
      ...plain,
      [DATA]: `${plain[DATA]}2026-12-21,3\n2026-12-28,2\n2099-12-31,1\n`,
      'data/open-slots.csv': `${plain['data/open-slots.csv']}2026-12-21,90\n2026-12-28,95\n2027-01-04,99\n`,
    };
    // As of the day before the first future row, and a month earlier.
    for (const today of [TODAY, '2026-12-20']) {
      const before = analyze(withRules(plain, `future-value: ${severity}`), today);
      const after = analyze(withRules(future, `future-value: ${severity}`), today);
      expect(derivedWithoutFuture(after.derived)).toEqual(derivedWithoutFuture(before.derived));
      const others = (d: { rule: string }) => d.rule !== 'future-value';
      expect(after.diagnostics.filter(others)).toEqual(before.diagnostics.filter(others));
    }
    const state = analyze(future).derived;
    // Counted: red, worse than last week, the `above: 14` trigger fired, rolled up to the mission.
    expect(state.metrics.get('wait-days')).toMatchObject({ status: 'red', latest: { date: '2026-11-16', value: 16 }, trend: { direction: 'up', better: false, since: '2026-11-09' } });
    expect(state.metrics.get('wait-days')!.fired.map((f) => f.reason)).toEqual(['16 on 2026-11-16 is above 14']);
    expect([state.goals.get('access'), state.goals.get('mission')]).toEqual(['red', 'red']);
    expect(state.metrics.get('open-slots')!.progress).toBe('behind');
    expect(state.drivers[0]!.correlation.byLag.find((lag) => lag.lag === 0)!.pairs).toBe(5);
  });

  it('does not keep a metric fresh: staleness counts from the latest value that counts', () => {
    const files = withRules(withFutureGreen(redCatalog()), 'future-value: warn');
    const later = '2026-12-20';
    expect(analyze(files, later).derived.metrics.get('wait-days')).toMatchObject({ stale: true, freshUntil: '2026-11-26' });
    expect(hits(files, 'stale-data', later)).toEqual(['metrics/open-slots.yaml:12:10 warning', 'metrics/wait-days.yaml:11:10 warning']);
  });

  it('does not make a target met ahead of time', () => {
    // open-slots: up, target 40 by 2026-12-31, from 31 on 2026-11-09; 36 on 2026-11-16 is on track.
    const files = { ...validCatalog(), 'data/open-slots.csv': 'date,value\n2026-11-09,31\n2026-11-16,36\n2026-12-31,45\n' };
    expect(errors(files)).toEqual([`data/open-slots.csv:4:1 future-value`]);
    expect(analyze(files).derived.metrics.get('open-slots')!.progress).toBe('on-track');
    expect(analyze(files, '2026-12-31').derived.metrics.get('open-slots')!.progress).toBe('met');
  });

  it('counts from its date on, without any change to the file', () => {
    const files = withFutureGreen(redCatalog());
    expect(errors(files, '2099-12-31')).not.toContain(`${DATA}:4:1 future-value`);
    expect(analyze(files, '2099-12-31').derived.metrics.get('wait-days')).toMatchObject({ status: 'green', latest: { date: '2099-12-31', value: 5 } });
  });
});
