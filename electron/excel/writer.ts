// Workbooks the app writes, described as plain data (WorkbookSpec) by the features and drawn
// here with exceljs: features never touch the Excel library, and their tests can read the
// spec as well as the file. Official prints use Times New Roman, A4.
import type ExcelJS from 'exceljs';
import { writeFileAtomically } from '../files/output';
import { loadExcel } from './xlsx';

export const PRINT_FONT = 'Times New Roman';

export type Scalar = string | number | boolean | Date | null;

/** A formula with the result it shows: written with its result, since no reader computes it. */
export interface FormulaValue {
  formula: string;
  result: number | string | null;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** ARGB colour of the text, e.g. "FF1F4E79" */
  color?: string;
  /** ARGB colour of the background */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  /** Excel number format, e.g. "0.00" or "0.00%" */
  numFmt?: string;
}

interface ValidationText {
  /** the refusal's title and text when a typed value breaks the rule */
  title?: string;
  message?: string;
  /** a warning the person may pass instead of a refusal */
  warnOnly?: boolean;
  /** shown when the cell is selected (Excel keeps 255 characters) */
  prompt?: { title: string; text: string };
}

/** What Excel checks when a value is typed into a cell. */
export type CellValidation = ValidationText &
  (
    | { kind: 'decimal' | 'whole'; min: number; max: number }
    /** a choice among `values`, or among the cells of `range` ("'Đơn vị'!$A$2:$A$40") */
    | { kind: 'list'; values?: string[]; range?: string }
  );

export interface CellSpec {
  value: Scalar | FormulaValue;
  style?: CellStyle;
  /** may be edited on a protected sheet */
  unlocked?: boolean;
  validation?: CellValidation;
  /** a comment shown when the pointer rests on the cell */
  note?: string;
}

export type CellInput = CellSpec | Scalar;

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** widths in characters; hidden columns keep their data out of sight */
  columns?: { width: number; hidden?: boolean }[];
  /** from row 1 down; a row may be shorter than others */
  rows: CellInput[][];
  /** the style every cell of the sheet starts from */
  baseStyle?: CellStyle;
  rowHeights?: Record<number, number>;
  /** "A1:F1" */
  merges?: string[];
  /** rows (and columns) kept in view while scrolling; the cell selected when the sheet opens */
  freeze?: { rows: number; columns?: number; activeCell?: string };
  /** rules for whole ranges ("A2:A5001"), beside those of single cells */
  validations?: { range: string; rule: CellValidation }[];
  /** protected: only cells marked `unlocked` can be changed; the password keeps accidents out, it is no secret */
  protection?: { password: string };
  print?: {
    orientation?: 'portrait' | 'landscape';
    /** fit all columns on the page width */
    fitToWidth?: boolean;
    /** the table centred between the side margins */
    centered?: boolean;
    /** rows repeated at the top of every printed page, e.g. [5, 5] */
    repeatRows?: [number, number];
    footer?: string;
  };
}

export interface WorkbookSpec {
  title?: string;
  /** formulas are computed when the file is opened (their written results are placeholders) */
  recalculateOnOpen?: boolean;
  subject?: string;
  sheets: SheetSpec[];
  /** workbook-level names, e.g. { name: 'PARW_META', ref: "'_meta'!$A$1:$B$10" } */
  definedNames?: { name: string; ref: string }[];
}

/** A header row and data rows with borders, the header bold, repeated on every printed page. */
export function tableSheet(
  name: string,
  headers: string[],
  widths: number[],
  rows: CellInput[][],
  options: Partial<Omit<SheetSpec, 'name' | 'rows' | 'columns'>> = {},
): SheetSpec {
  const header = headers.map((h): CellSpec => ({ value: h, style: { bold: true, align: 'center', vertical: 'middle', fill: 'FFE7EEF7' } }));
  return {
    name,
    columns: widths.map((width) => ({ width })),
    rows: [header, ...rows],
    baseStyle: { border: true, vertical: 'top', wrap: true, size: 12 },
    freeze: { rows: 1 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [1, 1] },
    ...options,
  };
}

