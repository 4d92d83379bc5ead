// Forms opened and re-saved by LibreOffice Calc import exactly as the originals do. The live
// part runs soffice; the committed corpus (made by the live part with
// UPDATE_FORM_FIXTURES=1) keeps the check on machines without LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFormTemplates, importFormFile, importForms } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import type { Workspace } from '../../../electron/db/workspace';
import { getScores } from '../../../electron/features/appraisal/store';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell, hasLibreOffice, libreOfficeConvert, type FillJob } from './helpers';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/forms');
const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);

/** What each unit types, including the awkward ways units type it. */
const FILLS: Record<string, FillJob['cells']> = {
  SNV: {
    [c('1.1.1', 'self')]: 1,
    [c('1.1.1', 'evidence')]: 'Kế hoạch số 12/KH-SNV ngày 10/01/2025',
    [c('1.1.2', 'self')]: '1,75',
    [c('1.1.2', 'evidence')]: { rich: [['Báo cáo ', true], ['số 30/BC-SNV', false]] },
    [c('1.2', 'self')]: { f: '0.5+1', v: 1.5 },
    [c('2.1', 'self')]: 2.25,
    [c('2.2', 'self')]: 0.5,
    [c('2.4', 'self')]: ' 0.5 ',
    [c('2.5', 'self')]: 0.25,
  },
  STP: {
    [c('1.1.1', 'self')]: 0,
    [c('1.1.1', 'explanation')]: 'Q§ sè 12/Q§-UBND ban hµnh chËm',
    [c('1.1.2', 'self')]: 2,
    [c('1.1.2', 'evidence')]: 'Quyeát ñònh soá 45/QÑ-STP',
    [c('1.2', 'self')]: 0.75,
    [c('2.1', 'self')]: 2.5,
    [c('2.2', 'self')]: 0,
  },
  SYT: {
    [c('1.1.1', 'self')]: 1,
    [c('1.1.1', 'evidence')]: 'Kế hoạch 5/KH-SYT',
    [c('1.1.2', 'self')]: 1.2,
    [c('1.1.2', 'evidence')]: 'Báo cáo 7/BC-SYT',
    [c('2.1', 'self')]: 1.875,
  },
};

const EXPECTED: Record<string, Record<string, { selfScore: number | null; evidence: string | null; explanation: string | null }>> = {
  SNV: {
    '1.1.1': { selfScore: 1, evidence: 'Kế hoạch số 12/KH-SNV ngày 10/01/2025', explanation: null },
    '1.1.2': { selfScore: 1.75, evidence: 'Báo cáo số 30/BC-SNV', explanation: null },
    '1.2': { selfScore: 1.5, evidence: null, explanation: null },
    '2.1': { selfScore: 2.25, evidence: null, explanation: null },
    '2.2': { selfScore: 0.5, evidence: null, explanation: null },
    '2.4': { selfScore: 0.5, evidence: null, explanation: null },
    '2.5': { selfScore: 0.25, evidence: null, explanation: null },
  },
  STP: {
    '1.1.1': { selfScore: 0, evidence: null, explanation: 'QĐ số 12/QĐ-UBND ban hành chậm' },
    '1.1.2': { selfScore: 2, evidence: 'Quyết định số 45/QĐ-STP', explanation: null },
    '1.2': { selfScore: 0.75, evidence: null, explanation: null },
    '2.1': { selfScore: 2.5, evidence: null, explanation: null },
    '2.2': { selfScore: 0, evidence: null, explanation: null },
  },
  SYT: {
    '1.1.1': { selfScore: 1, evidence: 'Kế hoạch 5/KH-SYT', explanation: null },
    '1.1.2': { selfScore: 1.2, evidence: 'Báo cáo 7/BC-SYT', explanation: null },
    '2.1': { selfScore: 1.875, evidence: null, explanation: null },
  },
};

