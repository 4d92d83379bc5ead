// The framework as provinces print it: title rows above the header, a parent's maximum left
// blank (the sum of its children), in .xlsx and .csv alike.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkMaximum } from '../../shared/results';
import { Workspace } from '../../electron/db/workspace';
import { importFrameworkFile } from '../../electron/features/framework/import';
import { getFramework } from '../../electron/features/framework/store';
import { cli } from '../helpers/cli';
import { writeCsv, writeXlsx, type Cell } from '../helpers/files';
import { tempDir } from '../helpers/tmp';

const PRINTED: Cell[][] = [
  ['ỦY BAN NHÂN DÂN TỈNH MẪU', null, null, null],
  ['BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH', null, null, null],
  ['(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2025 của UBND tỉnh)', null, null, null],
  [null, null, null, null],
  ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm'],
  ['I', 'Công tác chỉ đạo, điều hành CCHC', null, null],
  ['1', 'Kế hoạch CCHC năm', null, null],
  ['1.1', 'Ban hành kế hoạch đúng thời hạn', 1, null],
  ['1.2', 'Mức độ hoàn thành kế hoạch', 2, null],
  ['2', 'Tuyên truyền CCHC', 1.5, null],
  ['II', 'Hài lòng của người dân', 5, 'Điều tra XHH'],
  [null, 'Tổng cộng', null, null],
];

describe('a framework printed with title rows and blank parent maxima', () => {
  for (const kind of ['xlsx', 'csv'] as const) {
    it(`imports from .${kind}, finding the header below the titles and summing blank parents`, async () => {
      const dir = tempDir();
      const file = kind === 'xlsx' ? await writeXlsx(dir, 'bo-chi-so.xlsx', PRINTED) : writeCsv(dir, 'bo-chi-so.csv', PRINTED);
      const ws = Workspace.create(path.join(dir, 'a.parws'));
      const summary = await importFrameworkFile(ws, 2025, 'so', file);
      expect(summary.leaves).toBe(4);
      const nodes = getFramework(ws, 2025, 'so')!.nodes;
      expect(nodes.map((n) => [n.code, n.maxPoints])).toEqual([
        ['I', null],
        ['1', null],
        ['1.1', 1],
        ['1.2', 2],
        ['2', 1.5],
        ['II', 5],
      ]);
      expect(frameworkMaximum(nodes)).toBe(9.5);
      ws.close();
    });
  }

  it('says no header row was found in the first 30 rows, naming the columns looked for', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 'khong-tieu-de.csv', [['ỦY BAN NHÂN DÂN TỈNH MẪU'], ['Danh mục'], ['1', 'Kế hoạch', '2']]);
    await cli('init', path.join(dir, 'b.parws'));
    const r = await cli('framework', 'import', path.join(dir, 'b.parws'), '--year', '2025', '--block', 'so', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không tìm thấy dòng tiêu đề có các cột "STT", "Nội dung", "Điểm tối đa" trong 30 dòng đầu của tệp/);
  });
});
