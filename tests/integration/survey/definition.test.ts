import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import ExcelJS from 'exceljs';
import {
  exportSurveyDefinition,
  getSurveyDefinition,
  getSurveySettings,
  importSurveyDefinition,
  importSurveyFile,
  resetSurveyDefinition,
  surveyResults,
} from '../../../electron/features/survey';
import { Workspace } from '../../../electron/db/workspace';
import { UserError } from '../../../shared/errors';
import { tempDir } from '../../helpers/tmp';
import { upsertUnits } from '../../../electron/features/units/service';

const dir = tempDir('parw-survey-def-');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('survey definitions', () => {
  it('exports a year to Excel, takes an edited sheet back as the year’s own, and counts with it', async () => {
    const ws = Workspace.create(path.join(dir, 'def.parws'));
    upsertUnits(ws, [{ code: 'S01', name: 'Sở Tư pháp', blockCode: 'so' }]);
    const file = path.join(dir, 'bo-cau-hoi-2025.xlsx');
    await exportSurveyDefinition(ws, 2025, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Bộ câu hỏi')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Mã lĩnh vực',
      'Lĩnh vực',
      'Mã yếu tố',
      'Yếu tố',
      'Mã câu hỏi',
      'Nội dung câu hỏi',
      'Thang đo từ',
      'Thang đo đến',
    ]);
    expect(sheet.rowCount).toBe(34);
    // keep only the service area and add a question on a 1–10 scale
    for (let r = sheet.rowCount; r >= 2; r--) if (sheet.getCell(r, 1).value === 'CS') sheet.spliceRows(r, 1);
    sheet.addRow(['DV', 'Cung ứng dịch vụ hành chính công', 'DV6', 'Dịch vụ công trực tuyến', 'DV6.1', 'Cổng dịch vụ công dễ sử dụng', 1, 10]);
    const edited = path.join(dir, 'bo-cau-hoi-2025-sua.xlsx');
    await wb.xlsx.writeFile(edited);
    const def = await importSurveyDefinition(ws, 2025, edited);
    expect(def.model).toBe('custom');
    expect(def.areas.map((a) => a.code)).toEqual(['DV']);
    expect(def.factors.map((f) => f.code)).toEqual(['DV1', 'DV2', 'DV3', 'DV4', 'DV5', 'DV6']);
    expect(getSurveyDefinition(ws, 2025).items).toHaveLength(23);
    expect(getSurveyDefinition(ws, 2024).items).toHaveLength(33);

    // a 9 is read on the new 1–10 item and refused on a 1–5 item
    const csv = path.join(dir, 'phieu.csv');
    const codes = def.items.map((i) => i.code);
    fs.writeFileSync(csv, ['Đơn vị,' + codes.join(','), 'S01,' + codes.map((c) => (c === 'DV6.1' ? 9 : 4)).join(',')].join('\n'));
    await importSurveyFile(ws, { year: 2025, file: csv });
    const r = surveyResults(ws, 2025);
    // 9 is within the new item's scale but not among the satisfied codes (4, 5)
    expect(r.units[0].factors.find((f) => f.code === 'DV6')!.index).toBe(0);
    expect(r.units[0].index).toBeCloseTo(500 / 6, 12);
    fs.writeFileSync(csv, ['Đơn vị,DV1.1,DV1.2', 'S01,9,4'].join('\n'));
    await expect(importSurveyFile(ws, { year: 2025, file: csv })).rejects.toThrow(/câu DV1.1: mã 9 nằm ngoài thang đo 1–5/);
    resetSurveyDefinition(ws, 2025);
    expect(getSurveyDefinition(ws, 2025).model).toBe('sipas2022');
    ws.close();
  });

  it('refuses a sheet with a repeated code or a factor in two areas, naming the cells', async () => {
    const ws = Workspace.create(path.join(dir, 'def2.parws'));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Bộ câu hỏi');
    sheet.addRow(['Mã lĩnh vực', 'Lĩnh vực', 'Mã yếu tố', 'Yếu tố', 'Mã câu hỏi', 'Nội dung câu hỏi']);
    sheet.addRow(['DV', 'Dịch vụ', 'F1', 'Tiếp cận', 'Q1', 'Chỗ ngồi chờ']);
    sheet.addRow(['DV', 'Dịch vụ', 'F1', 'Tiếp cận', 'Q1', 'Trang thiết bị']);
    sheet.addRow(['CS', 'Chính sách', 'F1', 'Tiếp cận', 'Q2', 'Thông tin chính sách']);
    const file = path.join(dir, 'loi.xlsx');
    await wb.xlsx.writeFile(file);
    const error = await importSurveyDefinition(ws, 2025, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems.map((p) => `${p.cell}: ${p.message}`)).toEqual([
      'E3: mã câu hỏi Q1 bị trùng; mỗi câu hỏi cần một mã riêng.',
      'A4: yếu tố F1 đã thuộc lĩnh vực khác ở dòng trên; mỗi yếu tố chỉ thuộc một lĩnh vực.',
    ]);
    expect(getSurveyDefinition(ws, 2025).model).toBe('sipas2022');
    ws.close();
  });

  it('sets the counting rules of a year from the command line', async () => {
    const file = path.join(dir, 'settings.parws');
    Workspace.create(file).close();
    const r = await cli('survey', 'settings', file, '--year', '2025', '--no-answer', '0,9', '--factor-mode', 'pooled', '--min-answered', '0.6');
    expect(r.code).toBe(0);
    expect(r.out).toContain('mã không trả lời 0, 9');
    expect(r.out).toContain('ít nhất 60%');
    const ws = Workspace.open(file);
    expect(getSurveySettings(ws, 2025)).toMatchObject({ noAnswerCodes: [0, 9], factorMode: 'pooled', minAnsweredShare: 0.6, satisfiedCodes: [4, 5] });
    expect(getSurveySettings(ws, 2024).factorMode).toBe('items');
    ws.close();
    const bad = await cli('survey', 'settings', file, '--year', '2025', '--satisfied', '4,9');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Mã 9 không thể vừa là "hài lòng" vừa là "không trả lời"');
    const weighted = await cli('survey', 'settings', file, '--year', '2025', '--weights', 'CS=3;DV3=1,5');
    expect(weighted.out).toContain('Trọng số: CS = 3; DV3 = 1,5.');
    const unknown = await cli('survey', 'settings', file, '--year', '2025', '--weights', 'XX=2');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('không có lĩnh vực, yếu tố hay câu hỏi mã "XX"');
  });

  it('lists and removes imported files from the command line', async () => {
    const file = path.join(dir, 'imports.parws');
    const ws = Workspace.create(file);
    upsertUnits(ws, [{ code: 'S01', name: 'Sở Tư pháp', blockCode: 'so' }]);
    ws.close();
    const csv = path.join(dir, 'hai-phieu.csv');
    fs.writeFileSync(csv, 'Đơn vị;DV1.1;DV1.2\nS01;5;4\nS01;2;\n');
    expect((await cli('survey', 'import', file, csv, '--year', '2025')).code).toBe(0);
    const list = await cli('survey', 'imports', file, '--year', '2025');
    expect(list.out).toMatch(/^1 {2}năm 2025 {2}\d\d\/\d\d\/\d{4} {2}hai-phieu\.csv {2}2 phiếu/);
    expect((await cli('survey', 'remove', file, '--import', '1')).code).toBe(0);
    expect((await cli('survey', 'imports', file)).out).toContain('Chưa nhập tệp khảo sát nào.');
    const missing = await cli('survey', 'remove', file, '--import', '1');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không có lần nhập khảo sát số 1.');
  });
});
