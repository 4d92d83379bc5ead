// Publishing a year: the People's Committee's decision (number and date) is recorded and the
// year is locked, so that every write path refuses it; refused while petitions are pending or
// scored leaves are unappraised (listing them) unless forced, which is recorded. Reopening
// needs a reason and is recorded too.
import { UserError } from '../../../shared/errors';
import { formatDay, formatNumber } from '../../../shared/format';
import { cleanText } from '../../../shared/text';
import type { PublicationStamp, YearPublication } from '../../../shared/cycle/publication';
import type { Workspace } from '../../db/workspace';
import { yearStatus } from '../cycle/service';
import { requirePeriod } from '../workspace/service';
import { writePeriodLocked } from '../workspace/store';
import { deletePublication, getPublication, logPublication, publicationHistory, writePublication, type PublicationLogEntry, type PublicationRow } from './store';

export type { PublicationRow, PublicationLogEntry } from './store';

export interface PublishRequest {
  year: number;
  decision: string;
  /** yyyy-mm-dd */
  date: string;
  force?: boolean;
  actor?: string;
}

/** What still stands open in a year: pending petitions and unappraised scored leaves, per unit, in words. */
export function openItems(ws: Workspace, year: number): string[] {
  const status = yearStatus(ws, year);
  const items: string[] = [];
  for (const u of status.units) {
    if (u.petitionsPending > 0) items.push(`${u.name}: ${formatNumber(u.petitionsPending)} kiến nghị chưa xử lý`);
    if (u.appraised < u.leaves) items.push(`${u.name}: ${formatNumber(u.leaves - u.appraised)} tiêu chí chưa thẩm định`);
  }
  return items;
}

export function publish(ws: Workspace, req: PublishRequest): PublicationRow {
  const decision = cleanText(req.decision);
  if (!decision) throw new UserError('Thiếu số, ký hiệu của Quyết định công bố, ví dụ 123/QĐ-UBND.');
  if (decision.length > 100) throw new UserError('Số, ký hiệu của Quyết định công bố dài quá 100 ký tự.');
  ws.changedStructure();
  ws.changedYear(req.year);
  return ws.transaction(() => {
    const period = requirePeriod(ws, req.year);
    const existing = getPublication(ws, req.year);
    if (existing) {
      throw new UserError(`Kết quả năm ${req.year} đã được công bố theo Quyết định ${existing.decision} ngày ${formatDay(existing.decisionDate)}; hãy hủy công bố trước nếu cần công bố lại.`);
    }
    if (period.locked) throw new UserError(`Kỳ đánh giá năm ${req.year} đang khóa; hãy mở khóa trước khi công bố.`);
    const open = openItems(ws, req.year);
    if (open.length && !req.force) {
      throw new UserError([
        { message: `Chưa công bố được kết quả năm ${req.year}: còn ${formatNumber(open.length)} việc chưa xong (có thể công bố bắt buộc, việc này được ghi lại).` },
        ...open.map((message) => ({ message })),
      ]);
    }
    const row: PublicationRow = {
      year: req.year,
      decision,
      decisionDate: req.date,
      forced: open.length > 0,
      at: new Date().toISOString(),
      actor: req.actor ?? ws.actor,
    };
    writePublication(ws, row);
    logPublication(ws, { ...row, action: 'publish', reason: open.length ? `Công bố bắt buộc khi còn: ${open.join('; ')}` : null });
    writePeriodLocked(ws, req.year, true);
    return row;
  });
}

export function unpublish(ws: Workspace, year: number, reason: string, actor?: string): void {
  const why = cleanText(reason);
  if (!why) throw new UserError('Hãy ghi lý do hủy công bố, mở lại kỳ đánh giá.');
  ws.changedStructure();
  ws.changedYear(year);
  ws.transaction(() => {
    const period = requirePeriod(ws, year);
    const existing = getPublication(ws, year);
    if (!existing && !period.locked) throw new UserError(`Kết quả năm ${year} chưa công bố; không có gì để hủy.`);
    deletePublication(ws, year);
    logPublication(ws, {
      year,
      action: 'unpublish',
      decision: existing?.decision ?? null,
      decisionDate: existing?.decisionDate ?? null,
      forced: false,
      reason: why,
      at: new Date().toISOString(),
      actor: actor ?? ws.actor,
    });
    writePeriodLocked(ws, year, false);
  });
}

export function publicationOf(ws: Workspace, year: number): { publication: PublicationRow | null; history: PublicationLogEntry[] } {
  requirePeriod(ws, year);
  return { publication: getPublication(ws, year), history: publicationHistory(ws, year) };
}

/**
 * What every output of a year (summary workbook, scorecards, `results --json`, the Kết quả
 * screen, the decision's annex) says of its publication: the decision's number and date once
 * published; final also when the year is locked without a recorded decision (closed years).
 */
export function yearPublication(ws: Workspace, year: number): YearPublication {
  const period = requirePeriod(ws, year);
  const row = getPublication(ws, year);
  const stamp: PublicationStamp | null = row ? { decision: row.decision, date: row.decisionDate } : null;
  return { published: stamp !== null || period.locked, stamp };
}
