import path from 'node:path';
import { BLOCK_DEFAULT_NAMES, isValidYear } from '../../../shared/domain';
import type { Problem } from '../../../shared/errors';
import { matchKey } from '../../../shared/text';
import { unitCodeProblem } from '../../../shared/units/codes';
import type { Workspace } from '../../db/workspace';
import type { UnitInput } from './service';
import { readTable, TableReader, mapColumns, type TableRow } from '../../excel/tabular';
import { upsertUnits } from './service';
import { listUnits } from './store';
import { listBlocks } from '../workspace/store';

export interface UnitsImportSummary {
  file: string;
  units: number;
  created: number;
  updated: number;
  blocksCreated: string[];
  /** what the reader assumed (e.g. a CSV's encoding) */
  warnings: Problem[];
}

/** A block as written: its code, or one of the usual names ("Khối sở" → so). */
function blockCodeOf(text: string | null): string | null {
  if (!text) return null;
  const key = matchKey(text);
  const byName = Object.entries(BLOCK_DEFAULT_NAMES).find(([, name]) => matchKey(name) === key);
  return byName ? byName[0] : text;
}

/** A unit list read from a file and checked, before anything is written. */
export interface UnitsFile {
  file: string;
  units: UnitInput[];
  /** what the reader assumed (e.g. a CSV's encoding) */
  warnings: Problem[];
}

/** How a unit of the file compares with the workspace. */
export interface UnitPreview {
  unit: UnitInput;
  status: 'new' | 'changed' | 'unchanged';
  /** the fields that change, in Vietnamese ("tên", "khối", …) */
  changes: string[];
}

const YEAR_HEADERS = { from: ['Từ năm', 'Năm bắt đầu'], to: ['Đến năm', 'Năm kết thúc'] };

/**
 * Reads the unit list (Mã, Tên đơn vị, Khối, Kế thừa từ, Xếp hạng, Từ năm, Đến năm) and
 * checks every row against itself and the workspace; refuses with every bad row named.
 */
