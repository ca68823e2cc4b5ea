import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog, type Files } from '../helpers/catalog.ts';
import { editLine, hits, messages, withRules } from '../helpers/rules.ts';

afterAll(removeCatalogs);

const RULE = 'retired-goal-in-use';

/** The valid catalog plus a retired strategy goal `walk-ins`. */
function withRetiredGoal(): Files {
  return { ...validCatalog(), 'goals/walk-ins.yaml': 'title: Walk-in clinic\nlevel: strategy\nparent: mission\nowner: ops\nstatus: retired\n' };
}

describe(RULE, () => {
  it('is silent when nothing active hangs from a retired goal', () => {
    expect(hits(withRetiredGoal(), RULE)).toEqual([]);
  });

  it('reports an active goal whose parent is retired, at `parent`', () => {
    const files = editLine(withRetiredGoal(), 'goals/scheduling.yaml', 'parent: access', 'parent: walk-ins');
    expect(hits(files, RULE)).toEqual(['goals/scheduling.yaml:3:9 warning']);
    expect(messages(files, RULE)).toEqual(['the parent goal `walk-ins` is retired, so this active goal serves nothing']);
  });

  it('reports a retired goal next to active ones in `supports`, at that item', () => {
    const files = editLine(withRetiredGoal(), 'metrics/wait-days.yaml', 'supports: [access]', 'supports: [access, walk-ins]');
    expect(hits(files, RULE)).toEqual(['metrics/wait-days.yaml:4:20 warning']);
  });

  it('leaves a metric that supports only retired goals to orphan-metric', () => {
    const files = editLine(withRetiredGoal(), 'metrics/wait-days.yaml', 'supports: [access]', 'supports: [walk-ins]');
    expect(hits(files, RULE)).toEqual([]);
    expect(hits(files, 'orphan-metric')).toEqual(['metrics/wait-days.yaml:4:1 error']);
  });

  it('follows the severity set in catalog.config.yaml', () => {
    const files = editLine(withRetiredGoal(), 'goals/scheduling.yaml', 'parent: access', 'parent: walk-ins');
    expect(hits(withRules(files, `${RULE}: error`), RULE)).toEqual(['goals/scheduling.yaml:3:9 error']);
    expect(hits(withRules(files, `${RULE}: off`), RULE)).toEqual([]);
  });
});
