// Thẩm định: a block's frameworks, units and scores for the grid, score changes saved with
// their audit, and the history of a cell.
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../text';
import { auditEntrySchema, blockSettingsSchema, criterionNodeSchema, scoreSchema, unitSchema, yearResultsSchema } from '../domain';
import { cancellable, code, year } from '../channels';

const scorePatchSchema = z
  .object({
    selfScore: z.number().nullable(),
    appraisedScore: z.number().nullable(),
    appraisalRound: z.number().int().min(0).max(9),
    notApplicable: z.boolean(),
    evidence: z.string().max(MAX_TEXT_LENGTH).nullable(),
    explanation: z.string().max(MAX_TEXT_LENGTH).nullable(),
    note: z.string().max(MAX_TEXT_LENGTH).nullable(),
  })
  .partial()
  .strict();
export type ScorePatchInput = z.infer<typeof scorePatchSchema>;

export const scoreChangeSchema = z.object({ unitCode: code, criterionCode: code, patch: scorePatchSchema });
export type ScoreChangeInput = z.infer<typeof scoreChangeSchema>;

export const appraisalContract = {
  'appraisal:block': {
    input: z.object({ year, blockCode: code }),
    output: z.object({
      year: z.number(),
      locked: z.boolean(),
      blockCode: z.string(),
      nodes: z.array(criterionNodeSchema),
      units: z.array(unitSchema),
      scores: z.array(scoreSchema),
      settings: blockSettingsSchema,
      results: yearResultsSchema,
    }),
  },
  'scores:apply': {
    input: z.object({
      year,
      changes: z.array(scoreChangeSchema).min(1).max(50_000),
      source: z.enum(['appraisal', 'paste', 'accept-self', 'undo', 'redo']),
      reason: z.string().max(2000).nullable(),
    }),
    /** the number of changed fields; the window ranks from its own rows at once and reads the saved results after */
    output: z.object({ changed: z.number() }),
  },
  /** the scores table to fill: the columns the import reads, a line per unit and criterion of the block (or every block) */
  'scores:template': {
    input: z.object({ year, blockCode: code.nullable() }),
    output: cancellable(z.object({ file: z.string(), rows: z.number() })),
  },
  /** a filled scores table (Mã đơn vị, Mã tiêu chí, Điểm tự chấm, Điểm thẩm định…), all or nothing */
  'scores:import': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), rows: z.number(), units: z.number(), changedFields: z.number() })),
  },
  'scores:history': {
    input: z.object({ year, unitCode: code, criterionCode: code }),
    output: z.array(auditEntrySchema),
  },
} as const;
