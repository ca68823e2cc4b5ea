/**
 * The catalog's git history, read once per build (one `git log` pass, one `git cat-file`) and
 * shared by every page through a global slot, the way `analysis.ts` shares the analysis: keyed by
 * catalog root and the dev server's generation. Outside a git repository it says so.
 */
import { readHistory, type HistoryResult } from '../features/history.ts';
import { catalogRootDir } from './analysis.ts';

interface Slot {
  key: string;
  generation: number;
  history: HistoryResult;
}

const SLOT = Symbol.for('plumbline.history');
const GENERATION = Symbol.for('plumbline.generation');
type Global = typeof globalThis & { [SLOT]?: Slot; [GENERATION]?: number };
const shared = globalThis as Global;

export function getHistory(): HistoryResult {
  const root = catalogRootDir();
  const generation = shared[GENERATION] ?? 0;
  const slot = shared[SLOT];
  if (slot && slot.key === root && slot.generation === generation) return slot.history;
  const history = readHistory(root);
  shared[SLOT] = { key: root, generation, history };
  return history;
}
