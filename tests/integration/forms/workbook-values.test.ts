// The direct reader of cell values gives exactly what the Excel library's loader gives, on
// files written by exceljs, by a spreadsheet program's way of saving (Python), by LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { readValuesFromParts, readWorkbookValues } from '../../../electron/excel/workbook-values';
import { UnsupportedWorkbook } from '../../../electron/excel/workbook';
import ExcelJS from 'exceljs';
import { loadWorkbook, sheetGrid } from '../../../electron/excel/xlsx';
import { tempDir } from '../../helpers/tmp';
import { writeZip, xlsxParts } from '../excel/zip-writer';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell, hasLibreOffice, libreOfficeConvert } from './helpers';

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

    const files = [blank, filled, handMade, dated, path.join(FIXTURES, 'libreoffice-resaved-STP.xlsx')];
    // re-saved here by LibreOffice too (openpyxl is not installed on these machines)
    if (hasLibreOffice()) files.push(...libreOfficeConvert([filled, dated], path.join(dir, 'lo')));
    for (const file of files) {
      expect(await direct(file), path.basename(file)).toEqual(withoutEmptyStrings(await viaExcelJs(file)));
    }
  });

  it('reads what the XML says, not what looks like it: comments, CDATA, prefixes, entities', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'odd.xlsx');
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    fs.writeFileSync(
      file,
      writeZip(
        xlsxParts({
          sheets: [
            {
              name: 'Biểu',
              xml:
                '<row r="9"><c r="C9" t="inlineStr"><is><t><![CDATA[<c r="D9"><v>0.5</v></c>]]></t></is></c><c r="D9"><v>0</v></c>' +
                '<!-- <c r="D9"><v>0.5</v></c> --><!-- <c r="E9"><v>7</v></c> --></row>' +
                '<row r="10"><c r="A10" t="inlineStr"><is><r><t>Báo cáo &amp; </t></r><r><t xml:space="preserve">"phụ lục" &lt;1&gt;_x000D_</t></r><rPh><t>ふりがな</t></rPh></is></c></row>',
            },
          ],
        }),
      ),
    );
    expect(await direct(file)).toEqual([
      {
        name: 'Biểu',
        state: 'visible',
        grid: { name: 'Biểu', rows: [{ rowNumber: 9, values: [null, null, '<c r="D9"><v>0.5</v></c>', 0] }, { rowNumber: 10, values: ['Báo cáo & "phụ lục" <1>\r'] }] },
      },
    ]);
    // the Excel library agrees, except on CDATA (which it drops)
    const noCdata = path.join(dir, 'no-cdata.xlsx');
    const parts = xlsxParts({ sheets: [{ name: 'Biểu', xml: '<row r="9"><c r="D9"><v>0</v></c><!-- <c r="D9"><v>0.5</v></c> --></row>' }] });
    fs.writeFileSync(noCdata, writeZip(parts));
    expect(await direct(noCdata)).toEqual(withoutEmptyStrings(await viaExcelJs(noCdata)));
    // as the Open XML SDK writes: every element with a prefix (the Excel library does not read these)
    const prefixed = path.join(dir, 'prefixed.xlsx');
    fs.writeFileSync(
      prefixed,
      writeZip(
        xlsxParts({
          sheets: [{ name: 'Biểu', xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>` }],
        }),
      ),
    );
    expect((await direct(prefixed))[0].grid.rows).toEqual([{ rowNumber: 2, values: [null, 1.5] }]);
  });

  it('leaves strict Office Open XML to the Excel library, by name, and gets the same values', async () => {
    const sheets = [{ name: 'Biểu', xml: '<row r="3"><c r="A3" t="inlineStr"><is><t>Điểm</t></is></c><c r="B3"><v>0.75</v></c></row>' }];
    const strict = writeZip(xlsxParts({ sheets, namespace: 'http://purl.oclc.org/ooxml/spreadsheetml/main' }));
    await expect(readValuesFromParts(strict, 'strict.xlsx')).rejects.toBeInstanceOf(UnsupportedWorkbook);
    const read = await readWorkbookValues(strict, 'strict.xlsx');
    const transitional = await readWorkbookValues(writeZip(xlsxParts({ sheets })), 'a.xlsx');
    expect(read.sheets.map((s) => s.grid())).toEqual(transitional.sheets.map((s) => s.grid()));
    expect(read.sheets[0].grid().rows).toEqual([{ rowNumber: 3, values: ['Điểm', 0.75] }]);
  });
});
