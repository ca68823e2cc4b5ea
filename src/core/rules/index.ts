/** Every rule Plumbline knows: integrity rules first, then the governance rules of the alignment playbook. */
import { activityAsOutcome } from './activity-as-outcome.ts';
import { dataFile } from './data-file.ts';
import { drivesChain } from './drives-chain.ts';
import { futureValue } from './future-value.ts';
import { goalParent } from './goal-parent.ts';
import { leadAndLag } from './lead-and-lag.ts';
import { leadingWithoutLagging } from './leading-without-lagging.ts';
import { maxPrimaryPerGoal } from './max-primary-per-goal.ts';
import { noActionOnDeviation } from './no-action-on-deviation.ts';
import { noData } from './no-data.ts';
import { noTarget } from './no-target.ts';
import { orphanMetric } from './orphan-metric.ts';
import { ownerParent } from './owner-parent.ts';
import { retiredGoalInUse } from './retired-goal-in-use.ts';
import { retiredStillUsed } from './retired-still-used.ts';
import { reviewOverdue } from './review-overdue.ts';
import { staleData } from './stale-data.ts';
import { tooManyMetrics } from './too-many-metrics.ts';
import type { Rule } from './types.ts';
import { unknownReference } from './unknown-reference.ts';
import { unmeasuredGoal } from './unmeasured-goal.ts';
import { vanitySuspect } from './vanity-suspect.ts';
import { incompleteDefinition } from './incomplete-definition.ts';
import { leadLagWeak } from './lead-lag-weak.ts';
import { redWithoutInitiative } from './red-without-initiative.ts';

export const RULES = [
  unknownReference,
  goalParent,
  ownerParent,
  drivesChain,
  dataFile,
  orphanMetric,
  // Alignment: every goal measured, every strategy with a leading and a lagging view.
  unmeasuredGoal,
  leadAndLag,
  // Focus: few headline metrics, few metrics per goal.
  maxPrimaryPerGoal,
  tooManyMetrics,
  // Quality of each definition.
  incompleteDefinition,
  leadingWithoutLagging,
  activityAsOutcome,
  vanitySuspect,
  noActionOnDeviation,
  noTarget,
  // Upkeep: reviews, values dated no later than today and fresh, nothing leaning on what was retired.
  reviewOverdue,
  futureValue,
  staleData,
  noData,
  retiredStillUsed,
  retiredGoalInUse,
  // What the values say: leading indicators that stopped leading, red metrics nobody is moving.
  leadLagWeak,
  redWithoutInitiative,
] as const satisfies readonly Rule[];

/** The id of every graph rule: with the loader's ids (loader-rules.ts), what a diagnostic's `rule` can be. */
export type GraphRuleId = (typeof RULES)[number]['id'];

/** A Map, so that no id (`__proto__`, `constructor`, …) can find something that is not a rule. */
export const RULES_BY_ID: ReadonlyMap<string, Rule<GraphRuleId>> = new Map(RULES.map((rule) => [rule.id, rule]));

export type { Rule, RuleContext, Finding } from './types.ts';
