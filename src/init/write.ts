/**
 * Writing a new catalog without overwriting anything: every target is looked at before the first
 * file is written, so either all files are written or none is. The one file that may exist is
 * package.json (npm, or `npm create plumbline`, writes it first): it is completed, never replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { completePackageJson, type ScaffoldFile } from './scaffold.ts';

const PACKAGE_JSON = 'package.json';

export interface WritePlan {
  /** Files to write that are not there yet. */
  create: ScaffoldFile[];
  /** package.json as it exists, completed with what it lacks; `added` names what (empty: left alone). */
  complete?: ScaffoldFile & { added: string[] };
  /** Paths (relative to the folder) that exist already: while there are any, nothing is written. */
  existing: string[];
}

/** Looks at every target in `dir` before anything is written. A package.json that is not JSON throws a SyntaxError. */
export function planWrite(dir: string, files: ScaffoldFile[]): WritePlan {
  const plan: WritePlan = { create: [], existing: [] };
  for (const file of files) {
    const target = join(dir, file.path);
    if (!existsSync(target)) plan.create.push(file);
    else if (file.path === PACKAGE_JSON) plan.complete = { path: file.path, ...completePackageJson(readFileSync(target, 'utf8'), file.content) };
    else plan.existing.push(file.path);
  }
  return plan;
}

/**
 * Writes what the plan says, creating folders as needed; a plan that found files in the way writes
 * nothing. A new file is opened exclusively (`wx`): one that appeared since the plan was made is
 * not overwritten either (EEXIST).
 */
export function writePlan(dir: string, plan: WritePlan): void {
  if (plan.existing.length) throw new Error(`refusing to overwrite ${plan.existing.join(', ')}`);
  for (const file of plan.create) put(join(dir, file.path), file.content, 'wx');
  if (plan.complete?.added.length) put(join(dir, plan.complete.path), plan.complete.content, 'w');
}

function put(target: string, content: string, flag: 'w' | 'wx'): void {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content, { flag });
}
