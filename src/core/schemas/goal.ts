/**
 * Schema of `goals/<id>.yaml|.mdx`: one objective of the cascade. Levels and perspectives come
 * from the catalog config, so the schema is made from it.
 */
import { z } from 'zod';
import { ruleParams } from '../issue-words.ts';
import { entryId, isoDate, ownerId, tags, text } from './common.ts';
import { DEFAULT_LEVELS, DEFAULT_PERSPECTIVES } from './config.ts';

export const GOAL_STATUSES = ['proposed', 'active', 'retired'] as const;

export interface GoalSchemaOptions {
  levels: string[];
  perspectives: string[];
}

const oneOf = (names: string[], what: string) =>
  z.enum(names as [string, ...string[]], { message: `must be one of the configured ${what}: ${names.join(', ')}` });

export function goalSchema({ levels, perspectives }: GoalSchemaOptions = { levels: DEFAULT_LEVELS, perspectives: DEFAULT_PERSPECTIVES }) {
  return z
    .strictObject({
      title: text.describe('What must be true, in a few words.'),
      level: oneOf(levels, 'levels').describe('Cascade level: one of the configured levels.'),
      parent: entryId('a goal').optional().describe('The goal this one serves, at a higher level; required below the top level.'),
      owner: ownerId.describe('Owner id accountable for the goal.'),
      perspective: oneOf(perspectives, 'perspectives').optional().describe('Balanced Scorecard perspective.'),
      description: text.optional().describe('What must be true for the strategy to work, in a sentence or two.'),
      horizon: z
        .strictObject({ start: isoDate.describe('First day, YYYY-MM-DD.'), end: isoDate.describe('Last day, YYYY-MM-DD.') })
        .refine((h) => h.end >= h.start, { message: 'horizon ends before it starts', path: ['end'], params: ruleParams('invalid-date-range') })
        .optional()
        .describe('The period the goal covers.'),
      status: z.enum(GOAL_STATUSES).default('active').describe('proposed | active | retired (default active)'),
      tags: tags.optional().describe('Labels for filtering.'),
    })
    .superRefine((goal, ctx) => {
      const top = levels[0];
      if (goal.level === top && goal.parent) {
        ctx.addIssue({ code: 'custom', path: ['parent'], message: `a ${top} goal is the top of the cascade and has no parent`, params: ruleParams('goal-parent') });
      }
      if (goal.level !== top && !goal.parent) {
        ctx.addIssue({ code: 'custom', path: ['level'], message: `a ${goal.level} goal needs a \`parent\` goal at a higher level`, params: ruleParams('goal-parent') });
      }
    });
}

export type GoalData = z.infer<ReturnType<typeof goalSchema>>;
