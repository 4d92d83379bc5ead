// The one place that knows exceljs. Callers see plain workbooks: sheets of cell values
// as users meant them (a formula's saved result, rich text as text, text in NFC).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/errors';

export { ExcelJS };

/** Files larger than this are refused before they are read. */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;
/** The uncompressed size of all parts together (against decompression bombs). */
export const MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;

export type CellValue = string | number | boolean | Date | null;

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

/** Reads the entries of the zip central directory to guard against decompression bombs. */
function uncompressedSize(bytes: Buffer): number | null {
  const eocdSig = 0x06054b50;
  const minEocd = 22;
  for (let i = bytes.length - minEocd; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) !== eocdSig) continue;
    const entries = bytes.readUInt16LE(i + 10);
    let offset = bytes.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
      total += bytes.readUInt32LE(offset + 24);
      const nameLen = bytes.readUInt16LE(offset + 28);
      const extraLen = bytes.readUInt16LE(offset + 30);
      const commentLen = bytes.readUInt16LE(offset + 32);
      offset += 46 + nameLen + extraLen + commentLen;
    }
    return total;
  }
  return null;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks that bytes are an .xlsx workbook we are willing to open, with a Vietnamese
 * refusal naming the file otherwise: the old .xls format, encrypted files, broken files,
 * oversized files and decompression bombs.
 */
export function checkWorkbookBytes(bytes: Buffer, fileName: string): void {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new UserError([
      { file: fileName, message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; hãy xóa các trang không cần thiết rồi gửi lại.` },
    ]);
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    const looksEncrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) || bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new UserError([
      {
        file: fileName,
        message: looksEncrypted
          ? 'Tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở tệp trong Excel, bỏ mật khẩu (File > Info > Protect Workbook) và lưu lại.'
          : 'Tệp ở định dạng Excel cũ (.xls); hãy mở trong Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".',
      },
    ]);
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new UserError([{ file: fileName, message: 'Tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng; hãy mở và lưu lại bằng Excel.' }]);
  }
  // OpenDocument files are zips too, with their type stored first and uncompressed
  if (bytes.subarray(0, 120).includes(Buffer.from('application/vnd.oasis.opendocument'))) {
    throw new UserError([
      {
        file: fileName,
        message: 'Tệp ở định dạng OpenDocument (.ods), không phải Excel; hãy mở tệp và lưu lại dưới dạng "Excel 2007-365 (.xlsx)".',
      },
    ]);
  }
  const size = uncompressedSize(bytes);
  if (size === null) {
    throw new UserError([{ file: fileName, message: 'Tệp Excel bị hỏng (không đọc được cấu trúc nén); hãy mở và lưu lại bằng Excel.' }]);
  }
  if (size > MAX_UNCOMPRESSED_BYTES) {
    throw new UserError([{ file: fileName, message: 'Tệp Excel có nội dung giải nén quá lớn so với giới hạn cho phép; hãy kiểm tra lại tệp.' }]);
  }
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
  checkWorkbookBytes(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, options.valuesOnly ? ({ ignoreNodes: NOT_CELL_VALUES } as object) : undefined);
  } catch (e) {
    throw new UserError([
      { file: fileName, message: `Tệp Excel bị hỏng hoặc không đúng định dạng (${(e as Error).message}); hãy mở và lưu lại bằng Excel.` },
    ]);
  }
  return wb;
}

export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(fs.readFileSync(file), path.basename(file));
}

/** A sheet as rows of plain values; row and column numbers are 1-based, as in Excel. */
export interface SheetGrid {
  name: string;
  rows: { rowNumber: number; values: CellValue[] }[];
}

/** The cells of a sheet as plain values; merged cells other than the master read as empty. */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      // exceljs leaves a formula's saved result out of cell.value when it is 0 or false
      values[col - 1] = plainCellValue(cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) ?? null : cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows.push({ rowNumber, values });
  });
  return { name: sheet.name, rows };
}

/** "D15" from 1-based column and row. */
export function cellAddress(column: number, row: number): string {
  let s = '';
  let c = column;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return `${s}${row}`;
}
