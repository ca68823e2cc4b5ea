import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.ts';

const DOCS = join(import.meta.dirname, '../../docs/rules');
/** The README up to its table of loader problems, which has pages of its own (loader-docs.test.ts). */
const readme = readFileSync(join(DOCS, 'README.md'), 'utf8').split('\n## Problems found while reading files\n')[0]!;
/** The rows of the README's rule table, by rule id. */
const rows = new Map(
  readme
    .split('\n')
    .filter((line) => line.startsWith('| [`'))
    .map((line) => [/^\| \[`([a-z0-9-]+)`\]/.exec(line)![1]!, line]),
);

describe('rule documentation', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md exists, names the rule and shows a finding', (id, rule) => {
    const path = join(DOCS, `${id}.md`);
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const page = readFileSync(path, 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`**Default severity:** ${rule.defaultSeverity}`);
    expect(page).toContain(rule.summary);
    expect(page).toMatch(new RegExp(`^\\S+:\\d+:\\d+ (error|warning) ${id} `, 'm'));
    for (const section of ['## What it catches', '## Why it matters', '## How to fix', '## Example', '## Configuration']) expect(page).toContain(section);
  });

  it('lists every rule in docs/rules/README.md, with its page, default severity and summary', () => {
    expect([...rows.keys()]).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      expect(rows.get(rule.id)).toBe(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} | ${rows.get(rule.id)!.split(' | ')[2]} | ${rule.summary} |`);
      expect(rows.get(rule.id)!.split(' | ')[2] === 'no').toBe(Boolean(rule.integrity));
    }
  });

  it('has no page for a rule that does not exist', () => {
    const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });
});
