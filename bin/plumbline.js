#!/usr/bin/env node
// The `plumbline` command. Plain JavaScript: Node does not strip types from files inside
// node_modules, so the installed package runs the compiled lib/. A source checkout has no lib/
// until `npm pack` makes it, and runs src/ directly (Node 24 strips types outside node_modules).
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`plumbline: this is Node ${process.versions.node}, but Plumbline needs Node 22.12 or later; install it, or add "node": "^24" to the devDependencies of the catalog's package.json and run plumbline through npx or npm run.\n`);
  process.exit(1);
}

const compiled = new URL('../lib/cli/main.js', import.meta.url);
const { main } = await import(existsSync(compiled) ? compiled.href : new URL('../src/cli/main.ts', import.meta.url).href);
await main();
