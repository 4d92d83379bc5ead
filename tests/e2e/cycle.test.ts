// The appraisal cycle on screen: Tiến độ (deadlines and each unit's state).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { getScores } from '../../electron/features/appraisal/store';
import { PACKAGE_SHEET } from '../../electron/features/council/packages';
import ExcelJS from 'exceljs';
import { fillXlsx } from '../integration/forms/helpers';
import { getPublication } from '../../electron/features/cycle/store';
import { getDeadlines } from '../../electron/features/cycle/store';
import { listAssignments } from '../../electron/features/council/store';
import { launchApp, stopServer, type AppUnderTest } from './harness';

describe('the appraisal cycle on screen', () => {
  let app: AppUnderTest;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-cycle-e2e-'));
  const nav = (name: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Tiến độ opens on the current year, counts units per state and keeps the deadlines typed', async () => {
    const { page } = app;
    await nav('Tiến độ');
    await page.getByRole('heading', { name: 'Tiến độ kỳ đánh giá năm 2025' }).waitFor();
    const counts = page.getByTestId('state-counts');
    await counts.waitFor();
    const rows = page.getByTestId('progress-table').locator('tbody tr');
    expect(await rows.count()).toBe(20);
    await page.getByLabel('Hạn nộp tự chấm').fill('2025-11-15');
    await page.getByLabel('Hạn thẩm định').fill('2025-11-30');
    await page.getByLabel('Hạn kiến nghị').fill('2025-12-10');
    await page.getByRole('button', { name: 'Lưu các hạn' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã lưu các hạn của năm 2025.' }).waitFor();
    expect(getDeadlines(app.session.workspace!, 2025)).toEqual({ year: 2025, selfDue: '2025-11-15', appraisalDue: '2025-11-30', petitionsDue: '2025-12-10' });
    await page.getByRole('tab', { name: /xã/ }).click();
    expect(await rows.count()).toBe(65);
    await app.screenshot('cycle-progress');
  });

  it('Hội đồng: members typed in, a field assigned, an overlap refused naming it, uncovered leaves listed', async () => {
    const { page } = app;
    await nav('Hội đồng');
    await page.getByRole('heading', { name: 'Hội đồng thẩm định năm 2025' }).waitFor();
    for (const [name, org] of [
      ['Phạm Thu Hà', 'Sở Tư pháp'],
      ['Đỗ Minh Khoa', 'Sở Tài chính'],
    ]) {
      await page.getByLabel('Họ và tên thành viên').fill(name);
      await page.getByLabel('Cơ quan của thành viên').fill(org);
      await page.getByRole('button', { name: 'Thêm thành viên' }).click();
      await page.getByTestId('message').filter({ hasText: `Đã thêm ${name}` }).waitFor();
    }
    await page.getByRole('tab', { name: /sở/ }).click();
    const ws = app.session.workspace!;
    const before = listAssignments(ws, 2025, 'so').length;
    await page.getByLabel('Thành viên được phân công').selectOption('Phạm Thu Hà');
    // the demo's council covers fields I–VII; field VIII's appraised leaves are free
    await page.getByLabel('Mã lĩnh vực, tiêu chí').fill('VIII');
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã phân công Phạm Thu Hà thẩm định VIII' }).waitFor();
    expect(listAssignments(ws, 2025, 'so').length).toBe(before + 1);
    await page.getByLabel('Thành viên được phân công').selectOption('Đỗ Minh Khoa');
    await page.getByLabel('Mã lĩnh vực, tiêu chí').fill('II');
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Trùng phân công với Trần Văn Hùng' }).waitFor();
    expect(listAssignments(ws, 2025, 'so').length).toBe(before + 1);
    expect(await page.getByTestId('assignment-grid').textContent()).toContain('cả lĩnh vực');
    await page.getByRole('tab', { name: /xã/ }).click();
    expect(await page.getByTestId('uncovered').locator('li').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /sở/ }).click();
    await app.screenshot('cycle-council');
  });

  it('Hội đồng: packages written, one returned with a cell changed in the app since, the conflict resolved on screen', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    app.dialogs['council-packages-folder'] = [path.join(dir, 'packages')];
    await page.getByRole('button', { name: 'Lập hồ sơ thẩm định…' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã lập 5 hồ sơ thẩm định' }).waitFor();
    const file = path.join(dir, 'packages', '2025_hoi-dong_tran-van-hung.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet(PACKAGE_SHEET)!;
    // a row appraised before issue with more than 0 points
    let row = 5;
    while (!(typeof sheet.getRow(row).getCell(9).value === 'number' && (sheet.getRow(row).getCell(9).value as number) > 0)) row++;
    const unit = String(sheet.getRow(row).getCell(1).value);
    const criterion = String(sheet.getRow(row).getCell(3).value);
    const issued = sheet.getRow(row).getCell(9).value as number;
    // staff change it in the app after the package went out, the member returns 0
    applyScoreChanges(ws, 2025, [{ unitCode: unit, criterionCode: criterion, patch: { appraisedScore: issued / 2 } }], { source: 'appraisal', actor: 'Cán bộ Sở' });
    const returned = path.join(dir, 'returned.xlsx');
    fillXlsx([{ src: file, dst: returned, sheet: PACKAGE_SHEET, cells: { [`I${row}`]: 0, [`J${row}`]: 'Không có tài liệu kiểm chứng' } }], dir);
    app.dialogs['council-returned'] = [returned];
    await page.getByRole('button', { name: 'Nhận hồ sơ thẩm định…' }).click();
    await page.getByTestId('message').filter({ hasText: '1 xung đột' }).waitFor();
    const conflicts = page.getByTestId('conflicts');
    await conflicts.waitFor();
    expect(await conflicts.locator('tbody tr').count()).toBe(1);
    expect(await conflicts.textContent()).toContain('Cán bộ Sở');
    await conflicts.scrollIntoViewIfNeeded();
    await app.screenshot('cycle-council-conflict');
    await conflicts.getByRole('button', { name: 'Lấy điểm của hồ sơ' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã lấy điểm của hồ sơ thẩm định.' }).waitFor();
    await conflicts.waitFor({ state: 'detached' });
    const score = getScores(ws, 2025, { unitCode: unit }).find((s) => s.criterionCode === criterion)!;
    expect(score.appraisedScore).toBe(0);
    expect(score.note).toBe('Không có tài liệu kiểm chứng');
  });

  it('publication in the header: forced over open work, the year locked, the grid read only, then reopened', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const bar = page.getByTestId('publication');
    await bar.getByRole('button', { name: 'Công bố…' }).click();
    await page.getByLabel('Số, ký hiệu Quyết định công bố').fill('45/QĐ-UBND');
    await page.getByLabel('Ngày Quyết định công bố').fill('2026-01-20');
    await bar.getByRole('button', { name: 'Công bố', exact: true }).click();
    // the demo still has a provisional unit: refused, listing what is open
    await page.getByTestId('message').filter({ hasText: 'Chưa công bố được kết quả năm 2025' }).waitFor();
    expect(getPublication(ws, 2025)).toBeNull();
    await bar.getByLabel(/Bắt buộc/).check();
    await bar.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã công bố kết quả năm 2025 theo Quyết định 45/QĐ-UBND ngày 20/01/2026' }).waitFor();
    await bar.getByText('Đã công bố: QĐ 45/QĐ-UBND ngày 20/01/2026 · đã khóa').waitFor();
    expect(getPublication(ws, 2025)).toMatchObject({ decision: '45/QĐ-UBND', decisionDate: '2026-01-20', forced: true });
    await nav('Thẩm định');
    await page.getByText('Kỳ đánh giá năm 2025 đã công bố nên đã khóa; chỉ xem, không sửa điểm.').waitFor();
    await app.screenshot('cycle-published-grid');
    // Kết quả names the decision above the table, and nothing is provisional
    await nav('Kết quả');
    const line = page.getByTestId('results-publication');
    await line.waitFor();
    expect(await line.textContent()).toBe('Đã công bố theo Quyết định số 45/QĐ-UBND ngày 20/01/2026');
    await page.locator('[data-testid=results-grid] .ag-row').first().waitFor();
    expect(await page.getByTestId('results-grid').textContent()).not.toContain('Tạm tính');
    await app.screenshot('cycle-published-results');
    await bar.getByRole('button', { name: 'Hủy công bố…' }).click();
    await page.getByLabel('Lý do hủy công bố').fill('Phúc tra kiến nghị');
    await bar.getByRole('button', { name: 'Mở lại kỳ đánh giá' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã hủy công bố, mở lại kỳ đánh giá năm 2025.' }).waitFor();
    expect(getPublication(ws, 2025)).toBeNull();
    // reopened: the line goes, the results are provisional again
    await line.waitFor({ state: 'detached' });
    await page.getByTestId('results-grid').getByText(/^Tạm tính/).first().waitFor();
  });
});