function selfValues(ws: Workspace, unitCode: string) {
  return Object.fromEntries(
    getScores(ws, 2025, { unitCode })
      .filter((s) => s.selfScore !== null || s.evidence !== null || s.explanation !== null)
      .map((s) => [s.criterionCode, { selfScore: s.selfScore, evidence: s.evidence, explanation: s.explanation }]),
  );
}

describe.skipIf(!hasLibreOffice())('forms re-saved by LibreOffice Calc', () => {
  it('import identically to the files as filled', async () => {
    const dir = tempDir('parw-forms-lo-');
    const original = createTestWorkspace(path.join(dir, 'original.parws'));
    const resavedWs = createTestWorkspace(path.join(dir, 'resaved.parws'));
    const forms = await generateFormTemplates(original, { year: 2025, outDir: path.join(dir, 'forms') });
    const filledDir = path.join(dir, 'filled');
    fs.mkdirSync(filledDir);
    const filled = forms.map((f) => path.join(filledDir, `${f.unitCode}.xlsx`));
    fillXlsx(forms.map((f, i) => ({ src: f.file, dst: filled[i], sheet: FORM_SHEET, cells: FILLS[f.unitCode] })), dir);
    const resaved = libreOfficeConvert(filled, path.join(dir, 'libreoffice'));
    // the other of LibreOffice's two .xlsx export filters
    const ooxmlWs = createTestWorkspace(path.join(dir, 'ooxml.parws'));
    const ooxml = libreOfficeConvert(filled, path.join(dir, 'libreoffice-ooxml'), 'xlsx', 'Calc Office Open XML');
    const [xls] = libreOfficeConvert([filled[0]], path.join(dir, 'libreoffice-xls'), 'xls');

    const a = await importForms(original, filled);
    const b = await importForms(resavedWs, resaved);
    const o = await importForms(ooxmlWs, ooxml);
    for (const r of [...a, ...b, ...o]) {
      expect(r.errors).toEqual([]);
      expect(r.status).toBe('imported');
      expect(r.matchedBy).toBe('metadata');
    }
    for (const unit of Object.keys(EXPECTED)) {
      expect(selfValues(original, unit)).toEqual(EXPECTED[unit]);
      expect(selfValues(resavedWs, unit)).toEqual(EXPECTED[unit]);
      expect(selfValues(ooxmlWs, unit)).toEqual(EXPECTED[unit]);
    }
    const legacy = b.find((r) => r.unit === 'STP')!.warnings.find((w) => /bảng mã cũ/.test(w.message))!;
    expect(legacy.message).toMatch(/TCVN3 \(\.VnTime\) và VNI/);

    const refusedXls = await importFormFile(resavedWs, xls);
    expect(refusedXls.status).toBe('refused');
    expect(refusedXls.errors[0].message).toMatch(/định dạng Excel cũ \(\.xls\)/);

    if (process.env.UPDATE_FORM_FIXTURES === '1') {
      fs.mkdirSync(FIXTURES, { recursive: true });
      fs.copyFileSync(resaved[1], path.join(FIXTURES, 'libreoffice-resaved-STP.xlsx'));
      fs.copyFileSync(xls, path.join(FIXTURES, 'libreoffice-SNV.xls'));
    }
    original.close();
    resavedWs.close();
    ooxmlWs.close();
  });
});

describe('committed corpus of re-saved forms', () => {
  it('imports the LibreOffice re-save of a filled form and refuses its .xls save', async () => {
    const dir = tempDir('parw-forms-corpus-');
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const r = await importFormFile(ws, path.join(FIXTURES, 'libreoffice-resaved-STP.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', unit: 'STP', year: 2025, matchedBy: 'metadata' });
    expect(selfValues(ws, 'STP')).toEqual(EXPECTED.STP);
    const xls = await importFormFile(ws, path.join(FIXTURES, 'libreoffice-SNV.xls'));
    expect(xls.status).toBe('refused');
    expect(xls.errors[0].message).toMatch(/lưu lại dưới dạng "Excel Workbook \(\*\.xlsx\)"/);
    ws.close();
  });
});
