/** Mozilla metric-hub definitions: friendly names, SQL formulas, owners, deprecation, direction. */
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogShape } from '../../src/import/index.ts';
import { importMetricHub, platformTitle } from '../../src/import/metric-hub.ts';
import { checkCounts, importInto, removeTempDirs, TODAY, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const FENIX = `
[metrics]

[metrics.daily_active_users_v2]
data_source = "fenix_active_users_aggregates_view"
select_expression = "SUM(dau)"
type = "scalar"
friendly_name = "Fenix DAU"
description = """
    This is the official DAU reporting definition. The logic is
    [detailed on the Confluence DAU page](https://mozilla-hub.atlassian.net/wiki/spaces/DATA/pages/314704478).
"""
category = "KPI"
owner = ["bochocki@mozilla.com", "firefox-kpi@mozilla.com"]
deprecated = false

[metrics.daily_active_users]
data_source = "baseline"
select_expression = """
    COUNT(DISTINCT CASE WHEN x
                   THEN client_id END)
"""
friendly_name = "DAU"
description = "Old DAU."
owner = "xluo-all@mozilla.com"
deprecated = true

[metrics.user_reload_count]
data_source = "events"
select_expression = "COUNTIF(event.name = 'reload')"
description = "Counts reloads."
bigger_is_better = false

[metrics.ad_click_rate]
friendly_name = "Ad Click Rate"
depends_on = ["ad_clicks", "search_count"]

[data_sources]

[data_sources.fenix_active_users_aggregates_view]
from_expression = "moz-fx-data-shared-prod.telemetry.active_users_aggregates"
friendly_name = "Active Users Aggregates"

[segments]
[segments.data_sources.clients_last_seen]
from_expression = "x"
[segments.regular_users_v3]
select_expression = "x"
data_source = "clients_last_seen"
`;

const sourceDir = () => writeTree({ 'fenix.toml': FENIX, 'functions.toml': '[functions]\n[functions.agg_sum]\ndefinition = "SUM({select_expr})"\n', 'broken.toml': '[metrics\n' });
const plan = () => importMetricHub(sourceDir(), { today: TODAY, shape: readCatalogShape(writeTree({})), org: 'Mozilla' });

describe('importing metric-hub definitions', () => {
  const p = plan();
  const entry = (kind: string, id: string) => p.entries.find((e) => e.kind === kind && e.id === id)!;

  it('names platforms from their files', () => {
    expect(platformTitle('firefox_desktop')).toBe('Firefox Desktop');
  });

  it('maps friendly_name, description, select_expression, data_source, owner and category', () => {
    expect(entry('metric', 'fenix-daily-active-users-v2').data).toEqual({
      name: 'Fenix DAU',
      description: 'This is the official DAU reporting definition. The logic is detailed on the Confluence DAU page.',
      why: 'TODO(import): the source does not say why this metric matters: complete the sentence.',
      supports: ['fenix'],
      indicator: 'lagging',
      owner: 'bochocki',
      unit: 'TODO(import): the source states no unit.',
      direction: 'up',
      formula: 'SUM(dau)',
      source: { system: 'Active Users Aggregates (metric-hub data source fenix_active_users_aggregates_view)' },
      cadence: 'monthly',
      tags: ['kpi', 'todo-import-indicator', 'todo-import-direction', 'todo-import-cadence'],
    });
    expect(entry('owner', 'bochocki').data).toEqual({ name: 'bochocki@mozilla.com', kind: 'person', email: 'bochocki@mozilla.com' });
    expect(entry('metric', 'fenix-daily-active-users-v2').body).toContain('- [bochocki@mozilla.com](mailto:bochocki@mozilla.com) (the owner here)\n- [firefox-kpi@mozilla.com](mailto:firefox-kpi@mozilla.com)');
  });

  it('retires deprecated metrics and keeps multi-line SQL as written', () => {
    expect(entry('metric', 'fenix-daily-active-users').data).toMatchObject({
      status: 'retired',
      retired: { date: TODAY, reason: 'TODO(import): the source marks it deprecated but gives no reason or date; the date is the day of the import.' },
      formula: 'COUNT(DISTINCT CASE WHEN x\n               THEN client_id END)',
      owner: 'xluo-all',
      source: { system: 'metric-hub data source baseline' },
    });
    expect(entry('owner', 'xluo-all').data).toMatchObject({ kind: 'team' });
  });

  it('reads bigger_is_better = false as direction down, and names metrics without friendly_name by key', () => {
    expect(entry('metric', 'fenix-user-reload-count').data).toMatchObject({ name: 'user_reload_count', direction: 'down', owner: 'unassigned' });
    expect(entry('metric', 'fenix-user-reload-count').assumed).toEqual(['indicator', 'cadence']);
  });

  it('says how a metric without select_expression is computed, without inventing a query', () => {
    const m = entry('metric', 'fenix-ad-click-rate');
    expect(m.data.formula).toBe('TODO(import): the source gives no select_expression; it computes this metric from ad_clicks, search_count.');
    expect(m.placeholders).toEqual(['description', 'why', 'unit', 'formula', 'source.system', 'owner']);
  });

  it('counts sections that are not metrics, and files it cannot read', () => {
    expect(p.sourceEntries).toBe(4);
    expect(p.notes.filter((n) => !n.startsWith('field'))).toEqual([
      expect.stringMatching(/^broken\.toml could not be read as TOML/),
      'fenix.toml: 1 data source, 1 segment, 1 segment data source are not metrics and were not imported',
      'functions.toml: 1 function is not a metric and was not imported',
      "3 metrics have no bigger_is_better: their direction is metric-hub's default (up), tagged todo-import-direction until someone confirms it",
    ]);
  });

  it('makes a mission and one goal per file, with placeholder objectives', () => {
    expect(p.entries.filter((e) => e.kind === 'goal').map((e) => [e.id, e.data.owner, e.placeholders])).toEqual([
      ['mozilla', 'mozilla', ['description']],
      ['fenix', 'unassigned', ['owner', 'description']],
    ]);
  });

  it('writes files that check with no errors', () => {
    const { dir } = importInto('metric-hub', sourceDir());
    expect(checkCounts(dir).errors).toEqual([]);
  });
});
