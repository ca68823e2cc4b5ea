/**
 * The loader's two findings for catalog text are documented like the rules, each with a page in
 * docs/rules/loader/ that shows a finding exactly as `check` prints it, and neither can be turned
 * off under `rules:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeCatalogs, validCatalog } from '../helpers/catalog.ts';
import { edit, errors } from '../helpers/core.ts';

afterAll(removeCatalogs);

const LOADER_DOCS = join(import.meta.dirname, '../../docs/rules/loader');

describe.each(['control-character', 'text-too-long'])('docs/rules/loader/%s.md', (id) => {
  const page = readFileSync(join(LOADER_DOCS, `${id}.md`), 'utf8');

  it('names the rule, says it is always an error and shows a finding as check prints it', () => {
    expect(page.startsWith(`# ${id}\n\n**Default severity:** error · **Configurable:** no (reported by the loader)`)).toBe(true);
    for (const section of ['## What it catches', '## Why it matters', '## How to fix', '## Example', '## Configuration']) expect(page).toContain(section);
    expect(page).toMatch(new RegExp(`^\\S+:\\d+:\\d+ error ${id} .+\\n  hint: .+$`, 'm'));
  });

  it('cannot be set under `rules:`', () => {
    const files = edit(validCatalog(), 'catalog.config.yaml', 'name: Test Clinic\n', `name: Test Clinic\nrules: { ${id}: off }\n`);
    expect(errors(files)).toEqual(['catalog.config.yaml:2:10 unknown-rule']);
  });
});
