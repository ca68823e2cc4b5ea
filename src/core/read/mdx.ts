/**
 * MDX entries: YAML frontmatter between `---` lines, then a narrative body. Bodies are parsed with
 * satteri, the parser Astro renders MDX with, so what we refuse is exactly what would run.
 */
import { mdxToMdast } from 'satteri';
import { problem, START_OF_FILE, type Diagnostic, type Span } from '../diagnostics.ts';
import { judgeImage, judgeLink } from './narrative-urls.ts';
import { lineStarts, shiftSpan, spanOfRange } from './positions.ts';

export interface SplitMdx {
  frontmatter: string;
  /** Lines before the frontmatter text (the opening `---`). */
  frontmatterOffset: number;
  body: string;
  /** Lines before the body. */
  bodyOffset: number;
}

/** Why a file's frontmatter cannot be read, and the line to fix. */
export interface FrontmatterProblem {
  problem: string;
  hint: string;
  line: number;
}

/**
 * The frontmatter and the body. The frontmatter closes at the first line that starts with `---`
 * or `+++`, which is where Astro's own frontmatter reader would close it too; that line must be
 * exactly `---`, so no other reader can ever see a different split (`--- # note` would let it
 * read the rest of the fields as the body).
 */
export function splitFrontmatter(text: string): SplitMdx | FrontmatterProblem {
  const lines = text.split('\n');
  const missing = { problem: 'an .mdx entry must start with YAML frontmatter between two `---` lines', hint: 'put the fields between a first line `---` and a closing `---`, then the narrative', line: 1 };
  if (lines[0]?.trimEnd() !== '---') return missing;
  const close = lines.findIndex((line, i) => i > 0 && (line.startsWith('---') || line.startsWith('+++')));
  if (close < 0) return missing;
  if (lines[close]!.trimEnd() !== '---') {
    return { problem: 'a line starting with `---` or `+++` inside the frontmatter must be exactly `---`, the line that closes it', hint: 'write the closing line as `---` alone (a comment goes on a line of its own, starting with `#`)', line: close + 1 };
  }
  return {
    frontmatter: lines.slice(1, close).join('\n'),
    frontmatterOffset: 1,
    body: withFinalNewline(lines.slice(close + 1).join('\n')),
    bodyOffset: close + 1,
  };
}

/**
 * satteri 0.10.5 panics, aborting the whole process, on a body that ends inside an unfinished
 * import/export line (`import "\` at the very end). A final newline avoids it and changes nothing
 * else, so every body is parsed, and rendered, with one.
 */
export function withFinalNewline(body: string): string {
  return body === '' || body.endsWith('\n') ? body : `${body}\n`;
}

const CODE_NODES: Record<string, string> = {
  mdxjsEsm: 'an import/export statement',
  mdxFlowExpression: 'a `{…}` expression',
  mdxTextExpression: 'a `{…}` expression',
  mdxJsxFlowElement: 'a JSX/HTML element',
  mdxJsxTextElement: 'a JSX/HTML element',
};

/**
 * The Markdown features narratives are parsed with, in `check` and in the build alike. Smart
 * punctuation is left out on purpose: in satteri 0.10.5 it takes seconds on a page of quotes and
 * panics (ending the process) on a run of apostrophes.
 */
export const NARRATIVE_FEATURES = { gfm: true } as const;

interface MdastNode {
  type: string;
  name?: string | null;
  url?: string;
  identifier?: string;
  position?: { start: { offset: number }; end: { offset: number } };
  children?: MdastNode[];
}

/** Blocks nested deeper than this (`>>>>…`, lists in lists) are refused: rendering them would overflow the stack. */
export const MAX_MDX_DEPTH = 100;

/**
 * The parser's time grows with the number of characters that may open a construct it then
 * searches for the end of (`{`, `<`, `>`, `&` before a name or `#`), times the length it searches:
 * within a paragraph that is steep (64 KiB of `&#1;` takes 7 s, of `{` 13 s), across paragraphs
 * about seven times gentler (an unclosed `{` searches to the end of the body). A body whose
 * estimate exceeds this budget is refused before it is parsed; at the budget the slowest known
 * input parses in about a quarter second, and ordinary prose stays far below it.
 */
export const MAX_PARSE_COST = 50_000_000;
const WITHIN_PARAGRAPH_WEIGHT = 7;

/** An image file a narrative shows, and where. */
export interface AssetReference {
  /** Path from the catalog root, inside the assets folder. */
  path: string;
  span: Span;
}

export interface BodyOptions {
  /** Code (imports, expressions, JSX) is allowed only by the trusted build, never by the catalog. */
  allowCode: boolean;
  /** Most bytes in a body (`limits.body` in the catalog config). */
  maxBytes: number;
  /** Filled with the asset files the body shows, for the loader to check they exist. */
  assets?: AssetReference[];
}

