// The imports of a year as the Biểu mẫu screen lists them: newest first, changes counted as
// criteria (not cells), each one opened with the criteria it changed; a form of another year
// refused with that year named.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFormFile, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { pastImportDetail, pastImports } from '../../../electron/features/forms/history';
import { ensurePeriod } from '../../../electron/features/workspace/service';
import { saveFramework } from '../../../electron/features/framework/service';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from './helpers';

const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);

describe('past imports of a year', () => {
  it('counts criteria changed, lists imports newest first and opens one with old → new self scores', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    const blankStp = path.join(dir, 'blank-stp.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'STP', outFile: blankStp });
    const v1 = path.join(dir, 'SNV-lan1.xlsx');
    const v2 = path.join(dir, 'SNV-lan2.xlsx');
    const stp = path.join(dir, 'STP.xlsx');
    fillXlsx(
      [
        // three cells of 1.1.2 and one of 1.2: two criteria
        { src: blank, dst: v1, sheet: FORM_SHEET, cells: { [c('1.1.2', 'self')]: 1.5, [c('1.1.2', 'evidence')]: 'KH 01', [c('1.1.2', 'explanation')]: 'Đạt', [c('1.2', 'self')]: 1 } },
        // 1.1.2's score and evidence change, 1.2 stays, 2.1 is new: two criteria
        { src: blank, dst: v2, sheet: FORM_SHEET, cells: { [c('1.1.2', 'self')]: 2, [c('1.1.2', 'evidence')]: 'KH 02', [c('1.1.2', 'explanation')]: 'Đạt', [c('1.2', 'self')]: 1, [c('2.1', 'self')]: 2.5 } },
        { src: blankStp, dst: stp, sheet: FORM_SHEET, cells: { [c('1.2', 'self')]: 0.5 } },
      ],
      dir,
    );
    const first = await importFormFile(ws, v1, { expectedYear: 2025 });
    expect(first).toMatchObject({ status: 'imported', changes: 2, otherYear: null });
    const second = await importFormFile(ws, v2, { expectedYear: 2025 });
    expect(second).toMatchObject({ status: 'imported', changes: 2 });
    const third = await importFormFile(ws, stp, { expectedYear: 2025 });
    expect(third).toMatchObject({ status: 'imported', changes: 1 });

    const list = pastImports(ws, 2025);
    expect(list.map((p) => [p.fileName, p.unitCode, p.unitName, p.status, p.version, p.changes])).toEqual([
      ['STP.xlsx', 'STP', 'Sở Tư pháp', 'current', 1, 1],
      ['SNV-lan2.xlsx', 'SNV', 'Sở Nội vụ', 'current', 2, 2],
      ['SNV-lan1.xlsx', 'SNV', 'Sở Nội vụ', 'superseded', 1, 2],
    ]);
    expect(list[0].actor).toBe(ws.actor);
    expect(list[0].warnings).toBeGreaterThan(0);

    const detail = pastImportDetail(ws, list[1].id);
    expect(detail.year).toBe(2025);
    expect(detail.criteria).toEqual([
      {
        criterionCode: '1.1.2',
        title: 'Mức độ hoàn thành kế hoạch CCHC',
        selfScoreChanged: true,
        oldSelfScore: 1.5,
        newSelfScore: 2,
        evidenceChanged: true,
        explanationChanged: false,
      },
      {
        criterionCode: '2.1',
        title: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
        selfScoreChanged: true,
        oldSelfScore: null,
        newSelfScore: 2.5,
        evidenceChanged: false,
        explanationChanged: false,
      },
    ]);
    expect(detail.warningList.map((w) => w.message).join('\n')).toMatch(/chưa tự chấm/);
    expect(() => pastImportDetail(ws, 9999)).toThrow(/Không tìm thấy lần nhập biểu mẫu/);
    ws.close();
  });

  it('refuses a form of another year naming its year, changing nothing', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'), 2024);
    ensurePeriod(ws, 2025);
    saveFramework(ws, { year: 2025, blockCode: 'so', nodes: TEST_NODES });
    const blank = path.join(dir, 'blank-2024.xlsx');
    await writeFormTemplate(ws, { year: 2024, unitCode: 'SNV', outFile: blank });
    const filled = path.join(dir, 'SNV-2024.xlsx');
    fillXlsx([{ src: blank, dst: filled, sheet: FORM_SHEET, cells: { [c('1.2', 'self')]: 1 } }], dir);
    const before = dumpWorkspace(ws);
    const refused = await importFormFile(ws, filled, { expectedYear: 2025 });
    expect(refused).toMatchObject({ status: 'refused', year: 2024, otherYear: 2024, unit: 'SNV' });
    expect(refused.errors[0].message).toBe('Biểu mẫu này là của năm 2024, không phải năm 2025 đang nhập.');
    expect(dumpWorkspace(ws)).toEqual(before);
    // taken as the year it says
    const taken = await importFormFile(ws, filled, { expectedYear: 2024 });
    expect(taken).toMatchObject({ status: 'imported', year: 2024, changes: 1, otherYear: null });
    expect(pastImports(ws, 2024)).toHaveLength(1);
    expect(pastImports(ws, 2025)).toHaveLength(0);
    ws.close();
  });
});
