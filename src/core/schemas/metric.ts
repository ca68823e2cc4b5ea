/** Schema of `metrics/<id>.yaml|.mdx`: one KPI definition. */
import { z } from 'zod';
import type { RuleId } from '../diagnostics.ts';
import { ruleParams } from '../issue-words.ts';
import { cadence, entryId, httpUrl, idList, isoDate, ownerId, tags, text } from './common.ts';
import { fieldHints } from './field-hints.ts';

export const INDICATORS = ['leading', 'lagging'] as const;
export const DIRECTIONS = ['up', 'down', 'range'] as const;
export const METRIC_STATUSES = ['proposed', 'active', 'retired'] as const;
export const TIERS = ['strategic', 'success', 'signal', 'workstream'] as const;
export const MEASURES = ['outcome', 'activity'] as const;
export const CHANGE_PERIODS = ['week', 'month', 'quarter'] as const;

const dated = z.strictObject({
  value: z.number().describe('The value.'),
  date: isoDate.describe('When it was measured, YYYY-MM-DD.'),
});

/** One target: a value to reach (up/down), or a band to stay in (range), by a date. */
export const targetSchema = z
  .strictObject({
    value: z.number().optional().describe('Value to reach, for direction up or down.'),
    min: z.number().optional().describe('Lower edge of the band, for direction range.'),
    max: z.number().optional().describe('Upper edge of the band, for direction range.'),
    by: isoDate.describe('Date the target is due, YYYY-MM-DD.'),
  })
  .superRefine((target, ctx) => {
    const band = target.min !== undefined || target.max !== undefined;
    if (target.value === undefined && !band) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a target needs `value` (or `min` and `max` for direction range)', params: ruleParams('missing-field') });
    }
    if (target.value !== undefined && band) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a target has either `value` or `min`/`max`, not both', params: ruleParams('invalid-target') });
    }
    if (band && (target.min === undefined || target.max === undefined)) {
      ctx.addIssue({ code: 'custom', path: [target.min === undefined ? 'max' : 'min'], message: 'a range target needs both `min` and `max`', params: ruleParams('invalid-target') });
    }
    if (target.min !== undefined && target.max !== undefined && target.min > target.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `\`min\` (${target.min}) is above \`max\` (${target.max})`, params: ruleParams('invalid-target') });
    }
  });
export type Target = z.infer<typeof targetSchema>;

const changeSchema = z
  .string()
  .regex(/^[-+]\d+(\.\d+)?%$/, { message: 'must be a signed percentage in quotes, like "-20%" or "+15%"' });

/** When a trigger fires: above or below a value, or a change over a period. */
export const triggerConditionSchema = z.union([
  z.strictObject({ above: z.number().describe('Fires when the latest value is above this.') }),
  z.strictObject({ below: z.number().describe('Fires when the latest value is below this.') }),
  z.strictObject({
    change: changeSchema.describe('Signed relative change, like "-20%".'),
    over: z.enum(CHANGE_PERIODS).describe('week | month | quarter'),
  }),
]);

export const triggerSchema = z.strictObject({
  when: triggerConditionSchema.describe('{ above: n } | { below: n } | { change: "-20%", over: week|month|quarter }'),
  action: text.describe('What happens when the trigger fires.'),
  owner: ownerId.optional().describe("Who acts; default the metric's owner."),
});
export type Trigger = z.infer<typeof triggerSchema>;

