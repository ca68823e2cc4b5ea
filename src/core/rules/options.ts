/**
 * A rule's own options from catalog.config.yaml (`rules: { id: { severity, max: 5 } }`). A value
 * of the wrong kind is reported at its line in the config and the default is used, so a typo never
 * silently changes what a rule checks. Options a rule does not take are reported by the runner.
 */
import { CONFIG_FILE } from '../load.ts';
import type { Finding } from './types.ts';

export interface RuleOptions {
  /** Problems with the options, each at its key in catalog.config.yaml. */
  findings: Finding[];
  /** A whole number of at least 1, or `fallback`. */
  count(name: string, fallback: number): number;
  /** A list of non-empty strings, or `fallback`. */
  words(name: string, fallback: readonly string[]): readonly string[];
}

export function ruleOptions(ruleId: string, options: Record<string, unknown>): RuleOptions {
  const findings: Finding[] = [];
  // Own keys only: `max` or `words` inherited from a prototype is not a setting anyone made.
  const own = (name: string): unknown => (Object.hasOwn(options, name) ? options[name] : undefined);
  const path = (name: string) => ['rules', ruleId, name];
  const bad = (name: string, expected: string, fallback: string, example: string) =>
    findings.push({ file: CONFIG_FILE, path: path(name), message: `\`${name}\` must be ${expected}; using the default, ${fallback}`, hint: `for example \`${ruleId}: { severity: warn, ${name}: ${example} }\`` });
  return {
    findings,
    count(name, fallback) {
      const value = own(name);
      if (value === undefined) return fallback;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
      bad(name, 'a whole number of at least 1', String(fallback), String(fallback + 2));
      return fallback;
    },
    words(name, fallback) {
      const value = own(name);
      if (value === undefined) return fallback;
      if (Array.isArray(value) && value.every((w) => typeof w === 'string' && w.trim() !== '')) return value as string[];
      bad(name, 'a list of words or phrases', `[${fallback.join(', ')}]`, '[followers, "page views"]');
      return fallback;
    },
  };
}
