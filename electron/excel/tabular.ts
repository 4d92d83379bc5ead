// Tables that staff keep in Excel or CSV: the first sheet of an .xlsx, or a UTF-8 .csv
// (with or without BOM, comma- or semicolon-separated). Headers are matched ignoring case,
// accents and surrounding spaces; columns may come in any order; extra columns are ignored.
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type Problem } from '../../shared/errors';
import { parseLocaleNumber } from '../../shared/format';
import { cleanText, matchKey } from '../../shared/text';
import { cellAddress, loadWorkbook, sheetGrid, type CellValue } from './xlsx';

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export interface TableRow {
  /** 1-based row number in the file (the header row included) */
  rowNumber: number;
  cells: CellValue[];
}

export interface Table {
  fileName: string;
  /** the sheet read, for .xlsx files */
  sheet?: string;
  headerRow: number;
  headers: string[];
  rows: TableRow[];
  kind: 'xlsx' | 'csv';
}

/** Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The separator of a CSV file: the one of ';' and ',' found more often in its first line (outside quotes). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  return semicolons > commas ? ';' : ',';
}

/** Decodes CSV bytes as UTF-8, refusing text that is not valid UTF-8 (e.g. saved as ANSI/Windows-1258). */
export function decodeCsv(bytes: Buffer, fileName: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UserError([
      {
        file: fileName,
        message: 'Tệp CSV không ở bảng mã UTF-8; hãy lưu lại bằng Excel với kiểu "CSV UTF-8 (Comma delimited)".',
      },
    ]);
  }
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function fromRecords(records: { rowNumber: number; cells: CellValue[] }[], fileName: string, kind: Table['kind'], sheet?: string): Table {
  const headerIndex = records.findIndex((r) => r.cells.some((c) => !isBlank(c)));
  if (headerIndex < 0) {
    throw new UserError([{ file: fileName, sheet, message: 'Tệp trống: không có dòng tiêu đề nào; hãy kiểm tra lại nội dung tệp.' }]);
  }
  const header = records[headerIndex];
  const headers = header.cells.map((c) => (isBlank(c) ? '' : cleanText(String(c))));
  const rows = records.slice(headerIndex + 1).filter((r) => r.cells.some((c) => !isBlank(c)));
  return { fileName, sheet, headerRow: header.rowNumber, headers, rows, kind };
}

/** Reads the first sheet of an .xlsx, or a .csv, from bytes. */
export async function readTableBytes(bytes: Buffer, fileName: string): Promise<Table> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    if (bytes.length > MAX_CSV_BYTES) {
      throw new UserError([{ file: fileName, message: `Tệp lớn hơn giới hạn ${MAX_CSV_BYTES / 1024 / 1024} MB.` }]);
    }
    const text = decodeCsv(bytes, fileName);
    const records = parseCsv(text, detectDelimiter(text)).map((cells, i) => ({
      rowNumber: i + 1,
      cells: cells.map((c) => c.normalize('NFC') as CellValue),
    }));
    return fromRecords(records, fileName, 'csv');
  }
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') {
    const wb = await loadWorkbook(bytes, fileName);
    const sheet = wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0];
    if (!sheet) throw new UserError([{ file: fileName, message: 'Bảng tính không có trang nào.' }]);
    const grid = sheetGrid(sheet);
    return fromRecords(
      grid.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.values })),
      fileName,
      'xlsx',
      sheet.name,
    );
  }
  throw new UserError([
    { file: fileName, message: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); hãy lưu tệp lại ở một trong hai dạng này.' },
  ]);
}

export async function readTable(file: string): Promise<Table> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UserError([{ file: name, message: 'Không đọc được tệp; hãy kiểm tra đường dẫn và quyền truy cập.' }]);
  }
  return readTableBytes(bytes, name);
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** accepted headers, as written; matched with matchKey */
  headers: string[];
  required: boolean;
}

/** Column positions (0-based) by key; absent optional columns are undefined. */
export type ColumnMap<K extends string> = Partial<Record<K, number>>;

export function mapColumns<K extends string>(table: Table, specs: ColumnSpec<K>[]): ColumnMap<K> {
  const keys = table.headers.map(matchKey);
  const map: ColumnMap<K> = {};
  const missing: string[] = [];
  for (const spec of specs) {
    const wanted = spec.headers.map(matchKey);
    const index = keys.findIndex((k) => wanted.includes(k));
    if (index >= 0) map[spec.key] = index;
    else if (spec.required) missing.push(`"${spec.headers[0]}"`);
  }
  if (missing.length) {
    throw new UserError([
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

  /** The cell as trimmed NFC text, or null when blank. */
  text(row: TableRow, key: K): string | null {
    const v = this.raw(row, key);
    if (v === null) return null;
    const s = cleanText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    return s === '' ? null : s;
  }

  /** The cell as a number (decimal comma accepted), null when blank; records a problem for text. */
  number(row: TableRow, key: K, what: string): number | null | 'invalid' {
    const v = this.raw(row, key);
    if (v === null) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : 'invalid';
    const s = cleanText(String(v));
    if (s === '') return null;
    const n = parseLocaleNumber(s);
    if (n === null) {
      this.problem(row, key, `${what} "${s}" không phải là số; hãy nhập một số, ví dụ 2,5.`);
      return 'invalid';
    }
    return n;
  }

  /** Throws every problem recorded so far as one refusal. */
  throwIfProblems(limit = 200): void {
    if (this.problems.length === 0) return;
    const shown = this.problems.slice(0, limit);
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
