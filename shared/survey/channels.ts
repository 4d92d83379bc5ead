// The SIPAS channels of the contract: survey files in (preview of the column mapping, import,
// removal), mapping profiles, indices per unit and for the province, the links of survey
// leaves to an index and the survey points they take, and the workbooks out.
import { z } from 'zod';
import { cancellable, code, fileToken, none, pickedFileSchema, problemSchema, year } from '../channels';
import {
  FORMAT_NAMES,
  mappingProfileSchema,
  surveyDefinitionSchema,
  surveyLinkSchema,
  surveyModels,
  surveySettingsSchema,
  surveyTargetKinds,
  type SurveyApplyReport,
  type SurveyImportPreview,
  type SurveyImportRecord,
  type SurveyImportReport,
  type SurveyLinkInfo,
  type SurveyYearResults,
} from './index';

const index = z.number().nullable();


const itemIndexSchema = z.object({ code: z.string(), title: z.string(), index, n: z.number(), satisfied: z.number() });
const factorIndexSchema = z.object({
  code: z.string(),
  areaCode: z.string(),
  name: z.string(),
  index,
  n: z.number(),
  items: z.array(itemIndexSchema),
});
const areaIndexSchema = z.object({ code: z.string(), name: z.string(), index, n: z.number() });
const surveyIndicesSchema = z.object({
  forms: z.number(),
  invalidForms: z.number(),
  index,
  n: z.number(),
  areas: z.array(areaIndexSchema),
  factors: z.array(factorIndexSchema),
});
const surveyChangeSchema = z.object({
  previousYear: z.number(),
  previousIndex: index,
  deltaIndex: index,
  factors: z.array(z.object({ code: z.string(), previousIndex: index, deltaIndex: index })),
});

const componentStandingSchema = z.object({
  code: z.string(),
  index,
  rank: index,
  previous: z.object({ index: z.number(), rank: index }).nullable(),
  deltaIndex: index,
  deltaRank: index,
});
const surveyStandingSchema = z.object({
  of: z.number(),
  overall: componentStandingSchema,
  areas: z.array(componentStandingSchema),
  factors: z.array(componentStandingSchema),
  factorsUp: index,
  factorsDown: index,
  factorsUpBoth: index,
  factorsDownBoth: index,
});

export const surveyYearResultsSchema: z.ZodType<SurveyYearResults> = z.object({
  year: z.number(),
  model: z.enum(surveyModels),
  province: surveyIndicesSchema,
  provinceChange: surveyChangeSchema.nullable(),
  units: z.array(
    surveyIndicesSchema.extend({
      code: z.string(),
      name: z.string(),
      blockCode: z.string(),
      change: surveyChangeSchema.nullable(),
      standing: surveyStandingSchema.nullable().optional(),
    }),
  ),
  previousYear: z.number().nullable(),
});

const fileFormat = z.enum(Object.keys(FORMAT_NAMES) as [keyof typeof FORMAT_NAMES, ...(keyof typeof FORMAT_NAMES)[]]);

const previewShape = {
  year: z.number(),
  fileName: z.string(),
  format: fileFormat,
  formatName: z.string(),
  mapping: z.object({
    format: fileFormat,
    unitColumn: z.number().nullable(),
    formColumn: z.number().nullable(),
    items: z.array(
      z.object({ column: z.number(), header: z.string(), itemCode: z.string(), matchedBy: z.enum(['code', 'title', 'profile']) }),
    ),
    ignored: z.array(z.string()),
    missingItems: z.array(z.string()),
    conflicts: z.array(z.object({ itemCode: z.string(), headers: z.array(z.string()) })),
  }),
  unitColumn: z.string().nullable(),
  formColumn: z.string().nullable(),
  forms: z.number(),
  validForms: z.number(),
  invalidForms: z.number(),
  units: z.array(z.object({ code: z.string(), name: z.string(), forms: z.number(), validForms: z.number() })),
  unknownLabels: z.array(z.object({ header: z.string(), labels: z.array(z.string()) })),
  problems: z.array(problemSchema),
};
export const surveyImportPreviewSchema: z.ZodType<SurveyImportPreview> = z.object(previewShape);
export const surveyImportReportSchema: z.ZodType<SurveyImportReport> = z.object({
  ...previewShape,
  importId: z.number(),
  pointsUpdated: z.number(),
});

const importRecordSchema: z.ZodType<SurveyImportRecord> = z.object({
  id: z.number(),
  year: z.number(),
  fileName: z.string(),
  format: z.string(),
  sha256: z.string(),
  size: z.number(),
  importedAt: z.string(),
  actor: z.string(),
  profile: z.string().nullable(),
  itemCodes: z.array(z.string()),
  formCount: z.number(),
});

const linkInfoSchema: z.ZodType<SurveyLinkInfo> = surveyLinkSchema.extend({
  criterionTitle: z.string(),
  maxPoints: z.number(),
  automatic: z.boolean(),
});

