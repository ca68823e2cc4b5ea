/** Schema of `catalog.config.yaml`: the organisation, its cascade levels, perspectives and rule settings. */
import { z } from 'zod';
import { ruleParams } from '../issue-words.ts';
import { httpUrl, text } from './common.ts';

/** The hard ceiling of `limits.body`: no catalog file may be larger. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Size limits that fit real catalogs: GitLab's and Mozilla's longest texts are well inside them. */
export const DEFAULT_LIMITS = { title: 200, text: 5_000, body: 65_536 };

export const DEFAULT_LEVELS = ['mission', 'strategy', 'department', 'team', 'individual'];
export const DEFAULT_PERSPECTIVES = ['financial', 'customer', 'internal-process', 'learning-growth'];

const levelName = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'level names are lowercase kebab-case' });

const uniqueNames = (what: string) =>
  z
    .array(levelName)
    .min(1, { message: `lists at least one ${what}` })
    .refine((names) => new Set(names).size === names.length, { message: `names a ${what} twice` });

export const SEVERITIES = ['error', 'warn', 'off'] as const;
export const severity = z.enum(SEVERITIES).describe('error fails check and build, warn reports, off silences the rule');

/** A rule setting: a bare severity, or an object with a severity and the rule's own options. */
export const ruleSetting = z.union([
  severity,
  z.looseObject({ severity: severity.optional() }).describe('severity plus options of the rule, such as `max`'),
]);

/** The site's navigation sections, in the order the header lists them; `site.nav` renames any of them. */
export const NAV_SECTIONS = ['home', 'cascade', 'strategy-map', 'goals', 'metrics', 'owners', 'initiatives', 'health', 'report', 'changes', 'guide'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

/** Short enough to sit in a one-row header; the page's own heading can say more. */
export const MAX_NAV_LABEL = 24;

const navLabel = (section: NavSection, fallback: string) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(MAX_NAV_LABEL, { message: `is at most ${MAX_NAV_LABEL} characters, to fit the header` })
    .optional()
    .describe(`Header link to /${section === 'home' ? '' : `${section}/`} (default "${fallback}").`);

/** The header's default words. "Health" would be misread in a health-care organisation, so the checks page is "Catalog checks". */
export const DEFAULT_NAV_LABELS: Record<NavSection, string> = {
  home: 'Overview',
  cascade: 'Cascade',
  'strategy-map': 'Strategy map',
  goals: 'Goals',
  metrics: 'Metrics',
  owners: 'Owners',
  initiatives: 'Initiatives',
  health: 'Catalog checks',
  report: 'Report',
  changes: 'Changes',
  guide: 'Guide',
};

const siteSettings = z
  .strictObject({
    nav: z
      .strictObject(Object.fromEntries(NAV_SECTIONS.map((section) => [section, navLabel(section, DEFAULT_NAV_LABELS[section])])) as Record<NavSection, ReturnType<typeof navLabel>>)
      .optional()
      .describe(`Words of the header links (at most ${MAX_NAV_LABEL} characters each), by section; the pages keep their URLs. Sections the catalog has nothing for are left out of the header whatever their label.`),
  })
  .describe('How the published site presents the catalog.');

export const configSchema = z.strictObject({
  name: text.describe('Organisation name, shown in the site header.'),
  format: z
    .int()
    .min(1)
    .optional()
    .describe('The catalog format these files are written for (1 today). A Plumbline that reads an older format warns that it must be upgraded.'),
  repository: httpUrl.optional().describe('Repository holding the catalog; enables "propose a change" and "edit" links.'),
  branch: z.string().min(1).default('main').describe('Branch the edit links point at.'),
  levels: uniqueNames('level')
    .default(DEFAULT_LEVELS)
    .describe('Cascade levels from the top (the mission) down; a goal\'s parent sits at a higher level.'),
  perspectives: uniqueNames('perspective')
    .default(DEFAULT_PERSPECTIVES)
    .describe('Balanced Scorecard perspectives, in the order the strategy map draws them.'),
  // Which ids and options exist is checked by the rule runner (`unknown-rule`), which knows the rules.
  // The settings come out without prototypes, so looking up an id or option nobody set (`constructor`,
  // `toString`, or anything added to Object.prototype) finds nothing, wherever they are read.
  rules: z
    .record(z.string(), ruleSetting)
    .default({})
    .transform((rules) => {
      const settings: Record<string, z.infer<typeof ruleSetting>> = Object.create(null);
      for (const [id, setting] of Object.entries(rules)) settings[id] = typeof setting === 'string' ? setting : Object.assign(Object.create(null), setting);
      return settings;
    })
    .describe('Governance rule settings by rule id: error | warn | off, or { severity, ...options }.'),
  site: siteSettings.optional(),
  limits: z
    .strictObject({
      title: z.int().min(20).max(10_000).default(DEFAULT_LIMITS.title).describe('Most characters in a `name` or `title`.'),
      text: z.int().min(100).max(100_000).default(DEFAULT_LIMITS.text).describe('Most characters in any other text field.'),
      body: z.int().min(1_024).max(MAX_BODY_BYTES).default(DEFAULT_LIMITS.body).describe('Most bytes in the narrative (body) of an `.mdx` entry.'),
    })
    .default(DEFAULT_LIMITS)
    .describe('Size limits that keep a hostile or runaway entry from slowing check and build or bloating the site. Raise them if a real entry needs more.'),
  // Code in MDX is a decision of whoever runs the build, never of the catalog a pull request can change.
  mdx: z
    .unknown()
    .optional()
    .refine((value) => value === undefined, {
      message: '`mdx` settings (such as `allowCode`) can no longer be made in the catalog, which any pull request can change',
      params: ruleParams('trusted-setting', 'remove `mdx:` here; to allow code in MDX bodies, set PLUMBLINE_ALLOW_MDX_CODE=true in the trusted build (see docs/security.md)'),
    })
    .describe('No longer accepted here: allowing code in MDX is a setting of the trusted build (docs/security.md).'),
});

export type CatalogConfig = z.infer<typeof configSchema>;
