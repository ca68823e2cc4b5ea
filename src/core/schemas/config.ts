/** Schema of `catalog.config.yaml`: the organisation, its cascade levels, perspectives and rule settings. */
import { z } from 'zod';
import { httpUrl, text } from './common.ts';

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

export const configSchema = z.strictObject({
  name: text.describe('Organisation name, shown in the site header.'),
  repository: httpUrl.optional().describe('Repository holding the catalog; enables "propose a change" and "edit" links.'),
  branch: z.string().min(1).default('main').describe('Branch the edit links point at.'),
  levels: uniqueNames('level')
    .default(DEFAULT_LEVELS)
    .describe('Cascade levels from the top (the mission) down; a goal\'s parent sits at a higher level.'),
  perspectives: uniqueNames('perspective')
    .default(DEFAULT_PERSPECTIVES)
    .describe('Balanced Scorecard perspectives, in the order the strategy map draws them.'),
  rules: z
    .record(z.string(), ruleSetting)
    .default({})
    .describe('Governance rule settings by rule id: error | warn | off, or { severity, ...options }.'),
  mdx: z
    .strictObject({
      allowCode: z
        .boolean()
        .default(false)
        .describe('Allow import/export, {expressions} and JSX components in MDX bodies. Off by default: a pull request must not run code in CI.'),
    })
    .default({ allowCode: false })
    .describe('How MDX bodies are treated.'),
});

export type CatalogConfig = z.infer<typeof configSchema>;
