import { readFileSync } from 'node:fs';
import { mdxToMdast } from 'satteri';
try { mdxToMdast(readFileSync(process.argv[2]!, 'utf8')); console.log('ok'); } catch (e) { console.log('threw'); }
