// Kiến nghị: the petitions units returned against their preliminary notices, and the decisions.
import { z } from 'zod';
import { cancellable, code, year } from '../channels';
import { evidenceDocumentSchema } from '../evidence/channels';

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
  /** the documents the unit sent with this petition */
  documents: z.array(evidenceDocumentSchema),
});

export type PetitionView = z.infer<typeof petitionViewSchema>;

const problem = z.object({ sheet: z.string().optional(), cell: z.string().optional(), message: z.string() });
const petitionImportSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'unchanged', 'refused']),
  unit: z.string().nullable(),
  changes: z.number(),
  documents: z.number(),
  conflicts: z.array(z.never()),
  errors: z.array(problem),
  warnings: z.array(problem),
});

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
  /** the notices of every unit that sent its self-assessment, written into a folder picked in the dialog */
  'petitions:writeNotices': {
    input: z.object({ year }),
    output: cancellable(z.object({ folder: z.string(), notices: z.array(z.object({ unitCode: z.string(), unitName: z.string(), file: z.string(), open: z.number() })) })),
  },
  /** returned notices picked in the dialog */
  'petitions:import': {
    input: z.object({ year }),
    output: cancellable(z.array(petitionImportSchema)),
  },
  'petitions:exportDecisions': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), petitions: z.number() })),
  },
} as const;
