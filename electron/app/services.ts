import { createDemoWorkspace } from '../features/demo';
import { expandFormPaths, generateFormTemplates, importFormFile, unitsOfYear, writeImportReport, type FormImportResult } from '../features/forms';
import { exportFrameworkFile, importFrameworkFile } from '../features/framework/imports-index';
import type { AppServices } from './session';
import { exportSummaryWorkbook } from '../features/print/summary';
import { openPdfPrinter } from '../print/chromium';

/** The services the app uses beyond the workspace: one place, shared by the window and its tests. */
export function appServices(): AppServices {
  return {
    createSample: (file) => createDemoWorkspace(file),
    importFramework: async (ws, year, blockCode, file) => (await importFrameworkFile(ws, year, blockCode, file)).nodes,
    exportFramework: (ws, year, blockCode, file) => exportFrameworkFile(ws, year, blockCode, file),
    generateForms: async (ws, year, blockCode, folder) => {
      const unitCodes = blockCode ? unitsOfYear(ws, year).filter((u) => u.blockCode === blockCode).map((u) => u.code) : undefined;
      return (await generateFormTemplates(ws, { year, unitCodes, outDir: folder })).length;
    },
    expandFormPaths: (paths) => expandFormPaths(paths),
    importReturnedForm: (ws, year, file) => importFormFile(ws, file, { expectedYear: year }),
    exportFormsReport: (results, file) => writeImportReport(results as FormImportResult[], file),
    openPrinter: () => openPdfPrinter(),
    exportSummary: (ws, year, file) => exportSummaryWorkbook(ws, year, file),
  };
}
