// The workspace's periods and blocks as the other features ask for them: found, created or
// refused with a message that names the file.
import type { Block, Period } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import type { Workspace } from '../../db/workspace';
import { blockUse, deleteBlockRow, getBlock, getPeriod, insertPeriod, upsertBlock, writePeriodLocked } from './store';

export function requirePeriod(ws: Workspace, year: number): Period {
  const p = getPeriod(ws, year);
  if (!p) throw new UserError(`Chưa có kỳ đánh giá năm ${year} trong tệp dữ liệu ${ws.name}.`);
  return p;
}

/** Refuses changes in a period whose results were published. */
export function requireOpenPeriod(ws: Workspace, year: number): Period {
  const p = requirePeriod(ws, year);
  if (p.locked) throw new UserError(`Kỳ đánh giá năm ${year} đã khóa (đã công bố); hãy mở khóa trước khi sửa điểm.`);
  return p;
}

/** The period of `year`, created if new ("Chỉ số CCHC năm 2025"). */
export function ensurePeriod(ws: Workspace, year: number, name?: string): Period {
  if (insertPeriod(ws, year, name ?? `Chỉ số CCHC năm ${year}`)) ws.changedStructure();
  return getPeriod(ws, year)!;
}

export function ensureBlock(ws: Workspace, code: string, name?: string): Block {
  ws.changedStructure();
  return upsertBlock(ws, code, name);
}

export function requireBlock(ws: Workspace, code: string): Block {
  const b = getBlock(ws, code);
  if (!b) throw new UserError(`Không có khối "${code}" trong tệp dữ liệu ${ws.name}.`);
  return b;
}

/** Locks a period once its results are published, or opens it again. */
export function setPeriodLocked(ws: Workspace, year: number, locked: boolean): void {
  ws.changedStructure();
  ws.transaction(() => {
    requirePeriod(ws, year);
    writePeriodLocked(ws, year, locked);
  });
}

/** Removes a block nothing depends on (no unit, no framework); refuses one in use, saying what holds it. */
export function removeBlock(ws: Workspace, code: string): void {
  ws.changedStructure();
  ws.transaction(() => {
    const block = requireBlock(ws, code);
    const use = blockUse(ws, code);
    if (use.units || use.frameworks) {
      const held = [use.units ? `${use.units} đơn vị` : null, use.frameworks ? `${use.frameworks} bộ chỉ số` : null].filter(Boolean).join(' và ');
      throw new UserError(`${block.name} còn ${held} nên không xóa được; hãy chuyển hoặc xóa chúng trước.`);
    }
    deleteBlockRow(ws, code);
  });
}
