#!/usr/bin/env node
// The `plumbline` command. Plain JavaScript: Node does not strip types from files inside
// node_modules, so an installed package runs the compiled lib/ (made by `npm pack`). A source
// checkout runs src/ itself (Node 24 strips types elsewhere), so a lib/ left by an earlier pack
// can never run in place of the source being edited.
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`plumbline: this is Node ${process.versions.node}, but Plumbline needs Node 22.12 or later; install it, or add "node": "^24" to the devDependencies of the catalog's package.json and run plumbline through npx or npm run.\n`);
  process.exit(1);
}

const installed = fileURLToPath(import.meta.url).split(sep).includes('node_modules');
const source = new URL('../src/cli/main.ts', import.meta.url);
const entry = !installed && existsSync(source) ? source : new URL('../lib/cli/main.js', import.meta.url);
const { main } = await import(entry.href);
await main();
