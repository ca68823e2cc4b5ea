/** The diagram kit: one caption and one owner label for every diagram that draws a metric. */
import { describe, expect, it } from 'vitest';
import type { MetricNode } from '../../src/core/graph.ts';
import { layoutDrivers } from '../../src/diagrams/drivers.ts';
import { captionWithStatus, metricBox, metricCaption, ownerLabel } from '../../src/diagrams/kit.ts';
import { layoutSubtree } from '../../src/diagrams/subtree.ts';
import { layoutTrace } from '../../src/diagrams/trace.ts';
import { catalogOf } from '../helpers/diagram-catalog.ts';

const catalog = catalogOf(
  [
    { id: 'mission', level: 'mission' },
    { id: 'access', level: 'strategy', parent: 'mission' },
  ],
  [
    { id: 'seen', supports: ['access'], indicator: 'lagging' },
    { id: 'reminders', supports: ['access'], drives: ['seen'], status: 'proposed' },
    { id: 'old', supports: ['access'], drives: ['seen'], status: 'retired' },
  ],
);
const metric = (id: string) => catalog.metrics.get(id)!;
const NO_STATUS = { rag: 'unknown', statusWord: 'No status', stale: false } as const;
const asPrimary = (m: MetricNode): MetricNode => ({ ...m, data: { ...m.data, primary: true } });

describe('a metric’s caption', () => {
  it('names the indicator, then primary and a status other than active, in that order', () => {
    expect(metricCaption(metric('seen'))).toBe('Lagging');
    expect(metricCaption(asPrimary(metric('seen')))).toBe('Lagging · primary');
    expect(metricCaption(metric('reminders'))).toBe('Leading · proposed');
    expect(metricCaption(asPrimary(metric('old')))).toBe('Leading · primary · retired');
  });

  it('reads the same in the trace, the driver diagram and the goal’s subtree', () => {
    const inTrace = layoutTrace(catalog, 'old')!.nodes.find((n) => n.kind === 'metric')!;
    const inDrivers = layoutDrivers(catalog, 'seen')!.nodes.find((n) => n.id === 'old')!;
    const inSubtree = layoutSubtree(catalog, 'access').nodes.find((n) => n.entry === 'old')!;
    for (const node of [inTrace, inDrivers, inSubtree]) expect(node).toMatchObject({ caption: 'Leading · retired', bylines: ['The team'], status: 'retired' });
  });
});

describe('a caption’s status', () => {
  it('is left out when active and comes last otherwise', () => {
    expect(captionWithStatus(['Strategy'], 'active')).toBe('Strategy');
    expect(captionWithStatus(['Strategy'], 'retired')).toBe('Strategy · retired');
    expect(captionWithStatus(['2 metrics in its subtree', 'extra'], 'proposed')).toBe('2 metrics in its subtree · extra · proposed');
  });
});

describe('the owner label', () => {
  it('is the owner’s display name, or the id when no owner file names it', () => {
    expect(ownerLabel(catalog, 'team')).toBe('The team');
    expect(ownerLabel(catalog, 'nobody-yet')).toBe('nobody-yet');
  });

  it('is the byline of a metric’s box', () => {
    const orphaned = { ...metric('seen'), data: { ...metric('seen').data, owner: 'nobody-yet' } };
    expect(metricBox(catalog, orphaned, NO_STATUS)).toMatchObject({ owner: 'nobody-yet', bylines: ['nobody-yet'], fullByline: 'nobody-yet', label: 'Metric seen' });
    expect(metricBox(catalog, metric('seen'), NO_STATUS)).toMatchObject({ owner: 'The team', bylines: ['The team'], caption: 'Lagging', indicator: 'lagging', status: 'active' });
  });
});