/** The estimated work of parsing a body, in the units of MAX_PARSE_COST (escaped characters do not count). */
export function parseCost(body: string): number {
  let hazards = 0;
  let inParagraph = 0;
  let paragraphStart = 0;
  let withinParagraphs = 0;
  let blankLine = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x0a) {
      if (blankLine) {
        withinParagraphs += inParagraph * (i - paragraphStart);
        inParagraph = 0;
        paragraphStart = i;
      }
      blankLine = true;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blankLine = false;
    if (c !== 0x7b && c !== 0x3c && c !== 0x3e && c !== 0x26) continue; // { < > &
    if (i > 0 && body.charCodeAt(i - 1) === 0x5c) continue; // escaped with a backslash
    if (c === 0x26 && !/[#A-Za-z]/.test(body[i + 1] ?? '')) continue; // `&` that starts no entity
    hazards++;
    inParagraph++;
  }
  withinParagraphs += inParagraph * (body.length - paragraphStart);
  return WITHIN_PARAGRAPH_WEIGHT * withinParagraphs + hazards * body.length;
}

const tooDeep = (file: string, at: Span): Diagnostic => problem('mdx-depth', file, at, `the body nests blocks more than ${MAX_MDX_DEPTH} levels deep`, 'flatten the nested quotes or lists');

/**
 * Problems of a narrative body: too large or too costly to parse, syntax errors, code (unless the
 * trusted build allows it), links and images that point anywhere a narrative may not.
 */
export function checkMdxBody(file: string, body: string, bodyOffset: number, options: BodyOptions): Diagnostic[] {
  const bodyStart = shiftSpan(START_OF_FILE, bodyOffset);
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > options.maxBytes) {
    return [problem('mdx-too-large', file, bodyStart, `the narrative is ${Math.ceil(bytes / 1024)} KiB; the limit is ${Math.floor(options.maxBytes / 1024)} KiB`, 'shorten the narrative and link to longer documents, or raise `limits.body` in catalog.config.yaml')];
  }
  if (parseCost(body) > MAX_PARSE_COST) {
    return [problem('mdx-too-complex', file, bodyStart, `the narrative holds too many \`{\`, \`<\`, \`>\` and \`&\` characters for its length to be parsed quickly`, 'escape them with a backslash (`\\{`), write "and" for `&`, or split the narrative into shorter ones')];
  }
  const starts = lineStarts(body);
  let tree: MdastNode;
  try {
    tree = mdxToMdast(withFinalNewline(body), { features: NARRATIVE_FEATURES }) as MdastNode;
  } catch (error) {
    if (error instanceof RangeError) return [tooDeep(file, bodyStart)];
    const message = String((error as Error).message ?? error);
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const line = match ? Number(match[1]) : 1;
    const column = match ? Number(match[2]) : 1;
    const at: Span = shiftSpan({ line, column, endLine: line, endColumn: column + 1 }, bodyOffset);
    return [problem('mdx-syntax', file, at, `MDX syntax error: ${(match ? match[3]! : message).split('\n')[0]}`, 'MDX reads `<` and `{` as code: escape them as `\\<` and `\\{`, or close the tag')];
  }
  const found: Diagnostic[] = [];
  const definitions = definitionUrls(tree);
  const spanOf = (node: MdastNode) => (node.position ? shiftSpan(spanOfRange(starts, node.position.start.offset, node.position.end.offset), bodyOffset) : bodyStart);
  // Without recursion: the tree is as deep as the author made it.
  const stack: { node: MdastNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_MDX_DEPTH) return [tooDeep(file, spanOf(node))];
    const what = options.allowCode ? undefined : CODE_NODES[node.type];
    if (what) {
      const name = node.name ? ` \`<${node.name}>\`` : '';
      found.push(problem('mdx-code', file, spanOf(node), `MDX bodies are Markdown only: ${what}${name} is not allowed`, 'write it as Markdown (escape a literal `<` or `{` with a backslash); code in narratives is allowed only when the trusted build sets PLUMBLINE_ALLOW_MDX_CODE=true (docs/security.md)'));
      continue;
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined) {
      const verdict = judgeLink(node.url);
      if (!verdict.ok) found.push(problem('unsafe-link', file, spanOf(node), verdict.message, verdict.hint));
    }
    // `![x][ref]` takes its address from the definition `[ref]: …`, which must then be an image's.
    const imageUrl = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier ?? '') : undefined;
    if (imageUrl !== undefined) {
      const verdict = judgeImage(imageUrl, file);
      if (!verdict.ok) found.push(problem('image-source', file, spanOf(node), verdict.message, verdict.hint));
      else if (verdict.asset) options.assets?.push({ path: verdict.asset, span: spanOf(node) });
    }
    for (const child of node.children ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The address of each link reference definition, by identifier (the first one wins, as in CommonMark). */
function definitionUrls(tree: MdastNode): Map<string, string> {
  const urls = new Map<string, string>();
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!); // document order
  }
  return urls;
}
