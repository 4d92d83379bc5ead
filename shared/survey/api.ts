// What the survey services take and give, as plain objects: the app's IPC channels, the
// command line and the tests all speak these shapes.
import { z } from 'zod';
import { yearSchema } from '../domain';
import type { SurveyChange } from './change';
import type { SurveyIndices } from './indices';
import type { SurveyStanding } from './standing';
import type { ColumnMapping, SurveyFileFormat } from './mapping';
import { mappingProfileSchema, type SurveyDefinition, type SurveyLink } from './model';
import type { Problem } from '../errors';

export const surveyImportRequestSchema = z.object({
  year: yearSchema,
  /** path of the file to read */
  file: z.string().min(1),
  /** a saved profile's name, or a profile given in full (the mapping step before saving it) */
  profile: z.union([z.string().min(1), mappingProfileSchema]).nullable().optional(),
  /** the unit of every form of the file, instead of a unit column */
  unitCode: z.string().min(1).nullable().optional(),
  actor: z.string().optional(),
});
export type SurveyImportRequest = z.infer<typeof surveyImportRequestSchema>;

export interface SurveyImportUnitCount {
  code: string;
  name: string;
  forms: number;
  validForms: number;
}

export interface SurveyImportPreview {
  year: number;
  fileName: string;
  format: SurveyFileFormat;
  formatName: string;
  mapping: ColumnMapping;
  /** the unit column's header, or null when the unit comes from the request */
  unitColumn: string | null;
  formColumn: string | null;
  forms: number;
  validForms: number;
  invalidForms: number;
  units: SurveyImportUnitCount[];
  /** answer texts that could not be read, per column, for the mapping step */
  unknownLabels: { header: string; labels: string[] }[];
  /** every problem that would refuse the file (empty = it can be imported) */
  problems: Problem[];
}

export interface SurveyImportReport extends SurveyImportPreview {
  importId: number;
  /** survey points written into linked PAR leaves (changed fields) */
  pointsUpdated: number;
}

export interface SurveyImportRecord {
  id: number;
  year: number;
  fileName: string;
  format: string;
  sha256: string;
  size: number;
  importedAt: string;
  actor: string;
  profile: string | null;
  itemCodes: string[];
  formCount: number;
}

export interface SurveyUnitResult extends SurveyIndices {
  code: string;
  name: string;
  blockCode: string;
  change: SurveyChange | null;
  /** ranks within the block (overall, areas, factors) and their change through lineage */
  standing?: SurveyStanding | null;
}

export interface SurveyYearResults {
  year: number;
  model: SurveyDefinition['model'];
  province: SurveyIndices;
  /** the province against the latest earlier surveyed year */
  provinceChange: SurveyChange | null;
  units: SurveyUnitResult[];
  /** the earlier year compared with, if any */
  previousYear: number | null;
}

export interface SurveyLinkInfo extends SurveyLink {
  criterionTitle: string;
  maxPoints: number;
  /** false = saved by a person; true = found by the leaf's title ("SIPAS", "hài lòng") */
  automatic: boolean;
}

export interface AppliedPoints {
  unitCode: string;
  unitName: string;
  blockCode: string;
  criterionCode: string;
  index: number;
  /** index × maximum / 100, unrounded */
  points: number;
}

export interface SurveyApplyReport {
  year: number;
  links: SurveyLinkInfo[];
  applied: AppliedPoints[];
  /** units of a linked block without the figure (no valid answers) */
  skipped: { unitCode: string; unitName: string; criterionCode: string; reason: string }[];
  /** changed score fields written to the audit log */
  changedFields: number;
}
