// Biểu mẫu keeps the imports of the year in sight ("Các lần nhập trước", each openable), counts
// criteria changed, and takes a form of another year as that year after switching to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFormTemplate } from '../../electron/features/forms';
import { FORM_SHEET } from '../../electron/features/forms/layout';
import { saveFramework } from '../../electron/features/framework/service';
import { ensurePeriod } from '../../electron/features/workspace/service';
import { getScores } from '../../electron/features/appraisal/store';
import { TEST_NODES, createTestWorkspace, fillXlsx, formCell } from '../integration/forms/helpers';
import { launchApp, stopServer, type AppUnderTest } from './harness';

const c = (code: string, col: 'self' | 'evidence' | 'explanation') => formCell(TEST_NODES, code, col);

describe('forms: past imports and a form of another year', () => {
  let app: AppUnderTest;
  let dir: string;
  let snv: string;
  let stp2024: string;
  let syt2023: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-forms-history-'));
    const file = path.join(dir, 'tinh.parws');
    const ws = createTestWorkspace(file, 2024);
    ensurePeriod(ws, 2025);
    saveFramework(ws, { year: 2025, blockCode: 'so', nodes: TEST_NODES });
    const blank = path.join(dir, 'blank-SNV-2025.xlsx');
    const blank2024 = path.join(dir, 'blank-STP-2024.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    await writeFormTemplate(ws, { year: 2024, unitCode: 'STP', outFile: blank2024 });
    ws.close();
    const other = createTestWorkspace(path.join(dir, 'other.parws'), 2023);
    const blank2023 = path.join(dir, 'blank-SYT-2023.xlsx');
    await writeFormTemplate(other, { year: 2023, unitCode: 'SYT', outFile: blank2023 });
    other.close();
    fs.mkdirSync(path.join(dir, 'returned'));
    snv = path.join(dir, 'returned', 'SNV-2025.xlsx');
    stp2024 = path.join(dir, 'returned', 'STP-2024.xlsx');
    syt2023 = path.join(dir, 'returned', 'SYT-2023.xlsx');
    fillXlsx(
      [
        // 1.1.2: score, evidence and explanation (one criterion), 1.2: a score — two criteria
        { src: blank, dst: snv, sheet: FORM_SHEET, cells: { [c('1.1.2', 'self')]: 1.5, [c('1.1.2', 'evidence')]: 'KH số 12', [c('1.1.2', 'explanation')]: 'Hoàn thành 90%', [c('1.2', 'self')]: 1 } },
        { src: blank2024, dst: stp2024, sheet: FORM_SHEET, cells: { [c('1.2', 'self')]: 0.5 } },
        { src: blank2023, dst: syt2023, sheet: FORM_SHEET, cells: { [c('1.2', 'self')]: 1 } },
      ],
      dir,
    );
    app = await launchApp();
    app.dialogs['open-workspace'] = [file];
    await app.page.getByRole('button', { name: /Mở một tệp dữ liệu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Biểu mẫu', exact: true }).click();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports criteria changed, names the year of a form of another year and lists the import below', async () => {
    const { page } = app;
    expect(await page.getByLabel('Năm đánh giá').inputValue()).toBe('2025');
    await expect.poll(() => page.getByTestId('past-imports').textContent()).toContain('Chưa nhập biểu mẫu nào của năm này.');
    app.dialogs['returned-forms'] = [snv, stp2024, syt2023];
    await page.getByRole('button', { name: 'Chọn tệp…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 3 tệp'));
    const report = page.getByTestId('import-report');
    expect(await report.locator('thead').textContent()).toContain('Tiêu chí thay đổi');
    const snvRow = report.locator('tbody tr').filter({ hasText: 'SNV-2025.xlsx' });
    expect(await snvRow.textContent()).toContain('Đã nhập');
    expect((await snvRow.locator('td.num').textContent())?.trim()).toBe('2');
    const stpRow = report.locator('tbody tr').filter({ hasText: 'STP-2024.xlsx' });
    expect(await stpRow.textContent()).toContain('Biểu mẫu này là của năm 2024, không phải năm 2025');
    expect(await stpRow.getByRole('button', { name: 'Chuyển sang năm 2024 và nhập' }).count()).toBe(1);
    const sytRow = report.locator('tbody tr').filter({ hasText: 'SYT-2023.xlsx' });
    expect(await sytRow.textContent()).toContain('Biểu mẫu này là của năm 2023, không phải năm 2025');
    expect(await sytRow.getByRole('button').count()).toBe(0);
    expect(await sytRow.getByTestId('other-year-missing').textContent()).toContain('Tệp dữ liệu chưa có kỳ đánh giá năm 2023');

    const past = page.getByTestId('past-imports');
    await expect.poll(() => past.locator('tbody tr').count()).toBe(1);
    const entry = past.locator('tbody tr').first();
    expect(await entry.textContent()).toContain('SNV-2025.xlsx');
    expect(await entry.textContent()).toContain('Sở Nội vụ (SNV)');
    expect(await entry.textContent()).toContain('Hiện hành');
    expect((await entry.locator('td.num').textContent())?.trim()).toBe('2');
    await entry.click();
    const detail = page.getByTestId('past-import-detail');
    await detail.waitFor();
    const lines = detail.locator('tbody tr');
    expect(await lines.count()).toBe(2);
    expect(await lines.nth(0).textContent()).toContain('1.1.2');
    expect(await lines.nth(0).textContent()).toContain('— → 1,5');
    expect(await lines.nth(1).textContent()).toContain('— → 1');
    expect(await detail.textContent()).toContain('chưa tự chấm');
    await detail.scrollIntoViewIfNeeded();
    await app.screenshot('forms-history-2025');
  });

  it('switches to the year of the form and imports it there', async () => {
    const { page } = app;
    const stpRow = page.getByTestId('import-report').locator('tbody tr').filter({ hasText: 'STP-2024.xlsx' });
    await stpRow.getByRole('button', { name: 'Chuyển sang năm 2024 và nhập' }).click();
    await expect.poll(() => page.getByLabel('Năm đánh giá').inputValue()).toBe('2024');
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 1 tệp'));
    const rows = page.getByTestId('import-report').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Đã nhập');
    expect(await rows.first().textContent()).toContain('Sở Tư pháp');
    const past = page.getByTestId('past-imports');
    await expect.poll(() => past.locator('tbody tr').count()).toBe(1);
    expect(await past.locator('tbody tr').first().textContent()).toContain('STP-2024.xlsx');
    const ws = app.session.workspace!;
    expect(getScores(ws, 2024, { unitCode: 'STP' }).find((s) => s.criterionCode === '1.2')?.selfScore).toBe(0.5);
    expect(getScores(ws, 2025, { unitCode: 'STP' }).find((s) => s.criterionCode === '1.2')?.selfScore ?? null).toBeNull();
    await app.screenshot('forms-history-2024');
  });
});
