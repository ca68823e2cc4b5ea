/** The drives graph has no cycles, and every chain of drives ends at a lagging metric. */
import { defineRule, type Finding } from './types.ts';

export const drivesChain = defineRule({
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
    // Depth-first search with an explicit stack (chains can be thousands long); an edge back to a
    // metric still on the current path closes a cycle, which `trail` then spells out.
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    for (const start of [...metrics.keys()].sort()) {
      if (state.has(start)) continue;
      const stack = [{ id: start, next: 0 }];
      state.set(start, 'open');
      trail.push(start);
      while (stack.length) {
        const frame = stack[stack.length - 1]!;
        const metric = metrics.get(frame.id)!;
        const drives = metric.data.drives ?? [];
        if (frame.next >= drives.length) {
          state.set(frame.id, 'done');
          stack.pop();
          trail.pop();
          continue;
        }
        const i = frame.next++;
        const next = drives[i]!;
        if (!metrics.has(next) || next === frame.id) continue;
        if (state.get(next) === 'open') {
          const cycle = [...trail.slice(trail.lastIndexOf(next)), next];
          findings.push({ file: metric.file, path: ['drives', i], message: `the drives graph has a cycle: ${cycle.join(' → ')}`, hint: 'a metric cannot predict itself: remove one link of the cycle' });
        } else if (!state.has(next)) {
          state.set(next, 'open');
          trail.push(next);
          stack.push({ id: next, next: 0 });
        }
      }
    }
    return findings;
  },
});
