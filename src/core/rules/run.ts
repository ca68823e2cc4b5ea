/** Runs every rule at the severity catalog.config.yaml gives it and places each finding in its file. */
import { problem, START_OF_FILE, type Diagnostic, type Span } from '../diagnostics.ts';
import type { Derived } from '../derive/index.ts';
import type { Catalog } from '../graph.ts';
import type { LoadedCatalog } from '../load.ts';
import { isAlias, isMap, isScalar, type Node } from 'yaml';
import { shiftSpan } from '../read/positions.ts';
import { spanAt, type YamlSource } from '../read/yaml.ts';
import { didYouMean } from '../suggest.ts';
import { RULES, RULES_BY_ID, type GraphRuleId } from './index.ts';
import type { Finding, Rule, RuleSeverity } from './types.ts';

/** A finding in a file that is not YAML (a row of a CSV file) carries its own place. */
export interface PlacedFinding extends Finding {
  span: Span;
}

interface RuleSetting {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

/**
 * A rule's severity and options. Only own keys count, and the options have no prototype: a key
 * inherited from one (`constructor`, or anything added to Object.prototype) never sets, silences
 * or configures a rule.
 */
function settingFor(rule: Rule, config: Catalog['config']): RuleSetting {
  const options: Record<string, unknown> = Object.create(null);
  const raw = Object.hasOwn(config.rules, rule.id) ? config.rules[rule.id] : undefined;
  if (raw === undefined || rule.integrity) return { severity: rule.defaultSeverity, options };
  if (typeof raw === 'string') return { severity: raw, options };
  let severity: RuleSeverity = rule.defaultSeverity;
  for (const [name, value] of Object.entries(raw)) {
    if (name !== 'severity') options[name] = value;
    else if (value !== undefined) severity = value as RuleSeverity; // one of the severities: the config schema checked it
  }
  return { severity, options };
}

export function runRules(catalog: Catalog, loaded: LoadedCatalog, derived: Derived, rules: readonly Rule<GraphRuleId>[] = RULES): Diagnostic[] {
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
function placeFinding(loaded: LoadedCatalog, finding: Finding | PlacedFinding): Span {
  if ('span' in finding) return finding.span;
  if (finding.path.length === 0) return shiftSpan(START_OF_FILE, loaded.sources.lineOffset(finding.file));
  const source = loaded.sources.get(finding.file);
  return source ? spanAt(source, finding.path, finding.at ?? 'value') : START_OF_FILE;
}

/**
 * Unknown rule ids and options, and integrity rules that someone tried to turn down, in
 * catalog.config.yaml. The keys are read from the file as written as well as from the parsed
 * settings: parsing drops a `__proto__` key without a word, and it must be reported, not lost.
 */
function checkRuleSettings(loaded: LoadedCatalog): Diagnostic[] {
  const source = loaded.sources.get('catalog.config.yaml');
  if (!source) return [];
  const diagnostics: Diagnostic[] = [];
  for (const id of writtenKeys(source, ['rules'], loaded.config.rules)) {
    const rule = RULES_BY_ID.get(id);
    const at = spanAt(source, ['rules', id], 'key');
    if (!rule) {
      diagnostics.push(problem('unknown-rule', 'catalog.config.yaml', at, `there is no rule \`${id}\``, didYouMean(id, RULES_BY_ID.keys()) ?? 'see docs/rules/ for the rule ids'));
    } else if (rule.integrity) {
      diagnostics.push(problem('unknown-rule', 'catalog.config.yaml', at, `\`${id}\` keeps the catalog well-formed and cannot be configured`, 'remove this line and fix what the rule reports'));
    } else {
      diagnostics.push(...unknownOptions(rule, Object.hasOwn(loaded.config.rules, id) ? loaded.config.rules[id] : undefined, source));
    }
  }
  return diagnostics;
}

/** An option a rule does not take would silently change nothing: say so at its key. */
function unknownOptions(rule: Rule, setting: unknown, source: YamlSource): Diagnostic[] {
  const known = rule.options ?? [];
  return writtenKeys(source, ['rules', rule.id], typeof setting === 'object' && setting !== null ? setting : {})
    .filter((name) => name !== 'severity' && !known.includes(name))
    .map((name) =>
      problem(
        'unknown-rule',
        'catalog.config.yaml',
        spanAt(source, ['rules', rule.id, name], 'key'),
        `\`${rule.id}\` has no option \`${name}\``,
        didYouMean(name, known) ?? (known.length ? `its options are ${known.map((k) => `\`${k}\``).join(', ')}` : 'it takes only `severity`'),
      ),
    );
}

/**
 * The keys of the mapping at `path` as written in the file, then any other own key of `parsed`
 * (the same mapping as parsed, should the file's tree not show it), each once and in file order.
 */
function writtenKeys(source: YamlSource, path: readonly string[], parsed: object): string[] {
  const keys = new Set<string>();
  // A file that does not parse is reported as such; its tree is no guide to what was meant.
  let node = source.doc.errors.length ? null : (source.doc.contents as Node | null);
  for (const segment of path) {
    if (isAlias(node)) node = (node.resolve(source.doc) as Node | undefined) ?? null;
    const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment) : undefined;
    node = (pair?.value as Node | null | undefined) ?? null;
  }
  if (isAlias(node)) node = (node.resolve(source.doc) as Node | undefined) ?? null;
  if (isMap(node)) for (const item of node.items) if (isScalar(item.key)) keys.add(String(item.key.value));
  for (const key of Object.keys(parsed)) keys.add(key);
  return [...keys];
}
