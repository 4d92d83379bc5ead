// "Tải tệp mẫu" on the empty screens: each template written is read back by the real import —
// the framework template imports as it is, the scores template once its score cells are filled,
// and the units template as it is.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { writeFrameworkTemplate } from '../../../electron/features/framework/template';
import { FRAMEWORK_HEADERS, importFrameworkFile } from '../../../electron/features/framework/import';
import { getFramework } from '../../../electron/features/framework/store';
import { SCORES_TEMPLATE_HEADERS, writeScoresTemplate } from '../../../electron/features/appraisal/scores-template';
import { importScoresFile } from '../../../electron/features/appraisal/scores-import';
import { getScores } from '../../../electron/features/appraisal/store';
import { writeUnitsTemplate } from '../../../electron/features/units/template';
import { importUnitsFile } from '../../../electron/features/units/import';
import { listUnits } from '../../../electron/features/units/store';
import { ensurePeriod } from '../../../electron/features/workspace/service';
import { readTable } from '../../../electron/excel/tabular';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace, fillXlsx } from '../forms/helpers';

describe('templates of the imports', () => {
  it('the framework template has exactly the columns the import reads and imports as it is', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Bo-chi-so-mau.xlsx');
    await writeFrameworkTemplate(file);
    const table = await readTable(file);
    expect(table.headers).toEqual(FRAMEWORK_HEADERS);
    const ws = Workspace.create(path.join(dir, 'ws.parws'));
    ensurePeriod(ws, 2025);
    const summary = await importFrameworkFile(ws, 2025, 'so', file);
    expect(summary).toMatchObject({ nodes: 2, leaves: 1, maximum: 2 });
    expect(getFramework(ws, 2025, 'so')!.nodes.map((n) => [n.code, n.parentCode, n.maxPoints, n.method, n.evidenceRequired])).toEqual([
      ['1', null, 2, 'free', false],
      ['1.1', '1', 2, 'yesno', true],
    ]);
    ws.close();
  });

  it('the scores template lists the units × criteria of the year and imports once filled', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const file = path.join(dir, 'Bang-diem-2025.xlsx');
    const { rows } = await writeScoresTemplate(ws, 2025, 'so', file);
    // three units × seven scored leaves (the survey leaf 2.3 is not typed)
    expect(rows).toBe(21);
    const table = await readTable(file);
    expect(table.headers).toEqual(SCORES_TEMPLATE_HEADERS);
    expect(table.rows.slice(0, 2).map((r) => r.cells.slice(0, 4))).toEqual([
      ['SNV', 'Sở Nội vụ', '1.1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn'],
      ['SNV', 'Sở Nội vụ', '1.1.2', 'Mức độ hoàn thành kế hoạch CCHC'],
    ]);
    expect(table.rows.some((r) => r.cells[2] === '2.3')).toBe(false);
    const filled = path.join(dir, 'filled.xlsx');
    // row 2 = SNV 1.1.1, row 3 = SNV 1.1.2, row 9 = STP 1.1.1
    fillXlsx([{ src: file, dst: filled, sheet: 'Điểm', cells: { E2: 1, F2: 1, E3: '1,5', F3: 1.25, H3: 'Thiếu báo cáo quý IV', E9: 0 } }], dir);
    const summary = await importScoresFile(ws, 2025, filled, 'Cán bộ A');
    expect(summary).toMatchObject({ rows: 21, units: 3 });
    const snv = new Map(getScores(ws, 2025, { unitCode: 'SNV' }).map((s) => [s.criterionCode, s]));
    expect(snv.get('1.1.1')).toMatchObject({ selfScore: 1, appraisedScore: 1 });
    expect(snv.get('1.1.2')).toMatchObject({ selfScore: 1.5, appraisedScore: 1.25, note: 'Thiếu báo cáo quý IV' });
    expect(getScores(ws, 2025, { unitCode: 'STP' }).find((s) => s.criterionCode === '1.1.1')?.selfScore).toBe(0);
    ws.close();
  });

  it('the scores template of a year without a framework has the header and two example lines', async () => {
    const dir = tempDir();
    const ws = Workspace.create(path.join(dir, 'ws.parws'));
    ensurePeriod(ws, 2025);
    const file = path.join(dir, 'Bang-diem.xlsx');
    expect((await writeScoresTemplate(ws, 2025, null, file)).rows).toBe(0);
    const table = await readTable(file);
    expect(table.headers).toEqual(SCORES_TEMPLATE_HEADERS);
    expect(table.rows).toHaveLength(2);
    ws.close();
  });

  it('the units template imports as it is', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Danh-sach-don-vi.xlsx');
    await writeUnitsTemplate(file);
    const ws = Workspace.create(path.join(dir, 'ws.parws'));
    await importUnitsFile(ws, file);
    expect(listUnits(ws).map((u) => u.code).sort()).toEqual(['BQLKKT', 'SNV', 'STP', 'X01', 'X02', 'X10']);
    ws.close();
  });
});
