/** HTML and Markdown from other tools, made into plain text for YAML fields and safe MDX for narratives. */
import { describe, expect, it } from 'vitest';
import { checkMdxBody } from '../../src/core/read/mdx.ts';
import { absoluteUrl, convertHtml, decodeEntities, dedent, escapeMdx, guardMdxLines, hasHtml, markdownLink, splitMarkdownLinks, unescapeMarkdown } from '../../src/import/text.ts';

const mdxProblems = (body: string) => checkMdxBody('x.mdx', body, 0, { allowCode: false, maxBytes: 65_536 }).map((d) => d.message);

describe('convertHtml', () => {
  it('turns links into their words in plain text and into Markdown links in narratives', () => {
    const html = 'We are tracking it in this <a href="https://gitlab.com/groups/gitlab-com/-/epics/1225">epic</a>.';
    const out = convertHtml(html);
    expect(out.plain).toBe('We are tracking it in this epic.');
    expect(out.markdown).toBe('We are tracking it in this [epic](https://gitlab.com/groups/gitlab-com/-/epics/1225).');
    expect(out.links).toEqual([{ text: 'epic', url: 'https://gitlab.com/groups/gitlab-com/-/epics/1225' }]);
  });

  it('drops iframes and figures, keeps the iframe address, and keeps the text around them', () => {
    const html = 'MRARR is the measurement. <figure class="video_container"> <iframe src="https://www.youtube.com/embed/HjWwpPU3KDU" frameborder="0" allowfullscreen="true"> </iframe></figure>';
    const out = convertHtml(html);
    expect(out.plain).toBe('MRARR is the measurement.');
    expect(out.markdown).toBe('MRARR is the measurement.');
    expect(out.embeds).toEqual(['https://www.youtube.com/embed/HjWwpPU3KDU']);
  });

  it('makes site-relative links absolute with a base, and leaves other schemes as text', () => {
    const out = convertHtml('For all <a href="/handbook/engineering/monitoring/#gitlabcom-service-level-availability"> customer-impacting services</a> and <a href="javascript:alert(1)">this</a>', 'https://about.gitlab.com');
    expect(out.links).toEqual([{ text: 'customer-impacting services', url: 'https://about.gitlab.com/handbook/engineering/monitoring/#gitlabcom-service-level-availability' }]);
    expect(out.markdown).toBe('For all [customer-impacting services](https://about.gitlab.com/handbook/engineering/monitoring/#gitlabcom-service-level-availability) and this');
  });

  it('keeps line breaks, emphasis and code, decodes entities, and escapes what MDX would run', () => {
    const out = convertHtml('First &amp; <em>second</em><br><br>Use <code>{x}</code> when a &lt; b {and} c > d');
    expect(out.plain).toBe('First & second Use {x} when a < b {and} c > d');
    expect(out.markdown).toBe('First & *second*\n\nUse `{x}` when a \\< b \\{and\\} c \\> d');
    expect(mdxProblems(out.markdown)).toEqual([]);
  });

  it('keeps link addresses with parentheses and spaces inside one Markdown link', () => {
    const url = 'https://gitlab.biterg.io/app/kibana#/dashboard/1a47?_g=(refreshInterval:(pause:!t,value:0))';
    const out = convertHtml(`the <a href="${url}">Contributions dashboard</a>`);
    expect(out.markdown).toBe('the [Contributions dashboard](https://gitlab.biterg.io/app/kibana#/dashboard/1a47?_g=%28refreshInterval:%28pause:!t,value:0%29%29)');
    expect(mdxProblems(out.markdown)).toEqual([]);
  });

  it('gives valid MDX for every tag the GitLab data uses', () => {
    const html = '<strong>Bold</strong> <i>it</i> <a href="https://x.org/a">a</a><br/><figure><iframe src="https://x.org/v"></iframe></figure> <code>a &lt; b</code> <unknown>kept</unknown>';
    expect(mdxProblems(convertHtml(html).markdown)).toEqual([]);
    expect(convertHtml(html).plain).toBe('Bold it a a < b kept');
  });
});

describe('small helpers', () => {
  it('escapes braces, angle brackets and square brackets for MDX', () => {
    expect(escapeMdx('{a} <b> [c]')).toBe('\\{a\\} \\<b\\> \\[c\\]');
    expect(mdxProblems(escapeMdx('< 5% change {in} <proportion> of MRs'))).toEqual([]);
  });

  it('keeps lines that start with import or export from being read as JavaScript', () => {
    const body = guardMdxLines('import the data\nexport it monthly\nwe import more');
    expect(mdxProblems(body)).toEqual([]);
    expect(body).toBe('&#105;mport the data\n&#101;xport it monthly\nwe import more');
  });

  it('writes safe Markdown links', () => {
    expect(markdownLink('a [b]', 'https://x.org/p (1)')).toBe('[a \\[b\\]](https://x.org/p%20%281%29)');
  });

  it('accepts only http(s) and mailto addresses', () => {
    expect(absoluteUrl('https://a.org/x')).toBe('https://a.org/x');
    expect(absoluteUrl('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(absoluteUrl('/handbook/x')).toBeUndefined();
    expect(absoluteUrl('/handbook/x', 'https://about.gitlab.com/')).toBe('https://about.gitlab.com/handbook/x');
    expect(absoluteUrl('javascript:alert(1)', 'https://a.org')).toBeUndefined();
    expect(absoluteUrl('//evil.org/x', 'https://a.org')).toBeUndefined();
  });

  it('tells HTML tags from comparison signs', () => {
    expect(hasHtml('<a href="x">y</a>')).toBe(true);
    expect(hasHtml('<.58 average location factor')).toBe(false);
    expect(hasHtml('< 5% change')).toBe(false);
  });

  it('splits Markdown links out of metric-hub descriptions', () => {
    const text = 'refer to [the DAU description](https://docs.telemetry.mozilla.org/concepts/terminology.html#dau) and `submission_date`';
    expect(splitMarkdownLinks(text)).toEqual({ plain: 'refer to the DAU description and `submission_date`', links: [{ text: 'the DAU description', url: 'https://docs.telemetry.mozilla.org/concepts/terminology.html#dau' }] });
  });

  it('dedents TOML multi-line strings, decodes entities and Markdown escapes', () => {
    expect(dedent('\n    COUNT(DISTINCT x)\n      FROM y\n')).toBe('COUNT(DISTINCT x)\n  FROM y');
    expect(decodeEntities('&#39;a&#x27; &nbsp;&unknown;')).toBe("'a' \u00a0&unknown;".replace('\u00a0', ' '));
    expect(unescapeMarkdown('\\% of journal entries automated')).toBe('% of journal entries automated');
  });
});
