/** Runs every rule at the severity catalog.config.yaml gives it and places each finding in its file. */
import type { Diagnostic, Span } from '../diagnostics.ts';
import type { Derived } from '../derive/index.ts';
import type { Catalog } from '../graph.ts';
import type { LoadedCatalog } from '../load.ts';
import { shiftSpan } from '../read/positions.ts';
import { spanAt, type YamlSource } from '../read/yaml.ts';
import { START_OF_FILE } from '../diagnostics.ts';
import { didYouMean } from '../suggest.ts';
import { RULES, RULES_BY_ID } from './index.ts';
import type { Finding, Rule, RuleSeverity } from './types.ts';

interface RuleSetting {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

function settingFor(rule: Rule, config: Catalog['config']): RuleSetting {
  const raw = config.rules[rule.id];
  if (raw === undefined || rule.integrity) return { severity: rule.defaultSeverity, options: {} };
  if (typeof raw === 'string') return { severity: raw, options: {} };
  const { severity, ...options } = raw;
  return { severity: (severity as RuleSeverity | undefined) ?? rule.defaultSeverity, options };
}

export function runRules(catalog: Catalog, loaded: LoadedCatalog, derived: Derived, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...checkRuleSettings(loaded)];
  for (const rule of rules) {
    const { severity, options } = settingFor(rule, catalog.config);
    if (severity === 'off') continue;
    for (const finding of rule.check({ catalog, loaded, derived, options })) {
      diagnostics.push({ file: finding.file, ...placeFinding(loaded, finding), severity: severity === 'warn' ? 'warning' : 'error', rule: rule.id, message: finding.message, hint: finding.hint });
    }
  }
  return diagnostics;
}

/** A finding about a whole file sits where its fields start; one about a field needs the file's syntax tree. */
function placeFinding(loaded: LoadedCatalog, finding: Finding): Span {
  if (finding.path.length === 0) return shiftSpan(START_OF_FILE, loaded.sources.lineOffset(finding.file));
  const source = loaded.sources.get(finding.file);
  return source ? spanAt(source, finding.path, finding.at ?? 'value') : START_OF_FILE;
}

/** Unknown rule ids and options, and integrity rules that someone tried to turn down, in catalog.config.yaml. */
function checkRuleSettings(loaded: LoadedCatalog): Diagnostic[] {
  const source = loaded.sources.get('catalog.config.yaml');
  if (!source) return [];
  const diagnostics: Diagnostic[] = [];
  for (const id of Object.keys(loaded.config.rules)) {
    const rule = RULES_BY_ID.get(id);
    const at = spanAt(source, ['rules', id], 'key');
    if (!rule) {
      diagnostics.push({ file: 'catalog.config.yaml', ...at, severity: 'error', rule: 'unknown-rule', message: `there is no rule \`${id}\``, hint: didYouMean(id, RULES_BY_ID.keys()) ?? 'see docs/rules/ for the rule ids' });
    } else if (rule.integrity) {
      diagnostics.push({ file: 'catalog.config.yaml', ...at, severity: 'error', rule: 'unknown-rule', message: `\`${id}\` keeps the catalog well-formed and cannot be configured`, hint: 'remove this line and fix what the rule reports' });
    } else {
      diagnostics.push(...unknownOptions(rule, loaded.config.rules[id], source));
    }
  }
  return diagnostics;
}

/** An option a rule does not take would silently change nothing: say so at its key. */
function unknownOptions(rule: Rule, setting: unknown, source: YamlSource): Diagnostic[] {
  if (typeof setting !== 'object' || setting === null) return [];
  const known = rule.options ?? [];
  return Object.keys(setting)
    .filter((name) => name !== 'severity' && !known.includes(name))
    .map((name) => ({
      file: 'catalog.config.yaml',
      ...spanAt(source, ['rules', rule.id, name], 'key'),
      severity: 'error' as const,
      rule: 'unknown-rule',
      message: `\`${rule.id}\` has no option \`${name}\``,
      hint: didYouMean(name, known) ?? (known.length ? `its options are ${known.map((k) => `\`${k}\``).join(', ')}` : 'it takes only `severity`'),
    }));
}
