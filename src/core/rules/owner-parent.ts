/** An owner's parent is a team, and following parents never loops. */
import { defineRule, type Finding } from './types.ts';
import { parentCycles } from '../graph-cycles.ts';

export const ownerParent = defineRule({
  id: 'owner-parent',
  summary: "An owner's parent is a person rather than a team, or the owner hierarchy has a cycle.",
  defaultSeverity: 'error',
  integrity: true,
  check({ catalog }) {
    const findings: Finding[] = [];
    const { owners } = catalog;
    for (const owner of owners.values()) {
      const parent = owner.data.parent ? owners.get(owner.data.parent) : undefined;
      if (parent?.data.kind === 'person') {
        findings.push({ file: owner.file, path: ['parent'], message: `the parent \`${parent.id}\` is a person; owners belong to teams`, hint: 'name the team this owner belongs to' });
      }
    }
    for (const cycle of parentCycles(owners.keys(), (id) => owners.get(id)?.data.parent)) {
      const owner = owners.get(cycle[0]!)!;
      findings.push({ file: owner.file, path: ['parent'], message: `the owner hierarchy has a cycle: ${[...cycle, cycle[0]].join(' → ')}`, hint: 'remove `parent` from the top team' });
    }
    return findings;
  },
});
