// A newer submission replaces the self scores, keeps the previous one in history with a diff,
// keeps appraised scores and flags the leaves whose self score changed under them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportReport, importFormFile, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { getSubmission, listSubmissions, submissionFile } from '../../../electron/features/forms/store';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell } from './helpers';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { getScores } from '../../../electron/features/appraisal/store';

const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);

describe('submission history', () => {
  it('replaces, keeps history with diffs, keeps appraisals and flags them', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    // a score typed by staff before any form came back
    applyScoreChanges(ws, 2025, [{ unitCode: 'SNV', criterionCode: '2.4', patch: { selfScore: 1 } }], { source: 'manual' });
    const v1 = path.join(dir, 'v1.xlsx');
    const v2 = path.join(dir, 'v2.xlsx');
    fillXlsx(
      [
        { src: blank, dst: v1, sheet: FORM_SHEET, cells: { [c('1.1.2', 'self')]: 1.5, [c('1.2', 'self')]: 1, [c('2.1', 'self')]: 2, [c('2.1', 'evidence')]: 'BC 1' } },
        { src: blank, dst: v2, sheet: FORM_SHEET, cells: { [c('1.1.2', 'self')]: 2, [c('1.2', 'self')]: 1, [c('2.1', 'evidence')]: 'BC 2' } },
      ],
      dir,
    );
    const first = await importFormFile(ws, v1);
    expect(first.status).toBe('imported');
    expect(first.warnings.map((w) => w.message)).toContain(
      'Biểu mẫu để trống 1 tiêu chí đã có điểm, tài liệu hoặc giải trình trong tệp dữ liệu từ trước (2.4); các giá trị đó được giữ nguyên.',
    );
    applyScoreChanges(ws, 
      2025,
      [
        { unitCode: 'SNV', criterionCode: '1.1.2', patch: { appraisedScore: 1.25, appraisalRound: 1 } },
        { unitCode: 'SNV', criterionCode: '1.2', patch: { appraisedScore: 1, appraisalRound: 1 } },
      ],
      { source: 'appraisal' },
    );

    const second = await importFormFile(ws, v2);
    expect(second.status).toBe('imported');
    expect(second.flaggedForReappraisal).toEqual(['1.1.2']);
    const scores = Object.fromEntries(getScores(ws, 2025, { unitCode: 'SNV' }).map((s) => [s.criterionCode, s]));
    expect(scores['1.1.2']).toMatchObject({ selfScore: 2, appraisedScore: 1.25, needsReappraisal: true });
    expect(scores['1.2']).toMatchObject({ selfScore: 1, appraisedScore: 1, needsReappraisal: false });
    // v1 set 2.1; v2 leaves it blank: replaced, so cleared
    expect(scores['2.1']).toMatchObject({ selfScore: null, evidence: 'BC 2' });
    // typed by staff, never part of a form: kept
    expect(scores['2.4'].selfScore).toBe(1);

    const history = listSubmissions(ws, 2025, { unitCode: 'SNV' });
    expect(history.map((s) => [s.version, s.status, s.fileName])).toEqual([
      [1, 'superseded', 'v1.xlsx'],
      [2, 'current', 'v2.xlsx'],
    ]);
    expect(history[0].supersededBy).toBe(history[1].id);
    expect(submissionFile(ws, history[0].id)!.content.equals(fs.readFileSync(v1))).toBe(true);
    expect(getSubmission(ws, history[1].id)!.diff).toEqual([
      { criterionCode: '1.1.2', field: 'selfScore', oldValue: 1.5, newValue: 2 },
      { criterionCode: '2.1', field: 'selfScore', oldValue: 2, newValue: null },
      { criterionCode: '2.1', field: 'evidence', oldValue: 'BC 1', newValue: 'BC 2' },
    ]);

    const same = await importFormFile(ws, v2);
    expect(same.status).toBe('unchanged');
    expect(same.warnings[0].message).toMatch(/đã được nhập ngày \d{2}\/\d{2}\/\d{4} \(lần nộp thứ 2\)/);
    const back = await importFormFile(ws, v1);
    expect(back.status).toBe('imported');
    expect(back.warnings[0].message).toMatch(/trùng với bản đã nộp .*lần nộp thứ 1.* đã được thay thế/);
    expect(listSubmissions(ws, 2025).map((s) => s.status)).toEqual(['superseded', 'superseded', 'current']);

    const report = await buildImportReport([first, second, same, back]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Tệp',
      'Đơn vị',
      'Năm',
      'Kết quả',
      'Tiêu chí thay đổi',
      'Số lỗi',
      'Số cảnh báo',
      'Cần thẩm định lại',
      'Tài liệu kiểm chứng nhận được',
      'Thiếu tài liệu kiểm chứng',
    ]);
    expect(summary.getCell('E3').value).toBe('Đã nhập');
    expect(summary.getCell('I3').value).toBe('1.1.2');
    expect(summary.getCell('E4').value).toBe('Đã nhập trước đó, không đổi');
    const details = wb.getWorksheet('Chi tiết')!;
    expect(details.getCell('A2').font.name).toBe('Times New Roman');
    expect(details.rowCount).toBe(1 + [first, second, same, back].reduce((n, r) => n + r.errors.length + r.warnings.length, 0));
    ws.close();
  });
});
