import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { leafCodes, scoreValueProblem } from '../../../shared/results';
import type { CriterionNode } from '../../../shared/domain';
import type { ScoreChange, ScorePatch } from './service';
import type { Workspace } from '../../db/workspace';
import { matchKey } from '../../../shared/text';
import { isYesMark, mapColumns, readTable, TableReader } from '../../excel/tabular';
import { applyScoreChanges } from './service';
import { getScores } from './store';
import { getFramework } from '../framework/store';
import { listUnits } from '../units/store';
import { getPeriod } from '../workspace/store';

export interface ScoresImportSummary {
  file: string;
  year: number;
  rows: number;
  units: number;
  /** score fields whose value changed (each one is in the audit log) */
  changedFields: number;
}

/**
 * Imports a flat table of scores for a year (Mã đơn vị, Mã tiêu chí, Điểm tự chấm, Điểm thẩm
 * định, Không áp dụng, Ghi chú). The columns present set their fields (a blank cell clears
 * it); absent columns leave fields as they are. Every bad cell is reported; all or nothing.
 */
export async function importScoresFile(ws: Workspace, year: number, file: string, actor?: string): Promise<ScoresImportSummary> {
  const table = await readTable(file);
  const reader = new TableReader(
    table,
    mapColumns(table, [
      { key: 'unit', headers: ['Mã đơn vị', 'Mã ĐV'], required: true },
      { key: 'criterion', headers: ['Mã tiêu chí', 'STT', 'Tiêu chí'], required: true },
      { key: 'self', headers: ['Điểm tự chấm', 'Tự chấm', 'Điểm tự đánh giá'], required: false },
      { key: 'appraised', headers: ['Điểm thẩm định', 'Thẩm định'], required: false },
      { key: 'na', headers: ['Không áp dụng', 'KAD'], required: false },
      { key: 'note', headers: ['Ghi chú'], required: false },
    ]),
  );
  if (!reader.has('self') && !reader.has('appraised') && !reader.has('na') && !reader.has('note')) {
    throw new UserError([
      {
        file: table.fileName,
        sheet: table.sheet,
        row: table.headerRow,
        message: 'Không có cột điểm nào; hãy thêm cột "Điểm tự chấm" và/hoặc "Điểm thẩm định".',
      },
    ]);
  }
  const period = getPeriod(ws, year);
  if (!period) throw new UserError([{ file: table.fileName, message: `Chưa có kỳ đánh giá năm ${year}; hãy nhập bộ chỉ số năm ${year} trước.` }]);
  if (period.locked) throw new UserError([{ file: table.fileName, message: `Kỳ đánh giá năm ${year} đã khóa (đã công bố); không nhập điểm được.` }]);

  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const leavesByBlock = new Map<string, Map<string, CriterionNode> | null>();
  const leavesOf = (blockCode: string) => {
    if (!leavesByBlock.has(blockCode)) {
      const fw = getFramework(ws, year, blockCode);
      if (!fw) leavesByBlock.set(blockCode, null);
      else {
        const set = leafCodes(fw.nodes);
        leavesByBlock.set(blockCode, new Map(fw.nodes.filter((n) => set.has(n.code)).map((n) => [n.code, n])));
      }
    }
    return leavesByBlock.get(blockCode)!;
  };

  const changes: ScoreChange[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const unitCode = reader.text(row, 'unit');
    const code = reader.text(row, 'criterion')?.replace(/\.+$/, '') ?? null;
    if (!unitCode) {
      reader.problem(row, 'unit', 'Thiếu mã đơn vị; hãy nhập mã đơn vị.');
      continue;
    }
    if (!code) {
      reader.problem(row, 'criterion', 'Thiếu mã tiêu chí; hãy nhập mã tiêu chí thành phần (ví dụ 1.1.1).');
      continue;
    }
    const unit = units.get(unitCode);
    if (!unit) {
      reader.problem(row, 'unit', `Không có đơn vị mã "${unitCode}" trong dữ liệu; hãy kiểm tra mã hoặc nhập danh sách đơn vị trước.`);
      continue;
    }
    const leaves = leavesOf(unit.blockCode);
    if (!leaves) {
      reader.problem(row, 'unit', `Khối của đơn vị ${unitCode} chưa có bộ chỉ số năm ${year}; hãy nhập bộ chỉ số trước.`);
      continue;
    }
    const leaf = leaves.get(code);
    if (!leaf) {
      reader.problem(row, 'criterion', `Bộ chỉ số năm ${year} của khối "${unit.blockCode}" không có tiêu chí được chấm mã "${code}".`);
      continue;
    }
    const key = `${unitCode}\u0000${code}`;
    if (seen.has(key)) {
      reader.problem(row, 'criterion', `Điểm của đơn vị ${unitCode}, tiêu chí ${code} đã có ở dòng ${seen.get(key)}; hãy bỏ dòng trùng.`);
      continue;
    }
    seen.set(key, row.rowNumber);
    const patch: ScorePatch = {};
    let ok = true;
    for (const [col, kind, field] of [
      ['self', 'self', 'selfScore'],
      ['appraised', 'appraised', 'appraisedScore'],
    ] as const) {
      if (!reader.has(col)) continue;
      const problemsBefore = reader.problems.length;
      const v = reader.number(row, col, kind === 'self' ? 'Điểm tự chấm' : 'Điểm thẩm định');
      if (reader.problems.length > problemsBefore) {
        ok = false;
        continue;
      }
      if (v !== null) {
        const problem = scoreValueProblem(leaf, v, kind);
        if (problem) {
          reader.problem(row, col, `Đơn vị ${unitCode}, ${problem}`);
          ok = false;
          continue;
        }
      }
      patch[field] = v;
    }
    if (reader.has('appraised') && patch.appraisedScore !== undefined) {
      patch.appraisalRound = patch.appraisedScore === null ? 0 : 1;
    }
    if (reader.has('na')) {
      const na = reader.text(row, 'na');
      if (na !== null && !isYesMark(na) && !['khong', 'no', '0'].includes(matchKey(na))) {
        reader.problem(row, 'na', `Giá trị "${na}" không hợp lệ; ghi "x" nếu tiêu chí không áp dụng với đơn vị, hoặc để trống.`);
        ok = false;
      }
      patch.notApplicable = isYesMark(na);
    }
    if (reader.has('note')) patch.note = reader.text(row, 'note');
    if (ok) changes.push({ unitCode, criterionCode: code, patch });
  }
  if (table.rows.length === 0) reader.problems.push({ file: table.fileName, message: 'Tệp không có dòng điểm nào dưới dòng tiêu đề.' });
  reader.throwIfProblems();
  // A re-imported appraisal keeps its later round rather than falling back to round 1.
  const rounds = new Map(getScores(ws, year).map((s) => [`${s.unitCode}\u0000${s.criterionCode}`, s.appraisalRound]));
  for (const c of changes) {
    const current = rounds.get(`${c.unitCode}\u0000${c.criterionCode}`) ?? 0;
    if (c.patch.appraisalRound === 1 && current > 1) c.patch.appraisalRound = current;
  }
  let changedFields: number;
  try {
    changedFields = applyScoreChanges(ws, year, changes, { source: 'import', reason: `Nhập từ tệp ${path.basename(file)}`, actor });
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.problems.map((p) => ({ file: table.fileName, ...p })));
    throw e;
  }
  return {
    file: table.fileName,
    year,
    rows: changes.length,
    units: new Set(changes.map((c) => c.unitCode)).size,
    changedFields,
  };
}
