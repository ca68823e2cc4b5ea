import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { withFiles } from '../helpers/core.ts';
import { hits, messages, metricYaml, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'vanity-suspect';
const named = (name: string, fields: Record<string, string> = {}) => withFiles(validCatalog(), { 'metrics/reach.yaml': metricYaml({ name, ...fields }) });

describe(RULE, () => {
  it('is silent on ordinary names (and "Open slots" is not "opens")', () => {
    expect(hits(validCatalog(), RULE)).toEqual([]);
  });

  it('reports a vanity word in the name, at the name', () => {
    const files = named('Instagram followers');
    expect(hits(files, RULE)).toEqual(['metrics/reach.yaml:1:7 warning']);
    expect(messages(files, RULE)).toEqual(['"followers" suggests a vanity metric: it can grow without any outcome improving']);
  });

  it.each(['Website Page Views', 'page-views per visit', 'App DOWNLOADS', 'Meetings held with partners', 'Newsletter opens'])('matches "%s" whatever the case', (name) => {
    expect(hits(named(name), RULE)).toHaveLength(1);
  });

  it('matches whole words only', () => {
    expect(hits(named('Visitsday'), RULE)).toEqual([]);
    expect(hits(named('Unlikes'), RULE)).toEqual([]);
  });

  it('accepts a leading metric that drives an outcome, but not one that drives nothing', () => {
    expect(hits(named('Newsletter opens', { indicator: 'leading', drives: '[wait-days]' }), RULE)).toEqual([]);
    expect(hits(named('Newsletter opens', { indicator: 'leading' }), RULE)).toEqual(['metrics/reach.yaml:1:7 warning']);
  });

  it('takes its own list of `words` from catalog.config.yaml, replacing the built-in one', () => {
    const files = named('Instagram followers');
    const custom = withRules(files, `${RULE}: { words: [appointment, "social reach"] }`);
    expect(hits(custom, RULE)).toEqual(['metrics/wait-days.yaml:1:7 warning']);
    expect(hits(withRules(named('Social  reach'), `${RULE}: { words: [social reach] }`), RULE)).toEqual(['metrics/reach.yaml:1:7 warning']);
  });

  it('reports `words` that is not a list, and keeps the built-in list', () => {
    const files = withRules(named('Instagram followers'), `${RULE}: { words: followers }`);
    expect(hits(files, RULE)).toEqual(['catalog.config.yaml:4:28 warning', 'metrics/reach.yaml:1:7 warning']);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    expect(hits(withRules(named('Instagram followers'), `${RULE}: error`), RULE)).toEqual(['metrics/reach.yaml:1:7 error']);
    expect(hits(withRules(named('Instagram followers'), `${RULE}: off`), RULE)).toEqual([]);
  });
});
