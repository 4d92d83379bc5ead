import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COL, FORM_HEADER_ROW, FORM_SHEET } from '../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { leafCodes } from '../../shared/results';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getScores } from '../../electron/features/appraisal/store';
import { getFramework } from '../../electron/features/framework/store';
import { listUnits } from '../../electron/features/units/store';

const YEAR = 2025;

describe('forms: generate for every unit, take returned ones back with a report', () => {
  let app: AppUnderTest;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-forms-e2e-'));
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Biểu mẫu', exact: true }).click();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates one form per unit of the chosen block into the folder picked', async () => {
    const { page } = app;
    app.dialogs['forms-folder'] = [path.join(dir, 'forms')];
    await page.getByLabel('Khối cần tạo biểu mẫu').selectOption('so');
    await page.getByRole('button', { name: /Tạo biểu mẫu cho các đơn vị/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã tạo'));
    const files = fs.readdirSync(path.join(dir, 'forms')).filter((f) => f.endsWith('.xlsx'));
    expect(await page.getByTestId('message').textContent()).toContain(`Đã tạo ${files.length} biểu mẫu`);
    expect(files.length).toBe(20);
  });

  it('imports the returned forms with a progress bar and shows every error in the report', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const unit = listUnits(ws).find((u) => u.blockCode === 'so')!;
    const nodes = getFramework(ws, YEAR, 'so')!.nodes;
    const leaves = leafCodes(nodes);
    const scores = getScores(ws, YEAR, { unitCode: unit.code });
    const index = nodes.findIndex(
      (n) => leaves.has(n.code) && n.source === 'self' && n.method === 'free' && (n.maxPoints ?? 0) >= 0.5 &&
        !scores.find((s) => s.criterionCode === n.code)?.notApplicable &&
        scores.find((s) => s.criterionCode === n.code)?.selfScore !== 0.25,
    );
    const leaf = nodes[index];
    const formFile = fs.readdirSync(path.join(dir, 'forms')).map((f) => path.join(dir, 'forms', f)).find((f) => f.includes(unit.code))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(formFile);
    book.getWorksheet(FORM_SHEET)!.getCell(FORM_HEADER_ROW + 1 + index, COL.self).value = '0,25';
    fs.mkdirSync(path.join(dir, 'returned'));
    const filled = path.join(dir, 'returned', path.basename(formFile));
    await book.xlsx.writeFile(filled);
    const junk = path.join(dir, 'returned', 'bang-tinh-khac.xlsx');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'Không phải biểu mẫu';
    await other.xlsx.writeFile(junk);

    app.dialogs['returned-forms'] = [path.join(dir, 'returned')];
    await page.getByRole('button', { name: 'Chọn tệp…' }).click();
    await page.getByTestId('import-progress').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 2 tệp'));
    const report = page.getByTestId('import-report');
    const rows = report.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const filledRow = rows.filter({ hasText: path.basename(filled) });
    expect(await filledRow.textContent()).toContain('Đã nhập');
    expect(await filledRow.textContent()).toContain(unit.name);
    const junkRow = rows.filter({ hasText: 'bang-tinh-khac.xlsx' });
    expect(await junkRow.textContent()).toContain('Bị từ chối');
    expect(await junkRow.locator('.issue-error').count()).toBeGreaterThan(0);
    await app.screenshot('12-forms-report');
    expect(getScores(ws, YEAR, { unitCode: unit.code }).find((s) => s.criterionCode === leaf.code)?.selfScore).toBe(0.25);

    // the same file dropped on the window again changes nothing
    await page.evaluate((folder) => ((window as unknown as { __parwDropFolder: string }).__parwDropFolder = folder), path.dirname(filled));
    await page.getByTestId('dropzone').evaluate((zone, name) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], name));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, path.basename(filled));
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 1 tệp'));
    expect(await page.getByTestId('import-report').locator('tbody tr').first().textContent()).toContain('Không thay đổi');
    await page.getByRole('button', { name: 'Chọn tệp…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 2 tệp'));

    app.dialogs['export-report'] = [path.join(dir, 'bao-cao.xlsx')];
    await page.getByRole('button', { name: 'Xuất báo cáo ra Excel' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã xuất báo cáo'));
    expect(fs.statSync(path.join(dir, 'bao-cao.xlsx')).size).toBeGreaterThan(1000);
  });
});
