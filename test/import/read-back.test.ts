/**
 * The importer reads back what it renders, and the config it builds on, with the core's own
 * readers: the same problems `check` would report, as `line N: message`.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, DEFAULT_PERSPECTIVES } from '../../src/core/schemas/config.ts';
import { ImportError, readCatalogShape } from '../../src/import/index.ts';
import { problemsOf, type RenderedFile } from '../../src/import/render.ts';
import { removeTempDirs, tempDir, writeTree } from '../helpers/import.ts';

afterAll(removeTempDirs);

const shape = { levels: DEFAULT_LEVELS, perspectives: DEFAULT_PERSPECTIVES };
const owner = (content: string): RenderedFile => ({ path: 'owners/ops.yaml', content, kind: 'owner', id: 'ops' });
const goal = (content: string): RenderedFile => ({ path: 'goals/care.mdx', content, kind: 'goal', id: 'care' });

describe('problemsOf', () => {
  it('finds nothing in a valid file', () => {
    expect(problemsOf(owner('name: Operations\nkind: team\n'), shape)).toEqual([]);
    expect(problemsOf(goal('---\ntitle: Care\nlevel: mission\nowner: ops\n---\n\nWhy it matters.\n'), shape)).toEqual([]);
  });

  it('reports schema, YAML and text-value problems at their lines', () => {
    expect(problemsOf(owner('name: Operations\nkind: robot\n'), shape)).toEqual(['line 2: `kind` must be one of team, person; got "robot"']);
    expect(problemsOf(owner('name: [Operations\n'), shape)).toEqual(['line 2: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    expect(problemsOf(owner('name: "Oper\\u0007ations"\nkind: team\n'), shape)).toEqual(['line 1: `name` holds the control character U+0007 (BEL)']);
    expect(problemsOf(owner(''), shape)).toEqual(['line 1: the file is empty']);
  });

  it('reads an .mdx file as check does: frontmatter, then a body without code or HTML', () => {
    expect(problemsOf(goal('---\ntitle: Care\nlevel: mission\nowner: ops\n'), shape)).toEqual(['line 1: an .mdx entry must start with YAML frontmatter between two `---` lines']);
    expect(problemsOf(goal('---\ntitle: Care\nlevel: mission\nowner: ops\n---\n\nWhy <script>x</script>\n'), shape)).toEqual(['line 7: MDX bodies are Markdown only: a JSX/HTML element `<script>` is not allowed']);
  });

  it('checks the level against the catalog it is imported into', () => {
    expect(problemsOf(goal('---\ntitle: Care\nlevel: mission\nowner: ops\n---\n'), { ...shape, levels: ['vision', 'team'] })).toEqual(['line 3: `level` must be one of vision, team; got "mission"']);
  });

  it('reads the config with the core config reader', () => {
    expect(problemsOf({ path: 'catalog.config.yaml', content: 'nmae: typo\n', kind: 'config' }, shape)).toEqual(['line 1: `name` is required', 'line 1: unknown field `nmae`']);
  });
});

describe('readCatalogShape', () => {
  it('takes the defaults when the folder has no config, or does not exist yet', () => {
    expect(readCatalogShape(tempDir())).toMatchObject({ levels: DEFAULT_LEVELS, perspectives: DEFAULT_PERSPECTIVES, name: undefined });
    expect(readCatalogShape(join(tempDir(), 'not-yet'))).toMatchObject({ levels: DEFAULT_LEVELS, name: undefined });
  });

  it('takes the levels, perspectives and name of the config', () => {
    const dir = writeTree({ 'catalog.config.yaml': 'name: Northwind\nlevels: [mission, objective, team]\nperspectives: [money, people]\n' });
    expect(readCatalogShape(dir)).toMatchObject({ levels: ['mission', 'objective', 'team'], perspectives: ['money', 'people'], name: 'Northwind', top: 'mission' });
  });

  it('refuses a config check would refuse: a control character, or a symbolic link', () => {
    const control = writeTree({ 'catalog.config.yaml': 'name: "North\\u0000wind"\n' });
    expect(() => readCatalogShape(control)).toThrow(ImportError);
    const linked = tempDir();
    const elsewhere = join(tempDir(), 'config.yaml');
    writeFileSync(elsewhere, 'name: Elsewhere\n');
    symlinkSync(elsewhere, join(linked, 'catalog.config.yaml'));
    expect(() => readCatalogShape(linked)).toThrow(/catalog\.config\.yaml is not a valid catalog config/);
  });
});
