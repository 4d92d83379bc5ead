import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppUnderTest } from './harness';

describe('the app with the demo workspace', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('opens the demo workspace from the start screen', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).waitFor();
    await app.screenshot('01-start');
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await page.getByRole('heading', { name: /Tổng quan kỳ đánh giá năm 2025/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.badge-sample').first().textContent()).toBe('Dữ liệu mẫu');
    await app.screenshot('02-overview');
  });

  it('shows the appraisal tree', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await page.locator('.ag-row').first().waitFor();
    await app.screenshot('03-appraisal-unit');
    await page.getByRole('tab', { name: 'Ma trận khối' }).click();
    await page.locator('.ag-row').first().waitFor();
    await app.screenshot('04-appraisal-matrix');
    await page.getByRole('button', { name: 'Kết quả', exact: true }).click();
    await page.locator('[data-testid=results-grid] .ag-row').first().waitFor();
    await app.screenshot('05-results');
  });
});
