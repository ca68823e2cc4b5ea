/**
 * CI log injection and comment injection through the Markdown outputs: the diff comment, the
 * reminders issue and the CODEOWNERS file. Every catalog string they interpolate (names, ids, file
 * names, keys, values, retirement reasons, diagnostics, cascade messages) comes from a pull
 * request: with hostile input, the exact escaped Markdown, and no line the Actions runner would
 * read as a workflow command when the output is printed in a CI log.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { codeownersLines, formatCodeowners, type CodeownersLine } from '../../src/features/codeowners.ts';
import { diffToJson, diffToMarkdown } from '../../src/features/diff-markdown.ts';
import type { CatalogDiff, KindDiff } from '../../src/features/diff.ts';
import { collectReminders, remindersToJson, remindersToMarkdown, type OwnerReminders } from '../../src/features/reminders.ts';
import { analyze, removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { edit } from '../helpers/core.ts';

afterAll(removeCatalogs);

const HOSTILE = 'bad\n::error file=x::forged\r::stop-commands::token\u2028\u202egnp.exe ##[error]legacy';
/** In a code span: every control as an escape. */
const CODE = 'bad\\n::error file=x::forged\\r::stop-commands::token\\u2028\\u202egnp.exe #\\u0023[error]legacy';
/** In prose: whitespace runs as one space, other controls as escapes, then Markdown-escaped. */
const PROSE = 'bad ::error file=x::forged ::stop-commands::token \\\\u202egnp.exe \\#\\\\u0023\\[error\\]legacy';
/** A diagnostic message as `check` shows it, then Markdown-escaped. */
const MESSAGE = 'bad\\\\n::error file=x::forged\\\\r::stop-commands::token\\\\u2028\\\\u202egnp.exe \\#\\\\u0023\\[error\\]legacy';

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Lines the Actions runner would read as workflow commands: `::` after leading whitespace, or `##[` anywhere; lines end at CR or LF. */
const commandLines = (output: string) => output.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));

const none: KindDiff = { added: [], removed: [], renamed: [], retired: [], changed: [] };
const ref = { id: HOSTILE, name: HOSTILE, file: `metrics/${HOSTILE}.yaml` };

/** A diff with hostile text in every place the Markdown interpolates catalog text. */
const hostileDiff: CatalogDiff = {
  goals: { ...none, added: [ref] },
  metrics: {
    added: [],
    removed: [ref],
    renamed: [{ from: ref, to: ref, changes: [] }],
    retired: [{ ...ref, changes: [], date: HOSTILE, reason: HOSTILE, replacedBy: HOSTILE }],
    changed: [{ ...ref, changes: [{ field: HOSTILE, before: HOSTILE, after: [HOSTILE] }, { field: 'long', before: undefined, after: { [HOSTILE]: [HOSTILE] } }] }],
  },
  owners: none,
  initiatives: none,
  config: [{ field: HOSTILE, before: undefined, after: HOSTILE }],
  data: [{ metric: HOSTILE, name: HOSTILE, file: `data/${HOSTILE}.csv`, added: ['2026-11-16'], removed: [], changed: [], latestBefore: null, latestAfter: { date: HOSTILE, value: 36 } }],
  diagnostics: {
    introduced: [{ file: `metrics/${HOSTILE}.yaml`, line: 17, column: 1, endLine: 17, endColumn: 2, severity: 'error', rule: 'unknown-field', message: HOSTILE }],
    resolved: [],
  },
  cascade: [{ type: 'no-goal', kind: 'metric', id: HOSTILE, name: HOSTILE, message: HOSTILE }],
};

describe('the diff comment, with hostile names, ids, file names, keys and values', () => {
  const md = diffToMarkdown(hostileDiff, { title: 'Catalog changes' });

  it('escapes every interpolated string, in code spans and in prose', () => {
    expect(md.split('\n')).toEqual(
      expect.arrayContaining([
        `- **${PROSE}** \`${CODE}\` · \`metrics/${CODE}.yaml\``,
        `- **${PROSE}**: moved \`metrics/${CODE}.yaml\` → \`metrics/${CODE}.yaml\``,
        `- **${PROSE}** \`${CODE}\` retired on ${PROSE}: ${PROSE}; replaced by \`${CODE}\``,
        `  - \`${CODE}\`: \`${CODE}\` → \`[${CODE}]\``,
        // Cut to 80 characters before escaping, so no escape is cut in half.
        `  - \`long\`: _not set_ → \`{ ${CODE}: […\``,
        `- \`${CODE}\`: _not set_ → \`${CODE}\``,
        `- **${PROSE}** \`data/${CODE}.csv\`: 1 value added; latest \`36\` on ${PROSE} (was none)`,
        `- error \`metrics/${CODE}.yaml:17\` **unknown-field**: ${MESSAGE}`,
        `- Metric **${PROSE}** \`${CODE}\` ${PROSE}`,
      ]),
    );
  });

  it('has no raw control character and no line the runner reads as a command', () => {
    expect(md).not.toMatch(RAW);
    expect(commandLines(md)).toEqual([]);
  });

  it('keeps exact values in --format json, written without raw controls or commands', () => {
    const json = diffToJson(hostileDiff);
    expect((JSON.parse(json) as CatalogDiff).metrics.retired[0]!.reason).toBe(HOSTILE);
    expect(json).not.toMatch(RAW);
    expect(commandLines(json)).toEqual([]);
  });
});

