/**
 * A rule's own options from catalog.config.yaml (`rules: { id: { severity, max: 5 } }`). A value
 * of the wrong kind, or an option the rule does not have, is reported at its line in the config
 * and the default is used, so a typo never silently changes what a rule checks.
 */
import { CONFIG_FILE } from '../load.ts';
import { didYouMean } from '../suggest.ts';
import type { Finding } from './types.ts';

export interface RuleOptions {
  /** Problems with the options, each at its key in catalog.config.yaml. */
  findings: Finding[];
  /** A whole number of at least 1, or `fallback`. */
  count(name: string, fallback: number): number;
  /** A list of non-empty strings, or `fallback`. */
  words(name: string, fallback: readonly string[]): readonly string[];
}

export function ruleOptions(ruleId: string, options: Record<string, unknown>, known: readonly string[]): RuleOptions {
  const findings: Finding[] = [];
  const path = (name: string) => ['rules', ruleId, name];
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const has = known.length ? `its options are ${known.map((k) => `\`${k}\``).join(', ')}` : 'it has no options besides `severity`';
    findings.push({ file: CONFIG_FILE, path: path(name), at: 'key', message: `\`${ruleId}\` has no option \`${name}\``, hint: didYouMean(name, known) ?? has });
  }
  const bad = (name: string, expected: string, fallback: string, example: string) =>
    findings.push({ file: CONFIG_FILE, path: path(name), message: `\`${name}\` must be ${expected}; using the default, ${fallback}`, hint: `for example \`${ruleId}: { severity: warn, ${name}: ${example} }\`` });
  return {
    findings,
    count(name, fallback) {
      const value = options[name];
      if (value === undefined) return fallback;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
      bad(name, 'a whole number of at least 1', String(fallback), String(fallback + 2));
      return fallback;
    },
    words(name, fallback) {
      const value = options[name];
      if (value === undefined) return fallback;
      if (Array.isArray(value) && value.every((w) => typeof w === 'string' && w.trim() !== '')) return value as string[];
      bad(name, 'a list of words or phrases', `[${fallback.join(', ')}]`, '[followers, "page views"]');
      return fallback;
    },
  };
}
