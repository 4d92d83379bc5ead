// Cells as the readers see them: the values users meant, addresses within Excel's sheet
// (XFD1048576), the budget a workbook spends against ./limits, and the text of string items.
import { UserError } from '../../shared/errors';
import { MAX_CELL_TEXT, MAX_COLUMNS, MAX_ROWS } from './limits';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based, as in Excel */
  rowNumber: number;
  /** values by column (index 0 = column A); empty cells and merged cells other than the master are null */
  values: CellValue[];
  /** 0-based columns holding a formula saved without its result (read as null); absent when none */
  formulasWithoutValue?: number[];
}

/** A sheet as rows of plain values; only rows holding something are listed. */
export interface SheetGrid {
  name: string;
  rows: SheetRow[];
}

export const nf = (n: number) => n.toLocaleString('vi-VN');

/** What a workbook has used of the limits so far: they hold for the workbook, not each sheet. */
export class WorkbookBudget {
  cells = 0;
  slots = 0;
  mergedCells = 0;
  expandedRangeCells = 0;
  constructor(
    readonly fileName: string,
    /** the Excel library's full loader will see the file: its own, tighter limits apply */
    readonly forFullLoad = false,
  ) {}

  refuse(message: string, sheet?: string): UserError {
    return new UserError([{ file: this.fileName, sheet, message }]);
  }
}

/** Column number of "A".."XFD"; 0 when not letters or beyond XFD. */
function columnOf(ref: string, end: number): number {
  if (end < 1 || end > 3) return 0;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) return 0;
    n = n * 26 + c - 64;
  }
  return n <= MAX_COLUMNS ? n : 0;
}

/** Row number of a run of digits; 0 when not digits or beyond row 1,048,576. */
export function rowOf(text: string, start: number): number {
  const length = text.length - start;
  if (length < 1 || length > 7) return 0;
  let n = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    n = n * 10 + c - 48;
  }
  return n >= 1 && n <= MAX_ROWS ? n : 0;
}

/** "D15" → column 4, row 15; null when not an address within Excel's sheet. */
export function parseCellRef(ref: string): { column: number; row: number } | null {
  let letters = 0;
  while (letters < ref.length && letters < 4) {
    const c = ref.charCodeAt(letters) & ~32;
    if (c < 65 || c > 90) break;
    letters++;
  }
  const column = columnOf(ref, letters);
  const row = column ? rowOf(ref, letters) : 0;
  return column && row ? { column, row } : null;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" (or "A1") → its corners; null when either corner is outside Excel's sheet. */
export function parseArea(ref: string): Area | null {
  const [from, to = from, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const a = parseCellRef(from.replace(/\$/g, ''));
  const b = parseCellRef(to.replace(/\$/g, ''));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

export const areaSize = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
export const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** XML text of a cell to a string: Office Open XML escapes characters as _xHHHH_. */
export function unescapeText(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The longest raw text kept while reading one cell: 32,767 characters, each possibly escaped as _xHHHH_. */
export const MAX_RAW_TEXT = MAX_CELL_TEXT * 7;

/** Gathers the text of a string item: its runs' <t>, without phonetic guides (<rPh>). */
export class StringItem {
  private depthInPhonetic = 0;
  private inText = false;
  private raw = '';
  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inText = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inText = false;
  }
  /** false when the text grew past what a cell can hold */
  text(text: string): boolean {
    if (!this.inText) return true;
    this.raw += text;
    return this.raw.length <= MAX_RAW_TEXT;
  }
  /** the item's text, or null when longer than a cell can hold */
  take(): string | null {
    const text = unescapeText(this.raw).normalize('NFC');
    this.reset();
    return text.length <= MAX_CELL_TEXT ? text : null;
  }
  reset(): void {
    this.raw = '';
    this.inText = false;
    this.depthInPhonetic = 0;
  }
}

export function tooLongText(budget: WorkbookBudget, where: string, sheet?: string): UserError {
  return budget.refuse(`${where} có nội dung dài hơn ${nf(MAX_CELL_TEXT)} ký tự, giới hạn của một ô Excel; tệp bị hỏng hoặc không phải do Excel tạo ra.`, sheet);
}

/** "D" from 4. */
export function columnLetters(column: number): string {
  let s = '';
  let c = column;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/** "D15" from 1-based column and row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
