// What a SIPAS survey of one year asks (areas → factors → items) and how its answers
// are counted (settings). Zod schemas double as validators for files and IPC.
import { z } from 'zod';
import { yearSchema } from '../domain';

const code = z.string().trim().min(1);

export const surveyAreaSchema = z.object({
  /** stable code: "DV" (dịch vụ hành chính công), "CS" (chính sách) */
  code,
  name: z.string().trim().min(1),
});
export type SurveyArea = z.infer<typeof surveyAreaSchema>;

export const surveyFactorSchema = z.object({
  code,
  areaCode: code,
  name: z.string().trim().min(1),
});
/** A component factor (yếu tố thành phần) of an area. */
export type SurveyFactor = z.infer<typeof surveyFactorSchema>;

export const surveyItemSchema = z.object({
  /** stable code, the header of the item's column in the entry sheet: "DV1.1" */
  code,
  factorCode: code,
  title: z.string().trim().min(1),
  /** the answer scale of the item: whole codes scaleMin..scaleMax */
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
});
/** One question (tiêu chí) of the questionnaire, answered on a scale. */
export type SurveyItem = z.infer<typeof surveyItemSchema>;

export const scaleLabelSchema = z.object({ code: z.number().int(), label: z.string().trim().min(1) });
export type ScaleLabel = z.infer<typeof scaleLabelSchema>;

export const surveyModels = ['sipas2017', 'sipas2022', 'custom'] as const;
export type SurveyModel = (typeof surveyModels)[number];

export const surveyDefinitionSchema = z.object({
  year: yearSchema,
  model: z.enum(surveyModels),
  areas: z.array(surveyAreaSchema).min(1),
  factors: z.array(surveyFactorSchema).min(1),
  items: z.array(surveyItemSchema).min(1),
  /** labels of the answer codes as forms print them: 5 → "Rất hài lòng" */
  scaleLabels: z.array(scaleLabelSchema),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const factorModes = ['items', 'pooled'] as const;
/** `items`: a factor is the (weighted) mean of its item indices; `pooled`: the share of all its answers. */
export type FactorMode = (typeof factorModes)[number];

export const surveySettingsSchema = z.object({
  /** answer codes that count as satisfied */
  satisfiedCodes: z.array(z.number().int()).min(1),
  /** answer codes that mean "no answer" (like a blank: they leave the denominator) */
  noAnswerCodes: z.array(z.number().int()),
  factorMode: z.enum(factorModes),
  /** a form with fewer answered items than this share of the items it asks is invalid */
  minAnsweredShare: z.number().min(0).max(1),
  /** weights by code (areas in the overall index, factors in their area, items in their factor); absent = 1 */
  weights: z.record(z.string(), z.number().min(0)),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  satisfiedCodes: [4, 5],
  noAnswerCodes: [],
  factorMode: 'items',
  minAnsweredShare: 0.5,
  weights: {},
};

/** What a survey leaf of the PAR framework takes its points from. */
export const surveyTargetKinds = ['overall', 'area', 'factor'] as const;
export type SurveyTargetKind = (typeof surveyTargetKinds)[number];

export const surveyLinkSchema = z.object({
  year: z.number().int(),
  blockCode: code,
  criterionCode: code,
  target: z.enum(surveyTargetKinds),
  /** the area or factor code; null for the overall index */
  targetCode: z.string().nullable(),
});
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

/**
 * How the columns and answers of an export map onto a year's items, saved once by name
 * and reused for the next file of the same form.
 */
export const mappingProfileSchema = z.object({
  name: z.string().trim().min(1),
  /** column header as written → item code; an empty code ignores the column */
  columns: z.record(z.string(), z.string()),
  /** answer label as written → answer code; null = no answer */
  labels: z.record(z.string(), z.number().int().nullable()),
  /** header of the column that names the unit, when it is not recognised by itself */
  unitColumn: z.string().nullable(),
  /** header of the column that numbers the form */
  formColumn: z.string().nullable(),
});
export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** Structural problems of a definition, in Vietnamese; empty when it can be used. */
export function definitionProblems(def: SurveyDefinition): string[] {
  const problems: string[] = [];
  const dup = (list: { code: string }[], what: string) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x.code)) problems.push(`Mã ${what} "${x.code}" bị trùng; mỗi ${what} cần một mã riêng.`);
      seen.add(x.code);
    }
  };
  dup(def.areas, 'lĩnh vực');
  dup(def.factors, 'yếu tố');
  dup(def.items, 'câu hỏi');
  const areas = new Set(def.areas.map((a) => a.code));
  const factors = new Set(def.factors.map((f) => f.code));
  for (const f of def.factors) {
    if (!areas.has(f.areaCode)) problems.push(`Yếu tố ${f.code} thuộc lĩnh vực "${f.areaCode}" không có trong bộ câu hỏi.`);
  }
  for (const i of def.items) {
    if (!factors.has(i.factorCode)) problems.push(`Câu hỏi ${i.code} thuộc yếu tố "${i.factorCode}" không có trong bộ câu hỏi.`);
    if (i.scaleMax <= i.scaleMin) problems.push(`Câu hỏi ${i.code}: thang đo ${i.scaleMin}–${i.scaleMax} không hợp lệ.`);
  }
  for (const f of def.factors) {
    if (!def.items.some((i) => i.factorCode === f.code)) problems.push(`Yếu tố ${f.code} chưa có câu hỏi nào.`);
  }
  for (const a of def.areas) {
    if (!def.factors.some((f) => f.areaCode === a.code)) problems.push(`Lĩnh vực ${a.code} chưa có yếu tố nào.`);
  }
  return problems;
}

/** A schema's complaints in one line, field by field: "items.3.code: Too small". */
export function schemaIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}
