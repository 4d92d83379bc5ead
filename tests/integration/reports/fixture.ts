// A small real workspace for the report tests: two years of khối sở, a merger, an unranked
// unit, notes from the appraisal council, a self score above the appraisal.
import path from 'node:path';
import type { CriterionNode } from '../../../shared/domain';
import { Workspace } from '../../../electron/db/workspace';
import { type ScoreChange } from '../../../electron/features/appraisal/service';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { saveFramework } from '../../../electron/features/framework/service';
import { saveBlockSettings } from '../../../electron/features/results/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { setSetting } from '../../../electron/features/workspace/store';

type NodeSpec = [code: string, parent: string | null, level: number, title: string, max: number | null, source?: 'self' | 'survey'];

const NODES: NodeSpec[] = [
  ['I', null, 1, 'Công tác chỉ đạo, điều hành cải cách hành chính', 10],
  ['1.1', 'I', 2, 'Ban hành kế hoạch CCHC năm đúng thời hạn', 2],
  ['1.2', 'I', 2, 'Mức độ hoàn thành kế hoạch CCHC', 4],
  ['1.3', 'I', 2, 'Tuyên truyền cải cách hành chính', 4],
  ['II', null, 1, 'Cải cách thủ tục hành chính', 12],
  ['2.1', 'II', 2, 'Công bố, công khai thủ tục hành chính', 6],
  ['2.1.1', '2.1', 3, 'Công bố TTHC đúng quy định', 3],
  ['2.1.2', '2.1', 3, 'Công khai TTHC trên Cổng dịch vụ công', 3],
  ['2.2', 'II', 2, 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 6],
  ['III', null, 1, 'Xây dựng chính quyền điện tử, chính quyền số', 8],
  ['3.1', 'III', 2, 'Tỷ lệ hồ sơ nộp trực tuyến', 4],
  ['3.2', 'III', 2, 'Văn bản điện tử và chữ ký số', 4],
  ['IV', null, 1, 'Tác động của cải cách hành chính', 10],
  ['4.1', 'IV', 2, 'Sự hài lòng của người dân, tổ chức (SIPAS)', 10, 'survey'],
];

export const LEAVES = ['1.1', '1.2', '1.3', '2.1.1', '2.1.2', '2.2', '3.1', '3.2', '4.1'];
const MAX: Record<string, number> = { '1.1': 2, '1.2': 4, '1.3': 4, '2.1.1': 3, '2.1.2': 3, '2.2': 6, '3.1': 4, '3.2': 4, '4.1': 10 };

export function frameworkNodes(): CriterionNode[] {
  return NODES.map(([code, parentCode, level, title, maxPoints, source]) => ({
    code,
    parentCode,
    level,
    title,
    maxPoints,
    source: source ?? 'self',
    method: code === '1.1' ? 'yesno' : 'free',
    tiers: null,
    evidenceRequired: true,
    guidance: null,
  }));
}

/** Points lost per leaf, per unit and year: the appraised score is the maximum minus this. */
const LOSSES: Record<number, Record<string, Partial<Record<string, number>>>> = {
  2024: {
    S01: { '1.2': 0.5, '2.2': 1, '4.1': 1.2 },
    S02: { '1.1': 2, '1.3': 1, '2.2': 2, '3.1': 1.5, '4.1': 2 },
    S03: { '1.2': 1, '2.1.2': 1, '3.2': 2, '4.1': 1.8 },
    S05: { '1.3': 2, '2.2': 3, '3.1': 2, '4.1': 2.5 },
    S06: { '1.2': 1, '3.2': 1, '4.1': 1.5 },
    S07: { '4.1': 0.5 },
  },
  2025: {
    S01: { '1.3': 0.5, '2.2': 0.5, '4.1': 0.9 },
    S02: { '1.3': 1, '2.2': 2.5, '3.1': 1, '3.2': 0.5, '4.1': 1.6 },
    S03: { '1.2': 0.5, '2.1.2': 1, '2.2': 1.5, '3.2': 2, '4.1': 1.2 },
    S08: { '1.1': 2, '1.3': 1.5, '2.2': 2, '3.1': 2.5, '4.1': 2.2 },
    S07: { '1.2': 0.5, '4.1': 0.4 },
  },
};

export const UNIT_NAMES: Record<string, string> = {
  S01: 'Sở Tài chính',
  S02: 'Sở Tư pháp',
  S03: 'Sở Xây dựng',
  S05: 'Sở Nông nghiệp và Phát triển nông thôn',
  S06: 'Sở Tài nguyên và Môi trường',
  S07: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
  S08: 'Sở Nông nghiệp và Môi trường',
};

/** Appraisal notes and self scores above the appraisal, 2025. */
export const NOTES_2025: Record<string, Record<string, { note: string; self?: number }>> = {
  S02: {
    '2.2': { note: 'Còn 12 hồ sơ trễ hạn chưa có văn bản xin lỗi người dân.', self: 6 },
    '3.1': { note: 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 62%, chưa đạt chỉ tiêu.', self: 4 },
  },
  S08: { '1.1': { note: 'Kế hoạch CCHC ban hành ngày 15/02, chậm so với quy định.', self: 2 } },
};

export function createReportWorkspace(dir: string, name = 'reports.parws'): Workspace {
  const ws = Workspace.create(path.join(dir, name));
  setSetting(ws, 'province', 'Tỉnh Mẫu');
  upsertUnits(ws, [
    { code: 'S01', name: UNIT_NAMES.S01, blockCode: 'so' },
    { code: 'S02', name: UNIT_NAMES.S02, blockCode: 'so' },
    { code: 'S03', name: UNIT_NAMES.S03, blockCode: 'so' },
    { code: 'S05', name: UNIT_NAMES.S05, blockCode: 'so' },
    { code: 'S06', name: UNIT_NAMES.S06, blockCode: 'so' },
    { code: 'S07', name: UNIT_NAMES.S07, blockCode: 'so', ranked: false },
    { code: 'S08', name: UNIT_NAMES.S08, blockCode: 'so', predecessors: ['S05', 'S06'] },
  ]);
  for (const year of [2024, 2025]) {
    saveFramework(ws, { year, blockCode: 'so', nodes: frameworkNodes() });
    saveBlockSettings(ws, {
      year,
      blockCode: 'so',
      precision: 2,
      bands: [
        { name: 'Tốt', min: 90 },
        { name: 'Khá', min: 80 },
        { name: 'Trung bình', min: 70 },
        { name: 'Yếu', min: 0 },
      ],
    });
    const changes: ScoreChange[] = [];
    for (const [unitCode, losses] of Object.entries(LOSSES[year])) {
      for (const leaf of LEAVES) {
        const appraised = MAX[leaf] - (losses[leaf] ?? 0);
        const extra = year === 2025 ? NOTES_2025[unitCode]?.[leaf] : undefined;
        changes.push({
          unitCode,
          criterionCode: leaf,
          patch: {
            selfScore: leaf === '4.1' ? null : (extra?.self ?? appraised),
            appraisedScore: appraised,
            appraisalRound: 1,
            note: extra?.note ?? null,
          },
        });
      }
    }
    applyScoreChanges(ws, year, changes, { source: 'test' });
  }
  return ws;
}
