export { importUnitsFile, type UnitsImportSummary } from '../units/import';
export {
  importFrameworkFile,
  exportFrameworkFile,
  readFrameworkFile,
  type FrameworkImportSummary,
  type NumberingStyle,
} from './import';
export { importScoresFile, type ScoresImportSummary } from '../appraisal/scores-import';
