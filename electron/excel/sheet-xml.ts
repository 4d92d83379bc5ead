// The SpreadsheetML parts that hold values (workbook, shared strings, styles, worksheets), read
// through saxes with every figure a file declares bounded by ./limits: cell addresses within
// XFD1048576, merged areas, counts of cells, sheets, strings and formats, text lengths. Values
// come out as users see them: a formula's saved result, rich text as text, NFC text, dates for
// numbers in a date format; a formula saved without its result is marked, not guessed.
import type { Readable } from 'node:stream';
import { UserError } from '../../shared/errors';
import {
  MAX_CELL_FORMATS,
  MAX_CELL_TEXT,
  MAX_CELLS,
  MAX_CELLS_FULL_LOAD,
  MAX_COLUMNS,
  MAX_EXPANDED_RANGE_CELLS,
  MAX_MERGED_CELLS,
  MAX_ROW_SLOTS,
  MAX_ROWS,
  MAX_SHARED_STRINGS,
  MAX_SHEETS,
} from './limits';
import { prefixedAttribute, readXml, type XmlPart } from './xml';

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

const nf = (n: number) => n.toLocaleString('vi-VN');

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
function rowOf(text: string, start: number): number {
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

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" (or "A1") → its corners; null when either corner is outside Excel's sheet. */
function parseArea(ref: string): Area | null {
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

const areaSize = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** XML text of a cell to a string: Office Open XML escapes characters as _xHHHH_. */
function unescapeText(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The longest raw text kept while reading one cell: 32,767 characters, each possibly escaped as _xHHHH_. */
const MAX_RAW_TEXT = MAX_CELL_TEXT * 7;

// ---------------------------------------------------------------------------------------------
// workbook.xml

export const TRANSITIONAL_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookPart {
  /** the root element's local name ("workbook" for a workbook) */
  rootName: string;
  namespace: string | undefined;
  sheets: { name: string; state: SheetState; relationshipId: string | undefined }[];
  date1904: boolean;
}

/** The sheets of workbook.xml (refused beyond MAX_SHEETS) and its date system. */
export async function readWorkbookPart(input: Readable | Buffer, part: XmlPart, budget: WorkbookBudget): Promise<WorkbookPart> {
  const book: WorkbookPart = { rootName: '', namespace: undefined, sheets: [], date1904: false };
  let definedName: string | null = null;
  await readXml(input, part, {
    root(name, namespace) {
      book.rootName = name;
      book.namespace = namespace;
    },
    open(name, a) {
      if (name === 'sheet') {
        if (book.sheets.length >= MAX_SHEETS) {
          throw budget.refuse(`Tệp có nhiều hơn ${nf(MAX_SHEETS)} trang tính; hãy xóa các trang không cần thiết rồi gửi lại.`);
        }
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        book.sheets.push({ name: (a.name ?? '').normalize('NFC'), state, relationshipId: prefixedAttribute(a, 'id') });
      } else if (name === 'workbookPr') {
        book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (name === 'definedName' && budget.forFullLoad) definedName = '';
    },
    text(text) {
      if (definedName !== null) definedName += text;
    },
    close(name) {
      if (name === 'definedName' && definedName !== null) {
        // the Excel library makes one object per cell of each "$A$1:$B$2" range a name refers to
        for (const m of definedName.matchAll(/\$([A-Za-z]{1,4})\$(\d{1,8})(?::\$([A-Za-z]{1,4})\$(\d{1,8}))?/g)) {
          const area = parseArea(m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
          budget.expandedRangeCells += area ? areaSize(area) : Infinity;
          if (budget.expandedRangeCells > MAX_EXPANDED_RANGE_CELLS) {
            throw budget.refuse(`Tên vùng (defined name) "${shown(m[0])}" trỏ tới vùng quá lớn (giới hạn ${nf(MAX_EXPANDED_RANGE_CELLS)} ô); hãy xóa hoặc thu hẹp tên vùng này (Formulas > Name Manager).`);
          }
        }
        definedName = null;
      }
    },
  });
  return book;
}

// ---------------------------------------------------------------------------------------------
// relationships (_rels/*.rels)

export interface Relationship {
  id: string;
  type: string;
  /** the target part's name inside the zip, resolved against the source part */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
export function resolvePartName(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The name of the relationships part of `source` ("" = the package itself). */
export function relationshipsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

export async function readRelationships(input: Buffer, part: XmlPart, source: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await readXml(input, part, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const external = a.TargetMode === 'External';
      rels.push({ id: a.Id ?? '', type: a.Type ?? '', external, target: external ? (a.Target ?? '') : resolvePartName(source, a.Target ?? '') });
    },
  });
  return rels;
}

// ---------------------------------------------------------------------------------------------
// styles.xml: which cell formats show numbers as dates

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Style index → whether numbers in that style are dates. */
export async function readDateStyles(input: Buffer, part: XmlPart, budget: WorkbookBudget): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await readXml(input, part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (formats.length >= MAX_CELL_FORMATS) throw budget.refuse(`Tệp có hơn ${nf(MAX_CELL_FORMATS)} định dạng ô; hãy mở và lưu lại bằng Excel.`);
        formats.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

// ---------------------------------------------------------------------------------------------
// sharedStrings.xml, and the text of any string item (shared or inline)

/** Gathers the text of a string item: its runs' <t>, without phonetic guides (<rPh>). */
class StringItem {
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

function tooLongText(budget: WorkbookBudget, where: string, sheet?: string): UserError {
  return budget.refuse(`${where} có nội dung dài hơn ${nf(MAX_CELL_TEXT)} ký tự, giới hạn của một ô Excel; tệp bị hỏng hoặc không phải do Excel tạo ra.`, sheet);
}

/** The shared-string table (refused beyond MAX_SHARED_STRINGS items or MAX_CELL_TEXT characters an item). */
export async function readSharedStrings(input: Readable | Buffer, part: XmlPart, budget: WorkbookBudget): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItem();
  let inItem = false;
  const tooMany = () => budget.refuse(`Tệp có hơn ${nf(MAX_SHARED_STRINGS)} chuỗi văn bản dùng chung; tệp quá lớn để nhập.`);
  await readXml(input, part, {
    open(name, a, selfClosing) {
      // a declared count past the limit is refused at once; an undeclared one when reached
      if (name === 'sst' && Number(a.uniqueCount ?? 0) > MAX_SHARED_STRINGS) throw tooMany();
      if (name === 'si') {
        if (strings.length >= MAX_SHARED_STRINGS) throw tooMany();
        if (selfClosing) strings.push('');
        else inItem = true;
      } else if (inItem) item.open(name);
    },
    text(text) {
      if (inItem && !item.text(text)) throw tooLongText(budget, `Chuỗi văn bản dùng chung thứ ${nf(strings.length + 1)}`);
    },
    close(name) {
      if (name === 'si' && inItem) {
        const text = item.take();
        if (text === null) throw tooLongText(budget, `Chuỗi văn bản dùng chung thứ ${nf(strings.length + 1)}`);
        strings.push(text);
        inItem = false;
      } else if (inItem) item.close(name);
    },
  });
  return strings;
}

// ---------------------------------------------------------------------------------------------
// worksheets

export interface CellContext {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

/** A date serial as Excel counts it (from 1900, or from 1904 in workbooks set so). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

export interface WorksheetOptions {
  /** keep the rows (false: only check the sheet against the limits) */
  keepRows: boolean;
}

/** Reads one worksheet part into rows, checking every address, count and merged range. */
export async function readWorksheet(
  input: Readable | Buffer,
  part: XmlPart,
  sheet: string,
  ctx: CellContext,
  budget: WorkbookBudget,
  options: WorksheetOptions,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const merges: Area[] = [];
  const refuse = (message: string) => budget.refuse(message, sheet);
  const damaged = (cell: string, detail: string) => new UserError([{ file: budget.fileName, sheet, cell, message: `${detail}; tệp bị hỏng, hãy mở và lưu lại bằng Excel.` }]);
  const maxCells = budget.forFullLoad ? MAX_CELLS_FULL_LOAD : MAX_CELLS;

  let inSheetData = false;
  let rowNumber = 0;
  let values: CellValue[] = [];
  let unsaved: number[] | undefined;
  let any = false;
  let column = 0;
  // the cell being read
  let inCell = false;
  let type: string | undefined;
  let style = 0;
  let hasFormula = false;
  let capturing = false;
  let raw: string | null = null;
  let inInline = false;
  const inline = new StringItem();

  const address = () => `${columnLetters(column)}${rowNumber}`;
  const endCell = () => {
    if (!options.keepRows) {
      // only checked: a text longer than a cell can hold
      const text = type === 'inlineStr' ? inline.take() : type === 'str' && raw !== null ? unescapeText(raw) : '';
      if (text === null || text.length > MAX_CELL_TEXT) throw tooLongText(budget, `Ô ${address()}`, sheet);
      return;
    }
    let value: CellValue = null;
    const v = raw;
    switch (type) {
      case 's':
        if (v !== null && v !== '') {
          const index = Number(v);
          const s = Number.isInteger(index) ? ctx.shared[index] : undefined;
          if (s === undefined) throw damaged(address(), `ô trỏ tới chuỗi văn bản dùng chung số ${shown(v)} không có trong tệp`);
          value = s;
        }
        break;
      case 'inlineStr': {
        const text = inline.take();
        if (text === null) throw tooLongText(budget, `Ô ${address()}`, sheet);
        value = text;
        break;
      }
      case 'str':
        if (v !== null) {
          value = unescapeText(v).normalize('NFC');
          if (value.length > MAX_CELL_TEXT) throw tooLongText(budget, `Ô ${address()}`, sheet);
        }
        break;
      case 'b':
        if (v !== null && v.trim() !== '') value = v.trim() === '1' || v.trim() === 'true';
        break;
      case 'e':
        break;
      case 'd':
        if (v !== null && v.trim() !== '') {
          value = new Date(v.trim());
          if (Number.isNaN(value.getTime())) throw damaged(address(), `ô có ngày "${shown(v)}" không hợp lệ`);
        }
        break;
      case undefined:
      case 'n':
        if (v !== null && v.trim() !== '') {
          const n = Number(v);
          if (!Number.isFinite(n)) throw damaged(address(), `ô có số "${shown(v)}" không hợp lệ`);
          value = ctx.dates[style] ? excelDate(n, ctx.date1904) : n;
        }
        break;
      default:
        throw damaged(address(), `ô có kiểu dữ liệu "${shown(type)}" không hợp lệ`);
    }
    // a formula with no saved result (openpyxl writes none, or an empty <v>); "" is a result for t="str"
    if (hasFormula && type !== 'e' && type !== 'inlineStr' && (v === null || (v === '' && type !== 'str'))) {
      (unsaved ??= []).push(column - 1);
    }
    if (value === null || value === '') return;
    if (column > values.length) {
      budget.slots += column - values.length;
      if (budget.slots > MAX_ROW_SLOTS) {
        throw refuse(`Dữ liệu của tệp trải trên quá nhiều ô (giới hạn ${nf(MAX_ROW_SLOTS)} ô, tính cả các ô trống nằm giữa); hãy xóa các cột, dòng thừa rồi gửi lại.`);
      }
      while (values.length < column - 1) values.push(null);
      values.push(value);
    } else values[column - 1] = value;
    any = true;
  };

  await readXml(input, part, {
    open(name, a, selfClosing) {
      if (inCell) {
        if (name === 'v') {
          capturing = true;
          raw ??= '';
        } else if (name === 'f') hasFormula = true;
        else if (name === 'is') inInline = true;
        else if (inInline) inline.open(name);
        return;
      }
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = a.r;
          const next = r === undefined ? rowNumber + 1 : rowOf(r, 0);
          if (!next || next > MAX_ROWS) {
            throw refuse(`Tệp có dòng số "${shown(r ?? String(rowNumber + 1))}" vượt quá giới hạn của Excel (${nf(MAX_ROWS)} dòng); tệp bị hỏng hoặc không phải do Excel tạo ra.`);
          }
          rowNumber = next;
          values = [];
          unsaved = undefined;
          any = false;
          column = 0;
          if (selfClosing) endRow();
          return;
        }
        case 'c': {
          if (!inSheetData || rowNumber === 0) return;
          if (++budget.cells > maxCells) {
            throw refuse(`Tệp có hơn ${nf(maxCells)} ô; tệp quá lớn để nhập, hãy chia nhỏ hoặc xóa các vùng không cần thiết.`);
          }
          const r = a.r;
          if (r !== undefined) {
            const ref = parseCellRef(r);
            if (!ref) {
              throw refuse(`Tệp có ô địa chỉ "${shown(r)}" vượt quá giới hạn của Excel (cột XFD, dòng ${nf(MAX_ROWS)}); tệp bị hỏng hoặc không phải do Excel tạo ra.`);
            }
            column = ref.column;
          } else if (++column > MAX_COLUMNS) {
            throw refuse(`Dòng ${nf(rowNumber)} có nhiều hơn ${nf(MAX_COLUMNS)} ô, vượt quá giới hạn của Excel; tệp bị hỏng.`);
          }
          type = a.t;
          style = a.s === undefined ? 0 : Number(a.s);
          hasFormula = false;
          raw = null;
          inInline = false;
          inline.reset();
          if (selfClosing) endCell();
          else inCell = true;
          return;
        }
        case 'mergeCell': {
          const ref = a.ref ?? '';
          const area = parseArea(ref);
          if (!area) throw refuse(`Tệp có vùng gộp ô "${shown(ref)}" không hợp lệ hoặc vượt quá giới hạn của Excel; tệp bị hỏng hoặc không phải do Excel tạo ra.`);
          budget.mergedCells += areaSize(area);
          if (budget.mergedCells > MAX_MERGED_CELLS) {
            throw refuse(`Các vùng gộp ô của tệp rộng quá ${nf(MAX_MERGED_CELLS)} ô (vùng "${shown(ref)}"); hãy bỏ gộp các vùng quá lớn (Merge & Center) rồi gửi lại.`);
          }
          if (areaSize(area) > 1) merges.push(area);
          return;
        }
        case 'col': {
          const min = Number(a.min);
          const max = Number(a.max);
          if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max && max <= MAX_COLUMNS)) {
            throw refuse(`Tệp khai báo cột số ${shown(`${a.min}–${a.max}`)}, vượt quá giới hạn của Excel (${nf(MAX_COLUMNS)} cột); tệp bị hỏng hoặc không phải do Excel tạo ra.`);
          }
          return;
        }
        case 'dataValidation': {
          // only the full loader expands these ranges, one object per cell
          if (!budget.forFullLoad) return;
          for (const ref of (a.sqref ?? '').split(/\s+/).filter(Boolean)) {
            const area = parseArea(ref);
            budget.expandedRangeCells += area ? areaSize(area) : Infinity;
            if (budget.expandedRangeCells > MAX_EXPANDED_RANGE_CELLS) {
              throw refuse(`Tệp có vùng kiểm tra dữ liệu (Data Validation) "${shown(ref)}" quá lớn (giới hạn ${nf(MAX_EXPANDED_RANGE_CELLS)} ô); hãy thu hẹp vùng này rồi gửi lại.`);
            }
          }
          return;
        }
        default:
      }
    },
    text(text) {
      if (capturing) {
        raw += text;
        if (raw!.length > MAX_RAW_TEXT) throw tooLongText(budget, `Ô ${address()}`, sheet);
      } else if (inInline && !inline.text(text)) throw tooLongText(budget, `Ô ${address()}`, sheet);
    },
    close(name) {
      if (inCell) {
        if (name === 'v') capturing = false;
        else if (name === 'is') inInline = false;
        else if (name === 'c') {
          inCell = false;
          endCell();
        } else if (inInline) inline.close(name);
        return;
      }
      if (name === 'row' && inSheetData) endRow();
      else if (name === 'sheetData') inSheetData = false;
    },
  });

  function endRow(): void {
    if (!options.keepRows || (!any && !unsaved)) return;
    const row: SheetRow = { rowNumber, values };
    if (unsaved) row.formulasWithoutValue = unsaved;
    rows.push(row);
    values = [];
    unsaved = undefined;
    any = false;
  }

  return merges.length && options.keepRows ? withoutMergedCells(rows, merges) : rows;
}

/** Blanks merged cells other than each range's master, as Excel shows them, and drops rows left empty. */
function withoutMergedCells(rows: SheetRow[], merges: Area[]): SheetRow[] {
  const byNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = m.left; c <= m.right && c <= row.values.length; c++) if (r !== m.top || c !== m.left) row.values[c - 1] = null;
    }
  }
  return rows.filter((row) => {
    const v = row.values;
    while (v.length && v[v.length - 1] === null) v.pop();
    return v.length > 0 || row.formulasWithoutValue !== undefined;
  });
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

/** Refs of a part that the full loader reads by address (comments, tables): each within Excel's sheet. */
export async function checkRefsForFullLoad(input: Readable | Buffer, part: XmlPart, budget: WorkbookBudget): Promise<void> {
  await readXml(input, part, {
    open(name, a) {
      if ((name === 'comment' || name === 'table' || name === 'autoFilter') && a.ref !== undefined && !parseArea(a.ref)) {
        throw budget.refuse(`Tệp có địa chỉ "${shown(a.ref)}" vượt quá giới hạn của Excel trong phần ${part.part}; tệp bị hỏng hoặc không phải do Excel tạo ra.`);
      }
    },
  });
}