export async function readUnitsFile(ws: Workspace, file: string): Promise<UnitsFile> {
  const table = await readTable(file);
  const reader = new TableReader(
    table,
    mapColumns(table, [
      { key: 'code', headers: ['Mã', 'Mã đơn vị'], required: true },
      { key: 'name', headers: ['Tên đơn vị', 'Tên', 'Đơn vị'], required: true },
      { key: 'block', headers: ['Khối', 'Mã khối'], required: true },
      { key: 'predecessors', headers: ['Kế thừa từ', 'Đơn vị tiền thân'], required: false },
      { key: 'ranked', headers: ['Xếp hạng'], required: false },
      { key: 'fromYear', headers: YEAR_HEADERS.from, required: false },
      { key: 'toYear', headers: YEAR_HEADERS.to, required: false },
    ]),
  );
  const inputs: UnitInput[] = [];
  const firstRow = new Map<string, number>();
  const yearOf = (row: TableRow, key: 'fromYear' | 'toYear', label: string): number | null => {
    const n = reader.number(row, key, label);
    if (n !== null && !isValidYear(n)) {
      reader.problem(row, key, `${label} "${n}" không phải là một năm; hãy ghi năm bốn chữ số, ví dụ 2025, hoặc để trống.`);
      return null;
    }
    return n;
  };
  for (const row of table.rows) {
    const code = reader.text(row, 'code');
    const name = reader.text(row, 'name');
    const block = blockCodeOf(reader.text(row, 'block'));
    if (!code) reader.problem(row, 'code', 'Thiếu mã đơn vị; hãy nhập mã.');
    if (!name) reader.problem(row, 'name', 'Thiếu tên đơn vị; hãy nhập tên.');
    if (!block) reader.problem(row, 'block', 'Thiếu mã khối (ví dụ: so, huyen, xa); hãy nhập mã khối.');
    const codeProblem = code ? unitCodeProblem(code) : null;
    if (codeProblem) reader.problem(row, 'code', `${codeProblem[0].toUpperCase()}${codeProblem.slice(1)}.`);
    if (code && firstRow.has(code)) {
      reader.problem(row, 'code', `Mã đơn vị ${code} đã có ở dòng ${firstRow.get(code)}; mỗi đơn vị chỉ một dòng.`);
    }
    const rankedText = reader.text(row, 'ranked');
    let ranked = true;
    if (rankedText) {
      const k = matchKey(rankedText);
      if (['khong', 'khong xep hang', 'kxh', 'no', '0'].includes(k)) ranked = false;
      else if (!['co', 'x', 'yes', '1', 'xep hang'].includes(k)) {
        reader.problem(row, 'ranked', `Giá trị "${rankedText}" không hợp lệ; ghi "không" nếu đơn vị chỉ chấm điểm, không xếp hạng, hoặc để trống.`);
      }
    }
    const predecessors = (reader.text(row, 'predecessors') ?? '')
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const years = reader.has('fromYear') || reader.has('toYear');
    const fromYear = reader.has('fromYear') ? yearOf(row, 'fromYear', 'Từ năm') : undefined;
    const toYear = reader.has('toYear') ? yearOf(row, 'toYear', 'Đến năm') : undefined;
    if (fromYear != null && toYear != null && fromYear > toYear) {
      reader.problem(row, 'toYear', `"Đến năm" ${toYear} trước "Từ năm" ${fromYear}; hãy sửa lại.`);
    }
    if (code) firstRow.set(code, row.rowNumber);
    if (code && name && block) {
      inputs.push({ code, name, blockCode: block, ranked, predecessors, ...(years ? { fromYear: fromYear ?? null, toYear: toYear ?? null } : {}) });
    }
  }
  const known = new Set([...listUnits(ws).map((u) => u.code), ...firstRow.keys()]);
  for (const row of table.rows) {
    const code = reader.text(row, 'code');
    for (const p of (reader.text(row, 'predecessors') ?? '').split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
      if (p === code) reader.problem(row, 'predecessors', `Đơn vị ${code} không thể kế thừa từ chính nó.`);
      else if (!known.has(p)) {
        reader.problem(row, 'predecessors', `Đơn vị tiền thân "${p}" không có trong tệp lẫn trong dữ liệu; hãy kiểm tra mã.`);
      }
    }
  }
  if (table.rows.length === 0) reader.problems.push({ file: table.fileName, message: 'Tệp không có dòng đơn vị nào dưới dòng tiêu đề.' });
  reader.throwIfProblems();
  return { file: path.basename(file), units: inputs, warnings: table.warnings };
}

/** What importing the units would do: which are new, which change and how, which stay as they are. */
export function previewUnits(ws: Workspace, read: UnitsFile): UnitPreview[] {
  const current = new Map(listUnits(ws).map((u) => [u.code, u]));
  return read.units.map((unit) => {
    const known = current.get(unit.code);
    if (!known) return { unit, status: 'new', changes: [] };
    const changes: string[] = [];
    if (known.name !== unit.name) changes.push('tên');
    if (known.blockCode !== unit.blockCode) changes.push('khối');
    if (known.ranked !== (unit.ranked !== false)) changes.push('xếp hạng');
    if (unit.predecessors && [...known.predecessors].sort().join() !== [...new Set(unit.predecessors)].filter((p) => p !== unit.code).sort().join()) {
      changes.push('kế thừa từ');
    }
    if (unit.fromYear !== undefined && (known.fromYear ?? null) !== unit.fromYear) changes.push('từ năm');
    if (unit.toYear !== undefined && (known.toYear ?? null) !== unit.toYear) changes.push('đến năm');
    return { unit, status: changes.length ? 'changed' : 'unchanged', changes };
  });
}

/**
 * Imports the unit list: new codes are added, known ones updated, all or nothing, recorded
 * as one change that can be undone.
 */
export async function importUnitsFile(ws: Workspace, file: string, actor?: string): Promise<UnitsImportSummary> {
  const read = await readUnitsFile(ws, file);
  const before = new Set(listUnits(ws).map((u) => u.code));
  const blocksBefore = new Set(listBlocks(ws).map((b) => b.code));
  upsertUnits(ws, read.units, { source: 'import', actor });
  const blocksCreated = listBlocks(ws)
    .map((b) => b.code)
    .filter((c) => !blocksBefore.has(c));
  const created = read.units.filter((u) => !before.has(u.code)).length;
  return { file: read.file, units: read.units.length, created, updated: read.units.length - created, blocksCreated, warnings: read.warnings };
}
