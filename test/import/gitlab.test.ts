/** GitLab handbook performance indicators: departments, health notes, targets, parents, HTML. */
import { afterAll, describe, expect, it } from 'vitest';
import { handbookAnchor, importGitlab, indicatorPage } from '../../src/import/gitlab.ts';
import { readCatalogShape } from '../../src/import/index.ts';
import { checkCounts, importInto, readTree, removeTempDirs, TODAY, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const ENGINEERING = `
- name: Engineering MR Rate
  base_path: "/handbook/engineering/performance-indicators/"
  definition: MRs merged per engineer per month.
  target: Greater than 10 MRs per Month
  org: Engineering Function
  is_key: true
  health:
    level: 3
    reasons:
    - Above target
  sisense_data:
    chart: 8934544
    dashboard: 686930
`;
const QUALITY = `
- name: Quality MR Rate
  base_path: "/handbook/engineering/quality/performance-indicators/"
  parent: "/handbook/engineering/performance-indicators/#engineering-mr-rate"
  definition: See <a href="/handbook/engineering/performance-indicators/#engineering-mr-rate">Engineering MR Rate</a>. <figure><iframe src="https://www.youtube.com/embed/x"></iframe></figure>
  target: at or above 84%
  org: Quality Department
  is_key: "yes"
  dri: <a href="https://gitlab.com/jennli">Jennifer Li</a>
  health:
    level: 2
    reasons:
      - Recovering to 94% {after} <a href="https://gitlab.com/i/1">the fix</a>
  urls:
    - https://gitlab.com/groups/gitlab-org/-/epics/8584
    - /handbook/engineering/quality/
  lessons:
    learned:
      - There is a seasonality to contributions.
- name: UX Debt
  base_path: "/handbook/engineering/quality/performance-indicators/"
  parent: "/handbook/engineering/performance-indicators/#gone-indicator"
  definition: Open issues with the UX debt label.
  target: Below 50 open "ux debt" issues
  org: Quality Department
  health:
    level: -1
    reasons:
    - Confidential
- name: UX Debt
  base_path: "/handbook/product/ux/performance-indicators/"
  org: Quality Department
  target:
  health:
    level: 0
    reasons: []
- base_path: "/handbook/nameless/"
  org: Quality Department
`;

const sourceDir = () => writeTree({ 'engineering_function.yml': ENGINEERING, 'quality_department.yml': QUALITY, 'README.md': 'not an indicator file' });
const plan = () => {
  const dir = sourceDir();
  return importGitlab(dir, { today: TODAY, shape: readCatalogShape(writeTree({})) });
};

describe('handbook anchors', () => {
  it('are made from names the way the handbook makes heading ids', () => {
    expect(handbookAnchor('Engineering MR Rate')).toBe('engineering-mr-rate');
    expect(handbookAnchor('GitLab.com Availability')).toBe('gitlabcom-availability');
    expect(indicatorPage('/handbook/engineering/performance-indicators/', 'Engineering MR Rate')).toBe('/handbook/engineering/performance-indicators/#engineering-mr-rate');
    expect(indicatorPage('/handbook/product/ux/performance-indicators/index.html#ux-handbook-update-frequency', 'UX Handbook MR Rate')).toBe('/handbook/product/ux/performance-indicators/#ux-handbook-update-frequency');
  });
});

describe('importing GitLab performance indicators', () => {
  const p = plan();
  const entry = (kind: string, id: string) => p.entries.find((e) => e.kind === kind && e.id === id)!;

  it('makes a mission after the organisation and a department goal, owned by its team, per org', () => {
    expect(entry('goal', 'gitlab').data).toMatchObject({ title: 'GitLab', level: 'mission', owner: 'gitlab' });
    expect(entry('goal', 'quality-department').data).toMatchObject({ title: 'Quality Department', level: 'department', parent: 'gitlab', owner: 'quality-department' });
    expect(entry('owner', 'quality-department').data).toEqual({ name: 'Quality Department', kind: 'team', parent: 'gitlab' });
    expect(entry('owner', 'jennifer-li').data).toEqual({ name: 'Jennifer Li', kind: 'person' });
  });

  it('maps is_key to primary, the DRI to the owner, a clear target to direction and unit, and sisense_data to the source', () => {
    const m = entry('metric', 'quality-mr-rate');
    expect(m.data).toMatchObject({ name: 'Quality MR Rate', primary: true, owner: 'jennifer-li', unit: 'percent', direction: 'up', description: 'See Engineering MR Rate.' });
    expect(m.notes).toContain('target "at or above 84%" read as at or above 84 percent → direction up, unit percent; kept as text: GitLab gives no date for it');
    expect(m.notes).toContain('is_key is the text "yes", read as true');
    expect(entry('metric', 'engineering-mr-rate').data).toMatchObject({ source: { system: 'Sisense (dashboard 686930, chart 8934544)' }, cadence: 'monthly', owner: 'engineering-function', direction: 'up' });
  });

  it('makes the parent indicator a link and its department goal a second supported goal', () => {
    const m = entry('metric', 'quality-mr-rate');
    expect(m.data.supports).toEqual(['quality-department', 'engineering-function']);
    expect(m.body).toContain('## Rolls up to\n\nRolls up to [Engineering MR Rate](../engineering-mr-rate/), its `parent` in the handbook.');
  });

  it('keeps a parent that names no indicator as a link, and says so', () => {
    const m = entry('metric', 'ux-debt');
    expect(m.data.supports).toEqual(['quality-department']);
    expect(m.body).toContain('Its `parent` in the handbook is [/handbook/engineering/performance-indicators/#gone-indicator](https://about.gitlab.com/handbook/engineering/performance-indicators/#gone-indicator), which names no indicator in the source.');
    expect(p.notes).toContain('UX Debt (quality_department.yml): parent anchor /handbook/engineering/performance-indicators/#gone-indicator names no indicator in the source');
  });

  it('writes health, target, definition links, lessons and links into the narrative, in that order', () => {
    expect(entry('metric', 'quality-mr-rate').body).toBe(
      [
        '## Health, as the source reports it',
        "**Attention** (level 2; GitLab's health scale: 0 Unknown, 1 Problem, 2 Attention, 3 Okay).",
        '- Recovering to 94% \\{after\\} [the fix](https://gitlab.com/i/1)',
        '## Target, as the source states it',
        'at or above 84%',
        '## Definition, with its links',
        'See [Engineering MR Rate](https://about.gitlab.com/handbook/engineering/performance-indicators/#engineering-mr-rate).',
        '## Lessons learned',
        '- There is a seasonality to contributions.',
        '## Rolls up to',
        'Rolls up to [Engineering MR Rate](../engineering-mr-rate/), its `parent` in the handbook.',
        '## Links',
        '- [Embedded in the definition (video or dashboard)](https://www.youtube.com/embed/x)\n- [https://gitlab.com/groups/gitlab-org/-/epics/8584](https://gitlab.com/groups/gitlab-org/-/epics/8584)\n- [https://about.gitlab.com/handbook/engineering/quality/](https://about.gitlab.com/handbook/engineering/quality/)',
        '---',
        'Imported from [GitLab handbook: Quality MR Rate](https://about.gitlab.com/handbook/engineering/quality/performance-indicators/#quality-mr-rate) (`quality_department.yml`). GitLab handbook content is licensed CC BY-SA 4.0.',
      ].join('\n\n'),
    );
  });

  it('keeps a health level off the scale as written', () => {
    expect(entry('metric', 'ux-debt').body).toContain("Level -1, which is not on GitLab's health scale: 0 Unknown, 1 Problem, 2 Attention, 3 Okay.\n\n- Confidential");
    expect(entry('metric', 'ux-debt').data).toMatchObject({ direction: 'down' });
  });

  it('gives a repeated name the next free id, and reports an indicator without a name', () => {
    expect(entry('metric', 'ux-debt-2').data).toMatchObject({ name: 'UX Debt', tags: ['todo-import-indicator', 'todo-import-direction', 'todo-import-cadence'] });
    expect(entry('metric', 'ux-debt-2').placeholders).toEqual(['description', 'why', 'unit', 'formula', 'source.system']);
    expect(entry('metric', 'ux-debt-2').notes).toContain('no target in the source');
    expect(p.sourceEntries).toBe(5);
    expect(p.skipped).toEqual([{ origin: 'quality_department.yml, indicator 4', name: undefined, reason: 'the indicator has no `name`' }]);
  });

  it('writes files that check with no errors', () => {
    const { dir } = importInto('gitlab-pi', sourceDir());
    const files = readTree(dir);
    expect(Object.keys(files).filter((f) => f.startsWith('metrics/'))).toEqual(['metrics/engineering-mr-rate.mdx', 'metrics/quality-mr-rate.mdx', 'metrics/ux-debt-2.mdx', 'metrics/ux-debt.mdx']);
    expect(files['catalog.config.yaml']).toBe('name: GitLab\n');
    expect(checkCounts(dir).errors).toEqual([]);
  });
});
