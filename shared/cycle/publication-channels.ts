// Công bố: the decision that published a year, publishing and reopening it.
import { z } from 'zod';
import { year } from '../channels';

const publicationSchema = z.object({ year: z.number(), decision: z.string(), decisionDate: z.string(), forced: z.boolean(), at: z.string(), actor: z.string() });

export const publicationContract = {
  'publication:get': {
    input: z.object({ year }),
    output: z.object({
      publication: publicationSchema.nullable(),
      /** what still stands open (pending petitions, unappraised leaves), in words */
      open: z.array(z.string()),
    }),
  },
  'publication:publish': {
    input: z.object({
      year,
      decision: z.string().trim().min(1).max(100),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      force: z.boolean(),
    }),
    output: publicationSchema,
  },
  'publication:unpublish': { input: z.object({ year, reason: z.string().trim().min(1).max(500) }), output: z.object({ reopened: z.literal(true) }) },
} as const;
