import path from 'node:path';
import { BLOCK_DEFAULT_NAMES } from '../../../shared/domain';
import type { Problem } from '../../../shared/errors';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import type { UnitInput } from './service';
import { readTable, TableReader, mapColumns } from '../../excel/tabular';
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

/**
 * Imports the unit list (Mã, Tên đơn vị, Khối, Kế thừa từ, Xếp hạng): new codes are added,
 * known ones updated. All or nothing.
 */
export async function importUnitsFile(ws: Workspace, file: string): Promise<UnitsImportSummary> {
  const table = await readTable(file);
  const reader = new TableReader(
    table,
    mapColumns(table, [
      { key: 'code', headers: ['Mã', 'Mã đơn vị'], required: true },
      { key: 'name', headers: ['Tên đơn vị', 'Tên', 'Đơn vị'], required: true },
      { key: 'block', headers: ['Khối', 'Mã khối'], required: true },
      { key: 'predecessors', headers: ['Kế thừa từ', 'Đơn vị tiền thân'], required: false },
      { key: 'ranked', headers: ['Xếp hạng'], required: false },
    ]),
  );
  const inputs: UnitInput[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const code = reader.text(row, 'code');
    const name = reader.text(row, 'name');
    const block = blockCodeOf(reader.text(row, 'block'));
    if (!code) reader.problem(row, 'code', 'Thiếu mã đơn vị; hãy nhập mã.');
    if (!name) reader.problem(row, 'name', 'Thiếu tên đơn vị; hãy nhập tên.');
    if (!block) reader.problem(row, 'block', 'Thiếu mã khối (ví dụ: so, huyen, xa); hãy nhập mã khối.');
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
    if (code) firstRow.set(code, row.rowNumber);
    if (code && name && block) inputs.push({ code, name, blockCode: block, ranked, predecessors });
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
  const before = new Set(listUnits(ws).map((u) => u.code));
  const blocksBefore = new Set(listBlocks(ws).map((b) => b.code));
  upsertUnits(ws, inputs);
  const blocksCreated = listBlocks(ws)
    .map((b) => b.code)
    .filter((c) => !blocksBefore.has(c));
  const created = inputs.filter((u) => !before.has(u.code)).length;
  return { file: path.basename(file), units: inputs.length, created, updated: inputs.length - created, blocksCreated, warnings: table.warnings };
}
