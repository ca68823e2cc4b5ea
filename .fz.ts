import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { mdxToMdast } from 'satteri';
const pieces = ['<', '>', '</', '/>', '<b>', '{', '}', '{x}', '#', '*', '**', '`', '```', '-', ' ', '\n', '\n\n', '\r\n', 'a', '!', '[', ']', '(', ')', '\\', '|', 'import x from "y"\n', 'export const a = 1\n', '<!--', '-->', '&amp;', '$$'];
const gen = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
for (const body of fc.sample(gen, { numRuns: 200000, seed: Number(process.argv[2] ?? 1) })) {
  writeFileSync('/tmp/explore/last-body.txt', body);
  const b = body.endsWith('\n') ? body : body + '\n'; writeFileSync('/tmp/explore/last-body.txt', b); try { mdxToMdast(b); } catch {}
}
console.log('no crash');
