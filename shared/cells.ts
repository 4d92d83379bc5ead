// What a spreadsheet cell holds, read as a number the way staff type them (decimal comma,
// text numbers) — one rule for every import. A cell that cannot be a number is a
// CellValueError whose message says why in Vietnamese, for the caller to place (file, sheet,
// cell) and report with the other problems.
import { formatDate, parseLocaleNumber } from './format';

export type CellScalar = string | number | boolean | Date | null | undefined;

/** A cell whose content is not what the column asks for; `message` says what it holds instead. */
export class CellValueError extends Error {
  override name = 'CellValueError';
}

export interface CellNumberOptions {
  /** "0,5%" read as 0.5 (a share) instead of refused; points must never be percentages */
  percent?: boolean;
}

/** The number in a cell, or null when it is blank. */
export function cellNumber(value: CellScalar, options: CellNumberOptions = {}): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CellValueError('ô chứa một giá trị không phải số');
    return value;
  }
  if (value instanceof Date) {
    // a calendar day with no time zone: Excel turned what was typed ("1/2") into a date
    throw new CellValueError(
      `ô chứa ngày ${formatDate(value, { timeZone: 'UTC' })} chứ không phải số (Excel đã hiểu số vừa gõ là ngày tháng; hãy định dạng ô là số rồi gõ lại)`,
    );
  }
  if (typeof value === 'boolean') throw new CellValueError(`ô chứa giá trị ${value ? 'TRUE' : 'FALSE'}, không phải số`);
  const text = value.normalize('NFC').trim();
  if (text === '') return null;
  if (text.endsWith('%') && !options.percent) {
    throw new CellValueError(`"${text}" là tỷ lệ phần trăm, không phải điểm; hãy nhập số điểm, ví dụ 0,5`);
  }
  const n = parseLocaleNumber(text);
  if (n === null) throw new CellValueError(`"${text}" không phải là số; hãy nhập một số, ví dụ 2,5`);
  return n;
}
