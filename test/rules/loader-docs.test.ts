/**
 * Every id a diagnostic can carry has a page: the graph rules in docs/rules/, the problems the
 * loader reports in docs/rules/loader/, each listed in docs/rules/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoaderRule, LOADER_RULE_IDS, LOADER_RULES } from '../../src/core/loader-rules.ts';
import { RULES } from '../../src/core/rules/index.ts';

const DOCS = join(import.meta.dirname, '../../docs/rules');
const LOADER_DOCS = join(DOCS, 'loader');
const SRC = join(import.meta.dirname, '../../src');

/** The rows of the README's table of loader problems, by id. */
const rows = new Map(
  readFileSync(join(DOCS, 'README.md'), 'utf8')
    .split('\n## Problems found while reading files\n')[1]!
    .split('\n')
    .filter((line) => line.startsWith('| [`'))
    .map((line) => [/^\| \[`([a-z0-9-]+)`\]/.exec(line)![1]!, line]),
);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Rule ids written in the source where a diagnostic gets its rule: `rule: 'id'`, `rule === 'id'`,
 * and the first argument of `problem`, `ruleParams` and a local `fail`. `Diagnostic.rule` is typed,
 * so this is a second net for code that passes an id along as a plain string.
 */
function idsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\brule\s*(?::|===|!==)\s*'([a-z0-9-]+)'/g, /\b(?:problem|ruleParams|fail)\(\s*'([a-z0-9-]+)'/g];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (!found.has(match[1]!)) found.set(match[1]!, relative(SRC, file));
  }
  return found;
}

describe('loader problem documentation', () => {
  it.each(LOADER_RULE_IDS.map((id) => [id, LOADER_RULES[id]] as const))('docs/rules/loader/%s.md exists, names the problem and shows it', (id, rule) => {
    const path = join(LOADER_DOCS, `${id}.md`);
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const page = readFileSync(path, 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`**Default severity:** ${rule.severity}`);
    expect(page).toContain(rule.summary);
    expect(page).toMatch(new RegExp(`^.+:\\d+:\\d+ ${rule.severity} ${id} `, 'm'));
    for (const section of ['## What it catches', '## How to fix', '## Example']) expect(page).toContain(section);
  });

  it('lists every loader problem in docs/rules/README.md, with its page, severity and summary', () => {
    expect([...rows.keys()]).toEqual(LOADER_RULE_IDS);
    for (const id of LOADER_RULE_IDS) expect(rows.get(id)).toBe(`| [\`${id}\`](loader/${id}.md) | ${LOADER_RULES[id].severity} | ${LOADER_RULES[id].summary} |`);
  });

  it('has no page for a problem that is not declared', () => {
    const pages = readdirSync(LOADER_DOCS).filter((name) => name.endsWith('.md'));
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual([...LOADER_RULE_IDS].sort());
  });

  it('gives no loader problem the id of a graph rule', () => {
    expect(RULES.filter((rule) => isLoaderRule(rule.id)).map((rule) => rule.id)).toEqual([]);
  });
});

describe('rule ids in the source', () => {
  const used = idsInSource();

  it('finds the ids of every kind of place that reports one', () => {
    for (const id of ['encoding', 'unknown-field', 'data-column', 'yaml-syntax', 'unknown-rule', 'trusted-setting', 'goal-parent', 'duplicate-reference']) expect(used.has(id), id).toBe(true);
  });

  it('are each a declared rule or loader problem, with a page', () => {
    const graphIds = new Set<string>(RULES.map((rule) => rule.id));
    for (const [id, file] of used) {
      expect(isLoaderRule(id) || graphIds.has(id), `${file} uses \`${id}\`, which is declared nowhere`).toBe(true);
      expect(existsSync(join(isLoaderRule(id) ? LOADER_DOCS : DOCS, `${id}.md`)), `no page for \`${id}\``).toBe(true);
    }
  });
});
