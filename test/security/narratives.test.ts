/**
 * Hostile narratives and folders, refused by `check` at the right place: nothing in an MDX body can
 * run code, import a file, link to script, or make the build read something check did not.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCatalog } from '../../src/core/analyze.ts';
import { checkMdxBody, MAX_PARSE_COST, parseCost } from '../../src/core/read/mdx.ts';
import { judgeImage, judgeLink } from '../../src/core/read/narrative-urls.ts';
import { removeCatalogs, TODAY, validCatalog, writeCatalog, type Files } from '../helpers/catalog.ts';
import { errors, one, withFiles } from '../helpers/core.ts';

afterAll(removeCatalogs);

const valid = validCatalog();
const METRIC = 'metrics/open-slots.mdx';
/** The valid catalog with metrics/open-slots as an .mdx file whose body starts on line 16. */
const withBody = (body: string, files: Files = valid): Files =>
  withFiles(files, { 'metrics/open-slots.yaml': undefined, [METRIC]: `---\n${valid['metrics/open-slots.yaml']}---\n${body}` });
const BODY_LINE = 16;

describe('the frontmatter closes where every reader closes it', () => {
  it('refuses `--- # comment` as the closing line, so the fields after it can never be compiled as MDX', () => {
    const text = `---\nname: Open slots\n--- # end of fields\ndescription: x\n{globalThis.process.exit(9)}\n---\nBody.\n`;
    const files = withFiles(valid, { 'metrics/open-slots.yaml': undefined, [METRIC]: text });
    expect(errors(files)).toEqual([`${METRIC}:3:1 mdx-frontmatter`]);
    expect(one(files, 'mdx-frontmatter').hint).toBe('write the closing line as `---` alone (a comment goes on a line of its own, starting with `#`)');
  });
});

describe('folder names', () => {
  it.each(['%2ehidden', 'a?b', 'a#b', 'Q3 Reviews', 'a%20b'])('refuses a subfolder named `%s` and reads none of its files', (name) => {
    const files = { ...valid, [`metrics/${name}/extra.mdx`]: '---\nname: x\n---\n{1}\n' };
    expect(errors(files)).toEqual([`metrics/${name}:1:1 invalid-id`]);
    expect(one(files, 'invalid-id').message).toBe(`the folder name \`${name}\` is not valid; its files were not read`);
  });

  it('reads a kebab-case subfolder', () => {
    const files = withFiles(valid, { 'metrics/open-slots.yaml': undefined, 'metrics/access-team/open-slots.yaml': valid['metrics/open-slots.yaml'] });
    expect(errors(files)).toEqual([]);
  });

  it('reports hidden files and folders instead of skipping them silently, but not an empty .gitkeep', () => {
    const files = { ...valid, 'metrics/.hidden.mdx': '---\nname: x\n---\n', 'goals/.drafts/g.yaml': 'title: x\n', 'data/.gitkeep': '', 'owners/.gitkeep': 'not empty' };
    const found = analyzeCatalog(writeCatalog(files), TODAY).diagnostics.filter((d) => d.rule === 'hidden-file');
    expect(found.map((d) => `${d.file} ${d.severity}`)).toEqual(['goals/.drafts warning', 'metrics/.hidden.mdx warning', 'owners/.gitkeep warning']);
    expect(found[0]!.message).toBe('this folder is hidden (its name starts with `.`), so it is not read');
  });
});

