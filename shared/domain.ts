// Domain types shared by every room: the workspace service returns them, the scoring
// engine takes them, the renderer shows them. Zod schemas double as IPC validators.
import { z } from 'zod';

export const BLOCK_DEFAULT_NAMES: Record<string, string> = {
  so: 'Khối sở',
  huyen: 'Khối huyện',
  xa: 'Khối xã',
};

/** The years a period may have: anything else is a typing mistake. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2200;
export const yearSchema = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);

export function isValidYear(value: number): boolean {
  return yearSchema.safeParse(value).success;
}

export const periodSchema = z.object({
  year: yearSchema,
  name: z.string(),
  locked: z.boolean(),
});
export type Period = z.infer<typeof periodSchema>;

export const blockSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  sortOrder: z.number().int(),
});
export type Block = z.infer<typeof blockSchema>;

export const unitSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  blockCode: z.string().min(1),
  /** false = scored but not ranked ("không xếp hạng") */
  ranked: z.boolean(),
  /** codes of the units this one was formed from (merger, rename, split) */
  predecessors: z.array(z.string()),
  sortOrder: z.number().int(),
  /** the first and last years the unit is in force (Từ năm, Đến năm); null = open */
  fromYear: z.number().int().nullable().optional(),
  toYear: z.number().int().nullable().optional(),
});
export type Unit = z.infer<typeof unitSchema>;

export const criterionSources = ['self', 'survey'] as const;
export type CriterionSource = (typeof criterionSources)[number];

/**
 * How a leaf is scored. `free`: any value 0..max; `yesno`: exactly 0 or max;
 * `tiers`: points from a reported figure by thresholds; `ratio`: reported share × max;
 * `bonus` / `deduction`: added to / subtracted from the total, capped at max, and not
 * part of the unit's maximum.
 */
export const scoringMethods = ['free', 'yesno', 'tiers', 'ratio', 'bonus', 'deduction'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];

export const tierSchema = z.object({ min: z.number(), points: z.number() });
export type Tier = z.infer<typeof tierSchema>;

export const criterionNodeSchema = z.object({
  /** code as written in the decision: "I", "1", "1.1", "1.1.1" */
  code: z.string().min(1),
  parentCode: z.string().nullable(),
  /** 1 = field (lĩnh vực), 2 = criterion (tiêu chí), 3 = sub-criterion (tiêu chí thành phần) */
  level: z.number().int().min(1).max(6),
  title: z.string().min(1),
  /** null only for a parent whose maximum was not written (the sum of its children) */
  maxPoints: z.number().nullable(),
  source: z.enum(criterionSources),
  method: z.enum(scoringMethods),
  tiers: z.array(tierSchema).nullable(),
  evidenceRequired: z.boolean(),
  guidance: z.string().nullable(),
});
/** One node of a framework tree, kept flat in document order. */
export type CriterionNode = z.infer<typeof criterionNodeSchema>;

export interface Framework {
  year: number;
  blockCode: string;
  /** document order: each parent before its children */
  nodes: CriterionNode[];
}

export const scoreSchema = z.object({
  unitCode: z.string(),
  criterionCode: z.string(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  /** 0 = not appraised yet, 1 = first appraisal, 2 = second round (phúc tra) … */
  appraisalRound: z.number().int().min(0),
  notApplicable: z.boolean(),
  /** the figure a tiers/ratio leaf is scored from, as the unit reported it */
  reportedValue: z.number().nullable(),
  evidence: z.string().nullable(),
  explanation: z.string().nullable(),
  note: z.string().nullable(),
  needsReappraisal: z.boolean(),
});
export type Score = z.infer<typeof scoreSchema>;

/** A score with nothing entered yet. */
export function emptyScore(unitCode: string, criterionCode: string): Score {
  return {
    unitCode,
    criterionCode,
    selfScore: null,
    appraisedScore: null,
    appraisalRound: 0,
    notApplicable: false,
    reportedValue: null,
    evidence: null,
    explanation: null,
    note: null,
    needsReappraisal: false,
  };
}

export const bandSchema = z.object({ name: z.string().min(1), min: z.number() });
/** A classification band: a unit belongs to the first band (highest min) its index reaches. */
export type Band = z.infer<typeof bandSchema>;

export const blockSettingsSchema = z.object({
  year: z.number().int(),
  blockCode: z.string(),
  bands: z.array(bandSchema),
  /** decimals of the displayed index; equal indices at this precision share a rank */
  precision: z.number().int().min(0).max(6),
  /** how equal indices rank: absent = 'shared' */
  ties: z.enum(['shared', 'ordinal']).optional(),
});
export type BlockSettings = z.infer<typeof blockSettingsSchema>;

export const DEFAULT_PRECISION = 2;

/**
 * How a block ranks equal indices: `shared` = equal at the display precision share a rank
 * (1, 2, 2, 4); `ordinal` = by the unrounded index, then total points, then code (1, 2, 3, 4).
 */
export type TieRule = 'shared' | 'ordinal';
export const TIE_RULES: readonly TieRule[] = ['shared', 'ordinal'];

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  year: z.number().int(),
  unitCode: z.string(),
  criterionCode: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string(),
});
/** One recorded change of a score field: who, when, old, new, why. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// ---------------------------------------------------------------- results

export interface FieldResult {
  code: string;
  title: string;
  score: number;
  max: number;
  /** null when the field has no applicable maximum */
  index: number | null;
  /** the field's index ranked within the block, by the block's tie rule; null when not ranked */
  rank: number | null;
  /** the same field of the unit's lineage in the year compared with */
  previous: { index: number; rank: number | null } | null;
  /** index − previous index, in percentage points */
  deltaIndex: number | null;
  /** previous rank − rank: positive = moved up */
  deltaRank: number | null;
}