describe('the reminders issue, with hostile names, file names, messages and actions', () => {
  const groups: OwnerReminders[] = [
    {
      owner: 'ops',
      name: HOSTILE,
      handle: '@example/ops',
      reminders: [
        { kind: 'trigger', metric: { id: 'wait-days', name: HOSTILE, file: `metrics/${HOSTILE}.yaml` }, message: HOSTILE, action: HOSTILE },
        { kind: 'stale', metric: { id: 'wait-days', name: 'Days', file: 'metrics/wait-days.yaml' }, message: HOSTILE },
      ],
    },
    // A handle that is not one (the schema refuses it; the output does not rely on that) mentions nobody.
    { owner: 'bo', name: 'Bo', handle: '@bo\n::error::forged @ceo', reminders: [{ kind: 'review', metric: { id: 'x', name: 'X', file: 'metrics/x.yaml' }, message: 'due' }] },
  ];
  const md = remindersToMarkdown(groups, '2026-11-23');

  it('escapes every interpolated string and writes only real handles as mentions', () => {
    expect(md).toBe(
      [
        '## Catalog reminders as of 2026-11-23',
        '',
        '1 fired trigger, 1 metric with stale data and 1 overdue review, for 2 owners.',
        '',
        `### ${PROSE} (@example/ops)`,
        '',
        '**Triggers fired**',
        '',
        `- [ ] **${PROSE}** \`metrics/${CODE}.yaml\`: ${MESSAGE}. Action: ${PROSE}`,
        '',
        '**Stale data**',
        '',
        `- [ ] **Days** \`metrics/wait-days.yaml\`: ${MESSAGE}`,
        '',
        '### Bo (@\u200bbo ::error::forged @\u200bceo)',
        '',
        '**Reviews overdue**',
        '',
        '- [ ] **X** `metrics/x.yaml`: due',
        '',
      ].join('\n'),
    );
    expect(md).not.toMatch(RAW);
    expect(commandLines(md)).toEqual([]);
  });

  it('from a real catalog: a hostile trigger action and metric name stay on their line', () => {
    let files = edit(validCatalog(), 'data/wait-days.csv', '2026-11-16,8,', '2026-11-16,15,');
    files = edit(files, 'metrics/wait-days.yaml', 'name: Days to appointment', 'name: "Days\\n::notice::forged"');
    files = edit(files, 'metrics/wait-days.yaml', 'action: Open extra slots.', 'action: "Open\\r::stop-commands::token"');
    const real = remindersToMarkdown(collectReminders(analyze(files)), '2026-11-23');
    expect(real).toContain('- [ ] **Days ::notice::forged** `metrics/wait-days.yaml`: 15 on 2026-11-16 is above 14. Action: Open ::stop-commands::token');
    expect(real).not.toMatch(RAW);
    expect(commandLines(real)).toEqual([]);
  });

  it('keeps exact values in JSON, written without raw controls or commands', () => {
    const json = remindersToJson(groups, '2026-11-23');
    expect((JSON.parse(json) as { owners: OwnerReminders[] }).owners[0]!.name).toBe(HOSTILE);
    expect(json).not.toMatch(RAW);
    expect(commandLines(json)).toEqual([]);
  });
});

describe('CODEOWNERS, with hostile file names and owner ids', () => {
  it('keeps each path and reason on its own line: no rule can be added, nothing read as a command', () => {
    const lines: CodeownersLine[] = [
      { pattern: `/metrics/${HOSTILE}\n* @attacker.yaml`, kind: 'metric', id: 'x', owner: 'ops', handle: '@example/ops' },
      { pattern: '/goals/a.yaml', kind: 'goal', id: 'a', owner: HOSTILE, missing: `owner \`${HOSTILE}\` is not in owners/` },
    ];
    const text = formatCodeowners(lines);
    const body = text.split('\n').slice(4, -1);
    expect(body).toEqual([`/metrics/${CODE}\\n* @attacker.yaml @example/ops`, `# /goals/a.yaml: owner \`${CODE}\` is not in owners/`]);
    expect(text).not.toMatch(RAW);
    expect(commandLines(text)).toEqual([]);
  });

  it('is unchanged for an ordinary catalog', () => {
    const text = formatCodeowners(codeownersLines(analyze(validCatalog()).catalog));
    expect(text).toContain('/metrics/wait-days.yaml        @example/ops\n');
  });
});
