// Tổng quan: where each block of a year stands, and the latest changes.
import { z } from 'zod';
import { year } from '../channels';

const blockStatusSchema = z.object({
  blockCode: z.string(),
  blockName: z.string(),
  hasFramework: z.boolean(),
  leafCount: z.number(),
  units: z.number(),
  /** units with at least one self score */
  submitted: z.number(),
  /** units whose every applicable leaf has an appraised score */
  appraised: z.number(),
  /** units with scores but some leaf not appraised yet */
  provisional: z.number(),
  average: z.number().nullable(),
  /** evidence-required leaves with a score above 0 and no document ("Thiếu tài liệu kiểm chứng"), and the units they are in */
  missingEvidence: z.object({ leaves: z.number(), units: z.number() }),
});

const activitySchema = z.object({
  at: z.string(),
  source: z.string(),
  actor: z.string(),
  units: z.number(),
  changes: z.number(),
});

/** What the year's setup has and lacks, for the checklist of a first start */
const setupSchema = z.object({
  provinceNamed: z.boolean(),
  blocks: z.number(),
  /** units taking part in the year, in blocks with a framework */
  units: z.number(),
  /** every unit of the workspace, whatever its block */
  allUnits: z.number(),
  blocksWithoutFramework: z.array(z.string()),
  blocksWithoutBands: z.array(z.string()),
  submitted: z.number(),
  /** which of the year's deadlines are set: self-assessment, appraisal, petitions */
  deadlines: z.object({ self: z.boolean(), appraisal: z.boolean(), petitions: z.boolean() }),
});
export type YearSetup = z.infer<typeof setupSchema>;

export const overviewContract = {
  'overview:get': {
    input: z.object({ year }),
    output: z.object({ year: z.number(), blocks: z.array(blockStatusSchema), activity: z.array(activitySchema), setup: setupSchema }),
  },
} as const;
