import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getFramework } from '../../electron/features/framework/store';
import { yearResults } from '../../electron/features/results/service';
import { getUnit, listUnits } from '../../electron/features/units/store';
import { setPeriodLocked } from '../../electron/features/workspace/service';

async function goTo(app: AppUnderTest, page: string) {
  await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: page, exact: true }).click();
}

describe('the app with the demo workspace', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('runs under the strict content security policy: no inline script executes', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('opens the demo workspace from the start screen, marked as sample data', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).waitFor();
    await app.screenshot('01-start');
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await page.getByRole('heading', { name: /Tổng quan kỳ đánh giá năm 2025/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.badge-sample').first().textContent()).toBe('Dữ liệu mẫu');
    const xa = await page.locator('[data-testid=block-xa]').textContent();
    expect(xa).toContain('65');
    expect(xa).toMatch(/Tạm tính\s*1/);
    await app.screenshot('02-overview');
  });

  it('ranks each block with bands and the change since last year', async () => {
    const { page } = app;
    await goTo(app, 'Kết quả');
    await page.locator('[data-testid=results-grid] .ag-row').first().waitFor();
    const results = yearResults(app.session.workspace!, 2025).blocks[0];
    expect(await page.getByTestId('block-average').textContent()).toBe(`${results.average!.toFixed(2).replace('.', ',')}%`);
    const first = page.locator('[data-testid=results-grid] .ag-row[row-index="0"]').first();
    expect(await first.locator('[col-id=name]').textContent()).toBe(results.units[0].name);
    const anyChange = await page.locator('[data-testid=results-grid] [col-id=change]').allTextContents();
    expect(anyChange.some((t) => /(tăng|giảm) .* bậc/.test(t))).toBe(true);
    await app.screenshot('05-results');
    await page.getByRole('tab', { name: 'Khối xã' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=results-grid] .ag-row').length > 5);
    await app.screenshot('05b-results-communes');
  });

  it('refuses a framework whose parent maximum differs from the sum of its children', async () => {
    const { page } = app;
    await goTo(app, 'Bộ chỉ số');
    const maxCell = page.locator('[data-testid=framework-grid] .ag-row[row-id="I"] [col-id=max]').first();
    await maxCell.waitFor();
    const before = getFramework(app.session.workspace!, 2025, 'so')!.nodes.find((n) => n.code === 'I')!.maxPoints!;
    await maxCell.dblclick();
    const editor = page.locator('[data-testid=framework-grid] input').first();
    await editor.waitFor();
    await editor.fill(String(before + 1.5).replace('.', ','));
    await page.keyboard.press('Enter');
    const problems = page.getByTestId('framework-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(`Điểm tối đa của mục I là ${String(before + 1.5).replace('.', ',')}`);
    // a criterion of the field wrong too: the refusal lists both problems under its message
    const nodes = getFramework(app.session.workspace!, 2025, 'so')!.nodes;
    const criterion = nodes.find((n) => n.parentCode === 'I' && nodes.some((c) => c.parentCode === n.code))!;
    await page.locator(`[data-testid=framework-grid] .ag-row[row-id="${criterion.code}"] [col-id=max]`).first().dblclick();
    await page.locator('[data-testid=framework-grid] input').first().fill(String(criterion.maxPoints! + 1).replace('.', ','));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lưu bộ chỉ số' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Chưa lưu bộ chỉ số khối sở năm 2025. Có 2 lỗi:');
    expect(await page.getByRole('alert').locator('li').allTextContents()).toEqual([
      expect.stringContaining(`Điểm tối đa của mục I là ${String(before + 1.5).replace('.', ',')}`),
      expect.stringContaining(`Điểm tối đa của mục ${criterion.code} là ${String(criterion.maxPoints! + 1).replace('.', ',')}`),
    ]);
    await app.screenshot('09-framework-refused');
    expect(getFramework(app.session.workspace!, 2025, 'so')!.nodes.find((n) => n.code === 'I')!.maxPoints).toBe(before);
    await page.getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=framework-problems]'));
    await app.screenshot('10-framework');
  });

  it('adds a year, copies last year\'s framework and edits it', async () => {
    const { page } = app;
    await page.getByLabel('Năm mới').fill('2026');
    await page.getByRole('button', { name: 'Thêm kỳ' }).click();
    await page.getByRole('button', { name: 'Sao chép từ năm 2025' }).click();
    await page.locator('[data-testid=framework-grid] .ag-row[row-id="I"]').first().waitFor();
    expect(getFramework(app.session.workspace!, 2026, 'so')!.nodes.length).toBe(getFramework(app.session.workspace!, 2025, 'so')!.nodes.length);
    // a new field with one sub-criterion of 2 points
    await page.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    const fieldCode = await page.locator('[data-testid=framework-grid] .ag-row-selected [col-id=code]').first().textContent();
    await page.getByRole('button', { name: 'Thêm tiêu chí con' }).click();
    const leafRow = page.locator('[data-testid=framework-grid] .ag-row-selected').first();
    const leafCode = (await leafRow.getAttribute('row-id'))!;
    await leafRow.locator('[col-id=max]').dblclick();
    await page.locator('[data-testid=framework-grid] input').first().fill('2');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lưu bộ chỉ số' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã lưu bộ chỉ số'));
    const saved = getFramework(app.session.workspace!, 2026, 'so')!.nodes;
    expect(saved.find((n) => n.code === leafCode)).toMatchObject({ parentCode: fieldCode!.trim(), maxPoints: 2 });
  });

  it('exports a framework to Excel and imports it into another block', async () => {
    const { page } = app;
    const file = `${app.dataDir}/bo-chi-so.xlsx`;
    app.dialogs['export-framework'] = [file];
    await page.getByLabel('Khối').selectOption('so');
    await page.getByRole('button', { name: 'Xuất ra Excel' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã xuất bộ chỉ số'));
    app.dialogs['import-framework'] = [file];
    await page.getByLabel('Khối').selectOption('huyen');
    await page.getByText('Khối này chưa có bộ chỉ số năm 2026.').waitFor();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã nhập bộ chỉ số'));
    const ws = app.session.workspace!;
    expect(getFramework(ws, 2026, 'huyen')!.nodes.map((n) => [n.code, n.maxPoints])).toEqual(
      getFramework(ws, 2026, 'so')!.nodes.map((n) => [n.code, n.maxPoints]),
    );
    await page.locator('[data-testid=framework-grid] .ag-row[row-id="I"]').first().waitFor();
  });

  it('keeps units with their lineage and the not-ranked flag', async () => {
    const { page } = app;
    await goTo(app, 'Đơn vị');
    await page.getByRole('tab', { name: /Khối xã/ }).click();
    await page.locator('[data-testid=units-grid] .ag-row').first().waitFor();
    const merged = listUnits(app.session.workspace!).find((u) => u.blockCode === 'xa' && u.predecessors.length > 1)!;
    await app.screenshot('11-units');
    await page.getByRole('tab', { name: /Khối sở/ }).click();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByLabel('Mã đơn vị').fill('SMOI');
    await page.getByLabel('Tên đơn vị').fill('Sở Thử nghiệm');
    await page.getByLabel('Được xếp hạng').uncheck();
    await page.getByLabel('Kế thừa từ').fill(merged.predecessors[0]);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã thêm đơn vị'));
    expect(getUnit(app.session.workspace!, 'SMOI')).toMatchObject({ name: 'Sở Thử nghiệm', ranked: false, predecessors: [merged.predecessors[0]] });
    // the form is ready for the next unit, the cursor in its code
    expect(await page.getByLabel('Mã đơn vị').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Mã đơn vị');
    // a code in use is refused when adding
    await page.getByLabel('Mã đơn vị').fill('SMOI');
    await page.getByLabel('Tên đơn vị').fill('Sở Trùng mã');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Mã SMOI đã là mã của Sở Thử nghiệm');
    expect(getUnit(app.session.workspace!, 'SMOI')?.name).toBe('Sở Thử nghiệm');
    // chosen in the list, it is edited; a lineage naming an unknown unit is refused with the reason
    await page.locator('[data-testid=units-grid] .ag-row[row-id="SMOI"]').first().click();
    await page.getByLabel('Kế thừa từ').fill('KHONGCO');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('KHONGCO');
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã xóa'));
    expect(getUnit(app.session.workspace!, 'SMOI')).toBeNull();
  });

  it('backs up the open workspace, closes it and reopens it from the recent list', async () => {
    const { page } = app;
    const backup = `${app.dataDir}/sao-luu.parws`;
    app.dialogs.backup = [backup];
    await page.getByRole('button', { name: 'Sao lưu', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã sao lưu'));
    const { Workspace } = await import('../../electron/db/workspace');
    const copy = Workspace.open(backup);
    expect(listUnits(copy).length).toBe(listUnits(app.session.workspace!).length);
    copy.close();
    await page.getByRole('button', { name: 'Đóng tệp' }).click();
    await page.getByRole('heading', { name: 'Mở gần đây' }).waitFor();
    expect(app.session.workspace).toBeNull();
    await page.getByRole('button', { name: 'Du-lieu-mau.parws' }).click();
    await page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor();
    expect(app.session.workspace?.name).toBe('Du-lieu-mau.parws');
  });

  it('shows the appraisal screens, the tree folding and unfolding', async () => {
    const { page } = app;
    await page.getByLabel('Năm đánh giá').selectOption('2025');
    await goTo(app, 'Thẩm định');
    await page.locator('[data-testid=appraisal-grid] .ag-row').first().waitFor();
    await app.screenshot('03-appraisal-unit');
    const rows = () =>
      page.evaluate(() => new Set([...document.querySelectorAll('[data-testid=appraisal-grid] .ag-row[row-id]')].map((r) => r.getAttribute('row-id'))).size);
    const child = page.locator('[data-testid=appraisal-grid] .ag-row[row-id="1.1"]');
    expect(await child.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Thu gọn I', exact: true }).click();
    await child.first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Mở rộng I', exact: true }).click();
    await child.first().waitFor();
    await page.getByRole('button', { name: 'Thu gọn', exact: true }).click();
    await child.first().waitFor({ state: 'detached' });
    expect(await rows()).toBe(getFramework(app.session.workspace!, 2025, 'so')!.nodes.filter((n) => n.parentCode === null).length);
    await page.getByRole('button', { name: 'Mở rộng', exact: true }).click();
    await child.first().waitFor();
    await page.getByRole('tab', { name: 'Ma trận khối' }).click();
    await page.locator('[data-testid=appraisal-grid] .ag-row').first().waitFor();
    await app.screenshot('04-appraisal-matrix');
  });

  it('shows a published (locked) year read-only', async () => {
    const { page } = app;
    setPeriodLocked(app.session.workspace!, 2024, true);
    await page.getByLabel('Năm đánh giá').selectOption('2024');
    await goTo(app, 'Thẩm định');
    await page.getByText('Kỳ đánh giá năm 2024 đã công bố nên đã khóa').waitFor();
    expect(await page.locator('[data-testid=appraisal-grid] .cell-editable').count()).toBe(0);
    const first = page.locator('[data-testid=appraisal-grid] .ag-row[row-id="1.1"] .ag-cell[col-id="appraised"]').first();
    await first.click();
    await page.keyboard.press('F2');
    await page.keyboard.press('1');
    expect(await page.locator('input.score-editor').count()).toBe(0);
    await app.screenshot('13-appraisal-locked');
  });

  it('takes the ranking of a year published before the workbench was used, and compares the next year with it', async () => {
    const { page } = app;
    await page.getByLabel('Năm mới').fill('2022');
    await page.getByRole('button', { name: 'Thêm kỳ' }).click();
    await page.getByLabel('Năm đánh giá').selectOption('2022');
    await goTo(app, 'Kết quả');
    await page.getByRole('tab', { name: 'Khối sở' }).click();
    const units = listUnits(app.session.workspace!).filter((u) => u.blockCode === 'so' && u.ranked && !u.fromYear && !u.toYear).slice(0, 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-published-'));
    const file = path.join(dir, 'cong-bo-2022.csv');
    fs.writeFileSync(file, ['Mã,Tên đơn vị,Chỉ số,Xếp hạng', ...units.map((u, i) => `${u.code},${u.name},"${80 - i * 5},5",${i + 1}`)].join('\n'));
    app.dialogs['import-published'] = [file];
    await page.getByRole('button', { name: 'Nhập kết quả đã công bố…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã nhập kết quả đã công bố năm 2022'));
    await page.waitForFunction((name) => document.querySelector('[data-testid=results-grid] .ag-row[row-index="0"] [col-id=name]')?.textContent === name, units[0].name);
    expect(await page.getByTestId('block-average').textContent()).toBe('75,50%');
    await app.screenshot('05c-results-published');
    // 2023 of the demo now has a year before it
    await page.getByLabel('Năm đánh giá').selectOption('2023');
    const row = page.locator(`[data-testid=results-grid] .ag-row[row-id="${units[0].code}"] [col-id=previous]`).first();
    await row.waitFor();
    expect(await row.textContent()).toBe('80,50% · hạng 1');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
