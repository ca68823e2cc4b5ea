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

/**
 * The narrative as sanitised HTML. `file` is the entry's path from the catalog root (relative
 * image paths are relative to it); `assetHref` turns an asset's path into its URL on the site.
 */
export function renderNarrative(body: string, file: string, assetHref: (path: string) => string): string {
  const tree = mdxToHast(withFinalNewline(body), { features: NARRATIVE_FEATURES, position: false }) as Root;
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element') pointAt(node, file, assetHref);
    // One push at a time: a spread of a huge paragraph's children would overflow the stack.
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return toHtml(sanitize(tree, SCHEMA));
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