export interface PreviousFigures {
  year: number;
  index: number;
  /** null when the unit descends from several units (a merger) or was not ranked */
  rank: number | null;
}

export interface UnitResult {
  code: string;
  name: string;
  blockCode: string;
  ranked: boolean;
  total: number;
  max: number;
  /** null when the unit's maximum is 0 */
  index: number | null;
  rank: number | null;
  band: string | null;
  /** true when any applicable leaf has no appraised score */
  provisional: boolean;
  /** false while the unit has sent no self-assessment ("Chưa nộp") */
  submitted: boolean;
  /** true when the unit has any score in the year (self, appraised or not applicable) */
  scored: boolean;
  fields: FieldResult[];
  previous: PreviousFigures | null;
  /** index − previous index, in percentage points */
  deltaIndex: number | null;
  /** previous rank − rank: positive = moved up */
  deltaRank: number | null;
  /** fields whose index rose / fell (at the display precision); null without previous field figures */
  fieldsUp: number | null;
  fieldsDown: number | null;
  /** fields that rose / fell in both index and rank */
  fieldsUpBoth: number | null;
  fieldsDownBoth: number | null;
}

export interface BlockResult {
  code: string;
  name: string;
  /** plain mean of the indices of the block's ranked units */
  average: number | null;
  /** display precision and tie rule the ranks were made with (absent: 2 decimals, shared) */
  precision?: number;
  ties?: TieRule;
  units: UnitResult[];
}

export interface YearResults {
  year: number;
  blocks: BlockResult[];
}

// Results as they cross the window's boundary: parsed by the contracts like any payload.
export const fieldResultSchema: z.ZodType<FieldResult> = z.object({
  code: z.string(),
  title: z.string(),
  score: z.number(),
  max: z.number(),
  index: z.number().nullable(),
  rank: z.number().nullable(),
  previous: z.object({ index: z.number(), rank: z.number().nullable() }).nullable(),
  deltaIndex: z.number().nullable(),
  deltaRank: z.number().nullable(),
});

export const unitResultSchema: z.ZodType<UnitResult> = z.object({
  code: z.string(),
  name: z.string(),
  blockCode: z.string(),
  ranked: z.boolean(),
  total: z.number(),
  max: z.number(),
  index: z.number().nullable(),
  rank: z.number().nullable(),
  band: z.string().nullable(),
  provisional: z.boolean(),
  submitted: z.boolean(),
  scored: z.boolean(),
  fields: z.array(fieldResultSchema),
  previous: z.object({ year: z.number(), index: z.number(), rank: z.number().nullable() }).nullable(),
  deltaIndex: z.number().nullable(),
  deltaRank: z.number().nullable(),
  fieldsUp: z.number().nullable(),
  fieldsDown: z.number().nullable(),
  fieldsUpBoth: z.number().nullable(),
  fieldsDownBoth: z.number().nullable(),
});

export const blockResultSchema: z.ZodType<BlockResult> = z.object({
  code: z.string(),
  name: z.string(),
  average: z.number().nullable(),
  precision: z.number().optional(),
  ties: z.enum(['shared', 'ordinal']).optional(),
  units: z.array(unitResultSchema),
});

export const yearResultsSchema: z.ZodType<YearResults> = z.object({ year: z.number(), blocks: z.array(blockResultSchema) });