function isCellSpec(c: CellInput): c is CellSpec {
  return c !== null && typeof c === 'object' && !(c instanceof Date) && 'value' in c;
}

const thin = { style: 'thin' as const };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = { name: PRINT_FONT, size: style.size ?? 12, bold: style.bold, italic: style.italic, color: style.color ? { argb: style.color } : undefined };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
  cell.alignment = { horizontal: style.align, vertical: style.vertical, wrapText: style.wrap, indent: style.indent };
  if (style.border) cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (style.numFmt) cell.numFmt = style.numFmt;
}

function dataValidation(rule: CellValidation): ExcelJS.DataValidation {
  const text = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.warnOnly ? 'warning' : 'stop',
    errorTitle: rule.title,
    error: rule.message,
    ...(rule.prompt ? { showInputMessage: true, promptTitle: rule.prompt.title, prompt: rule.prompt.text.slice(0, 255) } : {}),
  };
  if (rule.kind === 'list') {
    return { type: 'list', formulae: [rule.range ?? `"${(rule.values ?? []).join(',')}"`], ...text };
  }
  return { type: rule.kind, operator: 'between', formulae: [rule.min, rule.max], ...text };
}

function drawSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
  if (spec.columns) {
    spec.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width;
      if (c.hidden) column.hidden = true;
    });
  }
  spec.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((input, c) => {
      const cell = row.getCell(c + 1);
      const spec1: CellSpec = isCellSpec(input) ? input : { value: input };
      const v = spec1.value;
      cell.value = v !== null && typeof v === 'object' && !(v instanceof Date) ? { formula: v.formula, result: v.result ?? undefined } : v;
      applyStyle(cell, { ...spec.baseStyle, ...spec1.style });
      if (spec1.unlocked) cell.protection = { locked: false };
      if (spec1.validation) cell.dataValidation = dataValidation(spec1.validation);
      if (spec1.note) cell.note = spec1.note;
    });
  });
  const ranges = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of spec.validations ?? []) ranges.add(v.range, dataValidation(v.rule));
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) sheet.getRow(Number(r)).height = h;
  for (const m of spec.merges ?? []) sheet.mergeCells(m);
  if (spec.freeze) sheet.views = [{ state: 'frozen', ySplit: spec.freeze.rows, xSplit: spec.freeze.columns ?? 0, activeCell: spec.freeze.activeCell }];
  const print = spec.print;
  if (print) {
    sheet.pageSetup = {
      paperSize: 9,
      orientation: print.orientation ?? 'portrait',
      fitToPage: Boolean(print.fitToWidth),
      fitToWidth: print.fitToWidth ? 1 : undefined,
      fitToHeight: print.fitToWidth ? 0 : undefined,
      horizontalCentered: print.centered,
      printTitlesRow: print.repeatRows ? `${print.repeatRows[0]}:${print.repeatRows[1]}` : undefined,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    if (print.footer) sheet.headerFooter = { oddFooter: print.footer };
  }
}

/** The workbook of `spec` as .xlsx bytes. */
export async function workbookBytes(spec: WorkbookSpec): Promise<Buffer> {
  const ExcelJSLib = await loadExcel();
  const wb = new ExcelJSLib.Workbook();
  wb.creator = 'PAR Workbench';
  if (spec.title) wb.title = spec.title;
  if (spec.subject) wb.subject = spec.subject;
  if (spec.recalculateOnOpen) wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of spec.sheets) drawSheet(wb, s);
  for (const n of spec.definedNames ?? []) wb.definedNames.add(n.ref, n.name);
  // protection last: exceljs hashes the password with few rounds (spinCount), which keeps
  // writing hundreds of forms fast; the password only guards against accidents
  for (const s of spec.sheets) {
    if (s.protection) {
      await wb.getWorksheet(s.name)!.protect(s.protection.password, {
        spinCount: 1000,
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the workbook of `spec` to `file`. */
export async function writeWorkbook(spec: WorkbookSpec, file: string): Promise<void> {
  writeFileAtomically(file, await workbookBytes(spec));
}
