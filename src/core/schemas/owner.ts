/** Schema of `owners/<id>.yaml`: a team or a person who owns goals, metrics and initiatives. */
import { z } from 'zod';
import { entryId, text } from './common.ts';

export const OWNER_KINDS = ['team', 'person'] as const;

export const ownerSchema = z.strictObject({
  name: text.describe('Display name of the team or person.'),
  kind: z.enum(OWNER_KINDS).describe('team | person'),
  parent: entryId('an owner').optional().describe('The team this owner belongs to.'),
  email: z.email({ message: 'must be an email address like team@example.org' }).optional().describe('Contact address.'),
  github: z
    .string()
    .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/, {
      message: 'must be a GitHub user (`@alice`) or team (`@org/team`)',
    })
    .optional()
    .describe('GitHub user or @org/team, used for CODEOWNERS.'),
});

export type OwnerData = z.infer<typeof ownerSchema>;
