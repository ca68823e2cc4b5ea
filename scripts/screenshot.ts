/**
 * Screenshots of built pages in headless Chromium, for looking at what we build:
 *   node scripts/screenshot.ts <dist-dir> <out-dir> <page-path>... [--width 390]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, serveDirectory } from '../test/helpers/browser.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { width: { type: 'string', default: '1280' }, dark: { type: 'boolean', default: false } } });
const [dist, out, ...pages] = positionals;
if (!dist || !out || pages.length === 0) {
  process.stderr.write('usage: node scripts/screenshot.ts <dist-dir> <out-dir> <page-path>... [--width 390] [--dark]\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const server = await serveDirectory(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 }, colorScheme: values.dark ? 'dark' : 'light' });
  for (const path of pages) {
    await page.goto(server.url + path);
    const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${values.width}${values.dark ? '-dark' : ''}.png`);
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`${file}\n`);
  }
} finally {
  await browser.close();
  await server.close();
}
