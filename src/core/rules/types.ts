/** What a rule is: an id, a default severity, and a check over the resolved catalog. */
import type { Derived } from '../derive/index.ts';
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
  /** Statuses, staleness, fired triggers and lead-lag correlations, computed once. */
  derived: Derived;
  /** The rule's options from catalog.config.yaml, such as `max`. */
  options: Record<string, unknown>;
}

export interface Rule<Id extends string = string> {
  id: Id;
  /** One line: what the rule catches. */
  summary: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** Integrity rules keep the catalog well-formed and cannot be switched off. */
  integrity?: boolean;
  /** Names of the options the rule takes besides `severity`; any other key is reported. */
  options?: readonly string[];
  check(context: RuleContext): Finding[];
}

/** A rule with its id kept as a literal type, so that the ids of RULES make up a type. */
export function defineRule<Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