export const metricSchema = z
  .strictObject({
    name: text.describe('Name of the metric.'),
    description: text.describe('What is measured, in a sentence.'),
    why: text.describe('Completes the sentence "This metric matters because …".').register(fieldHints, { hint: 'complete the sentence "This metric matters because …"' }),
    supports: idList('a goal')
      .optional()
      .describe('Goal ids it measures progress toward; required while active.')
      .register(fieldHints, { hint: 'name the goal ids this metric measures progress toward, like `supports: [timely-access]`' }),
    indicator: z.enum(INDICATORS).describe('leading (predicts) | lagging (the outcome itself)'),
    drives: idList('a metric').optional().describe('Leading metrics only: the metrics it predicts, closer to the outcome.'),
    owner: ownerId.describe('Owner id accountable for the metric.'),
    unit: text.describe('percent | count | days | hours | score | ratio | an ISO 4217 currency code | free text'),
    direction: z.enum(DIRECTIONS).describe('Which way is better: up | down | range'),
    formula: text.describe('How the value is computed, precisely enough to recompute it.'),
    source: z
      .strictObject({
        system: text.describe('System of record the number comes from.'),
        url: httpUrl.optional().describe('Link to the report or query (http/https only).'),
      })
      .optional()
      .describe('Where the number comes from; required while active.')
      .register(fieldHints, { hint: 'say where the number comes from: `source: { system: …, url: https://… }`' }),
    cadence: cadence.describe('How often it is measured.'),
    baseline: dated.optional().describe('Starting point: { value, date }.'),
    target: z.union([targetSchema, z.array(targetSchema).min(1, { message: 'must list at least one target' })]).optional().describe('Target, or a list of stepped targets.'),
    thresholds: z
      .strictObject({ green: z.number().describe('Green from here.'), red: z.number().describe('Red from here.') })
      .optional()
      .describe('Status bands: with up, >= green is green and < red is red; with down, <= green is green and > red is red.'),
    primary: z.boolean().default(false).describe('One of the 1–3 headline KPIs of the goals it supports.'),
    tier: z.enum(TIERS).optional().describe('strategic | success | signal | workstream'),
    measures: z.enum(MEASURES).optional().describe('outcome | activity'),
    triggers: z.array(triggerSchema).optional().describe('What happens when the metric drifts.'),
    guardrails: idList('a metric').optional().describe('Metric ids watched so this one is not gamed.'),
    gaming: text.optional().describe('How the number could be gamed without real improvement.'),
    review: z
      .strictObject({ every: cadence.describe('How often the definition is reviewed.'), last: isoDate.describe('Last review, YYYY-MM-DD.') })
      .optional()
      .describe('When the definition itself was last reviewed.'),
    status: z.enum(METRIC_STATUSES).default('active').describe('proposed | active | retired (default active)'),
    retired: z
      .strictObject({
        date: isoDate.describe('Retirement date, YYYY-MM-DD.'),
        reason: text.describe('Why it was retired.'),
        replaced_by: entryId('a metric').optional().describe('The metric that replaces it.'),
      })
      .optional()
      .describe('Required when status is retired.'),
    tags: tags.optional().describe('Labels for filtering.'),
  })
  .superRefine((metric, ctx) => {
    const issue = (path: (string | number)[], rule: RuleId, message: string) => ctx.addIssue({ code: 'custom', path, message, params: ruleParams(rule) });
    const active = metric.status === 'active';
    if (active && !metric.supports?.length) issue(['supports'], 'missing-field', 'an active metric needs `supports`: the goals it measures progress toward');
    if (active && !metric.source) issue(['source'], 'missing-field', 'an active metric needs `source`: the system the number comes from');
    if (metric.status === 'retired' && !metric.retired) issue(['status'], 'missing-field', 'a retired metric needs `retired: { date, reason }`');
    if (metric.status !== 'retired' && metric.retired) issue(['retired'], 'invalid-status', `\`retired\` is given but status is ${metric.status}`);
    if (metric.drives?.length && metric.indicator !== 'leading') issue(['drives'], 'drives-not-leading', 'only leading metrics have `drives`; a lagging metric is the outcome itself');
    checkThresholds(metric, issue);
    checkTargets(metric, issue);
  });

type IssueSink = (path: (string | number)[], rule: RuleId, message: string) => void;

/** Green and red must sit on the better and worse side of each other for the metric's direction. */
function checkThresholds(metric: { direction: string; thresholds?: { green: number; red: number } }, issue: IssueSink) {
  const t = metric.thresholds;
  if (!t) return;
  if (metric.direction === 'range') {
    issue(['thresholds'], 'thresholds-direction', 'thresholds apply to direction up or down; for range, give the band as `target: { min, max, by }`');
  } else if (metric.direction === 'up' && t.green < t.red) {
    issue(['thresholds', 'green'], 'thresholds-direction', `with direction up, green (${t.green}) must be at or above red (${t.red})`);
  } else if (metric.direction === 'down' && t.green > t.red) {
    issue(['thresholds', 'green'], 'thresholds-direction', `with direction down, green (${t.green}) must be at or below red (${t.red})`);
  }
}

/** Range metrics take bands; up/down metrics take values; stepped targets come in date order. */
function checkTargets(metric: { direction: string; target?: Target | Target[] }, issue: IssueSink) {
  if (!metric.target) return;
  const list = Array.isArray(metric.target) ? metric.target : [metric.target];
  list.forEach((target, i) => {
    const path = Array.isArray(metric.target) ? ['target', i] : ['target'];
    if (metric.direction === 'range' && target.value !== undefined) issue([...path, 'value'], 'invalid-target', 'a range metric needs `min` and `max` in its target, not `value`');
    if (metric.direction !== 'range' && target.value === undefined && target.min !== undefined) issue([...path, 'min'], 'invalid-target', `a metric with direction ${metric.direction} needs \`value\` in its target; \`min\`/\`max\` are for direction range`);
    const previous = list[i - 1];
    if (previous && target.by <= previous.by) issue([...path, 'by'], 'invalid-target', `stepped targets must come in date order: ${target.by} is not after ${previous.by}`);
  });
}

export type MetricData = z.infer<typeof metricSchema>;
