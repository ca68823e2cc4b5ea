/** axe-core on a page in the browser: every violation, of any impact, as one line each. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** `rule (impact): the first three elements`, for each rule axe finds broken on the page (or within `context`). */
export async function axeViolations(page: Page, context = 'html'): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (within) => {
    const result: AxeResult = await (window as unknown as { axe: { run: (context: string) => Promise<AxeResult> } }).axe.run(within);
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, context);
}
