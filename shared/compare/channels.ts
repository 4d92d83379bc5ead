// The compare screen's channels: a unit's detail and losses, a block's Pareto, what-if,
// charts saved to files.
import { z } from 'zod';
import { cancellable, code, year } from '../channels';
import { blockResultSchema, scoringMethods, unitResultSchema } from '../domain';
import type { BlockLeafLoss, LeafLoss } from './index';


const leafLoss: z.ZodType<LeafLoss> = z.object({
  code: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  method: z.enum(scoringMethods),
  max: z.number(),
  score: z.number(),
  lost: z.number(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  selfAboveAppraised: z.number().nullable(),
  note: z.string().nullable(),
  explanation: z.string().nullable(),
});

const blockLeafLoss: z.ZodType<BlockLeafLoss> = z.object({
  code: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  max: z.number(),
  lost: z.number(),
  units: z.array(z.object({ unitCode: z.string(), unitName: z.string(), lost: z.number() })),
  applicableUnits: z.number(),
  share: z.number(),
  cumulativeShare: z.number(),
});

/** A node of the unit's framework, as the what-if editor offers it. */
const criterionChoice = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number(),
  title: z.string(),
  maxPoints: z.number().nullable(),
  method: z.enum(scoringMethods),
  leaf: z.boolean(),
});

export const hypotheticalScoreSchema = z.object({
  criterionCode: code,
  points: z.union([z.number().min(0).max(10_000), z.literal('max')]),
});
export type HypotheticalScoreInput = z.infer<typeof hypotheticalScoreSchema>;

/** PNG as a base64 data URL, SVG as a data URL or its text; 25 MB is far beyond any chart. */
const chartImage = z.object({
  format: z.enum(['png', 'svg']),
  /** what the file is called by default, without extension */
  name: z.string().trim().min(1).max(120),
  data: z.string().min(1).max(25_000_000),
});

export const compareContract = {
  /** One unit of a year: its result, the block's averages per field, every applicable leaf and its losses. */
  'compare:unit': {
    input: z.object({ year, unitCode: code }),
    output: z.object({
      unit: unitResultSchema,
      blockCode: z.string(),
      blockName: z.string(),
      blockAverage: z.number().nullable(),
      fieldAverages: z.array(z.object({ code: z.string(), average: z.number().nullable() })),
      losses: z.array(leafLoss),
      criteria: z.array(criterionChoice),
    }),
  },
  /** The block's Pareto of points lost, with the units behind each sub-criterion. */
  'compare:blockLosses': {
    input: z.object({ year, blockCode: code }),
    output: z.object({ losses: z.array(blockLeafLoss) }),
  },
  /** The unit's total, index, rank and band with hypothetical scores; nothing is saved. */
  'compare:whatIf': {
    input: z.object({ year, unitCode: code, hypothetical: z.array(hypotheticalScoreSchema).max(2000) }),
    output: z.object({
      before: unitResultSchema,
      after: unitResultSchema,
      blockBefore: blockResultSchema,
      blockAfter: blockResultSchema,
      applied: z.array(z.object({ criterionCode: z.string(), points: z.number() })),
    }),
  },
  'compare:saveChart': { input: chartImage, output: cancellable(z.object({ file: z.string() })) },
} as const;
