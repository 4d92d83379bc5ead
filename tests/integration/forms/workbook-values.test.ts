// The direct reader of cell values gives exactly what the Excel library's loader gives, on
// files written by exceljs, by a spreadsheet program's way of saving (Python), by LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFormTemplate } from '../../../electron/services/excel/forms';
import { FORM_SHEET } from '../../../electron/services/excel/forms/layout';
import { readValuesFromParts } from '../../../electron/services/excel/forms/workbook-values';
import { ExcelJS, loadWorkbook, sheetGrid } from '../../../electron/services/excel/xlsx';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell } from './helpers';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/forms');

async function viaExcelJs(file: string) {
  const wb = await loadWorkbook(fs.readFileSync(file), path.basename(file));
  return wb.worksheets.map((s) => ({ name: s.name, state: s.state, grid: sheetGrid(s) }));
}

async function direct(file: string) {
  return (await readValuesFromParts(fs.readFileSync(file), path.basename(file))).sheets.map((s) => ({ name: s.name, state: s.state, grid: s.grid() }));
}

/** exceljs keeps cells holding an empty string; the direct reader drops them as blank. */
function withoutEmptyStrings(sheets: Awaited<ReturnType<typeof viaExcelJs>>) {
  return sheets.map((s) => ({
    ...s,
    grid: {
      name: s.grid.name,
      rows: s.grid.rows
        .map((r) => {
          const values = r.values.map((v) => (v === '' ? null : v));
          while (values.length && values[values.length - 1] === null) values.pop();
          return { rowNumber: r.rowNumber, values };
        })
        .filter((r) => r.values.length > 0),
    },
  }));
}

describe('direct reading of cell values', () => {
  it('matches the Excel library on forms as written, filled and re-saved', async () => {
    const dir = tempDir();
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    ws.close();
    const filled = path.join(dir, 'filled.xlsx');
    const handMade = path.join(dir, 'hand-made.xlsx');
    const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);
    fillXlsx(
      [
        {
          src: blank,
          dst: filled,
          sheet: FORM_SHEET,
          cells: {
            [c('1.1.1', 'self')]: 1,
            [c('1.1.2', 'self')]: '1,75',
            [c('1.1.2', 'evidence')]: { rich: [['Báo cáo ', true], ['số 30 & "phụ lục" <1>', false]] },
            [c('1.2', 'self')]: { f: '0.5+1', v: 1.5 },
            [c('1.2', 'explanation')]: { f: 'CONCATENATE("a","b")', v: 'ab' },
            [c('2.1', 'self')]: true,
            [c('2.2', 'explanation')]: 'Dòng 1\nDòng 2',
          },
          merge: [`${c('2.1', 'evidence')}:${c('2.1', 'explanation')}`],
          addSheets: [{ name: 'Thêm', rows: [['x', null, 3.25]] }],
        },
        { dst: handMade, sheets: [{ name: 'Sheet1', rows: [['STT', 'Nội dung', 'Điểm tự chấm'], ['1.2', 'Tuyên truyền', 1]] }] },
      ],
      dir,
    );
    const dated = path.join(dir, 'dated.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Ngày');
    sheet.getCell('A1').value = new Date(Date.UTC(2025, 0, 15));
    sheet.getCell('B1').value = 45672.5;
    sheet.getCell('B1').numFmt = 'dd/mm/yyyy hh:mm';
    sheet.getCell('C1').value = 0.25;
    sheet.getCell('C1').numFmt = '0.00%';
    await wb.xlsx.writeFile(dated);

    for (const file of [blank, filled, handMade, dated, path.join(FIXTURES, 'libreoffice-resaved-STP.xlsx')]) {
      expect(await direct(file), path.basename(file)).toEqual(withoutEmptyStrings(await viaExcelJs(file)));
    }
  });
});
