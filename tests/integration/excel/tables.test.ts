// Tables from .csv and .xlsx as the imports read them: CSV quoting, separators, BOM and the
// encodings Vietnamese Excel saves in; .xlsx sheets streamed from their part (the same values as
// the Excel library gives), the strict-OOXML hand-over, and formulas saved without a result.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import ExcelJS from 'exceljs';
import { loadWorkbook, sheetGrid } from '../../../electron/excel/xlsx';
import { readTable, readTableBytes } from '../../../electron/excel/tabular';
import { Workspace } from '../../../electron/db/workspace';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { writeZip, xlsxParts } from './zip-writer';
import { getScores } from '../../../electron/features/appraisal/store';
import { listUnits } from '../../../electron/features/units/store';

const dir = tempDir('parw-tables-');
const UNITS: [string, string, string][] = [
  ['SNV', 'Sở Nội vụ', 'so'],
  ['STP', 'Sở Tư pháp', 'so'],
  ['SYT', 'Sở Y tế', 'so'],
  ['X01', 'UBND xã Hữu Lũng', 'xa'],
  ['X02', 'Ủy ban nhân dân phường Đông Kinh', 'xa'],
  ['X03', 'UBND xã Quảng Lạc, Đồng Đăng', 'xa'],
];
const unitsCsvText = (delimiter = ',') =>
  [['Mã', 'Tên đơn vị', 'Khối'], ...UNITS].map((r) => r.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter)).join('\r\n') + '\r\n';

/** Text as Windows-1258 bytes, the way Windows writes it: base letters with ă â ê ô ơ ư đ precomposed, tones as combining marks. */
function windows1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const d = ch.normalize('NFD');
    out += d.replace(TONES, '').normalize('NFC') + (d.match(TONES)?.join('') ?? '');
  }
  return iconv.encode(out, 'windows1258');
}

