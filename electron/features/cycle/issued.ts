// The hidden sheet that files the workbench sends out for a cycle (council packages, notices)
// carry, and its reading when they come back: which workspace issued the file, its id, year,
// to whom, when, and each row as it stood at issue. The workspace keeps the same record, so a
// file whose sheet differs from it was altered, and one of another workspace is told apart.
import { UserError } from '../../../shared/errors';
import { matchKey } from '../../../shared/text';
import type { CellValue } from '../../excel/cells';
import type { SheetSpec } from '../../excel/writer';
import type { WorkbookValues } from '../../excel/workbook-values';

export const ISSUED_SHEET = '_parw_issued';
const ROWS_FROM = 12;

export interface IssuedRow {
  /** the row of the visible sheet it was written to */
  sheetRow: number;
  unit: string;
  criterion: string;
  /** the appraised score at issue */
  value: number | null;
  /** the remark at issue */
  remark: string | null;
}

export interface IssuedMeta {
  format: string;
  workspace: string;
  id: string;
  year: number;
  /** the member's id (packages) or the unit's code (notices) */
  to: string;
  toName: string;
  issuedAt: string;
  rows: IssuedRow[];
}

/** The very hidden sheet holding `meta`. */
export function issuedSheet(meta: IssuedMeta): SheetSpec {
  const head: [string, string | number][] = [
    ['format', meta.format],
    ['version', 1],
    ['workspace', meta.workspace],
    ['id', meta.id],
    ['year', meta.year],
    ['to', meta.to],
    ['toName', meta.toName],
    ['issuedAt', meta.issuedAt],
    ['rows', meta.rows.length],
  ];
  const rows: (string | number | null)[][] = head.map(([k, v]) => [k, v]);
  while (rows.length < ROWS_FROM - 1) rows.push([]);
  for (const r of meta.rows) rows.push(['row', r.sheetRow, r.unit, r.criterion, r.value, r.remark]);
  return { name: ISSUED_SHEET, state: 'veryHidden', rows, protection: { password: 'cchc' } };
}

const text = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v).trim() || null);

/**
 * The record of a returned file: null when it has no such sheet (not a file the workbench sent);
 * refuses a sheet of another kind or one that cannot be read as written.
 */
export function readIssued(wb: WorkbookValues, fileName: string, format: string, what: string): IssuedMeta | null {
  const sheet = wb.sheets.find((s) => s.name === ISSUED_SHEET);
  if (!sheet) return null;
  const values = new Map<string, CellValue>();
  const rows: IssuedRow[] = [];
  const broken = (detail: string) =>
    new UserError([{ file: fileName, sheet: ISSUED_SHEET, message: `Trang nhận dạng của ${what} đã bị sửa (${detail}); hãy dùng đúng tệp đã gửi đi.` }]);
  for (const row of sheet.grid().rows) {
    const key = text(row.values[0]);
    if (key === 'row') {
      const [, sheetRow, unit, criterion, value, remark] = row.values;
      if (typeof sheetRow !== 'number' || !text(unit) || !text(criterion) || (value !== null && value !== undefined && typeof value !== 'number')) {
        throw broken(`dòng ${row.rowNumber}`);
      }
      rows.push({ sheetRow, unit: text(unit)!, criterion: text(criterion)!, value: typeof value === 'number' ? value : null, remark: text(remark) });
    } else if (key) values.set(key, row.values[1] ?? null);
  }
  if (text(values.get('format')) !== format) {
    throw new UserError([{ file: fileName, sheet: ISSUED_SHEET, message: `Tệp không phải ${what} do PAR Workbench lập.` }]);
  }
  const year = Number(values.get('year'));
  const meta: IssuedMeta = {
    format,
    workspace: text(values.get('workspace')) ?? '',
    id: text(values.get('id')) ?? '',
    year,
    to: text(values.get('to')) ?? '',
    toName: text(values.get('toName')) ?? '',
    issuedAt: text(values.get('issuedAt')) ?? '',
    rows,
  };
  if (!Number.isInteger(year) || !meta.id || !meta.workspace || Number(values.get('rows')) !== rows.length) throw broken('thiếu thông tin');
  return meta;
}

/** Whether the rows of a returned file's record are the rows the workspace recorded at issue. */
export function sameRows(a: IssuedRow[], b: IssuedRow[]): boolean {
  return a.length === b.length && a.every((r, i) => {
    const o = b[i];
    return r.sheetRow === o.sheetRow && r.unit === o.unit && r.criterion === o.criterion && sameNumber(r.value, o.value) && (r.remark ?? null) === (o.remark ?? null);
  });
}

/** Equal scores, allowing for the last digit an office suite may round when it saves the file again. */
export function sameNumber(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
}

/**
 * The table of a returned issued workbook: the sheet named `sheetName` first, else any visible
 * sheet, whose header row (in the first 30 rows) has every one of the `required` headers; with
 * the column of each. Null when no sheet has them.
 */
export function findIssuedTable<C extends string>(wb: WorkbookValues, sheetName: string, required: Record<C, string>) {
  const keys = Object.fromEntries(Object.entries<string>(required).map(([k, h]) => [k, matchKey(h)])) as Record<C, string>;
  const wanted = Object.keys(keys) as C[];
  const candidates = [...wb.sheets.filter((s) => s.name === sheetName), ...wb.sheets.filter((s) => s.name !== sheetName && s.state === 'visible')];
  for (const sheet of candidates) {
    const grid = sheet.grid();
    for (const row of grid.rows) {
      if (row.rowNumber > 30) break;
      const cols: Partial<Record<C, number>> = {};
      row.values.forEach((v, i) => {
        if (typeof v !== 'string') return;
        for (const k of wanted) if (cols[k] === undefined && matchKey(v) === keys[k]) cols[k] = i;
      });
      if (Object.keys(cols).length === wanted.length) return { grid, headerRow: row.rowNumber, cols: cols as Record<C, number> };
    }
  }
  return null;
}
