/**
 * MDX entries: YAML frontmatter between `---` lines, then a narrative body. Bodies are parsed with
 * satteri, the parser Astro renders MDX with, so what we refuse is exactly what would run.
 */
import { mdxToMdast } from 'satteri';
import { START_OF_FILE, type Diagnostic, type Span } from '../diagnostics.ts';
import { lineStarts, shiftSpan, spanOfRange } from './positions.ts';

export interface SplitMdx {
  frontmatter: string;
  /** Lines before the frontmatter text (the opening `---`). */
  frontmatterOffset: number;
  body: string;
  /** Lines before the body. */
  bodyOffset: number;
}

export function splitFrontmatter(text: string): SplitMdx | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return undefined;
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

interface MdastNode {
  type: string;
  name?: string | null;
  position?: { start: { offset: number }; end: { offset: number } };
  children?: MdastNode[];
}

/** Blocks nested deeper than this (`>>>>…`, lists in lists) are refused: rendering them would overflow the stack. */
export const MAX_MDX_DEPTH = 100;

const tooDeep = (file: string, at: Span): Diagnostic => ({ file, ...at, severity: 'error', rule: 'mdx-depth', message: `the body nests blocks more than ${MAX_MDX_DEPTH} levels deep`, hint: 'flatten the nested quotes or lists' });

/** Syntax errors in the body, and, unless code is allowed, every construct that would run code or inject HTML. */
export function checkMdxBody(file: string, body: string, bodyOffset: number, allowCode: boolean): Diagnostic[] {
  const starts = lineStarts(body);
  let tree: MdastNode;
  try {
    tree = mdxToMdast(withFinalNewline(body)) as MdastNode;
  } catch (error) {
    if (error instanceof RangeError) return [tooDeep(file, shiftSpan(START_OF_FILE, bodyOffset))];
    const message = String((error as Error).message ?? error);
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const line = match ? Number(match[1]) : 1;
    const column = match ? Number(match[2]) : 1;
    const at: Span = shiftSpan({ line, column, endLine: line, endColumn: column + 1 }, bodyOffset);
    return [{ file, ...at, severity: 'error', rule: 'mdx-syntax', message: `MDX syntax error: ${(match ? match[3]! : message).split('\n')[0]}`, hint: 'MDX reads `<` and `{` as code: escape them as `\\<` and `\\{`, or close the tag' }];
  }
  const found: Diagnostic[] = [];
  const spanOf = (node: MdastNode) => (node.position ? shiftSpan(spanOfRange(starts, node.position.start.offset, node.position.end.offset), bodyOffset) : shiftSpan(START_OF_FILE, bodyOffset));
  // Without recursion: the tree is as deep as the author made it.
  const stack: { node: MdastNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_MDX_DEPTH) return [tooDeep(file, spanOf(node))];
    const what = allowCode ? undefined : CODE_NODES[node.type];
    if (what) {
      const name = node.name ? ` \`<${node.name}>\`` : '';
      found.push({ file, ...spanOf(node), severity: 'error', rule: 'mdx-code', message: `MDX bodies are Markdown only: ${what}${name} is not allowed`, hint: 'write it as Markdown (escape a literal `<` or `{` with a backslash), or set `mdx: { allowCode: true }` in catalog.config.yaml if every author is trusted to run code in CI' });
      continue;
    }
    for (const child of node.children ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
