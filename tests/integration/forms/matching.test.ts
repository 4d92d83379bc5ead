// Forms as units really send them: made by hand, copied into a new workbook, made from an
// older version of the framework, with merged cells, hidden rows and columns, extra sheets.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../shared/domain';
import { importFormFile, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import type { Workspace } from '../../../electron/db/workspace';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from './helpers';
import { getScores } from '../../../electron/features/appraisal/store';
import { saveFramework } from '../../../electron/features/framework/service';

const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);

function selfScores(ws: Workspace, unitCode: string): Record<string, number | null> {
  return Object.fromEntries(
    getScores(ws, 2025, { unitCode })
      .filter((s) => s.selfScore !== null)
      .map((s) => [s.criterionCode, s.selfScore]),
  );
}

describe('forms without metadata', () => {
  it('matches a hand-made form by STT and title, reads unit and year from its heading, and says so', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const f = path.join(dir, 'tu-lam.xlsx');
    fillXlsx(
      [
        {
          dst: f,
          sheets: [
            { name: 'Ghi chú', rows: [['Biểu này do đơn vị tự lập']] },
            {
              name: 'Sheet1',
              rows: [
                ['SỞ TƯ PHÁP'],
                ['BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2025'],
                ['Đơn vị: Sở Tư pháp'],
                [],
                ['TT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'TLKC', 'Ghi chú'],
                ['I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', 4.5, 3.5],
                ['1.1.', 'Kế hoạch cải cách hành chính', 3, 2],
                ['1.1.1.', 'Ban hành kế hoạch CCHC năm đúng thời hạn', 1, 1, 'KH 3/KH-STP'],
                ['1.1.2.', 'Mức độ hoàn thành kế hoạch  CCHC ', 2, '1,0', 'BC 9/BC-STP'],
                ['1.2.', 'Tuyên truyền cải cách hành chính', 1.5, 1.5],
                ['II.', 'Cải cách thủ tục hành chính', 6, 2.5],
                // STT typed wrong: the title tells which leaf it is
                ['2.7', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 2.5, 2.5],
                ['2.2', 'Xin lỗi người dân khi trễ hạn', 0.5, null, null, 'Không phát sinh'],
                ['', 'Tổng cộng', 10.5, 6],
              ],
            },
          ],
        },
      ],
      dir,
    );
    const r = await importFormFile(ws, f);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', unit: 'STP', year: 2025, matchedBy: 'content' });
    const messages = r.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/không có thông tin nhận dạng của PAR Workbench.*ghép với tiêu chí theo STT và nội dung/);
    expect(messages).toMatch(/dòng 12 \(STT 2\.7\) được ghép với tiêu chí 2\.1 theo nội dung/);
    expect(selfScores(ws, 'STP')).toEqual({ '1.1.1': 1, '1.1.2': 1, '1.2': 1.5, '2.1': 2.5 });
    expect(getScores(ws, 2025, { unitCode: 'STP' }).find((s) => s.criterionCode === '2.2')!.explanation).toBe('Không phát sinh');
    ws.close();
  });

  it('matches content copied into a new workbook, with the unit code in its heading', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const f = path.join(dir, 'chep-lai.xlsx');
    const rows: (string | number | null)[][] = [
      ['BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
      ['Đơn vị: Sở Y tế tỉnh (mã SYT)'],
      ['STT', 'Nội dung', 'Điểm tối đa', 'Điểm tự chấm', 'Tài liệu kiểm chứng', 'Giải trình'],
      ...TEST_NODES.map((n) => [n.code, n.title, n.maxPoints, n.code === '1.2' ? 1 : n.code === '2.4' ? 0.5 : null]),
    ];
    fillXlsx([{ dst: f, sheets: [{ name: 'Tự đánh giá', rows }] }], dir);
    const r = await importFormFile(ws, f);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', unit: 'SYT', matchedBy: 'content' });
    expect(selfScores(ws, 'SYT')).toEqual({ '1.2': 1, '2.4': 0.5 });
    ws.close();
  });

  it('refuses a form that names no unit of the workspace, unless the caller says which unit it is', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const f = path.join(dir, 'khong-ro.xlsx');
    fillXlsx(
      [{ dst: f, sheets: [{ name: 'Sheet1', rows: [['Biểu tự chấm năm 2025'], ['STT', 'Nội dung', 'Điểm tự chấm'], ['1.2', 'Tuyên truyền cải cách hành chính', 1]] }] }],
      dir,
    );
    const before = dumpWorkspace(ws);
    const refused = await importFormFile(ws, f);
    expect(refused.status).toBe('refused');
    expect(refused.errors[0].message).toMatch(/Không xác định được biểu mẫu của đơn vị nào.*"Đơn vị: <tên đơn vị>"/);
    expect(dumpWorkspace(ws)).toEqual(before);
    const chosen = await importFormFile(ws, f, { unitCode: 'SNV' });
    expect(chosen).toMatchObject({ status: 'imported', unit: 'SNV', year: 2025 });
    expect(selfScores(ws, 'SNV')).toEqual({ '1.2': 1 });

    // no year in the heading: refused, unless the user imports for a given year
    const noYear = path.join(dir, 'khong-nam.xlsx');
    fillXlsx(
      [{ dst: noYear, sheets: [{ name: 'Sheet1', rows: [['Đơn vị: Sở Y tế'], ['STT', 'Nội dung', 'Điểm tự chấm'], ['1.2', 'Tuyên truyền cải cách hành chính', 0.5]] }] }],
      dir,
    );
    expect((await importFormFile(ws, noYear)).errors[0].message).toMatch(/Không xác định được năm đánh giá/);
    expect(await importFormFile(ws, noYear, { expectedYear: 2025 })).toMatchObject({ status: 'imported', unit: 'SYT', year: 2025 });
    ws.close();
  });
});

