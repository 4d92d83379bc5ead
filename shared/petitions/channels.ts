// Kiến nghị: the petitions units returned against their preliminary notices, and the decisions.
import { z } from 'zod';
import { cancellable, code, year } from '../channels';

export const petitionViewSchema = z.object({
  id: z.number(),
  year: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  criterionCode: z.string(),
  criterionTitle: z.string(),
  maxPoints: z.number(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  remark: z.string().nullable(),
  noticeId: z.string().nullable(),
  text: z.string(),
  evidence: z.string().nullable(),
  receivedAt: z.string(),
  late: z.boolean(),
  fileName: z.string().nullable(),
  decision: z.enum(['accept', 'keep']).nullable(),
  decidedScore: z.number().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});

export type PetitionView = z.infer<typeof petitionViewSchema>;

export const petitionsContract = {
  'petitions:list': {
    input: z.object({ year }),
    output: z.array(petitionViewSchema),
  },
  'petitions:decide': {
    input: z.object({
      year,
      unitCode: code,
      criterionCode: code,
      decision: z.enum(['accept', 'keep']),
      score: z.number().finite().nullable(),
      reason: z.string().trim().min(1).max(500),
    }),
    output: z.object({ decided: z.literal(true) }),
  },
  'petitions:exportDecisions': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), petitions: z.number() })),
  },
} as const;
