// Round trip on the demo workspace: a form for every unit of the open year, filled by a writer
// other than exceljs, imported, gives exactly the filled scores.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_OPEN_YEAR, createDemoWorkspace } from '../../../electron/features/demo';
import { generateFormTemplates, importFormFile, importForms } from '../../../electron/features/forms';
import { unitsTakingPart as unitsOfYear } from '../../../electron/features/participation/service';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { Workspace } from '../../../electron/db/workspace';
import { tempDir } from '../../helpers/tmp';
import { filledFormJobs, fillXlsx } from './helpers';
import { getScores } from '../../../electron/features/appraisal/store';

describe('forms for every unit of the demo workspace', () => {
  it('round-trips the scores typed into each of them', { timeout: 300_000 }, async () => {
    const dir = tempDir('parw-forms-demo-');
    const file = path.join(dir, 'demo.parws');
    createDemoWorkspace(file);
    const ws = Workspace.open(file);
    const year = DEMO_OPEN_YEAR;
    const units = unitsOfYear(ws, year);
    // departments and the communes formed in 2025, not the communes they replaced
    expect(units.filter((u) => u.blockCode === 'xa')).toHaveLength(65);
    expect(units.filter((u) => u.blockCode === 'huyen')).toHaveLength(0);
    for (const u of units.filter((x) => x.blockCode === 'xa')) expect(units.some((o) => u.predecessors.includes(o.code) && o.code !== u.code)).toBe(false);

    // 2024 still had the districts and the communes before the merger; it is published (locked)
    const units2024 = unitsOfYear(ws, 2024);
    expect(units2024.filter((u) => u.blockCode === 'huyen')).toHaveLength(10);
    expect(units2024.filter((u) => u.blockCode === 'xa')).toHaveLength(144);
    const [oldForm] = await generateFormTemplates(ws, { year: 2024, unitCodes: [units2024[0].code], outDir: path.join(dir, 'forms-2024') });
    const locked = await importFormFile(ws, oldForm.file);
    expect(locked.status).toBe('refused');
    expect(locked.errors[0].message).toMatch(/Kỳ đánh giá năm 2024 đã khóa/);

    let progress = 0;
    const forms = await generateFormTemplates(ws, { year, outDir: path.join(dir, 'forms') }, (p) => {
      expect(p.done).toBe(++progress);
      expect(p.total).toBe(units.length);
    });
    expect(forms.map((f) => f.unitCode)).toEqual(units.map((u) => u.code));
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(forms[0].file);
    expect(sample.getWorksheet(FORM_SHEET)!.getCell('A2').value).toBe('Tỉnh Mẫu – Dữ liệu mẫu');

    const { jobs, expected } = filledFormJobs(ws, year, forms, path.join(dir, 'filled'));
    fs.mkdirSync(path.join(dir, 'filled'));
    fillXlsx(jobs, dir);

    const results = await importForms(ws, [path.join(dir, 'filled')]);
    expect(results).toHaveLength(units.length);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.status).toBe('imported');
      expect(r.matchedBy).toBe('metadata');
    }
    for (const unit of units) {
      const scores = new Map(getScores(ws, year, { unitCode: unit.code }).map((s) => [s.criterionCode, s]));
      for (const [code, value] of expected.get(unit.code)!) {
        expect({ unit: unit.code, code, selfScore: scores.get(code)?.selfScore }).toEqual({ unit: unit.code, code, selfScore: value });
      }
    }
    ws.close();
  });
});
