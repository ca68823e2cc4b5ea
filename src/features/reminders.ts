/**
 * What each owner should do this week: triggers that fired, metrics whose data went stale, and
 * definitions overdue for review, grouped per owner as Markdown for an issue. Reuses what the
 * analysis already found: the `stale-data` and `review-overdue` diagnostics (so their severities
 * and an `off` in catalog.config.yaml apply here too) and the derived fired triggers. Catalog text
 * in the Markdown is escaped (escape.ts); only schema-checked handles are written as mentions.
 */
import type { Analysis } from '../core/analyze.ts';
import { handleOf } from './codeowners.ts';
import { codeSpan, escapeLine, escapeMarkdown, inertLines, jsonText, mention } from '../core/escape.ts';
import { plural } from '../core/plural.ts';

export type ReminderKind = 'trigger' | 'stale' | 'review';

export interface Reminder {
  kind: ReminderKind;
  metric: { id: string; name: string; file: string };
  /** What was found, in a sentence: the diagnostic's message, or why the trigger fired. */
  message: string;
  /** For a fired trigger: what to do. */
  action?: string;
}

export interface OwnerReminders {
  owner: string;
  name: string;
  /** The owner's GitHub handle, or the nearest team's above it, to mention. */
  handle?: string;
  reminders: Reminder[];
}

const ORDER: Record<ReminderKind, number> = { trigger: 0, stale: 1, review: 2 };
const RULES: Record<string, ReminderKind> = { 'stale-data': 'stale', 'review-overdue': 'review' };

export function collectReminders({ catalog, derived, diagnostics }: Analysis): OwnerReminders[] {
  const byOwner = new Map<string, Reminder[]>();
  const add = (owner: string, reminder: Reminder) => byOwner.set(owner, [...(byOwner.get(owner) ?? []), reminder]);
  const metricsByFile = new Map([...catalog.metrics.values()].map((m) => [m.file, m]));
  const ref = (m: { id: string; file: string; data: { name: string } }) => ({ id: m.id, name: m.data.name, file: m.file });

  for (const metric of catalog.metrics.values()) {
    for (const fired of derived.metrics.get(metric.id)?.fired ?? []) {
      add(fired.owner, { kind: 'trigger', metric: ref(metric), message: fired.reason, action: fired.trigger.action });
    }
  }
  for (const d of diagnostics) {
    const kind = RULES[d.rule];
    const metric = kind && metricsByFile.get(d.file);
    if (!kind || !metric) continue;
    add(metric.data.owner, { kind, metric: ref(metric), message: d.message });
  }

  return [...byOwner]
    .map(([owner, reminders]) => {
      const found = handleOf(catalog, owner);
      return {
        owner,
        name: catalog.owners.get(owner)?.data.name ?? owner,
        ...(found.handle ? { handle: found.handle } : {}),
        reminders: reminders.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.metric.name.localeCompare(b.metric.name, 'en')),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.owner < b.owner ? -1 : 1));
}

const HEADINGS: Record<ReminderKind, string> = { trigger: 'Triggers fired', stale: 'Stale data', review: 'Reviews overdue' };

export const NOTHING_TO_REMIND = 'Nothing to remind';


/** The reminders as Markdown for an issue; one line when there is nothing to do. */
export function remindersToMarkdown(groups: OwnerReminders[], today: string): string {
  if (!groups.length) return `${NOTHING_TO_REMIND} as of ${escapeMarkdown(today)}: no fired triggers, stale data or overdue reviews.\n`;
  const all = groups.flatMap((g) => g.reminders);
  const count = (kind: ReminderKind) => all.filter((r) => r.kind === kind).length;
  const lines = [
    `## Catalog reminders as of ${escapeMarkdown(today)}`,
    '',
    `${plural(count('trigger'), 'fired trigger')}, ${plural(count('stale'), 'metric')} with stale data and ${plural(count('review'), 'overdue review')}, for ${plural(groups.length, 'owner')}.`,
    '',
  ];
  for (const group of groups) {
    // Handles are checked by the owner schema; mention() writes nothing else as a mention.
    lines.push(`### ${escapeMarkdown(group.name)}${group.handle ? ` (${mention(group.handle)})` : ''}`, '');
    for (const kind of ['trigger', 'stale', 'review'] as const) {
      const items = group.reminders.filter((r) => r.kind === kind);
      if (!items.length) continue;
      lines.push(`**${HEADINGS[kind]}**`, '');
      for (const r of items) {
        // The message is a diagnostic's or a trigger's sentence: escaped the way `check` prints it, then as Markdown.
        const message = escapeMarkdown(escapeLine(r.message));
        const what = r.kind === 'trigger' ? `${message}. Action: ${escapeMarkdown(r.action ?? '')}` : message;
        lines.push(`- [ ] **${escapeMarkdown(r.metric.name)}** ${codeSpan(r.metric.file)}: ${what}`);
      }
      lines.push('');
    }
  }
  return inertLines(lines.join('\n')).trimEnd() + '\n';
}

/** The reminders for tools: exact values, as JSON whose text holds no raw control or bidi character. */
export function remindersToJson(groups: OwnerReminders[], today: string): string {
  return jsonText({ today, owners: groups });
}