describe('links in narratives', () => {
  it.each([
    ['javascript:', '[x](javascript:alert(1))', 'javascript'],
    ['upper-case JAVASCRIPT:', '[x](JAVASCRIPT:alert(1))', 'javascript'],
    ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))', 'javascript'],
    ['a percent-free control in the scheme', '[x](java&#9;script:alert(1))', 'javascript'],
    ['data:', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'data'],
    ['vbscript:', '[x](vbscript:msgbox(1))', 'vbscript'],
    ['file:', '[x](file:///etc/passwd)', 'file'],
  ])('refuses %s at its line', (_, link, scheme) => {
    const files = withBody(`\nSee ${link} now.\n`);
    expect(errors(files)).toEqual([`${METRIC}:${BODY_LINE + 1}:5 unsafe-link`]);
    expect(one(files, 'unsafe-link').message).toBe(`links may be http, https or mailto, or relative links within the catalog; \`${scheme}:\` is not allowed`);
  });

  it('refuses a reference-style definition at the definition, whoever uses it', () => {
    const files = withBody('\nSee [the report][r].\n\n[r]: javascript:alert(1)\n');
    expect(errors(files)).toEqual([`${METRIC}:${BODY_LINE + 3}:1 unsafe-link`]);
  });

  it('refuses links that leave without a scheme', () => {
    expect(errors(withBody('\n[a](//evil.example/x)\n'))).toEqual([`${METRIC}:${BODY_LINE + 1}:1 unsafe-link`]);
    expect(errors(withBody('\n[a](\\\\evil.example/x)\n'))).toEqual([`${METRIC}:${BODY_LINE + 1}:1 unsafe-link`]);
  });

  it('accepts http(s), mailto, autolinked addresses, fragments and relative catalog links', () => {
    const body = '\n[a](https://x.example) [b](http://intranet:8080/a) [c](mailto:ops@x.example) [d](../wait-days/) [e](#how) [f](/goals/access/) https://y.example\n';
    expect(errors(withBody(body))).toEqual([]);
  });

  it('judges a URL the way a browser parses it', () => {
    expect(judgeLink(' \tjava\nscript:alert(1)').ok).toBe(false);
    expect(judgeLink('\u0001javascript:alert(1)').ok).toBe(false);
    expect(judgeLink('other-metric/#why').ok).toBe(true);
    expect(judgeLink('https://x.example/a:b').ok).toBe(true);
    // A backslash is harmless after an allowed scheme (GitLab's handbook has such links).
    expect(judgeLink('https://x.example/#labels\\').ok).toBe(true);
  });
});

describe('images in narratives', () => {
  const PNG = '\u0089PNG\r\n\u001a\n';

  it('shows a file of the assets folder, relative to the entry, and records it for the site', () => {
    const files = { ...withBody('\n![Chart](../assets/charts/open-slots.png)\n'), 'assets/charts/open-slots.png': PNG };
    const { diagnostics, catalog } = analyzeCatalog(writeCatalog(files), TODAY);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...catalog.assets.keys()]).toEqual(['assets/charts/open-slots.png']);
  });

  it.each([
    ['a data file, which a bundler would import as code', '![x](../data/wait-days.csv)', 'is not in the catalog\'s assets/ folder'],
    ['a hidden module beside the entry', '![x](.chart.mjs)', 'is not in the catalog\'s assets/ folder'],
    ['a path climbing out of the catalog', '![x](../../../../../../etc/passwd)', 'is not in the catalog\'s assets/ folder'],
    ['a query that asks for the raw file', '![x](../assets/a.png?raw)', 'must be a plain relative path'],
    ['a percent-encoded path', '![x](../assets/%2e%2e/x.png)', 'must be a plain relative path'],
    ['an SVG file', '![x](../assets/a.svg)', 'is not an image the site serves'],
    ['a data: URL', '![x](data:image/png;base64,AAAA)', '`data:` is not allowed'],
    ['a javascript: URL', '![x](javascript:alert(1))', '`javascript:` is not allowed'],
    ['a hidden asset', '![x](../assets/.secret.png)', 'has a hidden or oddly named part'],
  ])('refuses %s', (_, image, message) => {
    const files = withBody(`\n${image}\n`);
    expect(errors(files)).toEqual([`${METRIC}:${BODY_LINE + 1}:1 image-source`]);
    expect(one(files, 'image-source').message).toContain(message);
  });

  it('refuses an image reference whose definition points at a data file', () => {
    expect(errors(withBody('\n![x][d]\n\n[d]: ../data/wait-days.csv\n'))).toEqual([`${METRIC}:${BODY_LINE + 1}:1 image-source`]);
  });

  it('refuses a missing asset, and assets reached through a link', () => {
    expect(one(withBody('\n![x](../assets/none.png)\n'), 'image-source').message).toBe('the image `assets/none.png` does not exist');
    const root = writeCatalog(withBody('\n![x](../assets/a.png)\n\n![y](../assets/b.png)\n'));
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/a.png'), PNG);
    mkdirSync(join(root, 'assets'));
    symlinkSync(join(root, 'elsewhere/a.png'), join(root, 'assets/a.png'));
    symlinkSync('/etc/hostname', join(root, 'assets/b.png'));
    const found = analyzeCatalog(root, TODAY).diagnostics.filter((d) => d.rule === 'image-source');
    expect(found.map((d) => `${d.line} ${d.message}`)).toEqual([
      `${BODY_LINE + 1} \`assets/a.png\` is a symbolic link, which the site does not follow`,
      `${BODY_LINE + 3} \`assets/b.png\` is a symbolic link, which the site does not follow`,
    ]);
  });

  it('refuses an assets folder that is itself a link', () => {
    const root = writeCatalog(withBody('\n![x](../assets/a.png)\n'));
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real/a.png'), PNG);
    symlinkSync(join(root, 'real'), join(root, 'assets'));
    expect(analyzeCatalog(root, TODAY).diagnostics.filter((d) => d.rule === 'image-source').map((d) => d.message)).toEqual(['`assets` is a symbolic link, which the site does not follow']);
  });

  it('resolves a path the way the repository host previews it', () => {
    expect(judgeImage('../../assets/a.png', 'metrics/team/x.mdx')).toEqual({ ok: true, asset: 'assets/a.png' });
    expect(judgeImage('../assets/a.png', 'metrics/team/x.mdx').ok).toBe(false);
    expect(judgeImage('https://cdn.example/a.svg', 'metrics/x.mdx')).toEqual({ ok: true });
  });
});

