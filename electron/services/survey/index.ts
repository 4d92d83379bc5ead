// SIPAS surveys: definitions, imports, indices and survey points for the PAR index.
export {
  getSurveyDefinition,
  hasOwnSurveyDefinition,
  saveSurveyDefinition,
  resetSurveyDefinition,
  getSurveySettings,
  saveSurveySettings,
} from './definitions';
export { mapSurveyColumns, FORMAT_NAMES, type ColumnMapping, type ItemColumn, type SurveyFileFormat } from './mapping';
export {
  previewSurveyImport,
  importSurveyFile,
  deleteSurveyImport,
  listSurveyImports,
  saveMappingProfile,
  listMappingProfiles,
  type SurveyImportOptions,
  type SurveyImportPreview,
  type SurveyImportReport,
} from './import';
export { surveyResults, unitSurveyResult, surveyResultsJson, surveyForms, type SurveyYearResults, type SurveyUnitResult } from './results';
export {
  setSurveyLink,
  removeSurveyLink,
  surveyLinks,
  applySurveyPoints,
  type SurveyLinkInfo,
  type SurveyApplyReport,
} from './apply';
export { writeSurveyTemplate, exportSurveyDefinition, importSurveyDefinition, exportSurveyResults } from './workbooks';
export { formatSurveyResults, formatImportSummary, formatApplyReport } from './output';
