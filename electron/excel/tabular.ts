// Tables that staff keep in Excel or CSV: the first visible sheet of an .xlsx (streamed from
// its part, never loaded as a whole workbook model), or a .csv (UTF-8 with or without BOM,
// comma- or semicolon-separated; other encodings read as recognised, with a warning). Headers
// are matched ignoring case, accents and surrounding spaces; columns may come in any order;
// extra columns are ignored.
import fs from 'node:fs';
import path from 'node:path';
import { CellValueError, cellNumber, type CellNumberOptions } from '../../shared/cells';
import { UserError, type Problem } from '../../shared/errors';
import { MAX_TEXT_LENGTH, cleanText, matchKey, tooLongTextMessage } from '../../shared/text';
import { decodeCsvBytes, parseCsvText } from '../excel/csv';
import { MAX_CSV_BYTES } from '../excel/limits';
import { WorkbookBudget, type SheetRow } from '../excel/cells';
import { UnsupportedWorkbook, locateSheets, openWorkbookFile, openWorkbookZip, readCellContext, readSheetRows } from '../excel/workbook';
import type { ZipReader } from '../excel/zip';
import { cellAddress } from './cells';
import { MAX_WORKBOOK_BYTES, loadWorkbook, sheetGrid, type CellValue } from './xlsx';

export { MAX_CSV_BYTES };

export interface TableRow {
  /** 1-based row number in the file (the header row included) */
  rowNumber: number;
  cells: CellValue[];
  /** 0-based columns holding a formula saved without its result (such a cell reads as blank) */
  formulasWithoutValue?: number[];
}

export interface Table {
  fileName: string;
  /** the sheet read, for .xlsx files */
  sheet?: string;
  headerRow: number;
  headers: string[];
  rows: TableRow[];
  kind: 'xlsx' | 'csv';
  /** what the reader assumed and the user should know (e.g. the encoding of a CSV) */
  warnings: Problem[];
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function fromRecords(records: TableRow[], fileName: string, kind: Table['kind'], sheet?: string, warnings: Problem[] = []): Table {
  const headerIndex = records.findIndex((r) => r.cells.some((c) => !isBlank(c)));
  if (headerIndex < 0) {
    throw new UserError([{ file: fileName, sheet, message: 'Tệp trống: không có dòng tiêu đề nào; hãy kiểm tra lại nội dung tệp.' }]);
  }
  const header = records[headerIndex];
  const headers = header.cells.map((c) => (isBlank(c) ? '' : cleanText(String(c))));
  const rows = records.slice(headerIndex + 1).filter((r) => r.formulasWithoutValue || r.cells.some((c) => !isBlank(c)));
  return { fileName, sheet, headerRow: header.rowNumber, headers, rows, kind, warnings };
}

const tableRows = (rows: SheetRow[]): TableRow[] =>
  rows.map((r) =>
    r.formulasWithoutValue
      ? { rowNumber: r.rowNumber, cells: r.values, formulasWithoutValue: r.formulasWithoutValue }
      : { rowNumber: r.rowNumber, cells: r.values },
  );

/** The first visible sheet (else the first) of a workbook, streamed from its zip. */
async function readSheetTable(open: () => Promise<ZipReader>, fileName: string, wholeFile: () => Buffer): Promise<Table> {
  const zip = await open();
  try {
    const book = await locateSheets(zip, new WorkbookBudget(fileName));
    const ctx = await readCellContext(book);
    const sheet = book.sheets.find((s) => s.state === 'visible') ?? book.sheets[0];
    return fromRecords(tableRows(await readSheetRows(book, ctx, sheet)), fileName, 'xlsx', sheet.name);
  } catch (e) {
    if (!(e instanceof UnsupportedWorkbook)) throw e;
  } finally {
    zip.close();
  }
  // the shapes the direct reader leaves to the Excel library (strict Office Open XML …), after the same checks
  const wb = await loadWorkbook(wholeFile(), fileName);
  const sheet = wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0];
  if (!sheet) throw new UserError([{ file: fileName, message: 'Bảng tính không có trang nào.' }]);
  return fromRecords(tableRows(sheetGrid(sheet).rows), fileName, 'xlsx', sheet.name);
}

function csvTable(bytes: Buffer, fileName: string): Table {
  if (bytes.length > MAX_CSV_BYTES) {
    throw new UserError([{ file: fileName, message: `Tệp lớn hơn giới hạn ${MAX_CSV_BYTES / 1024 / 1024} MB.` }]);
  }
  const decoded = decodeCsvBytes(bytes, fileName);
  return fromRecords(parseCsvText(decoded.text, fileName), fileName, 'csv', undefined, decoded.warning ? [decoded.warning] : []);
}

