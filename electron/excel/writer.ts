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

/** What Excel checks when a value is typed into a cell. */
export type CellValidation =
  | { kind: 'decimal'; min: number; max: number; title?: string; message?: string }
  | { kind: 'list'; values: string[]; title?: string; message?: string };

export interface CellSpec {
  value: Scalar | FormulaValue;
  style?: CellStyle;
  /** may be edited on a protected sheet */
  unlocked?: boolean;
  validation?: CellValidation;
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
  /** rows (and columns) kept in view while scrolling */
  freeze?: { rows: number; columns?: number };
  /** protected: only cells marked `unlocked` can be changed; the password keeps accidents out, it is no secret */
  protection?: { password: string };
  print?: {
    orientation?: 'portrait' | 'landscape';
    /** fit all columns on the page width */
    fitToWidth?: boolean;
    /** rows repeated at the top of every printed page, e.g. [5, 5] */
    repeatRows?: [number, number];
    footer?: string;
  };
}

export interface WorkbookSpec {
  title?: string;
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
      const val = spec1.validation;
      if (val) {
        cell.dataValidation =
          val.kind === 'decimal'
            ? {
                type: 'decimal',
                operator: 'between',
                allowBlank: true,
                formulae: [val.min, val.max],
                showErrorMessage: true,
                errorTitle: val.title,
                error: val.message,
              }
            : {
                type: 'list',
                allowBlank: true,
                formulae: [`"${val.values.join(',')}"`],
                showErrorMessage: true,
                errorTitle: val.title,
                error: val.message,
              };
      }
    });
  });
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) sheet.getRow(Number(r)).height = h;
  for (const m of spec.merges ?? []) sheet.mergeCells(m);
  if (spec.freeze) sheet.views = [{ state: 'frozen', ySplit: spec.freeze.rows, xSplit: spec.freeze.columns ?? 0 }];
  const print = spec.print;
  if (print) {
    sheet.pageSetup = {
      paperSize: 9,
      orientation: print.orientation ?? 'portrait',
      fitToPage: Boolean(print.fitToWidth),
      fitToWidth: print.fitToWidth ? 1 : undefined,
      fitToHeight: print.fitToWidth ? 0 : undefined,
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
