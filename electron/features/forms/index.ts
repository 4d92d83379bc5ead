// Self-assessment forms: write them for the units, take back what they return.
export { buildFormWorkbook, formFileName, generateFormTemplates, writeFormTemplate } from './template';
export type { FormBatchRequest, FormProgress, FormTemplateRequest, GeneratedForm } from './template';
export { expandFormPaths, importFormFile, importForms } from './import';
export type { FormImportOptions, FormImportProblem, FormImportProgress, FormImportResult, FormImportStatus } from './import';
export { buildImportReport, writeImportReport, STATUS_LABELS } from './report';
export { frameworkFingerprint } from './fingerprint';
export { detectLegacyVietnamese } from '../../../shared/legacy-encoding';
export type { LegacyEncoding } from '../../../shared/legacy-encoding';