async function refusal(run: () => Promise<unknown>): Promise<UserError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('CSV tables', () => {
  it('reads quotes, doubled quotes, newlines inside quotes, both separators, BOM and mixed line ends', async () => {
    const file = path.join(dir, 'quoted.csv');
    fs.writeFileSync(file, '\ufeffMã;Tên đơn vị;Ghi chú\r\nSNV;"Sở ""Nội"" vụ";"dòng 1\ndòng 2"\nSTP;Sở Tư pháp;\rSYT;Sở Y tế;"a;b"\r\n');
    const t = await readTable(file);
    expect(t.headers).toEqual(['Mã', 'Tên đơn vị', 'Ghi chú']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['SNV', 'Sở "Nội" vụ', 'dòng 1\ndòng 2'],
      ['STP', 'Sở Tư pháp', ''],
      ['SYT', 'Sở Y tế', 'a;b'],
    ]);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(t.warnings).toEqual([]);
    const comma = await readTableBytes(Buffer.from(unitsCsvText(',')), 'u.csv');
    expect(comma.rows.map((r) => r.cells[1])).toEqual(UNITS.map((u) => u[1]));
  });

  it('refuses a quote left open, naming the line where it opens, instead of swallowing the rest', async () => {
    const file = path.join(dir, 'open-quote.csv');
    fs.writeFileSync(file, 'Mã,Tên đơn vị,Khối\nSNV,"Sở Nội vụ",so\nSTP,"Sở Tư pháp, so\nSYT,Sở Y tế,so\nX01,Xã 1,xa\n');
    const e = await refusal(() => readTable(file));
    expect(e.problems).toEqual([{ file: 'open-quote.csv', row: 3, message: expect.stringMatching(/dấu ngoặc kép \(\"\) mở mà không đóng/) }]);
    expect(e.message).toMatch(/^Tệp open-quote\.csv, dòng 3: có dấu ngoặc kép/);
    const first = path.join(dir, 'open-first.csv');
    fs.writeFileSync(first, '"Mã,Tên\nA,B\n');
    expect((await refusal(() => readTable(first))).problems[0].row).toBe(1);
  });

  it('reads Windows-1258 (Vietnamese Excel’s plain CSV) and TCVN3 files, with a warning naming the encoding', async () => {
    const cp1258 = await readTableBytes(windows1258(unitsCsvText()), 'ansi.csv');
    expect(cp1258.rows.map((r) => r.cells[1])).toEqual(UNITS.map((u) => u[1]));
    expect(cp1258.warnings).toEqual([{ file: 'ansi.csv', message: expect.stringMatching(/không ở bảng mã UTF-8; đã đọc theo bảng mã Windows-1258.*CSV UTF-8/) }]);
    // letters Windows-1258 has whole (à á â ă đ …) may come precomposed too
    const precomposed = await readTableBytes(Buffer.concat([windows1258('Mã,Tên đơn vị,Khối\n'), iconv.encode('A,Sở Tài chính Cà Mau,so\n'.replace('Sở', 'Ban'), 'windows1258')]), 'a.csv');
    expect(precomposed.rows[0].cells[1]).toBe('Ban Tài chính Cà Mau');
    const tcvn = await readTableBytes(iconv.encode(unitsCsvText(), 'tcvn'), 'vntime.csv');
    expect(tcvn.rows.map((r) => r.cells[1])).toEqual(UNITS.map((u) => u[1]));
    expect(tcvn.warnings[0].message).toMatch(/bảng mã TCVN3/);
    const utf8 = await readTableBytes(Buffer.from(unitsCsvText()), 'utf8.csv');
    expect(utf8.warnings).toEqual([]);
  });

  it('imports a Windows-1258 unit list through `par-workbench units import`, warning on stderr', async () => {
    const ws = path.join(dir, 'units.parws');
    expect((await cli('init', ws)).code).toBe(0);
    const file = path.join(dir, 'don-vi-ansi.csv');
    fs.writeFileSync(file, windows1258(unitsCsvText(';')));
    const r = await cli('units', 'import', ws, file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Cảnh báo: Tệp don-vi-ansi\.csv: Tệp CSV không ở bảng mã UTF-8; đã đọc theo bảng mã Windows-1258/);
    expect(r.stderr).toMatch(/Đã nhập 6 đơn vị/);
    const opened = Workspace.open(ws);
    expect(listUnits(opened).map((u) => [u.code, u.name])).toEqual(expect.arrayContaining(UNITS.map(([c, n]) => [c, n])));
    opened.close();
  });
});

describe('.xlsx tables', () => {
  let varied: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Ẩn');
    hidden.state = 'hidden';
    hidden.addRow(['không đọc trang này']);
    const sheet = wb.addWorksheet('Điểm');
    sheet.addRow(['Tiêu đề chung của bảng']);
    sheet.mergeCells('A1:D1');
    sheet.addRow([]);
    sheet.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Ngày']);
    sheet.addRow(['SNV', '1.1', 1.5, new Date(Date.UTC(2025, 10, 15))]);
    sheet.addRow(['STP', '1.2', { formula: '0.25*2', result: 0.5 }, null]);
    sheet.addRow([{ richText: [{ text: 'S', font: { bold: true } }, { text: 'YT' }] }, '1.1', 0, null]);
    sheet.getCell('E4').value = 'ngoài bảng';
    sheet.mergeCells('E4:E5');
    varied = path.join(dir, 'varied.xlsx');
    await wb.xlsx.writeFile(varied);
  });

  it('gives the first visible sheet with the values the Excel library gives, from a file or from bytes', async () => {
    const fromFile = await readTable(varied);
    const fromBytes = await readTableBytes(fs.readFileSync(varied), 'varied.xlsx');
    expect(fromBytes).toEqual(fromFile);
    expect(fromFile.sheet).toBe('Điểm');
    expect(fromFile.headerRow).toBe(1);
    const wb = await loadWorkbook(fs.readFileSync(varied), 'varied.xlsx');
    const expected = sheetGrid(wb.getWorksheet('Điểm')!).rows.slice(1).map((r) => {
      const cells = r.values.map((v) => (v === '' ? null : v));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return { rowNumber: r.rowNumber, cells };
    });
    expect(fromFile.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))).toEqual(expected.filter((r) => r.cells.length));
    expect(fromFile.rows[0].cells).toEqual(['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Ngày']);
    expect(fromFile.rows[1].cells).toEqual(['SNV', '1.1', 1.5, new Date(Date.UTC(2025, 10, 15)), 'ngoài bảng']);
    expect(fromFile.rows[2].cells).toEqual(['STP', '1.2', 0.5]);
    expect(fromFile.rows[3].cells).toEqual(['SYT', '1.1', 0]);
  });

  it('hands a strict Office Open XML workbook to the Excel library, with the same result', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Điểm</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>SNV</t></is></c><c r="B2"><v>0.5</v></c></row>`;
    const transitional = await readTableBytes(writeZip(xlsxParts({ sheets: [{ name: 'Sheet1', xml: rows }] })), 'a.xlsx');
    const strict = await readTableBytes(writeZip(xlsxParts({ sheets: [{ name: 'Sheet1', xml: rows }], namespace: 'http://purl.oclc.org/ooxml/spreadsheetml/main' })), 'a.xlsx');
    expect(strict).toEqual(transitional);
    expect(strict.rows[0].cells).toEqual(['SNV', 0.5]);
  });

  it('marks formulas saved without their result, which a scores import refuses naming the cell', async () => {
    const ws = path.join(dir, 'scores.parws');
    await cli('init', ws);
    await cli('units', 'import', ws, writeCsv(dir, 'u.csv', [['Mã', 'Tên đơn vị', 'Khối'], ['A', 'Sở Nội vụ', 'so']]));
    await cli('framework', 'import', ws, '--year', '2024', '--block', 'so', writeCsv(dir, 'f.csv', [['STT', 'Nội dung', 'Điểm tối đa'], ['1', 'Chỉ đạo', '2'], ['1.1', 'Kế hoạch', '1'], ['1.2', 'Kiểm tra', '1']]));
    expect((await cli('scores', 'import', ws, '--year', '2024', writeCsv(dir, 's.csv', [['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm'], ['A', '1.1', '0,5'], ['A', '1.2', '1']]))).code).toBe(0);
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    // as openpyxl writes a formula it cannot compute: no result, or an empty one
    const file = path.join(dir, 'cong-thuc.xlsx');
    fs.writeFileSync(
      file,
      writeZip(
        xlsxParts({
          sheets: [
            {
              name: 'Điểm',
              xml:
                `<row r="1">${text('A1', 'Mã đơn vị')}${text('B1', 'Mã tiêu chí')}${text('C1', 'Điểm tự chấm')}</row>` +
                `<row r="2">${text('A2', 'A')}${text('B2', '1.1')}<c r="C2"><f>0.25</f><v></v></c></row>` +
                `<row r="3">${text('A3', 'A')}${text('B3', '1.2')}<c r="C3"><f>0.5+0.25</f></c></row>`,
            },
          ],
        }),
      ),
    );
    const table = await readTable(file);
    expect(table.rows.map((r) => [r.cells, r.formulasWithoutValue])).toEqual([
      [['A', '1.1'], [2]],
      [['A', '1.2'], [2]],
    ]);
    const before = fs.readFileSync(ws);
    const r = await cli('scores', 'import', ws, '--year', '2024', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cong-thuc\.xlsx, trang Điểm, ô C2: Điểm tự chấm: ô có công thức nhưng tệp không lưu giá trị đã tính.*mở tệp bằng Excel rồi lưu lại/);
    expect(r.stderr).toMatch(/ô C3: Điểm tự chấm: ô có công thức/);
    expect(fs.readFileSync(ws).equals(before)).toBe(true);
    const scores = Workspace.open(ws);
    expect(getScores(scores, 2024).map((s) => [s.criterionCode, s.selfScore])).toEqual([
      ['1.1', 0.5],
      ['1.2', 1],
    ]);
    scores.close();
  });
});
