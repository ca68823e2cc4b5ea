/**
 * What `plumbline init` writes into a new catalog folder, worked out without touching the disk:
 * the answers (organisation, levels, owner's handle) and the files Plumbline ships in
 * templates/catalog/ go in, the list of files comes out. Writing them is a separate step
 * (write.ts), so the whole list is known, and can be checked, before anything is written.
 */
import { analyzeCatalog } from '../core/analyze.ts';
import { addDays, addMonths } from '../core/periods.ts';
import { memorySource } from '../core/read/source.ts';
import { DEFAULT_PERSPECTIVES } from '../core/schemas/config.ts';
import { codeownersLines, formatCodeowners } from '../features/codeowners.ts';
import { generateJsonSchemas, serializeJsonSchema } from '../features/json-schema.ts';

/** One file to write: its path relative to the catalog folder (forward slashes) and its text. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/** What the organisation told `init`, by flags or at the prompts. */
export interface InitAnswers {
  /** The organisation's name, shown in the site header. */
  name: string;
  /** The cascade levels from the top (the mission) down. */
  levels: string[];
  /** The GitHub user or team of the leadership team, which makes it the code owner of the example. */
  github?: string;
  /** The "as of" date (YYYY-MM-DD): the example's values are dated before it. */
  today: string;
  /** The `plumbline` dependency of the new package.json: a version range, or a tarball for offline use. */
  plumblineSpec: string;
}

/** What the installed Plumbline package gives the scaffold: its template files and its package facts. */
export interface ScaffoldKit {
  /** templates/catalog/, by path relative to it (forward slashes). */
  templates: Map<string, string>;
  /** The Node.js range of Plumbline's own `node` devDependency, which runs the catalog's commands too. */
  nodeRange: string;
  /** Dependencies allowed to run install scripts, as Plumbline's own package.json allows them. */
  allowScripts: Record<string, boolean>;
}

/** The example's owner and metric, which the templates name too. */
const EXAMPLE_OWNER = 'leadership-team';
const EXAMPLE_METRIC = 'customer-satisfaction';

/** Template folders that hold the example catalog entries; an import brings its own entries instead. */
const EXAMPLE_FOLDERS = ['goals/', 'metrics/'];

/** Template files whose name npm would not ship as it is: `.gitignore` is left out of packages. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

/** Template files copied as they are: workflow files use `${{ … }}` themselves. */
const VERBATIM = '.github/';

/** A YAML scalar for any text: JSON's double-quoted strings are valid YAML. */
export const yamlText = (value: string) => JSON.stringify(value);

/**
 * Every file of a new catalog. With `imported` (files an importer made), those stand in for the
 * example mission, owner and metric; everything else (config, schemas, README, package.json,
 * .gitignore, workflows, CODEOWNERS) is written either way.
 */
export function scaffoldFiles(answers: InitAnswers, kit: ScaffoldKit, imported?: ScaffoldFile[]): ScaffoldFile[] {
  const example = imported === undefined;
  const values = templateValues(answers);
  const files: ScaffoldFile[] = [{ path: 'catalog.config.yaml', content: catalogConfig(answers) }];
  for (const [path, text] of kit.templates) {
    if (!example && EXAMPLE_FOLDERS.some((folder) => path.startsWith(folder))) continue;
    files.push({ path: RENAMED[path] ?? path, content: path.startsWith(VERBATIM) ? text : fillTemplate(text, values, path) });
  }
  if (example) {
    files.push({ path: `owners/${EXAMPLE_OWNER}.yaml`, content: exampleOwner(answers.github) });
    files.push({ path: `data/${EXAMPLE_METRIC}.csv`, content: exampleValues(answers.today) });
  } else {
    files.push(...imported);
  }
  const schemas = generateJsonSchemas({ levels: answers.levels, perspectives: DEFAULT_PERSPECTIVES });
  for (const [fileName, schema] of Object.entries(schemas)) files.push({ path: `public/schema/${fileName}`, content: serializeJsonSchema(schema) });
  files.push({ path: 'package.json', content: catalogPackageJson(answers.plumblineSpec, kit) });
  files.push({ path: '.github/CODEOWNERS', content: codeownersOf(files, answers.today) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** catalog.config.yaml: the organisation and its levels, with the line that gives editors the schema. */
export function catalogConfig({ name, levels }: Pick<InitAnswers, 'name' | 'levels'>): string {
  return ['# yaml-language-server: $schema=public/schema/config.json', `name: ${yamlText(name)}`, `levels: [${levels.join(', ')}]`, ''].join('\n');
}

/** The values `{{key}}` stands for in the templates. */
function templateValues({ name, levels, today }: InitAnswers): Record<string, string> {
  const [baseline] = exampleDates(today);
  return {
    name,
    nameYaml: yamlText(name),
    levels: levels.join(', '),
    topLevel: levels[0]!,
    baselineDate: baseline!,
    baselineValue: String(EXAMPLE_VALUES[0]),
    // The end of next year: far enough ahead to be a target, near enough to be a real one.
    targetDate: `${Number(today.slice(0, 4)) + 1}-12-31`,
  };
}

/** A template's text with each `{{key}}` replaced; a key nobody gives is a mistake in the template. */
export function fillTemplate(text: string, values: Record<string, string>, path: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`the template ${path} uses {{${key}}}, which init does not fill`);
    return values[key]!;
  });
}

