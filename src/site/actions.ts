/** Fired triggers across the catalog, for the pages that list what needs action. */
import type { Analysis } from '../core/analyze.ts';

export function firedTriggerItems({ catalog, derived }: Analysis, owner?: string) {
  return [...catalog.metrics.values()]
    .flatMap((metric) => derived.metrics.get(metric.id)!.fired.map((fired) => ({ metric, fired })))
    .filter((item) => owner === undefined || item.fired.owner === owner);
}
