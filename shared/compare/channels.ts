// The compare screen's channels (a unit's detail and losses, a block's Pareto, what-if,
// charts saved to files) and the printed outputs of a year (scorecards, summary workbook).
import { z } from 'zod';
import { blockResultSchema, scoringMethods, unitResultSchema } from '../domain';
import type { BlockLeafLoss, LeafLoss } from './index';

const year = z.number().int().min(1990).max(2200);
const code = z.string().min(1).max(100);
const none = z.object({}).strict();

/** A file operation the person may cancel in its dialog. */
const cancellable = <T extends z.ZodType>(value: T) =>
  z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), value })]);

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
export type CriterionChoice = z.infer<typeof criterionChoice>;

export const hypotheticalScoreSchema = z.object({
  criterionCode: code,
  points: z.union([z.number().min(0).max(10_000), z.literal('max')]),
});
export type HypotheticalScoreInput = z.infer<typeof hypotheticalScoreSchema>;

/** Which scorecards to print: one unit, one block, or every unit of the year. */
const scorecardSelection = z.union([
  z.object({ unitCode: code }).strict(),
  z.object({ blockCode: code }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ScorecardSelectionInput = z.infer<typeof scorecardSelection>;

/** Where a batch of scorecards stands; the window asks while the batch runs. */
const printProgress = z.object({
  running: z.boolean(),
  done: z.number(),
  total: z.number(),
  unitName: z.string().nullable(),
});
export type PrintProgressOutput = z.infer<typeof printProgress>;

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

  /** Prints the chosen scorecards into a folder the person picks; the window polls the progress. */
  'reports:printScorecards': {
    input: z.object({ year, selection: scorecardSelection, combined: z.boolean() }),
    output: cancellable(
      z.object({ folder: z.string(), files: z.array(z.string()), units: z.number(), pages: z.record(z.string(), z.number()) }),
    ),
  },
  'reports:printProgress': { input: none, output: printProgress },
  'reports:exportSummary': {
    input: z.object({ year }),
    output: cancellable(z.object({ file: z.string(), sheets: z.array(z.string()) })),
  },
} as const;
