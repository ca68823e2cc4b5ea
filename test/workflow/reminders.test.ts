/** Reminders: fired triggers, stale data and overdue reviews, grouped per owner as Markdown for an issue. */
import { afterAll, describe, expect, it } from 'vitest';
import { collectReminders, remindersToMarkdown } from '../../src/features/reminders.ts';
import { analyze, removeCatalogs, validCatalog, writeCatalog, type Files } from '../helpers/catalog.ts';
import { runCli } from '../helpers/cli.ts';
import { edit } from '../helpers/core.ts';

afterAll(removeCatalogs);

/** Two owners with work to do as of 2026-11-23, and one whose team has the handle. */
function busy(): Files {
  let files = validCatalog();
  // wait-days (ops): 15 days is above its trigger at 14; its definition was last reviewed in 2024.
  files = edit(files, 'data/wait-days.csv', '2026-11-16,8,', '2026-11-16,15,');
  files = edit(files, 'metrics/wait-days.yaml', 'primary: true\n', 'primary: true\nreview: { every: yearly, last: 2024-06-01 }\n');
  // open-slots (ana): the latest value is from August, stale for a weekly metric.
  files = edit(files, 'data/open-slots.csv', 'date,value,note\n2026-11-09,31,\n2026-11-16,36,\n', 'date,value,note\n2026-08-03,31,\n');
  // An escalation trigger on wait-days acted on by a person without a handle, in the ops team.
  files = edit(files, 'metrics/wait-days.yaml', '    action: Open extra slots.\n', '    action: Open extra slots.\n  - when: { above: 12 }\n    action: Call the <b>clinic</b> leads.\n    owner: bo\n');
  return { ...files, 'owners/bo.yaml': 'name: Bo Chen\nkind: person\nparent: ops\n' };
}

describe('reminders', () => {
  it('groups fired triggers, stale data and overdue reviews per owner', () => {
    const groups = collectReminders(analyze(busy()));
    expect(groups.map((g) => ({ owner: g.owner, handle: g.handle, items: g.reminders.map((r) => `${r.kind} ${r.metric.id}`) }))).toEqual([
      { owner: 'ana', handle: '@ana', items: ['stale open-slots'] },
      { owner: 'bo', handle: '@example/ops', items: ['trigger wait-days'] },
      { owner: 'ops', handle: '@example/ops', items: ['trigger wait-days', 'review wait-days'] },
    ]);
    const ops = groups.find((g) => g.owner === 'ops')!;
    expect(ops.reminders[0]).toMatchObject({ message: '15 on 2026-11-16 is above 14', action: 'Open extra slots.' });
    expect(ops.reminders[1]!.message).toMatch(/^last reviewed 2024-06-01, \d+ days ago as of 2026-11-23/);
  });

  it('writes Markdown for one issue: a section per owner, mentioning the handle, catalog text escaped', () => {
    const md = remindersToMarkdown(collectReminders(analyze(busy())), '2026-11-23');
    expect(md).toContain('## Catalog reminders as of 2026-11-23\n\n2 fired triggers, 1 metric with stale data and 1 overdue review, for 3 owners.');
    expect(md).toContain('### Ana Lima (@ana)\n\n**Stale data**\n\n- [ ] **Open slots** `metrics/open-slots.yaml`: the latest value is from 2026-08-03');
    expect(md).toContain('### Bo Chen (@example/ops)\n\n**Triggers fired**\n\n- [ ] **Days to appointment** `metrics/wait-days.yaml`: 15 on 2026-11-16 is above 12. Action: Call the &lt;b&gt;clinic&lt;/b&gt; leads.');
    expect(md).toContain('### Operations (@example/ops)\n\n**Triggers fired**\n\n- [ ] **Days to appointment** `metrics/wait-days.yaml`: 15 on 2026-11-16 is above 14. Action: Open extra slots.\n\n**Reviews overdue**\n\n- [ ] **Days to appointment**');
    expect(md).not.toContain('<b>');
  });

  it('says in one line when there is nothing to remind', () => {
    expect(remindersToMarkdown(collectReminders(analyze(validCatalog())), '2026-11-23')).toBe('Nothing to remind as of 2026-11-23: no fired triggers, stale data or overdue reviews.\n');
  });

  it('leaves out what the catalog switched off', () => {
    const files = busy();
    const off = { ...files, 'catalog.config.yaml': `${files['catalog.config.yaml']}rules:\n  stale-data: off\n  review-overdue: off\n` };
    expect(collectReminders(analyze(off)).flatMap((g) => g.reminders.map((r) => r.kind))).toEqual(['trigger', 'trigger']);
  });

  it('runs as npm run reminders, in Markdown or JSON', () => {
    const dir = writeCatalog(busy());
    const run = (args: string[]) => runCli('reminders', ['--dir', dir, '--today', '2026-11-23', ...args]);
    const markdown = run([]);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('### Ana Lima (@ana)');
    const json = JSON.parse(run(['--format', 'json']).stdout);
    expect(json.today).toBe('2026-11-23');
    expect(json.owners.map((o: { owner: string }) => o.owner)).toEqual(['ana', 'bo', 'ops']);
    expect(run(['--format', 'html']).status).toBe(2);
  });
});