function exampleOwner(github: string | undefined): string {
  const lines = ['# yaml-language-server: $schema=../public/schema/owner.json', 'name: Leadership team', 'kind: team'];
  if (github) lines.push(`github: ${yamlText(github)}`);
  return `${lines.join('\n')}\n`;
}

const EXAMPLE_VALUES = [74, 76, 78];

/** The last days of the months before today's month, oldest first: monthly values that are fresh today. */
export function exampleDates(today: string): string[] {
  const monthStart = `${today.slice(0, 7)}-01`;
  return EXAMPLE_VALUES.map((_, i) => addDays(addMonths(monthStart, i - EXAMPLE_VALUES.length + 1), -1));
}

function exampleValues(today: string): string {
  const dates = exampleDates(today);
  return ['date,value,note', ...dates.map((date, i) => `${date},${EXAMPLE_VALUES[i]},`), ''].join('\n');
}

/** CODEOWNERS for the catalog files among `files`, made the way `plumbline codeowners` makes it. */
function codeownersOf(files: ScaffoldFile[], today: string): string {
  const { catalog } = analyzeCatalog(memorySource(Object.fromEntries(files.map((file) => [file.path, file.content]))), today, {});
  return formatCodeowners(codeownersLines(catalog));
}

/** The catalog's package.json: one dependency, the commands as npm scripts, and the Node.js that runs them. */
export function catalogPackageJson(plumblineSpec: string, kit: Pick<ScaffoldKit, 'nodeRange' | 'allowScripts'>): string {
  const manifest = {
    private: true,
    type: 'module',
    scripts: { check: 'plumbline check', build: 'plumbline build', dev: 'plumbline dev', preview: 'plumbline preview' },
    dependencies: { plumbline: plumblineSpec },
    // Astro needs a newer Node.js than many machines have: the `node` package brings it, for npm scripts and npx.
    devDependencies: { node: kit.nodeRange },
    // Plumbline checks the Node.js version before it installs; node and esbuild fetch their binaries.
    allowScripts: { ...kit.allowScripts, plumbline: true },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A package.json that exists, completed with what the catalog needs: the scripts, dependencies and
 * allowed install scripts it lacks are added; nothing it already says is changed, and its top-level
 * settings (such as `type`) are left as they are. `added` names what was added, as `scripts.check`.
 */
export function completePackageJson(existing: string, wanted: string): { content: string; added: string[] } {
  const current = JSON.parse(existing) as Record<string, unknown>;
  if (!isRecord(current)) throw new SyntaxError('package.json does not hold a JSON object');
  const added: string[] = [];
  for (const [key, value] of Object.entries(JSON.parse(wanted) as Record<string, unknown>)) {
    if (!isRecord(value)) continue;
    const section = current[key] ?? {};
    if (!isRecord(section)) continue;
    for (const [name, setting] of Object.entries(value)) {
      if (name in section) continue;
      section[name] = setting;
      added.push(`${key}.${name}`);
    }
    current[key] = section;
  }
  return { content: added.length ? `${JSON.stringify(current, null, 2)}\n` : existing, added };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
