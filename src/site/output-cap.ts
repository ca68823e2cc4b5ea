/**
 * The most a build may write. Field and body limits keep a catalog's pages small, but a build
 * writes many pages from each entry, so the output is measured too: a build over the cap is
 * removed whole, never published in part.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under a folder, without following links. */
export function folderBytes(folder: string): number {
  let total = 0;
  const stack = [folder];
  while (stack.length) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else total += lstatSync(path).size;
    }
  }
  return total;
}

/** Removes the output and says why when it is over the cap; undefined when it is within. */
export function enforceOutputCap(outDir: string, maxBytes: number): string | undefined {
  const bytes = folderBytes(outDir);
  if (bytes <= maxBytes) return undefined;
  rmSync(outDir, { recursive: true, force: true });
  const mib = (n: number) => `${Math.ceil(n / 1024 / 1024)} MiB`;
  return `the build wrote ${mib(bytes)}, over the cap of ${mib(maxBytes)}, so ${outDir} was removed and nothing was published. Look for entries with very long text, or raise the cap with PLUMBLINE_MAX_OUTPUT_MB if the catalog really is this large.`;
}
