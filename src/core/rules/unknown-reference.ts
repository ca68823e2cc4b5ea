/** Every id named in a reference field exists in its folder. */
import { KINDS, type EntryKind } from '../kinds.ts';
import { didYouMean } from '../suggest.ts';
import { defineRule, type FieldPath, type Finding } from './types.ts';

interface Reference {
  file: string;
  path: FieldPath;
  id: string;
  kind: EntryKind;
  self?: string;
}

export const unknownReference = defineRule({
  id: 'unknown-reference',
  summary: 'A reference names an id that does not exist in its folder.',
  defaultSeverity: 'error',
  integrity: true,
  check({ loaded }) {
    const refs: Reference[] = [];
    const list = (file: string, field: string, ids: string[] | undefined, kind: EntryKind, self?: string) =>
      (ids ?? []).forEach((id, i) => refs.push({ file, path: [field, i], id, kind, self }));
    for (const g of loaded.goals) {
      if (g.data.parent) refs.push({ file: g.file, path: ['parent'], id: g.data.parent, kind: 'goal', self: g.id });
      refs.push({ file: g.file, path: ['owner'], id: g.data.owner, kind: 'owner' });
    }
    for (const m of loaded.metrics) {
      list(m.file, 'supports', m.data.supports, 'goal');
      list(m.file, 'drives', m.data.drives, 'metric', m.id);
      list(m.file, 'guardrails', m.data.guardrails, 'metric', m.id);
      refs.push({ file: m.file, path: ['owner'], id: m.data.owner, kind: 'owner' });
      if (m.data.retired?.replaced_by) refs.push({ file: m.file, path: ['retired', 'replaced_by'], id: m.data.retired.replaced_by, kind: 'metric', self: m.id });
      m.data.triggers?.forEach((t, i) => t.owner && refs.push({ file: m.file, path: ['triggers', i, 'owner'], id: t.owner, kind: 'owner' }));
    }
    for (const o of loaded.owners) if (o.data.parent) refs.push({ file: o.file, path: ['parent'], id: o.data.parent, kind: 'owner', self: o.id });
    for (const n of loaded.initiatives) {
      refs.push({ file: n.file, path: ['owner'], id: n.data.owner, kind: 'owner' });
      list(n.file, 'moves', n.data.moves, 'metric');
    }
    const findings: Finding[] = [];
    for (const ref of refs) {
      const known = loaded.knownIds[ref.kind];
      if (ref.id === ref.self) {
        findings.push({ file: ref.file, path: ref.path, message: `\`${ref.id}\` refers to itself`, hint: `name another ${KINDS[ref.kind].singular}` });
      } else if (!known.has(ref.id)) {
        const suggestion = didYouMean(ref.id, known);
        findings.push({ file: ref.file, path: ref.path, message: `no ${KINDS[ref.kind].singular} \`${ref.id}\` in ${KINDS[ref.kind].folder}/`, hint: suggestion ?? `create ${KINDS[ref.kind].folder}/${ref.id}.yaml or name an existing ${KINDS[ref.kind].singular}` });
      }
    }
    return findings;
  },
});
