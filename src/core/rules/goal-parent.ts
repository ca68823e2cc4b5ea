/** A goal's parent sits at a higher level, and following parents never loops. */
import { defineRule, type Finding } from './types.ts';
import { parentCycles } from '../graph-cycles.ts';

export const goalParent = defineRule({
  id: 'goal-parent',
  summary: "A goal's parent is not at a higher level, or the parents form a cycle.",
  defaultSeverity: 'error',
  integrity: true,
  check({ catalog }) {
    const findings: Finding[] = [];
    const { goals, config } = catalog;
    for (const goal of goals.values()) {
      const parent = goal.data.parent ? goals.get(goal.data.parent) : undefined;
      if (parent && parent.depth >= goal.depth) {
        findings.push({
          file: goal.file,
          path: ['parent'],
          message: `the parent \`${parent.id}\` is a ${parent.data.level} goal, not above this ${goal.data.level} goal`,
          hint: `a ${goal.data.level} goal's parent is a goal at one of these levels: ${config.levels.slice(0, goal.depth).join(', ')}`,
        });
      }
    }
    for (const cycle of parentCycles(goals.keys(), (id) => goals.get(id)?.data.parent)) {
      const goal = goals.get(cycle[0]!)!;
      findings.push({ file: goal.file, path: ['parent'], message: `the goal tree has a cycle: ${[...cycle, cycle[0]].join(' → ')}`, hint: 'each goal has one parent at a higher level; the top goal has none' });
    }
    return findings;
  },
});
