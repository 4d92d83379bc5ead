// The demo's petitions: three departments were sent their preliminary notices of the open year
// and answered on leaves where the council gave fewer points than they claimed; the petitions
// wait for the council's decision on the Kiến nghị screen.
import { leaves } from '../../../shared/framework/tree';
import type { Workspace } from '../../db/workspace';
import { getScores } from '../appraisal/store';
import { getFramework } from '../framework/store';
import { unitsTakingPart } from '../participation/service';
import { insertNotice, insertPetition } from '../petitions/store';
import { DEMO_LABEL, DEMO_OPEN_YEAR } from './constants';

const TEXTS = [
  ['Đơn vị đã ban hành đầy đủ văn bản theo kế hoạch; đề nghị Hội đồng xem xét lại và chấm đủ điểm.', 'Công văn số 215/CV và danh mục văn bản kèm theo'],
  ['Số liệu tại thời điểm thẩm định chưa cập nhật; tỷ lệ thực tế đạt 100%, đề nghị cộng lại điểm.', 'Báo cáo thống kê quý IV có xác nhận của lãnh đạo đơn vị'],
  ['Tài liệu kiểm chứng đã gửi qua hệ thống nhưng bị thiếu tệp đính kèm; đơn vị bổ sung và đề nghị chấm lại.', null],
  ['Đề nghị giữ mức điểm tự chấm vì nhiệm vụ đã hoàn thành trước thời hạn.', 'Kế hoạch và báo cáo kết quả thực hiện'],
] as const;

/** Notices to three departments, with one or two pending petitions each. */
export function writeDemoPetitions(ws: Workspace): void {
  const year = DEMO_OPEN_YEAR;
  const framework = getFramework(ws, year, 'so');
  if (!framework) return;
  const scored = leaves(framework.nodes).filter((n) => n.source === 'self');
  let text = 0;
  let units = 0;
  for (const unit of unitsTakingPart(ws, year, 'so')) {
    if (units === 3) break;
    const scores = new Map(getScores(ws, year, { unitCode: unit.code }).map((s) => [s.criterionCode, s]));
    const lost = scored.filter((n) => {
      const s = scores.get(n.code);
      return s?.selfScore != null && s.appraisedScore != null && s.appraisedScore < s.selfScore;
    });
    if (lost.length === 0) continue;
    units++;
    const id = `demo-notice-${year}-${unit.code}`;
    insertNotice(ws, {
      id,
      year,
      unitCode: unit.code,
      issuedAt: `${year}-12-08T02:00:00.000Z`,
      fileName: `${year}_thong-bao_${unit.code}.xlsx`,
      rows: scored.filter((n) => !scores.get(n.code)?.notApplicable).map((n) => [n.code, scores.get(n.code)?.selfScore ?? null, scores.get(n.code)?.appraisedScore ?? null]),
      actor: DEMO_LABEL,
    });
    for (const leaf of lost.slice(0, units === 2 ? 1 : 2)) {
      const [body, evidence] = TEXTS[text++ % TEXTS.length];
      insertPetition(ws, {
        year,
        unitCode: unit.code,
        criterionCode: leaf.code,
        noticeId: id,
        text: body,
        evidence,
        receivedAt: `${year}-12-${units === 3 ? '22' : '15'}T03:00:00.000Z`,
        // the third came after the deadline of 20/12
        late: units === 3,
        fileName: `${year}_thong-bao_${unit.code}.xlsx`,
      });
    }
  }
}
