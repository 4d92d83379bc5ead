// How the outputs of a year (summary workbook, scorecards, results, the decision's annex, the
// Kết quả screen) speak of its publication: the decision's number and date once the People's
// Committee has published the year, in the words documents use.
import { formatDay } from '../format';

/** The decision that published a year, as the outputs carry it. */
export interface PublicationStamp {
  /** số/ký hiệu: 123/QĐ-UBND */
  decision: string;
  /** yyyy-mm-dd */
  date: string;
}

/** What the outputs of a year say of it: final (published by decision, or locked) or provisional, and the decision if there is one. */
export interface YearPublication {
  /** the results are final: nothing is marked provisional */
  published: boolean;
  /** the decision that published the year; null before (or for a year closed without one recorded) */
  stamp: PublicationStamp | null;
}

/** "Quyết định số 123/QĐ-UBND ngày 15/01/2026". */
export function decisionReference(stamp: PublicationStamp): string {
  return `Quyết định số ${stamp.decision} ngày ${formatDay(stamp.date)}`;
}

/**
 * "Ủy ban nhân dân tỉnh Lạng Sơn" from the workspace's province as set ("Tỉnh Lạng Sơn",
 * "Lạng Sơn", "Thành phố Hải Phòng"); "Ủy ban nhân dân tỉnh" when it is not set.
 */
export function provinceCommittee(province: string | null): string {
  const name = (province ?? '').trim();
  if (!name) return 'Ủy ban nhân dân tỉnh';
  const m = /^(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(name);
  if (!m) return `Ủy ban nhân dân tỉnh ${name}`;
  const kind = m[1].toLowerCase() === 'tỉnh' ? 'tỉnh' : 'thành phố';
  return `Ủy ban nhân dân ${kind} ${m[2]}`;
}

/** "Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Mẫu". */
export function annexLine(stamp: PublicationStamp, province: string | null): string {
  return `Kèm theo ${decisionReference(stamp)} của ${provinceCommittee(province)}`;
}
