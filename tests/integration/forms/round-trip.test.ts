import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFormTemplates, importFormFile, importForms, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET, META_SHEET } from '../../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { listSubmissions, submissionFile } from '../../../electron/features/forms/store';
import { sha256 } from '../../../electron/features/forms/fingerprint';
import { Workspace } from '../../../electron/db/workspace';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell } from './helpers';
import { getAudit, getScores } from '../../../electron/features/appraisal/store';

describe('self-assessment form round trip', () => {
  it('writes a protected form with validation, metadata and print setup', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const out = path.join(dir, 'snv.xlsx');
    const form = await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', deadline: '2025-11-15', outFile: out });
    expect(form.leafCount).toBe(8);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(FORM_SHEET)!;
    expect(wb.worksheets[0].name).toBe(FORM_SHEET);
    expect(wb.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    expect(sheet.getCell('A5').value).toBe('Hạn gửi: 15/11/2025');
    expect(sheet.getCell('A3').value).toBe('Đơn vị: Sở Nội vụ (mã SNV)');
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('7:7');
    expect(sheet.getColumn(7).hidden).toBe(true);
    expect(sheet.getCell('B7').font.name).toBe('Times New Roman');
    const free = sheet.getCell(formCell(TEST_NODES, '1.1.2', 'self'));
    expect(free.protection?.locked).toBe(false);
    expect(free.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 2] });
    const yesno = sheet.getCell(formCell(TEST_NODES, '2.2', 'self'));
    expect(yesno.dataValidation.type).toBe('list');
    const listRef = String(yesno.dataValidation.formulae[0]);
    const [, row] = /\$(\d+)$/.exec(listRef)!;
    const meta = wb.getWorksheet(META_SHEET)!;
    expect([meta.getCell(`B${row}`).value, meta.getCell(`C${row}`).value]).toEqual([0, 0.5]);
    const survey = sheet.getCell(formCell(TEST_NODES, '2.3', 'self'));
    expect(survey.protection?.locked).not.toBe(false);
    expect(survey.dataValidation).toBeUndefined();
    expect(sheet.getCell(formCell(TEST_NODES, 'I', 'self')).formula).toBe('SUM(D10:D12)');
    expect(sheet.getCell(formCell(TEST_NODES, 'II', 'self')).formula).toBe('SUM(D14:D17)-(SUM(D18))');
    expect(sheet.getCell(formCell(TEST_NODES, '1.1', 'code')).value).toBe('1.1');
    ws.close();
  });

  it('matches any workspace holding the same framework, such as a backup copy', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SYT', outFile: blank });
    const filled = path.join(dir, 'filled.xlsx');
    fillXlsx([{ src: blank, dst: filled, sheet: FORM_SHEET, cells: { [formCell(TEST_NODES, '1.2', 'self')]: 1.25 } }], dir);
    await ws.backup(path.join(dir, 'copy.parws'));
    ws.close();
    const copy = Workspace.open(path.join(dir, 'copy.parws'));
    const elsewhere = createTestWorkspace(path.join(dir, 'elsewhere.parws'));
    for (const target of [copy, elsewhere]) {
      const r = await importFormFile(target, filled);
      expect(r).toMatchObject({ status: 'imported', unit: 'SYT', matchedBy: 'metadata' });
      expect(r.warnings.filter((w) => /bộ chỉ số/.test(w.message))).toEqual([]);
      expect(getScores(target, 2025, { unitCode: 'SYT' }).find((s) => s.criterionCode === '1.2')!.selfScore).toBe(1.25);
      target.close();
    }
  });

  it('imports exactly what a unit typed, through a writer other than exceljs', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const forms = await generateFormTemplates(ws, { year: 2025, outDir: path.join(dir, 'forms') });
    expect(forms.map((f) => f.unitCode)).toEqual(['SNV', 'STP', 'SYT']);
    const filled = path.join(dir, 'filled.xlsx');
    const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);
    fillXlsx(
      [
        {
          src: forms[0].file,
          dst: filled,
          sheet: FORM_SHEET,
          cells: {
            [c('1.1.1', 'self')]: 1,
            [c('1.1.1', 'evidence')]: 'Kế hoạch số 12/KH-SNV ngày 10/01/2025',
            [c('1.1.2', 'self')]: ' 1,75 ',
            [c('1.1.2', 'evidence')]: { rich: [['Báo cáo ', true], ['số 30/BC-SNV', false]] },
            [c('1.2', 'self')]: { f: '0.5+1', v: 1.5 },
            [c('2.1', 'self')]: 2.25,
            [c('2.2', 'self')]: { f: '1-1', v: 0 },
            // typed on a system that writes decomposed accents (NFD)
            [c('2.2', 'explanation')]: 'Không có hồ sơ trễ hạn'.normalize('NFD'),
            [c('2.4', 'self')]: '0.5',
            [c('2.5', 'self')]: 0.25,
          },
        },
      ],
      dir,
    );
    const result = await importFormFile(ws, filled);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'imported', unit: 'SNV', year: 2025, matchedBy: 'metadata' });
    const scores = Object.fromEntries(getScores(ws, 2025, { unitCode: 'SNV' }).map((s) => [s.criterionCode, s]));
    expect(Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.selfScore]))).toEqual({
      '1.1.1': 1,
      '1.1.2': 1.75,
      '1.2': 1.5,
      '2.1': 2.25,
      '2.2': 0,
      '2.4': 0.5,
      '2.5': 0.25,
    });
    expect(scores['1.1.2'].evidence).toBe('Báo cáo số 30/BC-SNV');
    expect(scores['2.2'].explanation).toBe('Không có hồ sơ trễ hạn'.normalize('NFC'));
    expect(scores['2.2'].explanation).not.toBe('Không có hồ sơ trễ hạn'.normalize('NFD'));
    expect(getAudit(ws, 2025, { unitCode: 'SNV' }).every((a) => a.source === 'form-import')).toBe(true);

    const subs = listSubmissions(ws, 2025);
    expect(subs).toHaveLength(1);
    const original = submissionFile(ws, subs[0].id)!;
    expect(original.content.equals(fs.readFileSync(filled))).toBe(true);
    expect(original.sha256).toBe(sha256(fs.readFileSync(filled)));

    const again = await importForms(ws, [filled]);
    expect(again[0].status).toBe('unchanged');
    expect(listSubmissions(ws, 2025)).toHaveLength(1);
    ws.close();
  });
});
