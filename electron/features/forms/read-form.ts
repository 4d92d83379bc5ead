// Reads a returned self-assessment form into plain rows, whatever wrote it: this program's
// form (metadata sheet, hidden code column), the same form re-saved by another office suite,
// or a form made by hand with the usual headers. Values are taken as the unit sees them
// (a formula's saved result, rich text as text), text in NFC, legacy encodings converted.
import { UserError } from '../../../shared/errors';
import { parseLocaleNumber } from '../../../shared/format';
import { MAX_TEXT_LENGTH, matchKey, tooLongTextMessage } from '../../../shared/text';
import { cellAddress } from '../../excel/cells';
import { type CellValue, type SheetGrid } from '../../excel/xlsx';
import { detectLegacyVietnamese, type LegacyEncoding } from '../../../shared/legacy-encoding';
import type { WorkbookValues } from '../../excel/workbook-values';
import { COL, FORM_FORMAT, FORM_SHEET, HEADER_ALIASES, INSTRUCTIONS_SHEET, META_KEYS, META_SHEET } from './layout';

export interface FormMetadata {
  formatVersion: number;
  year: number;
  unitCode: string;
  unitName: string | null;
  blockCode: string | null;
  fingerprint: string;
  generatedAt: string | null;
}

/** A value as typed in one cell, with its address. */
export interface FormCell<T> {
  value: T;
  cell: string;
}

export interface FormRow {
  rowNumber: number;
  /** the hidden leaf code written by this program, when the column is there */
  code: string | null;
  stt: string | null;
  title: string | null;
  max: number | null;
  /** the self score cell as found: a number, text to parse, or something else */
  self: FormCell<CellValue>;
  evidence: FormCell<string | null>;
  explanation: FormCell<string | null>;
}

export interface LegacyConversion {
  sheet: string;
  cell: string;
  encoding: LegacyEncoding;
}

export interface FormContent {
  sheet: string;
  metadata: FormMetadata | null;
  /** why metadata present in the file could not be used, if so */
  metadataProblem: string | null;
  headerRow: number;
  /** the texts above the header (title, unit, year lines) */
  headingTexts: string[];
  hasCodeColumn: boolean;
  rows: FormRow[];
  legacy: LegacyConversion[];
}

type ColumnKey = keyof typeof COL;

/** Text as a person meant it: NFC, no-break spaces as spaces, runs of blanks squeezed, trimmed. */
function tidyText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

class TextReader {
  readonly legacy: LegacyConversion[] = [];
  constructor(private readonly sheet: string) {}

  /** A cell's text, legacy encodings converted (and noted), or null when blank. */
  text(value: CellValue | undefined, cell: string): string | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const raw = tidyText(String(value));
    if (!raw) return null;
    const legacy = detectLegacyVietnamese(raw);
    const text = legacy ? tidyText(legacy.text) : raw;
    if (text.length > MAX_TEXT_LENGTH) throw new UserError([{ sheet: this.sheet, cell, message: tooLongTextMessage(text.length) }]);
    if (legacy) this.legacy.push({ sheet: this.sheet, cell, encoding: legacy.encoding });
    return text;
  }
}

function headerKey(value: CellValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  return matchKey(value.replace(/\(.*?\)/g, ' ').replace(/[:*]/g, ' '));
}

function findColumns(values: CellValue[]): Partial<Record<ColumnKey, number>> {
  const found: Partial<Record<ColumnKey, number>> = {};
  values.forEach((v, i) => {
    const key = headerKey(v);
    if (!key) return;
    for (const k of Object.keys(HEADER_ALIASES) as ColumnKey[]) {
      if (found[k] === undefined && HEADER_ALIASES[k].includes(key)) {
        found[k] = i + 1;
        break;
      }
    }
  });
  return found;
}

interface HeaderMatch {
  grid: SheetGrid;
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
}

/** The first rows of a sheet that hold a header with an STT (or code) and a self score column. */
function findHeader(grid: SheetGrid): HeaderMatch | null {
  for (const row of grid.rows) {
    if (row.rowNumber > 40) break;
    const columns = findColumns(row.values);
    if (columns.self !== undefined && (columns.stt !== undefined || columns.code !== undefined)) {
      return { grid, headerRow: row.rowNumber, columns };
    }
  }
  return null;
}

