// The one place that knows exceljs. Callers see plain workbooks: sheets of cell values
// as users meant them (a formula's saved result, rich text as text, text in NFC).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/errors';
import type { CellValue, SheetGrid } from './cells';
import { checkForFullLoad } from './workbook';

/** The Excel library, for the writer beside this file. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return ExcelJS;
}

export { MAX_UNCOMPRESSED_BYTES, MAX_WORKBOOK_BYTES } from './limits';
export type { CellValue, SheetGrid } from './cells';

/** What a cell holds, reduced to what a user sees: formulas give their saved result. */
export function plainCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((r) => r.text).join('').normalize('NFC');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return null;
      return plainCellValue(result as ExcelJS.CellValue);
    }
    if ('error' in value) return null;
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') {
      // hyperlink
      return ((value as { text: string }).text).normalize('NFC');
    }
  }
  return String(value).normalize('NFC');
}

/**
 * Checks that bytes are an .xlsx workbook we are willing to give the Excel library, with a
 * Vietnamese refusal naming the file otherwise: the old .xls format, encrypted, broken or
 * oversized files, decompression bombs, and anything a file declares beyond the limits
 * (cell addresses, merged areas, counts, lengths; see electron/excel/limits.ts).
 */
export async function checkWorkbookBytes(bytes: Buffer, fileName: string): Promise<void> {
  await checkForFullLoad(bytes, fileName);
}

/**
 * Parts of a worksheet that do not change what its cells hold; readers that only want the
 * values (and merged ranges) can skip them, which makes loading much faster.
 */
const NOT_CELL_VALUES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

export interface LoadOptions {
  /** read only cell values and merged ranges (no validation, print setup, views, column widths) */
  valuesOnly?: boolean;
}

/** Loads a workbook from bytes after the checks above. */
export async function loadWorkbook(bytes: Buffer, fileName: string, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  await checkWorkbookBytes(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, options.valuesOnly ? ({ ignoreNodes: NOT_CELL_VALUES } as object) : undefined);
  } catch (e) {
    // the library's own words (e.g. "Bug : uncompressed data size mismatch") mean nothing to users
    if (!(e instanceof Error)) throw e;
    throw new UserError([{ file: fileName, message: 'Tệp Excel bị hỏng hoặc không đúng định dạng; hãy mở và lưu lại bằng Excel.' }]);
  }
  return wb;
}

export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(fs.readFileSync(file), path.basename(file));
}

/**
 * The cells of a sheet as plain values (row and column numbers 1-based, as in Excel); merged
 * cells other than the master read as empty; formulas saved without a result are listed.
 */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    const unsaved: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const formula = cell.type === ExcelJS.ValueType.Formula;
      // exceljs leaves a formula's saved result out of cell.value when it is 0 or false
      values[col - 1] = plainCellValue(formula ? (cell.result as ExcelJS.CellValue) ?? null : cell.value);
      if (formula && (cell.result === undefined || cell.result === null || cell.result === '')) unsaved.push(col - 1);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows.push(unsaved.length ? { rowNumber, values, formulasWithoutValue: unsaved } : { rowNumber, values });
  });
  return { name: sheet.name, rows };
}