function formatOf(fileName: string): 'csv' | 'xlsx' {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') return 'xlsx';
  throw new UserError([
    { file: fileName, message: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); hãy lưu tệp lại ở một trong hai dạng này.' },
  ]);
}

/** Reads the first visible sheet of an .xlsx, or a .csv, from bytes. */
export async function readTableBytes(bytes: Buffer, fileName: string): Promise<Table> {
  if (formatOf(fileName) === 'csv') return csvTable(bytes, fileName);
  return readSheetTable(() => openWorkbookZip(bytes, fileName), fileName, () => bytes);
}

/** A file that cannot be read, in the user's words; anything else is not ours to reword. */
function unreadable(file: string, e: unknown): UserError {
  if (!(e instanceof Error && 'code' in e)) throw e;
  return new UserError([{ file, message: `Không đọc được tệp (${String((e as NodeJS.ErrnoException).code)}); hãy kiểm tra đường dẫn và quyền truy cập.` }]);
}

/** Reads the first visible sheet of an .xlsx (streamed from the file on disk), or a .csv. */
export async function readTable(file: string): Promise<Table> {
  const name = path.basename(file);
  const readWhole = (limit: number): Buffer => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (e) {
      throw unreadable(name, e);
    }
    if (size > limit) throw new UserError([{ file: name, message: `Tệp lớn hơn giới hạn ${limit / 1024 / 1024} MB.` }]);
    try {
      return fs.readFileSync(file);
    } catch (e) {
      throw unreadable(name, e);
    }
  };
  if (formatOf(name) === 'csv') return csvTable(readWhole(MAX_CSV_BYTES), name);
  return readSheetTable(() => openWorkbookFile(file, name), name, () => readWhole(MAX_WORKBOOK_BYTES));
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** accepted headers, as written; matched with matchKey */
  headers: string[];
  required: boolean;
}

/** Column positions (0-based) by key; absent optional columns are undefined. */
export type ColumnMap<K extends string> = Partial<Record<K, number>>;

/** Files printed as provinces print them start with title rows; the header is looked for this far. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the columns of `specs` in the table's header row. When the first filled row is not
 * the header (title rows such as "ỦY BAN NHÂN DÂN…", "BỘ CHỈ SỐ…" come first), the header is
 * the row among the first 30 that holds the most of the required columns, and the table is
 * moved to start below it. Refuses with the missing columns named, or with the columns
 * looked for when no row of the first 30 holds any of them.
 */
export function mapColumns<K extends string>(table: Table, specs: ColumnSpec<K>[]): ColumnMap<K> {
  const required = specs.filter((s) => s.required);
  const matches = (cells: string[], spec: ColumnSpec<K>) => {
    const keys = cells.map((c) => matchKey(c));
    const wanted = spec.headers.map(matchKey);
    return keys.findIndex((k) => wanted.includes(k));
  };
  const found = (cells: string[]) => required.filter((spec) => matches(cells, spec) >= 0).length;
  if (found(table.headers) < required.length) {
    const candidates = table.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
    let best: TableRow | null = null;
    let bestCount = found(table.headers);
    for (const r of candidates) {
      const count = found(r.cells.map((c) => (isBlank(c) ? '' : cleanText(String(c)))));
      if (count > bestCount) {
        best = r;
        bestCount = count;
      }
    }
    if (best) {
      table.headers = best.cells.map((c) => (isBlank(c) ? '' : cleanText(String(c))));
      table.headerRow = best.rowNumber;
      table.rows = table.rows.filter((r) => r.rowNumber > best.rowNumber);
    } else if (bestCount === 0 && required.length > 0) {
      throw new UserError([
        ...table.warnings,
        {
          file: table.fileName,
          sheet: table.sheet,
          message:
            `Không tìm thấy dòng tiêu đề có các cột ${required.map((s) => `"${s.headers[0]}"`).join(', ')} trong ${HEADER_SEARCH_ROWS} dòng đầu của tệp; ` +
            'hãy kiểm tra tên các cột (không phân biệt hoa thường, dấu).',
        },
      ]);
    }
  }
  const map: ColumnMap<K> = {};
  const missing: string[] = [];
  for (const spec of specs) {
    const index = matches(table.headers, spec);
    if (index >= 0) map[spec.key] = index;
    else if (spec.required) missing.push(`"${spec.headers[0]}"`);
  }
  if (missing.length) {
    throw new UserError([
      // a header read in a guessed encoding is a likely reason for a column not found
      ...table.warnings,
      {
        file: table.fileName,
        sheet: table.sheet,
        row: table.headerRow,
        message: `Thiếu cột ${missing.join(', ')} ở dòng tiêu đề; hãy thêm cột với đúng tên này (không phân biệt hoa thường, dấu).`,
      },
    ]);
  }
  return map;
}

