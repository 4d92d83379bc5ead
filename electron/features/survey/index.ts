// SIPAS surveys: definitions, imports, indices and survey points for the PAR index.
export {
  getSurveyDefinition,
  hasOwnSurveyDefinition,
  saveSurveyDefinition,
  resetSurveyDefinition,
  getSurveySettings,
  saveSurveySettings,
} from './definitions';
export {
  previewSurveyImport,
  importSurveyFile,
  deleteSurveyImport,
  listSurveyImports,
  saveMappingProfile,
  listMappingProfiles,
  deleteMappingProfile,
  type SurveyImportOptions,
} from './import';
export { surveyResults, surveyResultsJson, surveyForms } from './results';
export {
  setSurveyLink,
  removeSurveyLink,
  surveyLinks,
  applySurveyPoints,
} from './apply';
export { writeSurveyTemplate, exportSurveyDefinition, importSurveyDefinition, exportSurveyResults } from './workbooks';
export { formatSurveyResults, formatImportSummary, formatApplyReport } from './output';
