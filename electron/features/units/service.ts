// Units and their lineage: added or changed in one transaction, checked for unknown
// predecessors and cycles; deleted only when nothing depends on them.
import type { Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import type { Workspace } from '../../db/workspace';
import { ensureBlock } from '../workspace/service';
import { findLineageCycle } from '../../../shared/units/lineage';
import { deleteUnitRow, getUnit, lineageLinks, replacePredecessors, writeUnitRanked, unitDependents, unitExists, upsertUnitRows } from './store';

export interface UnitInput {
  code: string;
  name: string;
  blockCode: string;
  ranked?: boolean;
  predecessors?: string[];
  /** the years in force (Từ năm, Đến năm); undefined keeps those of a known unit */
  fromYear?: number | null;
  toYear?: number | null;
}

/**
 * Adds or updates units (by code), in one transaction; predecessors may name units of
 * the same batch. Refuses unknown predecessors and cycles of lineage.
 */
export function upsertUnits(ws: Workspace, inputs: UnitInput[]): void {
  ws.changedStructure();
  ws.transaction(() => {
    for (const u of inputs) ensureBlock(ws, u.blockCode);
    upsertUnitRows(
      ws,
      inputs.map((u) => ({ code: u.code, name: u.name, blockCode: u.blockCode, ranked: u.ranked !== false, fromYear: u.fromYear, toYear: u.toYear })),
    );
    for (const u of inputs) {
      if (!u.predecessors) continue;
      const predecessors = [...new Set(u.predecessors)].filter((p) => p !== u.code);
      for (const p of predecessors) {
        if (!unitExists(ws, p)) {
          throw new UserError(`Đơn vị ${u.code} kế thừa từ đơn vị ${p} chưa có trong danh sách; hãy thêm đơn vị ${p} trước.`);
        }
      }
      replacePredecessors(ws, u.code, predecessors);
    }
    for (const u of inputs) {
      if (u.fromYear != null && u.toYear != null && u.fromYear > u.toYear) {
        throw new UserError(`Đơn vị ${u.code}: "Từ năm" ${u.fromYear} sau "Đến năm" ${u.toYear}; hãy sửa lại.`);
      }
    }
    const cycle = findLineageCycle(lineageLinks(ws));
    if (cycle) throw new UserError(`Quan hệ kế thừa của đơn vị ${cycle} tạo thành vòng lặp; hãy sửa cột "Kế thừa từ".`);
  });
}

export function requireUnit(ws: Workspace, code: string): Unit {
  const u = getUnit(ws, code);
  if (!u) throw new UserError(`Không có đơn vị mã "${code}" trong tệp dữ liệu ${ws.name}.`);
  return u;
}

export function setUnitRanked(ws: Workspace, code: string, ranked: boolean): void {
  ws.changedStructure();
  ws.transaction(() => {
    requireUnit(ws, code);
    writeUnitRanked(ws, code, ranked);
  });
}

/** Removes a unit that has no scores and that no other unit descends from. */
export function deleteUnit(ws: Workspace, code: string): void {
  ws.changedStructure();
  ws.transaction(() => {
    requireUnit(ws, code);
    const dependents = unitDependents(ws, code);
    if (dependents.scores) throw new UserError(`Đơn vị ${code} đã có điểm nên không xóa được.`);
    if (dependents.successors) throw new UserError(`Đơn vị ${code} là đơn vị tiền thân của đơn vị khác nên không xóa được.`);
    if (!deleteUnitRow(ws, code)) {
      throw new UserError(`Đơn vị ${code} còn biểu mẫu đã nộp hoặc phiếu khảo sát nên không xóa được.`);
    }
  });
}
