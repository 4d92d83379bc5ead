// Worksheets read through saxes, row by row, with every figure a file declares bounded by
// ./limits: cell addresses within XFD1048576, rows, columns, merged areas, counts of cells and
// of the slots the rows take, text lengths. Values come out as users see them: a formula's
// saved result, rich text as text, NFC text, dates for numbers in a date format; a formula
// saved without its result is marked, not guessed; merged cells other than the master are blank.
import type { Readable } from 'node:stream';
import { UserError } from '../../shared/errors';
import { MAX_CELL_TEXT, MAX_CELLS, MAX_CELLS_FULL_LOAD, MAX_COLUMNS, MAX_EXPANDED_RANGE_CELLS, MAX_MERGED_CELLS, MAX_ROW_SLOTS, MAX_ROWS } from './limits';
import {
  StringItem,
  WorkbookBudget,
  areaSize,
  columnLetters,
  nf,
  parseArea,
  parseCellRef,
  rowOf,
  shown,
  tooLongText,
  unescapeText,
  MAX_RAW_TEXT,
  type Area,
  type CellValue,
  type SheetRow,
} from './cells';
import { readXml, type XmlPart } from './xml';

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
