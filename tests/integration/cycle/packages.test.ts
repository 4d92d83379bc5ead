// Council packages out and back: exact headers, protection, conflicts with edits made after
// issue, --prefer package, re-imports, LibreOffice re-saves, and a corpus of bad packages each
// refused with its place named and the workspace unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { getAudit, getScores } from '../../../electron/features/appraisal/store';
import { assign, saveMember } from '../../../electron/features/council/service';
import { importPackages, resolveConflict } from '../../../electron/features/council/package-import';
import { listConflicts } from '../../../electron/features/council/store';
import { PACKAGE_HEADERS, PACKAGE_SHEET } from '../../../electron/features/council/packages';
import { ISSUED_SHEET } from '../../../electron/features/cycle/issued';
import { saveFramework } from '../../../electron/features/framework/service';
import { ensurePeriod, setPeriodLocked } from '../../../electron/features/workspace/service';
import ExcelJS from 'exceljs';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { withWs } from '../../helpers/workspace';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, hasLibreOffice, libreOfficeConvert } from '../forms/helpers';

const SELF = ['1.1.1', '1.1.2', '1.2', '2.1', '2.2', '2.4', '2.5'];


const appraised = (file: string, unit: string, code: string) =>
  withWs(file, (ws) => getScores(ws, 2025, { unitCode: unit }).find((s) => s.criterionCode === code)?.appraisedScore ?? null);

