// Tiến độ: the year's deadlines and each unit's state in the appraisal cycle.
import { z } from 'zod';
import { year } from '../channels';
import { unitStates } from './status';

/** a calendar day, yyyy-mm-dd */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deadlinesSchema = z.object({
  year: z.number(),
  selfDue: day.nullable(),
  appraisalDue: day.nullable(),
  petitionsDue: day.nullable(),
});

const unitProgressSchema = z.object({
  code: z.string(),
  name: z.string(),
  block: z.string(),
  blockName: z.string(),
  state: z.enum(unitStates),
  leaves: z.number(),
  selfScored: z.number(),
  appraised: z.number(),
  submittedAt: z.string().nullable(),
  lastAppraisalAt: z.string().nullable(),
  noticeAt: z.string().nullable(),
  petitionsPending: z.number(),
  petitionsDecided: z.number(),
  published: z.boolean(),
  late: z.boolean(),
  missing: z.array(z.string()),
  lateReasons: z.array(z.string()),
});

export const cycleContract = {
  'cycle:status': {
    input: z.object({ year }),
    output: z.object({
      year: z.number(),
      deadlines: deadlinesSchema,
      published: z.object({ decision: z.string(), decisionDate: z.string(), forced: z.boolean() }).nullable(),
      blocks: z.array(z.object({ code: z.string(), name: z.string() })),
      units: z.array(unitProgressSchema),
    }),
  },
  'cycle:setDeadlines': {
    input: z.object({ year, selfDue: day.nullable(), appraisalDue: day.nullable(), petitionsDue: day.nullable() }),
    output: deadlinesSchema,
  },
} as const;
