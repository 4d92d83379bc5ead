// par-workbench template / import / submissions, in process and as the real executable.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from './helpers';
import { Workspace } from '../../../electron/db/workspace';

const self = (code: string) => formCell(TEST_NODES, code, 'self');

describe('par-workbench template, import, submissions', () => {
  it('writes forms, imports a folder with one bad file, reports per file and lists submissions', async () => {
    const dir = tempDir();
    const wsFile = path.join(dir, 'ws.parws');
    createTestWorkspace(wsFile).close();

    const one = await cli('template', wsFile, '--year', '2025', '--unit', 'STP', '--out', path.join(dir, 'stp.xlsx'), '--deadline', '15/11/2025');
    expect(one.code).toBe(0);
    expect(one.stderr).toMatch(/Đã tạo biểu tự đánh giá năm 2025 của Sở Tư pháp/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'stp.xlsx'));
    expect(wb.getWorksheet(FORM_SHEET)!.getCell('A5').value).toBe('Hạn gửi: 15/11/2025');

    const all = await cli('template', wsFile, '--year', '2025', '--all', '--out', path.join(dir, 'forms'));
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/\[3\/3\] SYT/);
    expect(fs.readdirSync(path.join(dir, 'forms')).sort()).toEqual([
      '2025_SNV_so-noi-vu.xlsx',
      '2025_STP_so-tu-phap.xlsx',
      '2025_SYT_so-y-te.xlsx',
    ]);
    expect((await cli('template', wsFile, '--year', '2025', '--out', dir)).code).toBe(2);
    expect((await cli('template', wsFile, '--year', '2025', '--unit', 'XYZ', '--out', path.join(dir, 'x.xlsx'))).code).toBe(1);

    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    const forms = path.join(dir, 'forms');
    fillXlsx(
      [
        { src: path.join(forms, '2025_SNV_so-noi-vu.xlsx'), dst: path.join(inbox, 'snv.xlsx'), sheet: FORM_SHEET, cells: { [self('1.2')]: 1.5 } },
        { src: path.join(forms, '2025_STP_so-tu-phap.xlsx'), dst: path.join(inbox, 'stp.xlsx'), sheet: FORM_SHEET, cells: { [self('1.2')]: 7 } },
      ],
      dir,
    );
    const report = path.join(dir, 'bao-cao.xlsx');
    const imported = await cli('import', wsFile, inbox, '--json', '--report', report);
    expect(imported.code).toBe(1);
    const entries = JSON.parse(imported.stdout);
    expect(entries).toEqual([
      expect.objectContaining({ file: 'snv.xlsx', status: 'imported', unit: 'SNV', year: 2025, errors: [] }),
      expect.objectContaining({
        file: 'stp.xlsx',
        status: 'refused',
        unit: 'STP',
        year: 2025,
        errors: [{ sheet: FORM_SHEET, cell: self('1.2'), message: 'Tiêu chí 1.2: điểm 7 vượt điểm tối đa 1,5; hãy nhập từ 0 đến 1,5.' }],
      }),
    ]);
    expect(imported.stderr).toMatch(/\[2\/2\] stp\.xlsx: Bị từ chối/);
    expect(fs.existsSync(report)).toBe(true);

    const again = await cli('import', wsFile, path.join(inbox, 'snv.xlsx'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/snv\.xlsx: Đã nhập trước đó, không đổi/);

    const listed = await cli('submissions', wsFile, '--year', '2025', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ unitCode: 'SNV', fileName: 'snv.xlsx', status: 'current', version: 1 })]);
    const table = await cli('submissions', wsFile, '--year', '2025');
    expect(table.stdout).toMatch(/SNV\tSở Nội vụ\tlần 1\thiện hành/);

    const wrongYear = await cli('import', wsFile, path.join(inbox, 'stp.xlsx'), '--year', '2024', '--json');
    expect(wrongYear.code).toBe(1);
    expect(JSON.parse(wrongYear.stdout)[0].errors[0].message).toMatch(/năm 2025, không phải năm 2024/);
    // a file already imported for 2025 is still the wrong year for 2024
    const importedWrongYear = await cli('import', wsFile, path.join(inbox, 'snv.xlsx'), '--year', '2024', '--json');
    expect(importedWrongYear.code).toBe(1);
    expect(JSON.parse(importedWrongYear.stdout)[0]).toMatchObject({ status: 'refused', unit: 'SNV', year: 2025 });
  });

  it('runs as the real executable and leaves the workspace as it was when every file is refused', () => {
    const dir = tempDir();
    const wsFile = path.join(dir, 'ws.parws');
    const ws = createTestWorkspace(wsFile);
    const before = dumpWorkspace(ws);
    ws.close();
    const broken = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(broken, 'PK\u0003\u0004 không phải tệp nén');
    const r = cliProcess('import', wsFile, broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hong\.xlsx: Bị từ chối\n {2}Lỗi: Tệp Excel bị hỏng \(không đọc được cấu trúc nén\)/);
    const after = Workspace.open(wsFile);
    expect(dumpWorkspace(after)).toEqual(before);
    after.close();
  });
});
