/**
 * Which triggers fire on the latest value: above or below a level, or a relative change over a
 * week, month or quarter compared with the last value on or before that long ago.
 */
import { addDays, addMonths } from '../periods.ts';
import type { MetricData, Trigger } from '../schemas/metric.ts';
import type { Observation } from './observation.ts';

export interface FiredTrigger {
  index: number;
  trigger: Trigger;
  /** Who acts: the trigger's owner, else the metric's. */
  owner: string;
  /** Why it fired, in words. */
  reason: string;
}

const BACK: Record<'week' | 'month' | 'quarter', (date: string) => string> = {
  week: (date) => addDays(date, -7),
  month: (date) => addMonths(date, -1),
  quarter: (date) => addMonths(date, -3),
};

/** The value a period back: the last observation on or before that date. */
function valueBefore(observations: Observation[], date: string): Observation | undefined {
  let found: Observation | undefined;
  for (const o of observations) if (o.date <= date) found = o;
  return found;
}

export function firedTriggers(metric: Pick<MetricData, 'triggers' | 'owner'>, observations: Observation[]): FiredTrigger[] {
  const latest = observations.at(-1);
  if (!latest) return [];
  const fired: FiredTrigger[] = [];
  (metric.triggers ?? []).forEach((trigger, index) => {
    const reason = firingReason(trigger.when, latest, observations);
    if (reason) fired.push({ index, trigger, owner: trigger.owner ?? metric.owner, reason });
  });
  return fired;
}

function firingReason(when: Trigger['when'], latest: Observation, observations: Observation[]): string | undefined {
  if ('above' in when) return latest.value > when.above ? `${latest.value} on ${latest.date} is above ${when.above}` : undefined;
  if ('below' in when) return latest.value < when.below ? `${latest.value} on ${latest.date} is below ${when.below}` : undefined;
  const past = valueBefore(observations, BACK[when.over](latest.date));
  if (!past || past.value === 0 || past.date === latest.date) return undefined;
  const change = ((latest.value - past.value) / Math.abs(past.value)) * 100;
  const limit = Number(when.change.replace('%', ''));
  const fires = limit < 0 ? change <= limit : change >= limit;
  const rounded = `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
  return fires ? `${rounded} from ${past.value} on ${past.date} to ${latest.value} on ${latest.date} (trigger at ${when.change} over a ${when.over})` : undefined;
}
