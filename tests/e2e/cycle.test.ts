// The appraisal cycle on screen: Tiến độ (deadlines and each unit's state).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDeadlines } from '../../electron/features/cycle/store';
import { listAssignments } from '../../electron/features/council/store';
import { launchApp, stopServer, type AppUnderTest } from './harness';

describe('the appraisal cycle on screen', () => {
  let app: AppUnderTest;
  const nav = (name: string) => app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
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
    await page.getByLabel('Mã lĩnh vực, tiêu chí').fill('II');
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã phân công Phạm Thu Hà thẩm định II' }).waitFor();
    expect(listAssignments(ws, 2025, 'so').length).toBe(before + 1);
    await page.getByLabel('Thành viên được phân công').selectOption('Đỗ Minh Khoa');
    await page.getByLabel('Mã lĩnh vực, tiêu chí').fill('II');
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Trùng phân công với Phạm Thu Hà' }).waitFor();
    expect(listAssignments(ws, 2025, 'so').length).toBe(before + 1);
    expect(await page.getByTestId('assignment-grid').textContent()).toContain('cả lĩnh vực');
    expect(await page.getByTestId('uncovered').locator('li').count()).toBeGreaterThan(0);
    await app.screenshot('cycle-council');
  });
});
