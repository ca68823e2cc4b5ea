/**
 * Every problem reported while the catalog is read, before any graph rule runs: its id, its
 * severity and one line on what it catches. Each has a page, docs/rules/loader/<id>.md. They are
 * not rules a catalog can configure: naming one under `rules:` is itself reported (`unknown-rule`).
 */
import type { Severity } from './diagnostics.ts';

export interface LoaderRule {
  severity: Severity;
  /** One line: what the loader catches. */
  summary: string;
}

export const LOADER_RULES = {
  // Finding and reading files.
  'missing-config': { severity: 'error', summary: 'The catalog folder does not exist, cannot be read, or holds no `catalog.config.yaml`.' },
  'unsupported-file': { severity: 'error', summary: 'A catalog folder holds something it cannot read: a file with another ending, a folder where a file belongs, a symbolic link, a pipe or a device.' },
  'invalid-id': { severity: 'error', summary: 'A file or folder name in a catalog folder is not a lowercase kebab-case id.' },
  'hidden-file': { severity: 'warning', summary: 'A file or folder in a catalog folder is hidden (its name starts with `.`), so it is not read.' },
  'unreadable-file': { severity: 'error', summary: 'A file or folder of the catalog cannot be read.' },
  'duplicate-id': { severity: 'error', summary: 'Two files in one folder tree have the same name, so the same id.' },
  'file-too-large': { severity: 'error', summary: 'A catalog file is larger than 1 MiB.' },
  encoding: { severity: 'error', summary: 'A file is not valid UTF-8.' },
  'empty-file': { severity: 'error', summary: 'A file is empty or holds only blank lines.' },
  'too-many-problems': { severity: 'error', summary: 'A file has more than 100 problems; the rest are counted, not listed.' },
  // YAML.
  'yaml-syntax': { severity: 'error', summary: 'A YAML file or frontmatter cannot be parsed: a syntax error, tabs as indentation, a list or mapping as a key, or more than one document.' },
  'duplicate-key': { severity: 'error', summary: 'A key is given twice in the same mapping.' },
  'yaml-tag': { severity: 'error', summary: 'A value carries a custom YAML tag such as `!include`.' },
  'yaml-aliases': { severity: 'error', summary: 'A YAML alias has no anchor before it, sits inside the value it refers to, or the aliases expand too far.' },
  'yaml-depth': { severity: 'error', summary: 'Lists and mappings nest more than 64 levels deep.' },
  'control-character': { severity: 'error', summary: 'A key or text value, or a cell of a data file, holds a control character.' },
  'text-too-long': { severity: 'error', summary: 'A `name` or `title` is longer than `limits.title`, another text value longer than `limits.text`, or a key longer than 200 characters.' },
  // MDX narratives.
  'mdx-frontmatter': { severity: 'error', summary: 'An `.mdx` entry does not start with frontmatter between two `---` lines, or the line that closes it is not exactly `---`.' },
  'mdx-too-large': { severity: 'error', summary: 'A narrative is larger than `limits.body`.' },
  'mdx-too-complex': { severity: 'error', summary: 'A narrative holds too many `{`, `<`, `>` and `&` characters for its length to be parsed quickly.' },
  'mdx-syntax': { severity: 'error', summary: 'A narrative is not valid MDX.' },
  'mdx-depth': { severity: 'error', summary: 'A narrative nests quotes or lists more than 100 levels deep.' },
  'mdx-code': { severity: 'error', summary: 'A narrative holds an import or export, a `{…}` expression or a JSX element, which only the trusted build may allow.' },
  'unsafe-link': { severity: 'error', summary: 'A link in a narrative uses a scheme other than http, https or mailto, or a relative link leaves the catalog.' },
  'image-source': { severity: 'error', summary: "An image in a narrative is neither an https:// address nor an image file in the catalog's `assets/` folder." },
  // Fields, checked against the schemas.
  'unknown-field': { severity: 'error', summary: 'An entry or catalog.config.yaml has a field its format does not know, most often a typo.' },
  'missing-field': { severity: 'error', summary: 'A required field is absent or has no value, or a field another one calls for is missing.' },
  'invalid-type': { severity: 'error', summary: 'A field holds the wrong kind of value (text for a number, a list for a mapping), or a file is not a mapping of fields.' },
  'invalid-value': { severity: 'error', summary: 'A field holds a value it does not accept: not one of its choices, not in its form, or of the wrong shape.' },
  'invalid-date': { severity: 'error', summary: 'A date is not a real date written `YYYY-MM-DD`.' },
  'invalid-url': { severity: 'error', summary: 'A link field is not an http:// or https:// address.' },
  'invalid-date-range': { severity: 'error', summary: "A goal's horizon or an initiative ends before it starts." },
  'invalid-target': { severity: 'error', summary: "A metric's target does not fit its direction, mixes `value` with `min`/`max`, has an incomplete or inverted band, or its steps are out of date order." },
  'invalid-status': { severity: 'error', summary: 'A metric that is not retired has `retired:`.' },
  'drives-not-leading': { severity: 'error', summary: 'A metric that is not leading names metrics in `drives`.' },
  'thresholds-direction': { severity: 'error', summary: "A metric's thresholds do not fit its direction: green on the worse side of red, or thresholds on a range metric." },
  'duplicate-reference': { severity: 'error', summary: 'A list of ids names the same id twice.' },
  // Data files.
  'data-column': { severity: 'error', summary: 'The header of a data file names an unknown column, names a column twice, or lacks `date` or `value`.' },
  'data-row': { severity: 'error', summary: 'A row of a data file cannot be read: a wrong number of fields, a value or date that is not one, or a quote never closed.' },
  'data-duplicate-date': { severity: 'error', summary: 'Two rows of a data file have the same date.' },
  // Settings.
  'unknown-rule': { severity: 'error', summary: 'catalog.config.yaml names a rule that does not exist, configures an integrity rule, or gives a rule an option it does not take.' },
  'format-too-new': { severity: 'warning', summary: 'catalog.config.yaml declares a `format` newer than the one this Plumbline reads, so some files may be misread.' },
  'trusted-setting': { severity: 'error', summary: "A setting only the build's environment may make is made in the catalog, or such an environment variable has a value that cannot be read." },
} as const satisfies Record<string, LoaderRule>;

export type LoaderRuleId = keyof typeof LOADER_RULES;

export const LOADER_RULE_IDS = Object.keys(LOADER_RULES) as LoaderRuleId[];

export function isLoaderRule(id: string): id is LoaderRuleId {
  return Object.hasOwn(LOADER_RULES, id);
}