describe('bounded work on hostile bodies', () => {
  it('refuses 1 MiB of unclosed braces quickly, with the limit to raise', () => {
    const files = withBody(`${'{'.repeat(1024 * 1024 - 1000)}\n`);
    const start = performance.now();
    const found = analyzeCatalog(writeCatalog(files), TODAY).diagnostics.filter((d) => d.severity === 'error');
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([`${METRIC}:${BODY_LINE}:1 mdx-too-large`]);
    expect(found[0]!.message).toBe('the narrative is 1024 KiB; the limit is 64 KiB');
    expect(found[0]!.hint).toContain('`limits.body`');
  });

  it.each([
    ['unclosed braces', '{'],
    ['numeric character references', '&#1; '],
    ['closed expressions', '{1} '],
    ['unclosed tags', '<a '],
    ['nested quote markers', '> '],
  ])('refuses a body of %s whose parse would take seconds, before parsing it', (_, unit) => {
    const body = `${unit.repeat(Math.floor(60_000 / unit.length))}\n`;
    expect(parseCost(body)).toBeGreaterThan(MAX_PARSE_COST);
    const start = performance.now();
    const found = checkMdxBody('x.mdx', body, 3, { allowCode: false, maxBytes: 65_536 });
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(found.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['4:1 mdx-too-complex']);
  });

  it('does not count escaped characters or a lone `&`, so ordinary prose is far below the limit', () => {
    expect(parseCost('R & D \\{a\\} \\<b\n')).toBe(0);
    expect(parseCost('&amp; {x} <b>\n')).toBe((7 + 1) * 4 * 14); // within its paragraph, and across the body
    // 64 KiB of prose with an entity, a quote marker or a brace in every paragraph: 320 of them.
    const paragraph = `R&amp;D ${'and the clinic agree on the plan '.repeat(5)}\n\n`;
    const prose = paragraph.repeat(Math.floor(65_536 / paragraph.length));
    expect(prose.length).toBeGreaterThan(60_000);
    expect(parseCost(prose)).toBeLessThan(MAX_PARSE_COST / 2);
    expect(checkMdxBody('x.mdx', prose, 0, { allowCode: false, maxBytes: 65_536 })).toEqual([]);
  });

  it('takes the body limit from the config', () => {
    const files = withBody(`\n${'word '.repeat(400)}\n`, { ...valid, 'catalog.config.yaml': `${valid['catalog.config.yaml']}limits: { body: 1024 }\n` });
    expect(errors(files)).toEqual([`${METRIC}:${BODY_LINE}:1 mdx-too-large`]);
  });
});
