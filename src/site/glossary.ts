/**
 * The words the catalog uses that a reader may not know, each with a one-sentence meaning. The
 * "How to read this catalog" page lists them all; `<Term>` links a word's first use on a page to
 * its entry there, with the meaning as a tooltip.
 */
import type { Status } from '../core/derive/status.ts';

export interface GlossaryTerm {
  /** The anchor on the guide page. */
  id: string;
  /** The word as the guide page heads it. */
  word: string;
  /** One plain sentence: what the word means in this catalog. */
  meaning: string;
}

export const GLOSSARY = [
  { id: 'on-target', word: 'On target', meaning: 'The latest value is inside the band its owners call good (green).' },
  { id: 'watch', word: 'Watch', meaning: 'The latest value is between good and bad (amber): not yet a problem, worth watching.' },
  { id: 'off-target', word: 'Off target', meaning: 'The latest value is in the band its owners call bad (red): someone should act.' },
  { id: 'no-status', word: 'No status', meaning: 'The metric has no values yet, or no thresholds to judge them by.' },
  { id: 'stale', word: 'Stale', meaning: 'The latest value is older than the metric’s cadence allows: the status may no longer be true.' },
  { id: 'leading', word: 'Leading', meaning: 'A metric that moves first and predicts an outcome, so a team can act on it early.' },
  { id: 'lagging', word: 'Lagging', meaning: 'An outcome metric: it shows the result after the fact.' },
  { id: 'primary', word: 'Primary', meaning: 'One of the one to three headline metrics of a goal, the ones its status is judged by first.' },
  { id: 'tier', word: 'Tier', meaning: 'How close a metric sits to the strategy: strategic, success, signal or workstream.' },
  { id: 'target-path', word: 'Target path', meaning: 'The straight line from the baseline to the target by its date; a value below it is behind schedule.' },
  { id: 'trigger', word: 'Trigger', meaning: 'A condition the owners agreed in advance, such as “falls below 60%”, with the action to take when it happens.' },
  { id: 'guardrail', word: 'Guardrail', meaning: 'A metric watched alongside another so that improving one does not quietly harm the other.' },
  { id: 'correlation', word: 'Moves with', meaning: 'Two metrics rise and fall together in the data, the first one some months earlier; a strong link is evidence, not proof, that one drives the other.' },
  { id: 'rollup', word: 'Goal status', meaning: 'A goal’s status is the average of its metrics’ and sub-goals’ statuses, headline metrics counting double: one red metric among healthy ones makes a goal Watch, not Off target.' },
  { id: 'percentage-point', word: 'Percentage point', meaning: 'The difference between two percentages: 60% to 62% is up 2 percentage points, which is up 3.3 percent.' },
  { id: 'not-written', word: 'Not written yet', meaning: 'A field an import could not fill from its source; its owners still have to write it.' },
  { id: 'assumed', word: 'Assumed', meaning: 'A value an import filled with a default because its source was silent; its owners still have to confirm it.' },
] as const satisfies readonly GlossaryTerm[];

export type TermId = (typeof GLOSSARY)[number]['id'];

/** The glossary entry of each status word. */
export const STATUS_TERMS = { green: 'on-target', amber: 'watch', red: 'off-target', unknown: 'no-status' } as const satisfies Record<Status, TermId>;

export function glossaryTerm(id: TermId): GlossaryTerm {
  return GLOSSARY.find((term) => term.id === id)!;
}

const usedTerms = new WeakMap<object, Set<TermId>>();

/** True the first time a page (one request) asks about a term; false after. */
export function firstUseOfTerm(page: object, id: TermId): boolean {
  const used = usedTerms.get(page) ?? new Set<TermId>();
  usedTerms.set(page, used);
  if (used.has(id)) return false;
  used.add(id);
  return true;
}
