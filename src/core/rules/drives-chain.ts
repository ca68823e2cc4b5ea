/** The drives graph has no cycles, and every chain of drives ends at a lagging metric. */
import type { Finding, Rule } from './types.ts';

export const drivesChain: Rule = {
  id: 'drives-chain',
  summary: 'A chain of `drives` loops, or ends at a leading metric instead of a lagging outcome.',
  defaultSeverity: 'error',
  integrity: true,
  check({ catalog }) {
    const findings: Finding[] = [];
    const { metrics } = catalog;
    for (const metric of metrics.values()) {
      metric.data.drives?.forEach((targetId, i) => {
        const target = metrics.get(targetId);
        if (target?.data.indicator === 'leading' && !target.data.drives?.length) {
          findings.push({ file: metric.file, path: ['drives', i], message: `\`${targetId}\` is a leading metric that drives nothing, so this chain never reaches a lagging outcome`, hint: `point \`drives\` at a lagging metric, or give \`${targetId}\` its own \`drives\`` });
        }
      });
    }
    // Depth-first search; an edge back to a metric on the current path closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, trail: string[]) => {
      state.set(id, 'open');
      const metric = metrics.get(id)!;
      metric.data.drives?.forEach((next, i) => {
        if (!metrics.has(next) || next === id) return;
        if (state.get(next) === 'open') {
          const cycle = [...trail.slice(trail.indexOf(next)), id, next];
          findings.push({ file: metric.file, path: ['drives', i], message: `the drives graph has a cycle: ${cycle.join(' → ')}`, hint: 'a metric cannot predict itself: remove one link of the cycle' });
        } else if (!state.has(next)) {
          visit(next, [...trail, id]);
        }
      });
      state.set(id, 'done');
    };
    for (const id of [...metrics.keys()].sort()) if (!state.has(id)) visit(id, []);
    return findings;
  },
};
