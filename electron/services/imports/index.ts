export { importUnitsFile, type UnitsImportSummary } from './units';
export {
  importFrameworkFile,
  exportFrameworkFile,
  readFrameworkFile,
  type FrameworkImportSummary,
  type NumberingStyle,
} from './framework';
export { importScoresFile, type ScoresImportSummary } from './scores';
