import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import { HEADER_ROW, exportSummaryWorkbook, unitsBehindLoss } from '../../../electron/features/print/summary';
import { readWorkbookFile, sheetGrid, type CellValue } from '../../../electron/excel/xlsx';
import type { Workspace } from '../../../electron/db/workspace';
import { blockFieldAverages, blockLeafLosses } from '../../../shared/compare';
import { resultStatus } from '../../../shared/results/status';
import { describeChange } from '../../../shared/format';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace } from './fixture';
import { getScores } from '../../../electron/features/appraisal/store';
import { requireFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';
import { ensurePeriod, setPeriodLocked } from '../../../electron/features/workspace/service';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('summary workbook', () => {
  const dir = tempDir('parw-summary-');
  let ws: Workspace;
  let file: string;
  beforeAll(async () => {
    ws = createReportWorkspace(dir);
    file = path.join(dir, 'tong-hop-2025.xlsx');
    const r = await cli(['export', ws.file, '--year', '2025', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(file);
  });
  afterAll(() => ws.close());

  /** Body rows of a sheet (below the header) as plain values. */
  async function body(sheetName: string): Promise<CellValue[][]> {
    const wb = await readWorkbookFile(file);
    const sheet = wb.getWorksheet(sheetName);
    expect(sheet, sheetName).toBeDefined();
    return sheetGrid(sheet!).rows.filter((r) => r.rowNumber > HEADER_ROW).map((r) => r.values);
  }

  /** A row as the grid reads it back: empty cells at the end of a row are not read. */
  const asRead = (values: CellValue[]) => {
    const copy = [...values];
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    return copy;
  };

  it('has four print-ready sheets per block', async () => {
    const wb = await readWorkbookFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Khối sở - Xếp hạng',
      'Khối sở - Chỉ số thành phần',
      'Khối sở - So với năm trước',
      'Khối sở - Điểm bị mất',
    ]);
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup.orientation).toBe('landscape');
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW });
      expect(sheet.getCell(1, 1).value).toContain('NĂM 2025 — KHỐI SỞ');
      expect(sheet.getCell(2, 1).value).toBe('Tỉnh Mẫu — Chỉ số CCHC năm 2025 — Bình quân khối: 84,44%');
    }
    const ranking = wb.getWorksheet('Khối sở - Xếp hạng')!;
    expect(ranking.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'STT',
      'Đơn vị',
      'I. Công tác chỉ đạo, điều hành cải cách hành chính (10 điểm)',
      'II. Cải cách thủ tục hành chính (12 điểm)',
      'III. Xây dựng chính quyền điện tử, chính quyền số (8 điểm)',
      'IV. Tác động của cải cách hành chính (10 điểm)',
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      'Tăng/giảm chỉ số so với năm trước (%)',
      'Tăng/giảm bậc so với năm trước',
      'Tình trạng',
    ]);
    // the year is not published yet: the title says the results are provisional
    expect(ranking.getCell(1, 1).value).toBe('BẢNG XẾP HẠNG CHỈ SỐ CCHC NĂM 2025 — KHỐI SỞ (TẠM TÍNH)');
    expect(ranking.getCell(HEADER_ROW + 1, 9).numFmt).toBe('0.00');
    expect(ranking.getCell(HEADER_ROW + 1, 9).font.name).toBe('Times New Roman');
  });

  it('ranking table: every cell equals the results', async () => {
    const block = yearResults(ws, 2025).blocks[0];
    const rows = await body('Khối sở - Xếp hạng');
    expect(rows).toEqual([
      ...block.units.map((u, i) => asRead([
        i + 1,
        u.name,
        ...u.fields.map((f) => f.score),
        u.total,
        u.max,
        u.index,
        u.rank ?? 'Không xếp hạng',
        u.band,
        u.deltaIndex,
        u.deltaRank,
        resultStatus(u, false),
      ])),
      [null, 'Bình quân khối', null, null, null, null, null, null, block.average],
    ]);
    expect(rows[2].slice(0, 2)).toEqual([3, 'Sở Tư pháp']);
    expect(rows[2][8]).toBeCloseTo(83.5, 12);
  });

  it('component table: every cell equals the results', async () => {
    const block = yearResults(ws, 2025).blocks[0];
    const averages = blockFieldAverages(block);
    expect(await body('Khối sở - Chỉ số thành phần')).toEqual([
      ...block.units.map((u, i) => [i + 1, u.name, ...u.fields.map((f) => f.index), u.index]),
      [null, 'Bình quân khối', ...block.units[0].fields.map((f) => averages.get(f.code)), block.average],
    ]);
  });

  it('year-over-year table follows lineage', async () => {
    const block = yearResults(ws, 2025).blocks[0];
    const rows = await body('Khối sở - So với năm trước');
    expect(rows).toEqual(
      block.units.map((u, i) => [
        i + 1,
        u.name,
        u.code === 'S08' ? 'Sở Nông nghiệp và Phát triển nông thôn; Sở Tài nguyên và Môi trường' : null,
        u.previous?.index ?? null,
        u.previous?.rank ?? null,
        u.index,
        u.rank ?? 'Không xếp hạng',
        u.deltaIndex,
        u.deltaRank,
        describeChange(u.deltaIndex, u.deltaRank),
      ]),
    );
    const merged = rows.find((r) => r[1] === 'Sở Nông nghiệp và Môi trường')!;
    expect(merged[4]).toBeNull();
    expect(merged[3]).toBeCloseTo((76.25 + 91.25) / 2, 10);
  });

  it('points-lost table: the Pareto with the units behind each', async () => {
    const block = yearResults(ws, 2025).blocks[0];
    const losses = blockLeafLosses(requireFramework(ws, 2025, 'so'), getScores(ws, 2025), block.units);
    const rows = await body('Khối sở - Điểm bị mất');
    expect(rows).toEqual(
      losses.map((l, i) => [i + 1, l.code, l.title, l.max, l.units.length, l.lost, l.share, l.cumulativeShare, unitsBehindLoss(l)]),
    );
    expect(rows[0].slice(1, 2)).toEqual(['2.2']);
    expect(rows[0][8]).toBe('Sở Tư pháp (2,5); Sở Nông nghiệp và Môi trường (2); Sở Xây dựng (1,5); Sở Tài chính (0,5)');
  });

  it('calls the results official once the year is published', async () => {
    setPeriodLocked(ws, 2025, true);
    try {
      const published = path.join(dir, 'cong-bo', 'tong-hop-2025.xlsx');
      fs.mkdirSync(path.dirname(published));
      await exportSummaryWorkbook(ws, 2025, published);
      const sheet = (await readWorkbookFile(published)).getWorksheet('Khối sở - Xếp hạng')!;
      expect(sheet.getCell(1, 1).value).toBe('BẢNG XẾP HẠNG CHỈ SỐ CCHC NĂM 2025 — KHỐI SỞ');
      const status = sheetGrid(sheet).rows.filter((r) => r.rowNumber > HEADER_ROW && typeof r.values[0] === 'number').map((r) => r.values.at(-1));
      expect(new Set(status)).toEqual(new Set(['Chính thức']));
      fs.rmSync(path.dirname(published), { recursive: true });
    } finally {
      setPeriodLocked(ws, 2025, false);
    }
  });

  it('refuses a wrong file name or a year without results, and writes nothing', async () => {
    const bad = await cli(['export', ws.file, '--year', '2025', '--out', path.join(dir, 'tong-hop.xls')]);
    expect([bad.code, bad.err]).toEqual([1, 'Lỗi: Tệp "tong-hop.xls" cần có đuôi .xlsx; ví dụ: tong-hop-2025.xlsx.']);
    ensurePeriod(ws, 2026);
    await expect(exportSummaryWorkbook(ws, 2026, path.join(dir, 'empty.xlsx'))).rejects.toThrow(
      'Năm 2026 chưa có kết quả nào (chưa có điểm) nên chưa xuất được bảng tổng hợp.',
    );
    const missing = await cli(['export', ws.file, '--year', '2025', '--out', path.join(dir, 'no-such-dir', 'x.xlsx')]);
    expect(missing.code).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.tmp'))).toEqual(['tong-hop-2025.xlsx']);
  });
});
