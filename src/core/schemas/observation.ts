/** Schema of one row of `data/<metric-id>.csv`: an observed value of a metric. */
import { z } from 'zod';
import { isoDate } from './common.ts';

export const DATA_COLUMNS = ['date', 'value', 'note'] as const;
export const REQUIRED_DATA_COLUMNS = ['date', 'value'] as const;

export const observationSchema = z.strictObject({
  date: isoDate.describe('Date of the observation, YYYY-MM-DD.'),
  value: z
    .string()
    .trim()
    .regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, { message: 'must be a plain number such as 42 or 0.75 (no units, %, or thousands separators)' })
    .transform(Number)
    .refine(Number.isFinite, { message: 'is too large to be a number' })
    .describe("Plain number in the metric's unit (percent as 0–100)."),
  note: z.string().optional().transform((note) => (note ? note : undefined)).describe('Optional context for the value.'),
});

export type Observation = z.infer<typeof observationSchema>;
