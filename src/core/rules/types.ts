/** What a rule is: an id, a default severity, and a check over the resolved catalog. */
import type { Catalog } from '../graph.ts';
import type { LoadedCatalog } from '../load.ts';

export type RuleSeverity = 'error' | 'warn' | 'off';
export type FieldPath = readonly (string | number)[];

export interface Finding {
  file: string;
  /** The field the finding is about; `[]` for the file as a whole. */
  path: FieldPath;
  /** Point at the field's key rather than its value. */
  at?: 'key' | 'value';
  message: string;
  hint?: string;
}

export interface RuleContext {
  catalog: Catalog;
  loaded: LoadedCatalog;
  /** The rule's options from catalog.config.yaml, such as `max`. */
  options: Record<string, unknown>;
}

export interface Rule {
  id: string;
  /** One line: what the rule catches. */
  summary: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** Integrity rules keep the catalog well-formed and cannot be switched off. */
  integrity?: boolean;
  check(context: RuleContext): Finding[];
}
