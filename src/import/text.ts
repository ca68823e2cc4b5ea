/**
 * Text from other tools, made fit for a catalog: raw HTML becomes plain text (for YAML fields,
 * which pages render escaped) or Markdown (for MDX narratives, which must be Markdown only);
 * links are kept as Markdown links, iframes are dropped and their address kept as a link.
 */

export interface Link {
  text: string;
  url: string;
}

export interface ConvertedHtml {
  /** The text alone, whitespace collapsed: for `description`, `name` and other YAML fields. */
  plain: string;
  /** Markdown safe to put in an MDX body: links as `[text](url)`, `{ } < >` escaped. */
  markdown: string;
  /** Every link, in order, with its address made absolute where a base was given. */
  links: Link[];
  /** Addresses of dropped iframes (embedded videos, dashboards). */
  embeds: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whitespace of any kind, runs of it included, as one space; trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An absolute http(s) or mailto address for a link, or undefined for anything else
 * (`javascript:`, `data:`, bare anchors). Site-relative paths are joined to `base` when given.
 */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  const url = (href ?? '').trim();
  if (/^https?:\/\/[^\s/]+/i.test(url) || /^mailto:[^\s]+@/i.test(url)) return url;
  if (base && url.startsWith('/') && !url.startsWith('//')) return base.replace(/\/+$/, '') + url;
  return undefined;
}

/** A link destination Markdown and MDX read as one: no spaces, parentheses, braces or angle brackets. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>{}\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** Escapes what MDX would read as code or HTML (`{ } < >`), and keeps `[ ]` from making links. */
export function escapeMdx(text: string): string {
  return text.replace(/[{}<>[\]\\]/g, (c) => '\\' + c);
}

/** `[text](url)` with both parts made safe for MDX. */
export function markdownLink(text: string, url: string): string {
  return `[${escapeMdx(collapse(text) || url)}](${markdownUrl(url)})`;
}

/**
 * Lines MDX would read as JavaScript (`import …`, `export …` at the start of a line) get their first
 * letter as a character reference, which Markdown renders as the letter itself.
 */
export function guardMdxLines(markdown: string): string {
  return markdown.replace(/^(\s*)([ie])(mport|xport)\b/gm, (_, space: string, letter: string, rest: string) => `${space}&#${letter.charCodeAt(0)};${rest}`);
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)\/?>|<!--[\s\S]*?-->/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  return value === undefined ? undefined : decodeEntities(value);
}

/**
 * Converts a snippet of handbook HTML (links, line breaks, emphasis, code, figures, iframes) into
 * plain text and MDX-safe Markdown. Tags it does not know are dropped and their text kept.
 */
export function convertHtml(html: string, base?: string): ConvertedHtml {
  const links: Link[] = [];
  const embeds: string[] = [];
  let plain = '';
  let markdown = '';
  let link: { href?: string; text: string; markdownAt: number } | undefined;
  let skipping: string | undefined;
  let code = 0;
  let last = 0;

  const addText = (raw: string) => {
    if (skipping) return;
    const text = decodeEntities(raw).replace(/\s+/g, ' ');
    plain += text;
    markdown += code ? text.replace(/`/g, "'") : escapeMdx(text);
    if (link) link.text += text;
  };
  const breakLine = (paragraph: boolean) => {
    plain += ' ';
    markdown = markdown.replace(/[ \t]+$/, '') + (paragraph ? '\n\n' : '\n');
  };

  for (const match of html.matchAll(TAG)) {
    addText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (name === 'iframe' || name === 'script' || name === 'style' || name === 'video') {
      const src = absoluteUrl(attribute(attributes, 'src'), base);
      if (src && name !== 'script' && name !== 'style') embeds.push(src);
      if (!closing && !/\/\s*$/.test(attributes)) skipping = name;
      continue;
    }
    switch (name) {
      case 'a':
        if (!closing) {
          link = { href: absoluteUrl(attribute(attributes, 'href'), base), text: '', markdownAt: markdown.length };
        } else if (link) {
          const { href, text, markdownAt } = link;
          link = undefined;
          if (href) {
            links.push({ text: collapse(text) || href, url: href });
            markdown = markdown.slice(0, markdownAt) + markdownLink(text, href);
          }
        }
        break;
      case 'br':
        breakLine(false);
        break;
      case 'p':
      case 'div':
      case 'figure':
      case 'ul':
      case 'ol':
      case 'table':
      case 'tr':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        breakLine(true);
        break;
      case 'li':
        if (!closing) {
          breakLine(false);
          markdown += '- ';
        }
        break;
      case 'em':
      case 'i':
        if (!link) markdown += '*';
        break;
      case 'strong':
      case 'b':
        if (!link) markdown += '**';
        break;
      case 'code':
        markdown += '`';
        code += closing ? -1 : 1;
        break;
      case 'img': {
        const alt = attribute(attributes, 'alt');
        if (alt) addText(alt);
        break;
      }
      default:
        break; // span, sup, …: the tag goes, its text stays
    }
  }
  addText(html.slice(last));
  if (link?.href) links.push({ text: collapse(link.text) || link.href, url: link.href });

  const tidy = markdown
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)/g, '') // emphasis left empty by a dropped embed
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { plain: collapse(plain), markdown: guardMdxLines(tidy), links, embeds };
}

/** True if the text holds an HTML tag (not just a `<` in prose, like "< 5%"). */
export function hasHtml(text: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9-]*\b[^>]*>/.test(text);
}

/** Markdown links in text (`[text](url)`), and the text with each link reduced to its words. */
export function splitMarkdownLinks(text: string): { plain: string; links: Link[] } {
  const links: Link[] = [];
  const plain = text.replace(/\[([^\]]+)\]\(\s*<?([^()\s>]+(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+"[^"]*")?\s*\)/g, (whole, words: string, url: string) => {
    const href = absoluteUrl(url);
    if (!href) return whole;
    links.push({ text: collapse(words), url: href });
    return words;
  });
  return { plain, links };
}

/** Removes the indentation every non-blank line shares (TOML multi-line strings are indented). */
export function dedent(text: string): string {
  const lines = text.replace(/\t/g, '    ').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(cut).trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Markdown backslash escapes (`\%`, `\_`) as the characters a reader saw. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