function readMetadata(wb: WorkbookValues): { metadata: FormMetadata | null; problem: string | null } {
  const sheet = wb.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return { metadata: null, problem: null };
  const values = new Map<string, CellValue>();
  for (const row of sheet.grid().rows) {
    const key = row.values[0];
    if (typeof key === 'string') values.set(key.trim(), row.values[1] ?? null);
  }
  const str = (k: string) => {
    const v = values.get(k);
    return v === null || v === undefined ? null : String(v).trim() || null;
  };
  if (str(META_KEYS.format) !== FORM_FORMAT) {
    return { metadata: null, problem: 'trang thông tin nhận dạng của biểu mẫu không đúng định dạng' };
  }
  const year = Number(str(META_KEYS.year));
  const unitCode = str(META_KEYS.unitCode);
  const fingerprint = str(META_KEYS.fingerprint);
  if (!Number.isInteger(year) || !unitCode || !fingerprint) {
    return { metadata: null, problem: 'trang thông tin nhận dạng của biểu mẫu thiếu năm, mã đơn vị hoặc mã bộ chỉ số' };
  }
  return {
    metadata: {
      formatVersion: Number(str(META_KEYS.formatVersion) ?? 1),
      year,
      unitCode,
      unitName: str(META_KEYS.unitName),
      blockCode: str(META_KEYS.blockCode),
      fingerprint,
      generatedAt: str(META_KEYS.generatedAt),
    },
    problem: null,
  };
}

const TOTAL_ROW = /^(tong cong|tong so|tong diem|cong)\b/;

function numberOf(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseLocaleNumber(value);
  return null;
}

/**
 * The content of a returned form. Refuses (UserError naming the file) a workbook in which no
 * sheet has a header row with "STT" and "Điểm tự chấm".
 */
export function readForm(wb: WorkbookValues, fileName: string): FormContent {
  const { metadata, problem } = readMetadata(wb);
  const candidates = wb.sheets
    .filter((s) => s.name !== META_SHEET && s.name !== INSTRUCTIONS_SHEET)
    .sort((a, b) => Number(b.name === FORM_SHEET) - Number(a.name === FORM_SHEET));
  let match: HeaderMatch | null = null;
  for (const sheet of candidates) {
    match = findHeader(sheet.grid());
    if (match) break;
  }
  if (!match) {
    throw new UserError([
      {
        file: fileName,
        message:
          'Tệp không phải là biểu tự đánh giá: không trang nào có dòng tiêu đề với các cột "STT" và "Điểm tự chấm". ' +
          'Hãy dùng biểu mẫu do Sở Nội vụ gửi (tạo bằng PAR Workbench) hoặc thêm dòng tiêu đề này.',
      },
    ]);
  }
  const { grid, headerRow, columns } = match;
  const reader = new TextReader(grid.name);
  const headingTexts: string[] = [];
  const rows: FormRow[] = [];
  for (const row of grid.rows) {
    const at = (col: number | undefined) => (col === undefined ? undefined : row.values[col - 1]);
    const addr = (col: number | undefined) => (col === undefined ? '' : cellAddress(col, row.rowNumber));
    if (row.rowNumber < headerRow) {
      for (const [i, v] of row.values.entries()) {
        const t = reader.text(v, cellAddress(i + 1, row.rowNumber));
        if (t) headingTexts.push(t);
      }
      continue;
    }
    if (row.rowNumber === headerRow) continue;
    const code = reader.text(at(columns.code), addr(columns.code));
    const stt = reader.text(at(columns.stt), addr(columns.stt));
    const title = reader.text(at(columns.title), addr(columns.title));
    if (!code && !stt && !title) continue;
    if (!code && !stt && title && TOTAL_ROW.test(matchKey(title))) continue;
    const selfValue = at(columns.self) ?? null;
    rows.push({
      rowNumber: row.rowNumber,
      code,
      stt,
      title,
      max: numberOf(at(columns.max)),
      self: { value: typeof selfValue === 'string' ? tidyText(selfValue) || null : selfValue, cell: addr(columns.self) },
      evidence: { value: reader.text(at(columns.evidence), addr(columns.evidence)), cell: addr(columns.evidence) },
      explanation: { value: reader.text(at(columns.explanation), addr(columns.explanation)), cell: addr(columns.explanation) },
    });
  }
  return {
    sheet: grid.name,
    metadata,
    metadataProblem: problem,
    headerRow,
    headingTexts,
    hasCodeColumn: columns.code !== undefined,
    rows,
    legacy: reader.legacy,
  };
}
