/** Schema of `initiatives/<id>.yaml|.mdx`: a project and the metrics it is designed to move. */
import { z } from 'zod';
import { ruleParams } from '../issue-words.ts';
import { idList, isoDate, ownerId, tags, text } from './common.ts';

export const INITIATIVE_STATUSES = ['planned', 'active', 'done', 'cancelled'] as const;

export const initiativeSchema = z
  .strictObject({
    name: text.describe('Name of the project.'),
    owner: ownerId.describe('Owner id accountable for the initiative.'),
    moves: idList('a metric').min(1, { message: 'must name at least one metric id' }).describe('Metric ids it is designed to move.'),
    expected: text.optional().describe('The effect it should have, in a sentence.'),
    start: isoDate.optional().describe('Start date, YYYY-MM-DD.'),
    end: isoDate.optional().describe('End date, YYYY-MM-DD.'),
    status: z.enum(INITIATIVE_STATUSES).default('active').describe('planned | active | done | cancelled (default active)'),
    tags: tags.optional().describe('Labels for filtering.'),
  })
  .superRefine((initiative, ctx) => {
    if (initiative.start && initiative.end && initiative.end < initiative.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `ends (${initiative.end}) before it starts (${initiative.start})`, params: ruleParams('invalid-date-range') });
    }
  });

export type InitiativeData = z.infer<typeof initiativeSchema>;
