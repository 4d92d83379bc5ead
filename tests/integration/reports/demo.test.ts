// The reports on the demo workspace: 85 units of 2025 in two blocks, merged communes, a
// provisional commune with many appraisal notes.
import { resultStatus } from '../../../shared/results/status';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../electron/features/demo';
import { HEADER_ROW, exportSummaryWorkbook } from '../../../electron/features/print/summary';
import { readWorkbookFile, sheetGrid } from '../../../electron/excel/xlsx';
import { printScorecards } from '../../../electron/features/print/scorecards';
import { Workspace } from '../../../electron/db/workspace';
import type { YearResults } from '../../../shared/domain';
import { formatPercent } from '../../../shared/format';
import { tempDir } from '../../helpers/tmp';
import { yearResults } from '../../../electron/features/results/service';
import { listUnits } from '../../../electron/features/units/store';

const flat = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);

describe('reports of the demo workspace', () => {
  const dir = tempDir('parw-demo-reports-');
  let ws: Workspace;
  let results: YearResults;
  beforeAll(() => {
    createDemoWorkspace(path.join(dir, 'demo.parws'));
    ws = Workspace.open(path.join(dir, 'demo.parws'));
    results = yearResults(ws, 2025);
  });
  afterAll(() => ws.close());

  it('summary workbook: every ranking and year-over-year cell of the 85 units equals the results', async () => {
    const file = path.join(dir, 'tong-hop-2025.xlsx');
    const { sheets } = await exportSummaryWorkbook(ws, 2025, file);
    expect(results.blocks.reduce((n, b) => n + b.units.length, 0)).toBe(85);
    expect(sheets).toHaveLength(4 * results.blocks.length);
    const wb = await readWorkbookFile(file);
    const units = new Map(listUnits(ws).map((u) => [u.code, u]));
    for (const block of results.blocks) {
      const ranking = sheetGrid(wb.getWorksheet(`${block.name} - Xếp hạng`)!).rows.filter((r) => r.rowNumber > HEADER_ROW);
      expect(ranking).toHaveLength(block.units.length + 1);
      block.units.forEach((u, i) => {
        const n = u.fields.length;
        // the grid does not read empty cells at the end of a row: pad to the table's width
        const v = [...ranking[i].values, ...Array(Math.max(0, 10 + n - ranking[i].values.length)).fill(null)];
        expect(v.slice(0, 2)).toEqual([i + 1, u.name]);
        expect(v.slice(2, 2 + n)).toEqual(u.fields.map((f) => f.score));
        expect(v.slice(2 + n)).toEqual([u.total, u.max, u.index, u.rank ?? 'Không xếp hạng', u.band, u.deltaIndex, u.deltaRank, resultStatus(u, false)]);
      });
      expect(ranking.at(-1)!.values[4 + block.units[0].fields.length]).toBe(block.average);
      const yoy = sheetGrid(wb.getWorksheet(`${block.name} - So với năm trước`)!).rows.filter((r) => r.rowNumber > HEADER_ROW);
      block.units.forEach((u, i) => {
        const predecessors = units.get(u.code)!.predecessors.map((c) => units.get(c)!.name);
        expect(yoy[i].values.slice(0, 5)).toEqual([i + 1, u.name, predecessors.length ? predecessors.join('; ') : null, u.previous?.index ?? null, u.previous?.rank ?? null]);
      });
    }
    const xa = results.blocks.find((b) => b.code === 'xa')!;
    const merged = xa.units.filter((u) => (units.get(u.code)?.predecessors.length ?? 0) > 1);
    expect(merged.length).toBeGreaterThan(10);
    const lost = sheetGrid(wb.getWorksheet(`${xa.name} - Điểm bị mất`)!).rows.filter((r) => r.rowNumber > HEADER_ROW);
    expect(lost.some((r) => /; và \d+ đơn vị khác$/.test(String(r.values[8])))).toBe(true);
  });

  it('prints the provisional commune with many notes on two pages at most, and a department', async () => {
    const xa = results.blocks.find((b) => b.code === 'xa')!;
    const provisional = xa.units.find((u) => u.provisional)!;
    expect(provisional.name).toBe('Xã Thiện Long');
    const department = results.blocks.find((b) => b.code === 'so')!.units[0];
    for (const unit of [provisional, department]) {
      const printed = await printScorecards(ws, { year: 2025, selection: { unitCode: unit.code }, outDir: path.join(dir, 'pdf') });
      const file = printed.files[0];
      expect(pageCount(file)).toBeLessThanOrEqual(2);
      const text = flat(file);
      expect(text).toContain(unit.name);
      expect(text).toContain(formatPercent(unit.index));
      expect(text).toContain(`Xếp loại ${unit.band}`);
      expect(text).toContain(`Xếp hạng ${unit.rank}/`);
      expect(text).toContain('DỮ LIỆU MẪU');
      expect(text).toContain('Tỉnh Mẫu'.toUpperCase());
      if (unit.provisional) expect(text).toContain('Kết quả tạm tính');
    }
  });
});
