// Units and their lineage: added or changed in one transaction, checked for unknown
// predecessors and cycles; deleted only when nothing depends on them.
import { randomUUID } from 'node:crypto';
import type { Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { unitCodeProblem } from '../../../shared/units/codes';
import type { Workspace } from '../../db/workspace';
import { ensureBlock } from '../workspace/service';
import { findLineageCycle } from '../../../shared/units/lineage';
import {
  deleteUnitRow,
  getUnit,
  lastUndoableBatch,
  lineageLinks,
  markBatchUndone,
  recordUnitChanges,
  replacePredecessors,
  unitDependents,
  unitExists,
  upsertUnitRows,
  writeUnitRanked,
  type UnitChange,
} from './store';

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

export interface UnitChangeContext {
  /** what made the change: 'units' (the screen), 'import', 'undo', … */
  source?: string;
  actor?: string;
}

/** The changes of one save, import or undo, recorded together so that they are undone together. */
function recordBatch(ws: Workspace, context: UnitChangeContext, changes: { unitCode: string; before: Unit | null; after: Unit | null }[]): void {
  const real = changes.filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  if (real.length === 0) return;
  const batch = randomUUID();
  const at = new Date().toISOString();
  recordUnitChanges(
    ws,
    real.map((c) => ({ ...c, batch, at, actor: context.actor ?? ws.actor, source: context.source ?? 'units' })),
  );
}

/**
 * Adds or updates units (by code), in one transaction; predecessors may name units of
 * the same batch. Refuses codes that cannot name a file, unknown predecessors and cycles of
 * lineage. Every change is recorded and can be undone.
 */
export function upsertUnits(ws: Workspace, inputs: UnitInput[], context: UnitChangeContext = {}): void {
  ws.changedStructure();
  ws.transaction(() => {
    for (const u of inputs) {
      const problem = unitCodeProblem(u.code);
      if (problem) throw new UserError(`Đơn vị ${u.name}: ${problem}.`);
    }
    const before = new Map(inputs.map((u) => [u.code, getUnit(ws, u.code)]));
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
    recordBatch(
      ws,
      context,
      inputs.map((u) => ({ unitCode: u.code, before: before.get(u.code) ?? null, after: getUnit(ws, u.code) })),
    );
  });
}

/** Adds one unit typed on screen; refuses a code already used (the person edits that unit instead). */
export function addUnit(ws: Workspace, input: UnitInput, context: UnitChangeContext = {}): void {
  ws.transaction(() => {
    const existing = getUnit(ws, input.code);
    if (existing) {
      throw new UserError(
        `Mã ${input.code} đã là mã của ${existing.name}; hãy chọn mã khác, hoặc chọn đơn vị đó trong danh sách để sửa.`,
      );
    }
    upsertUnits(ws, [input], context);
  });
}

/** Changes one unit chosen on screen; refuses a code that does not exist (it was deleted meanwhile). */
export function editUnit(ws: Workspace, input: UnitInput, context: UnitChangeContext = {}): void {
  ws.transaction(() => {
    requireUnit(ws, input.code);
    upsertUnits(ws, [input], context);
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
export function deleteUnit(ws: Workspace, code: string, context: UnitChangeContext = {}): void {
  ws.changedStructure();
  ws.transaction(() => {
    const unit = requireUnit(ws, code);
    const dependents = unitDependents(ws, code);
    if (dependents.scores) throw new UserError(`Đơn vị ${code} đã có điểm nên không xóa được.`);
    if (dependents.successors) throw new UserError(`Đơn vị ${code} là đơn vị tiền thân của đơn vị khác nên không xóa được.`);
    if (!deleteUnitRow(ws, code)) {
      throw new UserError(`Đơn vị ${code} còn biểu mẫu đã nộp hoặc phiếu khảo sát nên không xóa được.`);
    }
    recordBatch(ws, context, [{ unitCode: code, before: unit, after: null }]);
  });
}

/**
 * Undoes the newest change of units not undone yet (one save, one import or one deletion,
 * whole), recording the undo itself; returns what was undone, or null when nothing is left.
 */
export function undoUnitChange(ws: Workspace, context: Omit<UnitChangeContext, 'source'> = {}): UnitChange[] | null {
  ws.changedStructure();
  return ws.transaction(() => {
    const batch = lastUndoableBatch(ws);
    if (batch.length === 0) return null;
    const back: { unitCode: string; before: Unit | null; after: Unit | null }[] = [];
    // restore the units first, in the order they were changed, then their lineage
    const restored: Unit[] = batch.filter((c) => c.before).map((c) => c.before!);
    for (const c of [...batch].reverse()) {
      if (c.before === null) {
        const dependents = unitDependents(ws, c.unitCode);
        if (dependents.scores || dependents.successors || !deleteUnitRow(ws, c.unitCode)) {
          throw new UserError(`Không hoàn tác được: đơn vị ${c.unitCode} đã có dữ liệu từ sau lần thêm; hãy xóa dữ liệu đó trước.`);
        }
        back.push({ unitCode: c.unitCode, before: c.after, after: null });
      }
    }
    if (restored.length) {
      const current = new Map(restored.map((u) => [u.code, getUnit(ws, u.code)]));
      upsertUnitRows(ws, restored.map((u) => ({ code: u.code, name: u.name, blockCode: u.blockCode, ranked: u.ranked, fromYear: u.fromYear ?? null, toYear: u.toYear ?? null })));
      for (const u of restored) replacePredecessors(ws, u.code, u.predecessors);
      for (const u of restored) back.push({ unitCode: u.code, before: current.get(u.code) ?? null, after: getUnit(ws, u.code) });
    }
    markBatchUndone(ws, batch[0].batch);
    recordBatch(ws, { ...context, source: 'undo' }, back);
    return batch;
  });
}
