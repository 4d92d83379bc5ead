// Preliminary notices out and petitions back: exact headers, open cells only where points were
// lost, the unit notified; returned notices (filled the way a spreadsheet program saves them)
// become petitions, late ones flagged; decisions accept (audited, source "petition") or keep;
// and a corpus of bad files each refused with its place named and the workspace unchanged.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { getAudit, getScores } from '../../../electron/features/appraisal/store';
import { ISSUED_SHEET } from '../../../electron/features/cycle/issued';
import { setDeadlines, yearStatus } from '../../../electron/features/cycle/service';
import { importPetitions } from '../../../electron/features/petitions/import';
import { petitionViews } from '../../../electron/features/petitions/service';
import { NOTICE_HEADERS, NOTICE_SHEET } from '../../../electron/features/petitions/notices';
import { setPeriodLocked } from '../../../electron/features/workspace/service';
import { countPdfPages } from '../../../electron/print/chromium';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { withWs } from '../../helpers/workspace';
import { createTestWorkspace, dumpWorkspace, fillXlsx, hasLibreOffice, libreOfficeConvert } from '../forms/helpers';

// scored leaves in framework order, one notice row each from row 8
const SELF: Record<string, number> = { '1.1.1': 1, '1.1.2': 2, '1.2': 1.5, '2.1': 2.5, '2.2': 0.5, '2.4': 1, '2.5': 0 };
const APPRAISED: Record<string, Record<string, number>> = {
  SNV: { '1.1.1': 1, '1.1.2': 1, '1.2': 1.5, '2.1': 2, '2.2': 0.5, '2.4': 0, '2.5': 0 },
  STP: { '1.1.1': 1, '1.1.2': 2, '1.2': 1.5, '2.1': 2.5, '2.2': 0.5, '2.4': 1, '2.5': 0 },
  SYT: { '1.1.1': 0, '1.1.2': 2, '1.2': 1.5, '2.1': 2.5, '2.2': 0.5, '2.4': 1, '2.5': 0 },
};


const appraised = (file: string, unit: string, code: string) =>
  withWs(file, (ws) => getScores(ws, 2025, { unitCode: unit }).find((s) => s.criterionCode === code)?.appraisedScore ?? null);
const stateOf = (file: string, unit: string) => withWs(file, (ws) => yearStatus(ws, 2025).units.find((u) => u.code === unit)!.state);