/** Reads cells of one table with locations for problems, collecting every problem found. */
export class TableReader<K extends string> {
  readonly problems: Problem[] = [];
  private readonly reportedFormulas = new Set<string>();
  constructor(
    readonly table: Table,
    readonly columns: ColumnMap<K>,
  ) {}

  has(key: K): boolean {
    return this.columns[key] !== undefined;
  }

  /** Where a cell is, the way the user sees it: "ô C5" in Excel, "dòng 5, cột …" in CSV. */
  location(row: TableRow, key?: K): Omit<Problem, 'message'> {
    const col = key === undefined ? undefined : this.columns[key];
    if (this.table.kind === 'xlsx' && col !== undefined) {
      return { file: this.table.fileName, sheet: this.table.sheet, cell: cellAddress(col + 1, row.rowNumber) };
    }
    return {
      file: this.table.fileName,
      sheet: this.table.sheet,
      row: row.rowNumber,
      column: col === undefined ? undefined : this.table.headers[col],
    };
  }

  problem(row: TableRow, key: K | undefined, message: string): void {
    this.problems.push({ ...this.location(row, key), message });
  }

  raw(row: TableRow, key: K): CellValue {
    const col = this.columns[key];
    return col === undefined ? null : (row.cells[col] ?? null);
  }

  /**
   * Whether the cell holds a formula saved without its result (openpyxl and other programs
   * write formulas without computing them): recorded as a problem, since reading it as
   * blank would clear what the cell means to set.
   */
  private unsavedFormula(row: TableRow, key: K, what?: string): boolean {
    const col = this.columns[key];
    if (col === undefined || !row.formulasWithoutValue?.includes(col)) return false;
    const cell = `${row.rowNumber}:${col}`;
    if (this.reportedFormulas.has(cell)) return true;
    this.reportedFormulas.add(cell);
    this.problem(
      row,
      key,
      `${what ? `${what}: ô` : 'Ô'} có công thức nhưng tệp không lưu giá trị đã tính của công thức; hãy mở tệp bằng Excel rồi lưu lại để công thức được tính, hoặc nhập thẳng giá trị vào ô.`,
    );
    return true;
  }

  /** The cell as trimmed NFC text, or null when blank. */
  text(row: TableRow, key: K): string | null {
    if (this.unsavedFormula(row, key)) return null;
    const v = this.raw(row, key);
    if (v === null) return null;
    const s = cleanText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    if (s.length > MAX_TEXT_LENGTH) {
      this.problems.push({ ...this.location(row, key), message: tooLongTextMessage(s.length) });
      return null;
    }
    return s === '' ? null : s;
  }

  /**
   * The cell as a number (decimal comma accepted), null when blank. A cell that cannot be a
   * number (text, a date, a percentage where points are asked, a formula without its value)
   * records a located problem and reads as null: the import refuses before writing anything.
   */
  number(row: TableRow, key: K, what: string, options: CellNumberOptions = {}): number | null {
    if (this.unsavedFormula(row, key, what)) return null;
    try {
      return cellNumber(this.raw(row, key), options);
    } catch (e) {
      if (!(e instanceof CellValueError)) throw e;
      this.problem(row, key, `${what}: ${e.message}.`);
      return null;
    }
  }

  /** Throws every problem recorded so far as one refusal. */
  throwIfProblems(limit = 200): void {
    if (this.problems.length === 0) return;
    // what the reader assumed (a CSV's encoding) may explain the problems: shown first
    const shown = [...this.table.warnings, ...this.problems.slice(0, limit)];
    if (this.problems.length > limit) {
      shown.push({ file: this.table.fileName, message: `… và ${this.problems.length - limit} lỗi khác.` });
    }
    throw new UserError(shown);
  }
}

/** "x", "có", "1", "yes", "true" mean yes. */
export function isYesMark(text: string | null): boolean {
  if (!text) return false;
  return ['x', 'co', '1', 'yes', 'true', 'dung', 'v'].includes(matchKey(text));
}
