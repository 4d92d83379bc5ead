// The decisions sheet: every petition of a year with the scores, the unit's text and the
// council's decision, for the council's minutes and the units' answers.
import { formatDateTime } from '../../../shared/format';
import type { Workspace } from '../../db/workspace';
import { tableSheet, writeWorkbook, type CellInput } from '../../excel/writer';
import { decisionText, petitionViews } from './service';

export const DECISIONS_SHEET = 'Kiến nghị';
export const DECISIONS_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã tiêu chí',
  'Nội dung',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Ý kiến giải trình, kiến nghị',
  'Tài liệu bổ sung',
  'Nhận lúc',
  'Quá hạn',
  'Quyết định',
  'Lý do',
  'Người quyết định',
];

const num = (v: number | null): CellInput => ({ value: v, style: { numFmt: '0.###' } });

/** Writes the decisions sheet of `year` to `file`; gives the number of petitions listed. */
export async function writeDecisionsSheet(ws: Workspace, year: number, file: string): Promise<number> {
  const views = petitionViews(ws, year);
  const rows: CellInput[][] = views.map((p) => [
    p.unitCode,
    p.unitName,
    p.criterionCode,
    p.criterionTitle,
    num(p.maxPoints),
    num(p.selfScore),
    num(p.appraisedScore),
    p.text,
    p.evidence,
    formatDateTime(p.receivedAt),
    p.late ? 'Quá hạn' : null,
    p.decision === null ? 'Chưa quyết định' : decisionText(p).replace(/^./, (c) => c.toUpperCase()),
    p.reason,
    p.decidedBy ? `${p.decidedBy}${p.decidedAt ? `, ${formatDateTime(p.decidedAt)}` : ''}` : null,
  ]);
  await writeWorkbook(
    {
      title: `Kiến nghị và quyết định năm ${year}`,
      sheets: [tableSheet(DECISIONS_SHEET, DECISIONS_HEADERS, [10, 24, 10, 40, 8, 8, 9, 40, 26, 16, 9, 22, 34, 24], rows)],
    },
    file,
  );
  return views.length;
}