describe('forms as units change them', () => {
  it('reads merged cells, hidden rows and columns and extra sheets', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    const f = path.join(dir, 'changed.xlsx');
    const row = (code: string) => Number(/\d+$/.exec(c(code, 'self'))![0]);
    fillXlsx(
      [
        {
          src: blank,
          dst: f,
          sheet: FORM_SHEET,
          cells: {
            [c('1.1.2', 'self')]: 2,
            [c('1.1.2', 'evidence')]: 'Báo cáo 1/BC-SNV và phụ lục kèm theo',
            [c('1.2', 'self')]: 1,
            [c('2.1', 'self')]: 0.5,
          },
          merge: [`${c('1.1.2', 'evidence')}:${c('1.1.2', 'explanation')}`],
          hideRows: [row('1.2')],
          hideCols: ['C'],
          addSheets: [{ name: 'Tính toán', rows: [['Ghi chú nội bộ'], ['STT', 'Điểm tự chấm'], ['1.2', 99]] }],
        },
      ],
      dir,
    );
    const r = await importFormFile(ws, f);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', matchedBy: 'metadata' });
    expect(selfScores(ws, 'SNV')).toEqual({ '1.1.2': 2, '1.2': 1, '2.1': 0.5 });
    expect(getScores(ws, 2025, { unitCode: 'SNV' }).find((s) => s.criterionCode === '1.1.2')!.evidence).toBe(
      'Báo cáo 1/BC-SNV và phụ lục kèm theo',
    );
    ws.close();
  });

  it('says when rows were removed from a form or its code column was lost', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    const rowGone = path.join(dir, 'row-gone.xlsx');
    const codesGone = path.join(dir, 'codes-gone.xlsx');
    const cleared = (code: string) =>
      Object.fromEntries((['stt', 'title', 'max', 'code'] as const).map((col) => [formCell(TEST_NODES, code, col), null]));
    fillXlsx(
      [
        { src: blank, dst: rowGone, sheet: FORM_SHEET, cells: { ...cleared('2.2'), [c('1.2', 'self')]: 1 } },
        {
          src: blank,
          dst: codesGone,
          sheet: FORM_SHEET,
          cells: {
            G7: null,
            ...Object.fromEntries(TEST_NODES.map((n) => [formCell(TEST_NODES, n.code, 'code'), null])),
            [c('2.1', 'self')]: 2,
          },
        },
      ],
      dir,
    );
    const a = await importFormFile(ws, rowGone);
    expect(a).toMatchObject({ status: 'imported', matchedBy: 'metadata' });
    expect(a.warnings.map((w) => w.message)).toContain(
      'Biểu mẫu đã bị sửa so với bản được gửi cho đơn vị; khác biệt: bộ chỉ số hiện hành có tiêu chí 2.2 mà biểu mẫu không có.',
    );
    const b = await importFormFile(ws, codesGone);
    expect(b).toMatchObject({ status: 'imported', matchedBy: 'content' });
    expect(b.warnings.map((w) => w.message)).toContain(
      'Biểu mẫu đã mất cột mã tiêu chí (cột ẩn); các dòng được ghép với tiêu chí theo STT và nội dung.',
    );
    // the second submission replaces the first, where 1.2 was scored
    expect(selfScores(ws, 'SNV')).toEqual({ '2.1': 2 });
    ws.close();
  });

  it('imports a form made from an older version of the framework and reports the differences', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const old = path.join(dir, 'old.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: old });
    const revised: CriterionNode[] = TEST_NODES.filter((n) => n.code !== '2.4').map((n) => {
      if (n.code === '2.1') return { ...n, maxPoints: 3 };
      if (n.code === 'II') return { ...n, maxPoints: 7.5 };
      if (n.code === '1.2') return { ...n, title: 'Công tác thông tin, tuyên truyền về cải cách hành chính' };
      return n;
    });
    revised.push({ ...revised.find((n) => n.code === '2.2')!, code: '2.6', title: 'Thực hiện cơ chế một cửa liên thông', maxPoints: 1, method: 'free' });
    revised.find((n) => n.code === 'II')!.maxPoints = 8.5;
    saveFramework(ws, { year: 2025, blockCode: 'so', nodes: revised });
    const f = path.join(dir, 'old-filled.xlsx');
    fillXlsx([{ src: old, dst: f, sheet: FORM_SHEET, cells: { [c('2.1', 'self')]: 2.5, [c('1.2', 'self')]: 1, [c('2.4', 'self')]: 1 } }], dir);
    const r = await importFormFile(ws, f);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('imported');
    const version = r.warnings.find((w) => /phiên bản bộ chỉ số khác/.test(w.message))!.message;
    expect(version).toContain('tiêu chí 2.1: điểm tối đa trong biểu mẫu là 2,5, bộ chỉ số hiện hành là 3');
    expect(version).toContain('tiêu chí 1.2 có nội dung khác');
    expect(version).toContain('biểu mẫu có mục 2.4 không có trong bộ chỉ số hiện hành');
    expect(version).toContain('bộ chỉ số hiện hành có tiêu chí 2.6 mà biểu mẫu không có');
    expect(r.warnings.map((w) => w.message)).toContain(
      'dòng 17 (STT 2.4) không khớp với tiêu chí nào của bộ chỉ số; điểm ở dòng này không được nhập.',
    );
    expect(selfScores(ws, 'SNV')).toEqual({ '1.2': 1, '2.1': 2.5 });
    ws.close();
  });
});
