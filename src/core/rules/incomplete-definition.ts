/** An entry still holding an import's placeholders or assumed defaults is not yet a definition anyone can trust. */
import { entriesOf } from '../graph.ts';
import { ENTRY_KINDS } from '../kinds.ts';
import { ASSUMED_TAG_PREFIX, isPlaceholder, PLACEHOLDER_PREFIX } from '../placeholders.ts';
import { defineRule, type FieldPath, type Finding } from './types.ts';

/** Every string in the entry's fields that is an import's placeholder, with its path (also counted on /health/). */
export function placeholders(value: unknown, path: (string | number)[] = []): FieldPath[] {
  if (typeof value === 'string') return isPlaceholder(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholders(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...path, key]));
  return [];
}

export const fieldName = (path: FieldPath) => path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');

export const incompleteDefinition = defineRule({
  id: 'incomplete-definition',
  summary: 'A field still holds text an import could not fill, or a value an import assumed as a default that nobody has confirmed.',
  defaultSeverity: 'warn',
  check({ catalog }) {
    const findings: Finding[] = [];
    const entries = ENTRY_KINDS.flatMap((kind) => [...entriesOf(catalog, kind).values()]);
    for (const entry of entries) {
      for (const path of placeholders(entry.data)) {
        findings.push({ file: entry.file, path, message: `\`${fieldName(path)}\` is still a placeholder: ${String(path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], entry.data)).trimStart().slice(PLACEHOLDER_PREFIX.length).trim()}`, hint: 'write what is true, in place of the placeholder' });
      }
      const tags = (entry.data.tags as string[] | undefined) ?? [];
      tags.forEach((tag, i) => {
        if (!tag.startsWith(ASSUMED_TAG_PREFIX)) return;
        const field = tag.slice(ASSUMED_TAG_PREFIX.length);
        findings.push({ file: entry.file, path: ['tags', i], message: `\`${field}\` is a default the import assumed (${String(entry.data[field] ?? '')}), not a fact from the source`, hint: `confirm or correct \`${field}\`, then remove the \`${tag}\` tag` });
      });
    }
    return findings;
  },
});
