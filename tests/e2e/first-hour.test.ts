// The first hour of a new staff member, on screen: a new empty workspace, the checklist of the
// year, the departments imported from Excel with a preview, the framework as the provincial
// decision prints it (title rows, parents' maxima left blank), forms for every unit and two
// returned; then every screen keeps the units that have not sent their form in sight.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getFramework } from '../../electron/features/framework/store';
import { listUnits } from '../../electron/features/units/store';
import { yearResults } from '../../electron/features/results/service';
import { COL, FORM_HEADER_ROW, FORM_SHEET } from '../../electron/features/forms/layout';
import { cellAddress } from '../../electron/excel/cells';
import { fillXlsx } from '../integration/forms/helpers';

const YEAR = new Date().getFullYear();

async function goTo(app: AppUnderTest, page: string) {
  await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: page, exact: true }).click();
}

async function message(app: AppUnderTest, text: string) {
  await app.page.waitForFunction((t) => document.querySelector('[data-testid=message]')?.textContent?.includes(t), text);
}

describe('the first hour in a new workspace', () => {
  let app: AppUnderTest;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-first-hour-'));
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts a workspace with the checklist of the year', async () => {
    const { page } = app;
    app.dialogs['create-workspace'] = [path.join(dir, 'Tinh-Thu.parws')];
    await page.getByRole('button', { name: /Tạo mới/ }).click();
    await page.getByRole('heading', { name: `Tổng quan kỳ đánh giá năm ${YEAR}` }).waitFor();
    const checklist = page.getByTestId('setup-checklist');
    expect(await checklist.textContent()).toContain('Chưa có đơn vị; nhập từ Excel (Mã, Tên đơn vị, Khối)');
    expect(await checklist.textContent()).toContain('Chưa đặt: hạn nộp tự đánh giá, hạn thẩm định, hạn kiến nghị');
    await app.screenshot('20-first-checklist');
  });

  it('imports the departments from Excel after showing what will change', async () => {
    const { page } = app;
    await page.getByTestId('setup-checklist').locator('li', { hasText: 'Danh sách đơn vị' }).getByRole('button', { name: 'Làm bước này' }).click();
    const file = path.join(dir, 'don-vi.csv');
    fs.writeFileSync(
      file,
      ['Mã,Tên đơn vị,Khối', 'SNV,Sở Nội vụ,so', 'STP,Sở Tư pháp,so', 'STC,Sở Tài chính,so', 'SXD,Sở Xây dựng,so'].join('\r\n'),
    );
    app.dialogs['import-units'] = [file];
    await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    const preview = page.getByTestId('units-preview');
    await preview.waitFor();
    expect(listUnits(app.session.workspace!)).toHaveLength(0);
    await app.screenshot('21-units-preview');
    await page.getByRole('button', { name: 'Nhập 4 đơn vị' }).click();
    await message(app, 'Đã nhập');
    expect(listUnits(app.session.workspace!).map((u) => u.code).sort()).toEqual(['SNV', 'STC', 'STP', 'SXD']);
  });

  it('takes the framework as the decision prints it, parents without maxima', async () => {
    const { page } = app;
    await goTo(app, 'Bộ chỉ số');
    const file = path.join(dir, 'bo-chi-so.csv');
    fs.writeFileSync(
      file,
      [
        'ỦY BAN NHÂN DÂN TỈNH THỬ;;',
        'BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ;;',
        '(Kèm theo Quyết định số 12/QĐ-UBND);;',
        ';;',
        'STT;Nội dung;Điểm tối đa',
        'I;Công tác chỉ đạo, điều hành;',
        '1;Kế hoạch cải cách hành chính;',
        '1.1;Ban hành kế hoạch đúng hạn;1',
        '1.2;Hoàn thành kế hoạch;2',
        'II;Cải cách thủ tục hành chính;',
        '2;Công khai thủ tục;3',
      ].join('\r\n'),
    );
    app.dialogs['import-framework'] = [file];
    await page.getByLabel('Khối').selectOption('so');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await message(app, 'Đã nhập bộ chỉ số');
    const nodes = getFramework(app.session.workspace!, YEAR, 'so')!.nodes;
    expect(nodes.map((n) => n.code)).toEqual(['I', '1', '1.1', '1.2', 'II', '2']);
    await page.locator('[data-testid=framework-grid] .ag-row[row-id="I"] [col-id=max]').first().waitFor();
    expect((await page.locator('[data-testid=framework-grid] .ag-row[row-id="I"] [col-id=max]').first().textContent())?.trim()).toBe('3');
    await app.screenshot('22-framework-printed');
  });

  it('sends forms to every unit, takes two back, and keeps the other two in sight as Chưa nộp', async () => {
    const { page } = app;
    await goTo(app, 'Biểu mẫu');
    app.dialogs['forms-folder'] = [path.join(dir, 'forms')];
    await page.getByLabel('Khối cần tạo biểu mẫu').selectOption('so');
    await page.getByRole('button', { name: /Tạo biểu mẫu cho các đơn vị/ }).click();
    await message(app, 'Đã tạo 4 biểu mẫu');
    const forms = fs.readdirSync(path.join(dir, 'forms')).filter((f) => f.endsWith('.xlsx'));
    const returned = path.join(dir, 'returned');
    fs.mkdirSync(returned);
    const nodes = getFramework(app.session.workspace!, YEAR, 'so')!.nodes;
    const cells: Record<string, number> = {};
    nodes.forEach((n, i) => {
      if (['1.1', '1.2', '2'].includes(n.code)) cells[cellAddress(COL.self, FORM_HEADER_ROW + 1 + i)] = n.maxPoints! / 2;
    });
    const back = forms.filter((f) => f.includes('_SNV') || f.includes('_STP'));
    fillXlsx(back.map((f) => ({ src: path.join(dir, 'forms', f), dst: path.join(returned, f), sheet: FORM_SHEET, cells })), dir);
    app.dialogs['returned-forms'] = [returned];
    await page.getByRole('button', { name: 'Chọn tệp…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-progress]')?.textContent?.includes('Đã xử lý 2 tệp'));

    await goTo(app, 'Tổng quan');
    const block = page.getByTestId('block-so');
    await block.waitFor();
    const text = (await block.textContent()) ?? '';
    expect(text).toMatch(/Đơn vị\s*4/);
    expect(text).toMatch(/Đã nộp tự chấm\s*2/);
    expect(text).toMatch(/Chưa nộp\s*2/);
    expect(await page.getByTestId('setup-checklist').textContent()).toContain('Đã nhận 2/4 đơn vị');
    await app.screenshot('23-overview-missing');

    await goTo(app, 'Kết quả');
    await page.locator('[data-testid=results-grid] .ag-row').nth(3).waitFor();
    const status = await page.locator('[data-testid=results-grid] .ag-row [col-id=status]').allTextContents();
    expect(status.filter((s) => s === 'Chưa nộp')).toHaveLength(2);
    expect(yearResults(app.session.workspace!, YEAR).blocks.find((b) => b.code === 'so')!.units.map((u) => u.submitted).sort()).toEqual([false, false, true, true]);
    await app.screenshot('24-results-missing');

    await goTo(app, 'Thẩm định');
    const unitList = page.getByLabel('Đơn vị', { exact: true });
    await unitList.waitFor();
    const options = await unitList.locator('option').allTextContents();
    expect(options).toHaveLength(4);
    expect(options.filter((o) => o.includes('Chưa nộp'))).toHaveLength(2);
  });
});
