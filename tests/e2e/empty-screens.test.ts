// A new empty workspace: Đơn vị, Bộ chỉ số and Thẩm định each say what to do next, list the
// columns their import expects and offer "Tải tệp mẫu"; the template the button writes is
// then taken by the screen's own import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getFramework } from '../../electron/features/framework/store';
import { getScores } from '../../electron/features/appraisal/store';
import { upsertUnits } from '../../electron/features/units/service';
import { fillXlsx } from '../integration/forms/helpers';

const YEAR = new Date().getFullYear();

async function goTo(app: AppUnderTest, page: string) {
  await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: page, exact: true }).click();
}

async function message(app: AppUnderTest, text: string) {
  await app.page.waitForFunction((t) => document.querySelector('[data-testid=message]')?.textContent?.includes(t), text);
}

describe('empty screens guide a newcomer', () => {
  let app: AppUnderTest;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-empty-screens-'));
    app = await launchApp();
    app.dialogs['create-workspace'] = [path.join(dir, 'Tinh-Moi.parws')];
    await app.page.getByRole('button', { name: /Tạo mới/ }).click();
    await app.page.getByRole('heading', { name: `Tổng quan kỳ đánh giá năm ${YEAR}` }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Đơn vị without units: what to do, the columns and the template', async () => {
    const { page } = app;
    await goTo(app, 'Đơn vị');
    const guide = page.getByTestId('units-guide');
    await guide.waitFor();
    const text = (await guide.textContent()) ?? '';
    expect(text).toContain('Chưa có đơn vị nào');
    for (const column of ['Mã', 'Tên đơn vị', 'Khối', 'Kế thừa từ', 'Xếp hạng', 'Từ năm', 'Đến năm']) {
      expect(await guide.locator('code', { hasText: new RegExp(`^${column}$`) }).count()).toBe(1);
    }
    await app.screenshot('30-units-empty');
    const file = path.join(dir, 'Danh-sach-don-vi.xlsx');
    app.dialogs['units-template'] = [file];
    await guide.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    await message(app, 'Đã lưu tệp mẫu');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });

  it('Bộ chỉ số without a framework: the template imports through the screen', async () => {
    const { page } = app;
    await goTo(app, 'Bộ chỉ số');
    await page.getByLabel('Khối').selectOption('so');
    const guide = page.getByTestId('framework-guide');
    await guide.waitFor();
    expect(await guide.textContent()).toContain(`chưa có bộ chỉ số năm ${YEAR}`);
    expect(await guide.locator('code').allTextContents()).toEqual(['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tài liệu kiểm chứng']);
    expect(await guide.locator('code.required').allTextContents()).toEqual(['STT', 'Nội dung', 'Điểm tối đa']);
    await app.screenshot('31-framework-empty');
    const file = path.join(dir, 'Bo-chi-so-mau.xlsx');
    app.dialogs['framework-template'] = [file];
    await guide.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    await message(app, 'Đã lưu tệp mẫu bộ chỉ số');
    app.dialogs['import-framework'] = [file];
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await message(app, 'Đã nhập bộ chỉ số');
    expect(getFramework(app.session.workspace!, YEAR, 'so')!.nodes.map((n) => n.code)).toEqual(['1', '1.1']);
    await expect.poll(() => guide.count()).toBe(0);
  });

  it('Thẩm định without scores: the scores template, filled, imports and the guide goes', async () => {
    const { page } = app;
    upsertUnits(app.session.workspace!, [
      { code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so' },
      { code: 'STP', name: 'Sở Tư pháp', blockCode: 'so' },
    ]);
    await goTo(app, 'Thẩm định');
    const guide = page.getByTestId('scores-guide');
    await guide.waitFor();
    expect(await guide.textContent()).toContain(`Chưa có điểm nào của khối này năm ${YEAR}`);
    expect(await guide.locator('code').allTextContents()).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã tiêu chí',
      'Nội dung tiêu chí',
      'Điểm tự chấm',
      'Điểm thẩm định',
      'Không áp dụng',
      'Ghi chú',
    ]);
    await app.screenshot('32-appraisal-empty');
    const file = path.join(dir, 'Bang-diem.xlsx');
    app.dialogs['scores-template'] = [file];
    await guide.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    await message(app, '(2 dòng)');
    const filled = path.join(dir, 'Bang-diem-da-dien.xlsx');
    // row 2: SNV 1.1, row 3: STP 1.1 (a yes/no leaf worth 2)
    fillXlsx([{ src: file, dst: filled, sheet: 'Điểm', cells: { E2: 2, E3: 0, F3: 0 } }], dir);
    app.dialogs['import-scores'] = [filled];
    await guide.getByRole('button', { name: 'Nhập bảng điểm…' }).click();
    await message(app, 'Đã nhập bảng điểm');
    const scores = getScores(app.session.workspace!, YEAR, { blockCode: 'so' });
    expect(scores.find((s) => s.unitCode === 'SNV')).toMatchObject({ selfScore: 2, appraisedScore: null });
    expect(scores.find((s) => s.unitCode === 'STP')).toMatchObject({ selfScore: 0, appraisedScore: 0 });
    await expect.poll(() => guide.count()).toBe(0);
  });
});
