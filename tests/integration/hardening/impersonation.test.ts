// A form edited to pass as another unit's: its hidden identification sheet (editable by anyone
// who unhides it) names one unit or year, its printed heading another, or its framework is
// another block's. Each is refused naming both, the workspace unchanged; the genuine form and a
// form of a renamed unit still import.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFormTemplates, importForms } from '../../../electron/features/forms';
import { FORM_SHEET, META_SHEET } from '../../../electron/features/forms/layout';
import { saveFramework } from '../../../electron/features/framework/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from '../forms/helpers';

describe('a form passed off as another unit\'s', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ws.parws');

  async function setUp() {
    const ws = createTestWorkspace(file);
    saveFramework(ws, { year: 2025, blockCode: 'xa', nodes: TEST_NODES.map((n) => ({ ...n, title: `${n.title} (cấp xã)` })) });
    upsertUnits(ws, [{ code: 'XA1', name: 'Xã Một', blockCode: 'xa' }]);
    const forms = await generateFormTemplates(ws, { year: 2025, outDir: path.join(dir, 'blank'), deadline: null });
    const of = (code: string) => forms.find((f) => f.unitCode === code)!.file;
    const score = { [formCell(TEST_NODES, '1.2', 'self')]: 1.5 };
    const out = (name: string) => path.join(dir, name);
    fillXlsx(
      [
        // the form of STP, its identification changed to SNV
        { src: of('STP'), dst: out('stp-as-snv.xlsx'), sheet: META_SHEET, cells: { B4: 'SNV', B5: 'Sở Nội vụ' } },
        // the form of SNV, its identification changed to another year
        { src: of('SNV'), dst: out('snv-other-year.xlsx'), sheet: META_SHEET, cells: { B3: 2024 } },
        // a commune's form, identification and heading both changed to SNV: its framework is the commune block's
        { src: of('XA1'), dst: out('xa-as-snv-meta.xlsx'), sheet: META_SHEET, cells: { B4: 'SNV', B5: 'Sở Nội vụ', B6: 'so' } },
        { src: of('SNV'), dst: out('snv.xlsx'), sheet: FORM_SHEET, cells: score },
      ],
      dir,
    );
    fillXlsx([{ src: out('xa-as-snv-meta.xlsx'), dst: out('xa-as-snv.xlsx'), sheet: FORM_SHEET, cells: { A3: 'Đơn vị: Sở Nội vụ (mã SNV)', ...score } }], dir);
    return { ws, out };
  }

  it('is refused when identification and heading disagree on unit or year, or the framework is another block\'s', async () => {
    const { ws, out } = await setUp();
    try {
      const before = dumpWorkspace(ws);
      const [asSnv, otherYear, commune] = await importForms(ws, [out('stp-as-snv.xlsx'), out('snv-other-year.xlsx'), out('xa-as-snv.xlsx')]);
      expect(asSnv.status).toBe('refused');
      expect(asSnv.errors[0].message).toMatch(/Phần đầu biểu in đơn vị mã STP.*Sở Nội vụ \(mã SNV\)/);
      expect(otherYear.status).toBe('refused');
      expect(otherYear.errors[0].message).toMatch(/Tiêu đề biểu in năm 2025.*năm 2024/);
      expect(commune.status).toBe('refused');
      expect(commune.errors[0].message).toMatch(/khối "xa"/);
      expect(dumpWorkspace(ws)).toEqual(before);
      // the genuine form imports; so does it after its unit is renamed
      upsertUnits(ws, [{ code: 'SNV', name: 'Sở Nội vụ tỉnh', blockCode: 'so' }]);
      const [genuine] = await importForms(ws, [out('snv.xlsx')]);
      expect(genuine.errors).toEqual([]);
      expect(genuine.status).toBe('imported');
      expect(genuine.unit).toBe('SNV');
    } finally {
      ws.close();
    }
  });
});
