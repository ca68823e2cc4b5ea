/**
 * Narratives (the body of an `.mdx` entry) as HTML, rendered from the very text `check` parsed
 * and with the same parser and features, so no frontmatter, path or import trick can make the
 * site show something check did not see. No catalog file is ever compiled or imported: links and
 * images are filtered again here (check already refused the bad ones), and the result passes
 * through hast-util-sanitize, GitHub's rules for user-written Markdown, before it is serialised.
 */
import type { Element, Nodes, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { IMAGE_SCHEMES, judgeImage, judgeLink, LINK_SCHEMES } from '../core/read/narrative-urls.ts';
import { NARRATIVE_FEATURES, withFinalNewline } from '../core/read/mdx.ts';

const SCHEMA: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: [...LINK_SCHEMES], src: [...IMAGE_SCHEMES], cite: ['http', 'https'] },
};

export interface RenderedNarrative {
  html: string;
  /** Its second-level headings with their anchors, in order, for the page's contents. */
  headings: { id: string; label: string }[];
}

/** The sanitiser prefixes every id a narrative brings, so none can clobber one of the page's own. */
const ID_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

// The page asks for the headings and the Narrative component for the HTML of the same entry, one
// after the other: the last rendering is kept so the narrative is parsed once.
let last: { key: string; rendered: RenderedNarrative } | undefined;

/**
 * The narrative as sanitised HTML, its second-level headings given anchors. `file` is the entry's
 * path from the catalog root (relative image paths are relative to it); `assetHref` turns an
 * asset's path into its URL on the site.
 */
export function renderNarrative(body: string, file: string, assetHref: (path: string) => string): RenderedNarrative {
  const key = `${file}\0${body}`;
  if (last?.key === key) return last.rendered;
  const tree = mdxToHast(withFinalNewline(body), { features: NARRATIVE_FEATURES, position: false }) as Root;
  const headings: RenderedNarrative['headings'] = [];
  const taken = new Set<string>();
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      pointAt(node, file, assetHref);
      if (node.tagName === 'h2') headings.push(anchor(node, taken));
    }
    // One push at a time, in reverse so headings come out in reading order; a spread of a huge
    // paragraph's children would overflow the stack.
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  const rendered = { html: toHtml(sanitize(tree, SCHEMA)), headings };
  last = { key, rendered };
  return rendered;
}

/** Gives a heading an id made from its words (unique on the page) and says where it links. */
function anchor(heading: Element, taken: Set<string>): { id: string; label: string } {
  const label = textOf(heading).replace(/\s+/g, ' ').trim();
  const base = `narrative-${label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  heading.properties.id = id;
  return { id: ID_PREFIX + id, label };
}

/** The words of a heading (a heading holds a few inline elements: recursion is shallow). */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** Keeps a link or image only where check would allow it, and points asset images at their copy on the site. */
function pointAt(element: Element, file: string, assetHref: (path: string) => string): void {
  const { properties } = element;
  if (element.tagName === 'a' && typeof properties.href === 'string' && !judgeLink(properties.href).ok) delete properties.href;
  if (element.tagName === 'img' && typeof properties.src === 'string') {
    const verdict = judgeImage(properties.src, file);
    if (!verdict.ok) delete properties.src;
    else if (verdict.asset) properties.src = assetHref(verdict.asset);
  }
}
