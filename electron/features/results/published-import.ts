// A published table of results read from a file: Mã or Tên đơn vị, Chỉ số; optional Xếp hạng,
// Tổng điểm (see ./published.ts for how it serves year-over-year change).
import path from 'node:path';
import type { Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { mapColumns, readTable, TableReader } from '../../excel/tabular';
import { listUnits } from '../units/store';
import { ensurePeriod, requireBlock } from '../workspace/service';
import { writePublished, type PublishedRow } from './store';

export interface PublishedImportSummary {
  file: string;
  units: number;
}

/**
 * Reads a published table (Mã or Tên đơn vị, Chỉ số; optional Xếp hạng, Tổng điểm) of a year
 * and block and keeps it in place of the one before, all or nothing; units are matched by code,
 * else by name ignoring case and accents.
 */
export async function importPublishedFile(ws: Workspace, year: number, blockCode: string, file: string): Promise<PublishedImportSummary> {
  const block = requireBlock(ws, blockCode);
  const table = await readTable(file);
  const columns = mapColumns(table, [
    { key: 'code', headers: ['Mã', 'Mã đơn vị'], required: false },
    { key: 'name', headers: ['Tên đơn vị', 'Đơn vị', 'Tên'], required: false },
    { key: 'index', headers: ['Chỉ số', 'Chỉ số CCHC', 'Chỉ số (%)'], required: true },
    { key: 'rank', headers: ['Xếp hạng', 'Hạng', 'Thứ hạng'], required: false },
    { key: 'total', headers: ['Tổng điểm', 'Điểm đạt', 'Điểm'], required: false },
  ]);
  const reader = new TableReader(table, columns);
  if (!reader.has('code') && !reader.has('name')) {
    throw new UserError([{ file: table.fileName, sheet: table.sheet, row: table.headerRow, message: 'Thiếu cột "Mã" hoặc "Tên đơn vị" ở dòng tiêu đề; hãy thêm một trong hai cột.' }]);
  }
  const units = listUnits(ws).filter((u) => u.blockCode === blockCode);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byName = new Map<string, Unit[]>();
  for (const u of units) byName.set(matchKey(u.name), [...(byName.get(matchKey(u.name)) ?? []), u]);
  const rows: PublishedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const code = reader.text(row, 'code');
    const name = reader.text(row, 'name');
    let unit: Unit | undefined;
    if (code) {
      unit = byCode.get(code);
      if (!unit) reader.problem(row, 'code', `${block.name} không có đơn vị mã "${code}"; hãy kiểm tra mã hoặc thêm đơn vị trước.`);
    } else if (name) {
      const found = byName.get(matchKey(name)) ?? [];
      if (found.length === 1) unit = found[0];
      else reader.problem(row, 'name', found.length ? `Có ${found.length} đơn vị cùng tên "${name}"; hãy ghi mã đơn vị.` : `${block.name} không có đơn vị tên "${name}"; hãy ghi mã hoặc sửa tên.`);
    } else {
      reader.problem(row, reader.has('code') ? 'code' : 'name', 'Thiếu mã hoặc tên đơn vị.');
    }
    const index = reader.number(row, 'index', 'Chỉ số', { percent: true });
    if (index === null && !reader.problems.some((p) => p.row === row.rowNumber)) reader.problem(row, 'index', 'Thiếu chỉ số; hãy nhập chỉ số đã công bố, ví dụ 87,11.');
    if (index !== null && (index < 0 || index > 100)) reader.problem(row, 'index', `Chỉ số ${index} phải từ 0 đến 100.`);
    const rank = reader.has('rank') ? reader.number(row, 'rank', 'Xếp hạng') : null;
    if (rank !== null && (!Number.isInteger(rank) || rank < 1)) reader.problem(row, 'rank', `Xếp hạng "${rank}" phải là số nguyên dương.`);
    const total = reader.has('total') ? reader.number(row, 'total', 'Tổng điểm') : null;
    if (unit) {
      if (seen.has(unit.code)) reader.problem(row, code ? 'code' : 'name', `${unit.name} đã có ở dòng ${seen.get(unit.code)}; mỗi đơn vị một dòng.`);
      seen.set(unit.code, row.rowNumber);
      if (index !== null) rows.push({ unitCode: unit.code, index, rank, total });
    }
  }
  if (table.rows.length === 0) reader.problems.push({ file: table.fileName, message: 'Tệp không có dòng kết quả nào dưới dòng tiêu đề.' });
  reader.throwIfProblems();
  ws.changedYear(year);
  ws.transaction(() => {
    ensurePeriod(ws, year);
    writePublished(ws, year, blockCode, rows, { fileName: path.basename(file), at: new Date().toISOString(), actor: ws.actor });
  });
  return { file: path.basename(file), units: rows.length };
}