/** A survey leaf of a block's framework (source "survey"), which may take points from an index. */
const surveyLeafSchema = z.object({
  blockCode: z.string(),
  blockName: z.string(),
  criterionCode: z.string(),
  title: z.string(),
  maxPoints: z.number(),
});
export type SurveyLeaf = z.infer<typeof surveyLeafSchema>;

const applyReportSchema: z.ZodType<SurveyApplyReport> = z.object({
  year: z.number(),
  links: z.array(linkInfoSchema),
  applied: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      blockCode: z.string(),
      criterionCode: z.string(),
      index: z.number(),
      points: z.number(),
    }),
  ),
  skipped: z.array(z.object({ unitCode: z.string(), unitName: z.string(), criterionCode: z.string(), reason: z.string() })),
  changedFields: z.number(),
});

/** What the SIPAS screen shows of a year. */
export const surveyOverviewSchema = z.object({
  year: z.number(),
  /** the period is published: survey points can no longer be written */
  locked: z.boolean(),
  /** the year has a questionnaire of its own (otherwise the built-in model of its period) */
  ownDefinition: z.boolean(),
  definition: surveyDefinitionSchema,
  results: surveyYearResultsSchema,
  imports: z.array(importRecordSchema),
  profiles: z.array(mappingProfileSchema),
  leaves: z.array(surveyLeafSchema),
  links: z.array(linkInfoSchema),
});
export type SurveyOverview = z.infer<typeof surveyOverviewSchema>;

/** Which file, read how: a saved profile's name or a profile being drawn up, and a unit for the whole file. */
const importRequest = z.object({
  year,
  /** the token of the file the main process handed out (its dialog, or a drop) */
  token: fileToken,
  profile: z.union([code, mappingProfileSchema]).nullable(),
  unitCode: code.nullable(),
});

export const surveyContract = {
  'survey:overview': { input: z.object({ year }), output: surveyOverviewSchema },
  /** the survey file the person picks (.xlsx or .csv) */
  'survey:pickFile': { input: none, output: cancellable(pickedFileSchema) },
  'survey:preview': { input: importRequest, output: surveyImportPreviewSchema },
  'survey:import': { input: importRequest, output: surveyImportReportSchema },
  'survey:deleteImport': { input: z.object({ importId: z.number().int().positive() }), output: z.object({ year: z.number(), pointsUpdated: z.number() }) },
  'survey:saveProfile': { input: z.object({ profile: mappingProfileSchema }), output: z.object({ profiles: z.array(mappingProfileSchema) }) },
  'survey:deleteProfile': { input: z.object({ name: code }), output: z.object({ profiles: z.array(mappingProfileSchema) }) },
  'survey:setLink': {
    input: z.object({ year, blockCode: code, criterionCode: code, target: z.enum(surveyTargetKinds), targetCode: code.nullable() }),
    output: z.object({ links: z.array(linkInfoSchema) }),
  },
  'survey:removeLink': {
    input: z.object({ year, blockCode: code, criterionCode: code }),
    output: z.object({ links: z.array(linkInfoSchema) }),
  },
  'survey:apply': { input: z.object({ year }), output: applyReportSchema },
  'survey:exportResults': { input: z.object({ year }), output: cancellable(z.object({ file: z.string() })) },
  'survey:template': { input: z.object({ year }), output: cancellable(z.object({ file: z.string(), items: z.number(), units: z.number() })) },
  /** how a year's answers are counted: its own settings, or the defaults */
  'survey:settings': {
    input: z.object({ year }),
    output: z.object({ settings: surveySettingsSchema, defaults: surveySettingsSchema }),
  },
  /** saves the counting rules and recomputes (linked survey points follow); refused for a published year */
  'survey:saveSettings': {
    input: z.object({ year, settings: surveySettingsSchema }),
    output: z.object({ settings: surveySettingsSchema, provinceIndex: index }),
  },
  /** the year's questionnaire as an Excel sheet, one row per item */
  'survey:exportDefinition': { input: z.object({ year }), output: cancellable(z.object({ file: z.string(), items: z.number() })) },
  /** an edited sheet taken back as the year's own questionnaire; refused for a published year */
  'survey:importDefinition': {
    input: z.object({ year }),
    output: cancellable(
      z.object({
        file: z.string(),
        definition: surveyDefinitionSchema,
        /** item codes of the year's imported files that the new questionnaire no longer asks */
        droppedItemCodes: z.array(z.string()),
      }),
    ),
  },
  /** back to the built-in questionnaire of the year's period; refused for a published year */
  'survey:resetDefinition': { input: z.object({ year }), output: z.object({ definition: surveyDefinitionSchema }) },
} as const;

export type SurveyChannel = keyof typeof surveyContract;