describe('preliminary notices and petitions', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ws.parws');
  const out = path.join(dir, 'notices');
  const snv = path.join(dir, 'SNV.xlsx');

  beforeAll(async () => {
    const ws = createTestWorkspace(file);
    for (const unit of ['SNV', 'STP', 'SYT']) {
      applyScoreChanges(ws, 2025, Object.entries(SELF).map(([c, v]) => ({ unitCode: unit, criterionCode: c, patch: { selfScore: v } })), { source: 'form-import', actor: 'Biểu mẫu' });
      applyScoreChanges(ws, 2025, Object.entries(APPRAISED[unit]).map(([c, v]) => ({ unitCode: unit, criterionCode: c, patch: { appraisedScore: v, note: v < SELF[c] ? `Trừ điểm ${c}` : null } })), {
        source: 'appraisal',
        actor: 'Cán bộ Sở',
      });
    }
    setDeadlines(ws, 2025, { petitionsDue: '2099-12-31' });
    ws.close();
    expect(stateOf(file, 'SNV')).toBe('appraised');
    const one = await cli('notices', file, '--year', '2025', '--unit', 'SNV', '--out', snv);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('Sở Nội vụ: 7 tiêu chí, 3 tiêu chí được kiến nghị');
    const all = await cli('notices', file, '--year', '2025', '--all', '--out', out);
    expect(all.code).toBe(0);
    expect(all.stderr).toContain('Đã lập 3 thông báo kết quả thẩm định sơ bộ năm 2025.');
  });

  it('writes a protected notice with total, index, rank, the deadline, the exact headers, open cells only where points were lost, and notifies the unit', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(snv);
    const sheet = wb.getWorksheet(NOTICE_SHEET)!;
    expect(wb.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([NOTICE_SHEET]);
    expect(wb.getWorksheet(ISSUED_SHEET)!.state).toBe('veryHidden');
    expect((sheet.getRow(7).values as unknown[]).slice(1)).toEqual([...NOTICE_HEADERS]);
    expect(sheet.getCell('A1').value).toBe('THÔNG BÁO KẾT QUẢ THẨM ĐỊNH SƠ BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025');
    // SNV: 1+1+1,5+2+0,5+0+0 = 6 of 10,5 (the survey leaf counts in the maximum) → 57,14%; STP and SYT ahead
    expect(sheet.getCell('A3').value).toBe('Tổng điểm sơ bộ: 6/10,5 · Chỉ số: 57,14% · Xếp hạng trong khối: 3/3');
    expect(sheet.getCell('A5').value).toBe('Hạn gửi ý kiến giải trình, kiến nghị: 31/12/2099');
    expect(sheet.getRow(9).getCell(1).value).toBe('1.1.2');
    expect(sheet.getRow(9).getCell(4).value).toBe(2);
    expect(sheet.getRow(9).getCell(5).value).toBe(1);
    expect(sheet.getRow(9).getCell(6).value).toBe('Trừ điểm 1.1.2');
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const open: string[] = [];
    for (let r = 8; r <= 14; r++) for (let c = 1; c <= 8; c++) if (sheet.getRow(r).getCell(c).protection?.locked === false) open.push(sheet.getRow(r).getCell(c).address);
    // 1.1.2 (row 9), 2.1 (row 11), 2.4 (row 13): the last two columns only
    expect(open).toEqual(['G9', 'H9', 'G11', 'H11', 'G13', 'H13']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '7:7' });
    expect(fs.readdirSync(out).sort()).toEqual(['2025_thong-bao_SNV.xlsx', '2025_thong-bao_STP.xlsx', '2025_thong-bao_SYT.xlsx']);
    expect(stateOf(file, 'SNV')).toBe('notified');
  });

  it('imports petitions from a returned notice, lists them, reports unchanged on the same file, flags late ones', async () => {
    const filled = path.join(dir, 'SNV-filled.xlsx');
    fillXlsx([{ src: snv, dst: filled, sheet: NOTICE_SHEET, cells: { G9: 'Đã hoàn thành 100% kế hoạch, xin xem báo cáo', H9: 'Báo cáo số 12/BC-SNV', G11: 'Tỷ lệ đúng hạn 98%' } }], dir);
    const r = await cli('petitions', 'import', file, filled, '--json');
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.stdout);
    expect(Object.keys(entry)).toEqual(['file', 'status', 'unit', 'changes', 'conflicts', 'errors', 'warnings']);
    expect(entry).toMatchObject({ file: 'SNV-filled.xlsx', status: 'imported', unit: 'SNV', changes: 2, conflicts: [], errors: [], warnings: [] });
    expect(stateOf(file, 'SNV')).toBe('petitioned');
    const list = await cli('petitions', file, '--year', '2025', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      { unit: 'SNV', criterion: '1.1.2', selfScore: 2, appraisedScore: 1, text: 'Đã hoàn thành 100% kế hoạch, xin xem báo cáo', late: false, decision: null },
      { unit: 'SNV', criterion: '2.1', selfScore: 2.5, appraisedScore: 2, text: 'Tỷ lệ đúng hạn 98%', late: false, decision: null },
    ]);
    const again = await cli('petitions', 'import', file, filled, '--json');
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: 'unchanged', unit: 'SNV', changes: 0 });

    // a notice returned after the deadline: taken and flagged
    withWs(file, (ws) => setDeadlines(ws, 2025, { petitionsDue: '2025-01-10' }));
    const syt = path.join(dir, 'SYT-filled.xlsx');
    fillXlsx([{ src: path.join(out, '2025_thong-bao_SYT.xlsx'), dst: syt, sheet: NOTICE_SHEET, cells: { G8: { f: '"Đã ban hành "&"đúng hạn"', v: 'Đã ban hành đúng hạn' } } }], dir);
    const late = await cli('petitions', 'import', file, syt, '--json');
    expect(JSON.parse(late.stdout)[0]).toMatchObject({ status: 'imported', unit: 'SYT', changes: 1, warnings: [{ message: 'Kiến nghị nhận sau hạn 10/01/2025; đã ghi nhận và đánh dấu quá hạn.' }] });
    const sytList = JSON.parse((await cli('petitions', file, '--year', '2025', '--unit', 'SYT', '--json')).stdout);
    expect(sytList).toEqual([{ unit: 'SYT', criterion: '1.1.1', selfScore: 1, appraisedScore: 0, text: 'Đã ban hành đúng hạn', late: true, decision: null }]);
  });

  it('decides petitions: accept sets the appraised score (audited, source "petition"), keep leaves it; out of range and twice refused', async () => {
    const tooHigh = await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SNV', '--criterion', '1.1.2', '--accept', '2,5', '--reason', 'Đủ hồ sơ');
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.stderr).toContain('vượt điểm tối đa 2');
    const ok = await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SNV', '--criterion', '1.1.2', '--accept', '1,5', '--reason', 'Báo cáo bổ sung hợp lệ');
    expect(ok.code).toBe(0);
    expect(appraised(file, 'SNV', '1.1.2')).toBe(1.5);
    const audit = withWs(file, (ws) => getAudit(ws, 2025, { unitCode: 'SNV', criterionCode: '1.1.2' }));
    expect(audit[0]).toMatchObject({ field: 'appraisedScore', source: 'petition', oldValue: '1', newValue: '1.5', reason: 'Chấp nhận kiến nghị: Báo cáo bổ sung hợp lệ' });
    expect((await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SNV', '--criterion', '2.1', '--keep', '--reason', 'Số liệu không đổi')).code).toBe(0);
    expect(appraised(file, 'SNV', '2.1')).toBe(2);
    const twice = await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SNV', '--criterion', '2.1', '--keep', '--reason', 'x');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('đã được quyết định');
    expect((await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SNV', '--criterion', '2.1', '--keep', '--accept', '1', '--reason', 'x')).code).toBe(2);
    const list = JSON.parse((await cli('petitions', file, '--year', '2025', '--unit', 'SNV', '--json')).stdout);
    expect(list.map((p: { decision: unknown }) => p.decision)).toEqual([
      { kind: 'accept', score: 1.5, reason: 'Báo cáo bổ sung hợp lệ' },
      { kind: 'keep', score: 2, reason: 'Số liệu không đổi' },
    ]);
    expect(stateOf(file, 'SNV')).toBe('petitions-decided');
  });

  it('refuses every bad returned notice with its place named and leaves the workspace as it was', async () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    const stp = path.join(out, '2025_thong-bao_STP.xlsx');
    fillXlsx(
      [
        { src: snv, dst: path.join(bad, 'outside.xlsx'), sheet: NOTICE_SHEET, cells: { A9: '9.9', G9: 'Kiến nghị' } },
        { src: snv, dst: path.join(bad, 'tampered.xlsx'), sheet: ISSUED_SHEET, cells: { B5: 2024 } },
        { src: snv, dst: path.join(bad, 'stray.xlsx'), sheet: NOTICE_SHEET, cells: { G20: 'Ý kiến lạc dòng' } },
        { dst: path.join(bad, 'plain.xlsx'), sheets: [{ name: 'Sheet1', rows: [['Mã tiêu chí', 'Ý kiến giải trình, kiến nghị'], ['1.1.2', 'x']] }] },
      ],
      dir,
    );
    const bytes = fs.readFileSync(stp);
    fs.writeFileSync(path.join(bad, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = withWs(file, dumpWorkspace);
    const r = await cli('petitions', 'import', file, bad, '--json');
    expect(r.code).toBe(1);
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as { file: string; status: string; errors: { sheet?: string; cell?: string; message: string }[] }[]).map((e) => [e.file, e]));
    expect(Object.values(byFile).map((e) => e.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(byFile['outside.xlsx'].errors[0]).toMatchObject({ sheet: NOTICE_SHEET, cell: 'A9', message: expect.stringContaining('tiêu chí 9.9 không có trong thông báo đã gửi cho Sở Nội vụ') });
    expect(byFile['tampered.xlsx'].errors[0]).toMatchObject({ sheet: ISSUED_SHEET, message: expect.stringContaining('Trang nhận dạng của thông báo đã bị sửa') });
    expect(byFile['stray.xlsx'].errors[0]).toMatchObject({ sheet: NOTICE_SHEET, cell: 'G20' });
    expect(byFile['plain.xlsx'].errors[0].message).toContain('không có trang nhận dạng');
    expect(byFile['truncated.xlsx'].errors[0].message).toMatch(/truncated\.xlsx|hỏng|không đọc được|không phải/i);
    expect(withWs(file, dumpWorkspace)).toEqual(before);

    // of another year than the one worked on, of another workspace, after publication
    const opened = Workspace.open(file);
    const otherYear = await importPetitions(opened, [stp], { expectedYear: 2024 });
    opened.close();
    expect(otherYear[0].errors[0].message).toBe('Thông báo là của năm 2025, không phải năm 2024 đang làm việc.');
    const other = path.join(dir, 'other.parws');
    createTestWorkspace(other).close();
    expect(JSON.parse((await cli('petitions', 'import', other, stp, '--json')).stdout)[0].errors[0].message).toContain('được lập từ một tệp dữ liệu khác');
    withWs(file, (ws) => setPeriodLocked(ws, 2025, true));
    const lockedBefore = withWs(file, dumpWorkspace);
    const filled = path.join(dir, 'STP-filled.xlsx');
    fillXlsx([{ src: stp, dst: filled, sheet: NOTICE_SHEET, cells: { G9: 'x' } }], dir);
    const locked = await cli('petitions', 'import', file, filled, '--json');
    expect(JSON.parse(locked.stdout)[0].errors[0].message).toBe('Kết quả năm 2025 đã công bố, kỳ đánh giá đã khóa; không nhận kiến nghị được.');
    expect((await cli('petitions', 'decide', file, '--year', '2025', '--unit', 'SYT', '--criterion', '1.1.1', '--keep', '--reason', 'x')).code).toBe(1);
    expect((await cli('notices', file, '--year', '2025', '--all', '--out', path.join(dir, 'n2'))).code).toBe(1);
    expect(withWs(file, dumpWorkspace)).toEqual(lockedBefore);
    withWs(file, (ws) => setPeriodLocked(ws, 2025, false));
  });

  it('prints the preliminary scorecard as a PDF beside the notice with --pdf', async () => {
    const pdfDir = path.join(dir, 'pdf');
    const r = await cli('notices', file, '--year', '2025', '--unit', 'STP', '--out', pdfDir, '--pdf');
    expect(r.code).toBe(0);
    const pdfs = fs.readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(fs.readdirSync(pdfDir)).toContain('2025_thong-bao_STP.xlsx');
    const bytes = fs.readFileSync(path.join(pdfDir, pdfs[0]));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(countPdfPages(bytes)).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toContain(`Bản in PDF → ${path.join(pdfDir, pdfs[0])}`);
  }, 120_000);

  it('reads a returned notice re-saved by LibreOffice', async () => {
    if (!hasLibreOffice()) return;
    const filled = path.join(dir, 'SNV-lo.xlsx');
    fillXlsx([{ src: path.join(out, '2025_thong-bao_SNV.xlsx'), dst: filled, sheet: NOTICE_SHEET, cells: { G13: 'Sáng kiến đã được công nhận', H13: 'Quyết định công nhận sáng kiến' } }], dir);
    const [resaved] = libreOfficeConvert([filled], path.join(dir, 'lo'));
    const r = await cli('petitions', 'import', file, resaved, '--json');
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'imported', unit: 'SNV', changes: 1, errors: [] });
    const views = withWs(file, (ws) => petitionViews(ws, 2025, 'SNV'));
    expect(views.find((p) => p.criterionCode === '2.4')).toMatchObject({ text: 'Sáng kiến đã được công nhận', evidence: 'Quyết định công nhận sáng kiến', decision: null });
  }, 120_000);
});