describe('council packages', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ws.parws');
  const out = path.join(dir, 'packages');
  const an = path.join(out, '2025_hoi-dong_nguyen-van-an.xlsx');
  const binh = path.join(out, '2025_hoi-dong_tran-thi-binh.xlsx');

  beforeAll(async () => {
    const ws = createTestWorkspace(file);
    applyScoreChanges(
      ws,
      2025,
      ['SNV', 'STP', 'SYT'].flatMap((u) => SELF.map((c) => ({ unitCode: u, criterionCode: c, patch: { selfScore: 0, explanation: `Giải trình ${u} ${c}` } }))),
      { source: 'form-import', actor: 'Biểu mẫu' },
    );
    applyScoreChanges(ws, 2025, [{ unitCode: 'STP', criterionCode: '1.2', patch: { appraisedScore: 1, note: 'Đủ hồ sơ' } }], { source: 'appraisal', actor: 'Cán bộ Sở' });
    for (const [name, org] of [
      ['Nguyễn Văn An', 'Sở Tư pháp'],
      ['Trần Thị Bình', 'Sở Tài chính'],
    ])
      saveMember(ws, { name, organisation: org });
    assign(ws, { year: 2025, blockCode: 'so', member: 'Nguyễn Văn An', criteria: ['I'] });
    assign(ws, { year: 2025, blockCode: 'so', member: 'Trần Thị Bình', criteria: ['2.1', '2.2'], units: ['SNV', 'STP'] });
    ws.close();
    const r = await cli('council', 'packages', file, '--year', '2025', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nguyễn Văn An: 9 dòng, 3 đơn vị');
    expect(r.stderr).toContain('Trần Thị Bình: 4 dòng, 2 đơn vị');
  });

  it('writes a protected, print-ready sheet with the exact headers, prefilled, subtotal per unit and a very hidden record', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(an);
    const sheet = wb.getWorksheet(PACKAGE_SHEET)!;
    expect(wb.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([PACKAGE_SHEET]);
    expect(wb.getWorksheet(ISSUED_SHEET)!.state).toBe('veryHidden');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([...PACKAGE_HEADERS]);
    expect(sheet.getRow(5).getCell(1).value).toBe('SNV');
    expect(sheet.getRow(5).getCell(3).value).toBe('1.1.1');
    expect(sheet.getRow(8).getCell(2).value).toBe('Cộng Sở Nội vụ');
    expect(sheet.getRow(8).getCell(9).value).toMatchObject({ formula: 'SUM(I5:I7)' });
    // STP 1.2 was appraised before issue: prefilled with its remark
    expect(sheet.getRow(11).getCell(3).value).toBe('1.2');
    expect(sheet.getRow(11).getCell(9).value).toBe(1);
    expect(sheet.getRow(11).getCell(10).value).toBe('Đủ hồ sơ');
    expect(sheet.getRow(11).getCell(7).value).toBe('Giải trình STP 1.2');
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    for (let c = 1; c <= 10; c++) expect(sheet.getRow(6).getCell(c).protection?.locked === false).toBe(c >= 9);
    expect(sheet.getRow(5).getCell(9).dataValidation).toMatchObject({ type: 'list' }); // 1.1.1 is yes/no
    expect(sheet.getRow(6).getCell(9).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 2] });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '4:4' });
  });

  it('imports a filled package as audited council changes, reports a conflict with an edit made after issue, then unchanged', async () => {
    // after issue, staff change STP 1.1.2 in the app
    withWs(file, (ws) =>
      applyScoreChanges(ws, 2025, [{ unitCode: 'STP', criterionCode: '1.1.2', patch: { appraisedScore: 1.5 } }], { source: 'appraisal', actor: 'Lê Cán Bộ' }),
    );
    const filled = path.join(dir, 'an-filled.xlsx');
    fillXlsx(
      [
        {
          src: an,
          dst: filled,
          sheet: PACKAGE_SHEET,
          cells: { I5: 1, I6: '1,5', J6: 'Thiếu kế hoạch quý IV', I7: { f: '0.5+0.5', v: 1 }, I9: 0, I10: 1.75, I13: 1, I14: 2, I15: 1.5 },
        },
      ],
      dir,
    );
    const r = await cli('council', 'import', file, filled, '--json');
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.stdout);
    expect(Object.keys(entry)).toEqual(['file', 'status', 'member', 'changes', 'conflicts', 'errors', 'warnings']);
    expect(entry).toMatchObject({ file: 'an-filled.xlsx', status: 'imported', member: 'Nguyễn Văn An', errors: [] });
    expect(entry.conflicts).toEqual([
      { unit: 'STP', criterion: '1.1.2', packageValue: 1.75, currentValue: 1.5, changedBy: 'Lê Cán Bộ', changedAt: expect.stringMatching(/^\d{4}-/) },
    ]);
    // 7 scores and one remark
    expect(entry.changes).toBe(8);
    expect(appraised(file, 'SNV', '1.1.2')).toBe(1.5);
    expect(appraised(file, 'SNV', '1.2')).toBe(1);
    expect(appraised(file, 'STP', '1.1.2')).toBe(1.5);
    const audit = withWs(file, (ws) => getAudit(ws, 2025, { unitCode: 'SNV', criterionCode: '1.1.2' }));
    expect(audit.map((a) => [a.field, a.actor, a.source, a.newValue])).toEqual(
      expect.arrayContaining([
        ['appraisedScore', 'Nguyễn Văn An', 'council', '1.5'],
        ['note', 'Nguyễn Văn An', 'council', 'Thiếu kế hoạch quý IV'],
      ]),
    );
    const again = await cli('council', 'import', file, filled, '--json');
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: 'unchanged', member: 'Nguyễn Văn An', changes: 0, conflicts: [] });

    // resolved in the app: the package's value taken, audited
    const conflict = withWs(file, (ws) => listConflicts(ws, 2025, { open: true }));
    expect(conflict).toHaveLength(1);
    withWs(file, (ws) => resolveConflict(ws, 2025, conflict[0].id, 'package', 'Trưởng phòng'));
    expect(appraised(file, 'STP', '1.1.2')).toBe(1.75);
    expect(withWs(file, (ws) => listConflicts(ws, 2025, { open: true }))).toEqual([]);
  });

  it('takes a second version of a package against what the first set, and --prefer package over a later edit', async () => {
    withWs(file, (ws) =>
      applyScoreChanges(ws, 2025, [{ unitCode: 'SYT', criterionCode: '1.2', patch: { appraisedScore: 0.5 } }], { source: 'appraisal', actor: 'Lê Cán Bộ' }),
    );
    const second = path.join(dir, 'an-second.xlsx');
    fillXlsx([{ src: an, dst: second, sheet: PACKAGE_SHEET, cells: { I5: 1, I6: 1, I7: 1, I9: 0, I10: 1.75, I13: 1, I14: 2, I15: 1.25 } }], dir);
    const plain = await cli('council', 'import', file, second, '--json');
    // SNV 1.1.2 went 1.5 → 1 (the first file set 1.5: no conflict); SYT 1.2 was edited after the first file: conflict
    const [entry] = JSON.parse(plain.stdout);
    expect(entry.changes).toBe(1);
    expect(entry.conflicts.map((c: { unit: string; criterion: string }) => `${c.unit} ${c.criterion}`)).toEqual(['SYT 1.2']);
    expect(appraised(file, 'SNV', '1.1.2')).toBe(1);
    const third = path.join(dir, 'an-third.xlsx');
    fillXlsx([{ src: second, dst: third, sheet: PACKAGE_SHEET, cells: { J15: 'Kiểm tra lại' } }], dir);
    const preferred = await cli('council', 'import', file, third, '--prefer', 'package', '--json');
    expect(JSON.parse(preferred.stdout)[0]).toMatchObject({ status: 'imported', conflicts: [{ unit: 'SYT', criterion: '1.2', packageValue: 1.25, currentValue: 0.5 }] });
    expect(appraised(file, 'SYT', '1.2')).toBe(1.25);
    expect((await cli('council', 'import', file, third, '--prefer', 'app')).code).toBe(2);
  });

  it('reads a package re-saved by LibreOffice', async () => {
    if (!hasLibreOffice()) return;
    const filled = path.join(dir, 'binh-filled.xlsx');
    fillXlsx([{ src: binh, dst: filled, sheet: PACKAGE_SHEET, cells: { I5: '2,5', I6: 0.5, I8: 2, I9: 0 } }], dir);
    const [resaved] = libreOfficeConvert([filled], path.join(dir, 'lo'));
    const r = await cli('council', 'import', file, resaved, '--json');
    const [entry] = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ status: 'imported', member: 'Trần Thị Bình', changes: 4, conflicts: [], errors: [] });
    expect(appraised(file, 'SNV', '2.1')).toBe(2.5);
    expect(appraised(file, 'STP', '2.2')).toBe(0);
  });

  it('refuses every bad package with its place named and leaves the workspace as it was', async () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    // a 2024 package of the same workspace, for the year check
    withWs(file, (ws) => {
      ensurePeriod(ws, 2024);
      saveFramework(ws, { year: 2024, blockCode: 'so', nodes: TEST_NODES });
      assign(ws, { year: 2024, blockCode: 'so', member: 'Nguyễn Văn An', criteria: ['I'] });
    });
    expect((await cli('council', 'packages', file, '--year', '2024', '--out', path.join(dir, 'p2024'))).code).toBe(0);
    fillXlsx(
      [
        { src: binh, dst: path.join(bad, 'out-of-range.xlsx'), sheet: PACKAGE_SHEET, cells: { I5: 7 } },
        { src: binh, dst: path.join(bad, 'text.xlsx'), sheet: PACKAGE_SHEET, cells: { I6: 'đạt' } },
        { src: binh, dst: path.join(bad, 'outside.xlsx'), sheet: PACKAGE_SHEET, cells: { C6: '1.2' } },
        { src: binh, dst: path.join(bad, 'tampered.xlsx'), sheet: ISSUED_SHEET, cells: { B5: 2024 } },
        { src: binh, dst: path.join(bad, 'yesno.xlsx'), sheet: PACKAGE_SHEET, cells: { I6: 0.25 } },
      ],
      dir,
    );
    const bytes = fs.readFileSync(binh);
    fs.writeFileSync(path.join(bad, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = withWs(file, dumpWorkspace);
    const r = await cli('council', 'import', file, bad, '--json');
    expect(r.code).toBe(1);
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as { file: string; status: string; errors: { sheet?: string; cell?: string; message: string }[] }[]).map((e) => [e.file, e]));
    expect(Object.values(byFile).every((e) => e.status === 'refused')).toBe(true);
    expect(byFile['out-of-range.xlsx'].errors).toEqual([
      { sheet: PACKAGE_SHEET, cell: 'I5', message: 'Đơn vị SNV, tiêu chí 2.1: điểm 7 vượt điểm tối đa 2,5; hãy nhập từ 0 đến 2,5.' },
    ]);
    expect(byFile['text.xlsx'].errors[0]).toMatchObject({ sheet: PACKAGE_SHEET, cell: 'I6', message: expect.stringContaining('"đạt" không phải là số') });
    expect(byFile['outside.xlsx'].errors[0]).toMatchObject({ cell: 'C6', message: expect.stringContaining('không thuộc phần được phân công cho Trần Thị Bình') });
    expect(byFile['tampered.xlsx'].errors[0].message).toContain('Trang nhận dạng của hồ sơ thẩm định đã bị sửa');
    expect(byFile['yesno.xlsx'].errors[0]).toMatchObject({ cell: 'I6', message: expect.stringContaining('chấm theo có/không') });
    expect(byFile['truncated.xlsx'].errors[0].message).toMatch(/truncated\.xlsx|hỏng|không đọc được|không phải/i);
    expect(withWs(file, dumpWorkspace)).toEqual(before);

    // a package of another year than the one worked on, and of another workspace
    const p2024 = path.join(dir, 'p2024', '2025_hoi-dong_nguyen-van-an.xlsx'.replace('2025', '2024'));
    const opened = Workspace.open(file);
    const otherYear = await importPackages(opened, [p2024], { expectedYear: 2025 });
    opened.close();
    expect(otherYear[0].errors[0].message).toBe('Hồ sơ thẩm định là của năm 2024, không phải năm 2025 đang làm việc.');
    const other = path.join(dir, 'other.parws');
    createTestWorkspace(other).close();
    const foreign = await cli('council', 'import', other, binh, '--json');
    expect(JSON.parse(foreign.stdout)[0].errors[0].message).toContain('được lập từ một tệp dữ liệu khác');

    // after publication
    withWs(file, (ws) => setPeriodLocked(ws, 2025, true));
    const lockedBefore = withWs(file, dumpWorkspace);
    const locked = await cli('council', 'import', file, path.join(dir, 'an-third.xlsx'), path.join(dir, 'binh-filled.xlsx'), '--json');
    for (const e of JSON.parse(locked.stdout)) {
      if (e.status === 'unchanged') continue;
      expect(e.errors[0].message).toBe('Kết quả năm 2025 đã công bố, kỳ đánh giá đã khóa; không nhập hồ sơ thẩm định được.');
    }
    const fresh = path.join(dir, 'binh-late.xlsx');
    fillXlsx([{ src: binh, dst: fresh, sheet: PACKAGE_SHEET, cells: { I5: 1 } }], dir);
    expect(JSON.parse((await cli('council', 'import', file, fresh, '--json')).stdout)[0].errors[0].message).toContain('đã công bố');
    expect(withWs(file, dumpWorkspace)).toEqual(lockedBefore);
    withWs(file, (ws) => setPeriodLocked(ws, 2025, false));
  });
});
