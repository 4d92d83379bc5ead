// Kết quả's national tables in Chromium: "Nhập bảng xếp hạng toàn quốc…" with the year and
// "Tỉnh của chúng ta" (defaulting to the kept name), the file answered in the dialog, and the
// years imported listed with our province's index, rank "23/63" and change. And the SIPAS grid
// showing each unit's rank in its block with places moved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSurveyFile, surveyResults } from '../../electron/features/survey';
import { listUnits } from '../../electron/features/units/store';
import { describeRankChange, formatPercent } from '../../shared/format';
import { builtinDefinition } from '../../shared/survey';
import { writeCsv, writeXlsx } from '../helpers/files';
import { csvRows, workbookRows } from '../integration/analysis/national-fixture';
import { generateForms, type RawForm } from '../integration/survey/reference';
import { launchApp, stopServer, type AppUnderTest } from './harness';

async function goTo(app: AppUnderTest, name: string) {
  await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
}

describe('national tables and SIPAS ranks on screen (demo workspace)', () => {
  let app: AppUnderTest;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-national-e2e-'));
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('Kết quả: imports two national tables through the dialog and lists our province as 23/63, tăng 3,31% và tăng 13 bậc', async () => {
    const { page } = app;
    await goTo(app, 'Kết quả');
    const panel = page.getByTestId('national-tables');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Chưa nhập bảng xếp hạng toàn quốc nào');

    app.dialogs['national-table'] = [await writeXlsx(dir, 'par-index-2020.xlsx', workbookRows(2020))];
    await page.getByLabel('Năm của bảng xếp hạng toàn quốc').fill('2020');
    await page.getByLabel('Tỉnh của chúng ta').fill('Tỉnh Lạng Sơn');
    await page.getByRole('button', { name: 'Nhập bảng xếp hạng toàn quốc…' }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã nhập bảng xếp hạng toàn quốc năm 2020: 63 tỉnh, thành phố; tỉnh của chúng ta: Lạng Sơn' }).waitFor();
    expect(await page.getByTestId('national-rank-2020').textContent()).toBe('36/63');
    // the field now holds our province as the table writes it, kept for the next import
    await expect.poll(() => page.getByLabel('Tỉnh của chúng ta').inputValue()).toBe('Lạng Sơn');

    // the CSV gives the maxima nowhere (fields by points) and writes "Tỉnh Lạng Sơn"
    await page.getByLabel('Năm của bảng xếp hạng toàn quốc').fill('2021');
    app.dialogs['national-table'] = [writeCsv(dir, 'par-index-2021.csv', csvRows(2021))];
    await page.getByRole('button', { name: 'Nhập bảng xếp hạng toàn quốc…' }).click();
    await page.getByTestId('message').filter({ hasText: 'năm 2021: 63 tỉnh, thành phố' }).waitFor();
    const row = page.getByTestId('national-2021');
    expect(await page.getByTestId('national-rank-2021').textContent()).toBe('23/63');
    expect(await row.textContent()).toContain('87,11%');
    expect(await row.textContent()).toContain('tăng 3,31% và tăng 13 bậc so với năm 2020');
    await expect.poll(() => page.getByLabel('Tỉnh của chúng ta').inputValue()).toBe('Tỉnh Lạng Sơn');
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot('national-01-results-tables');

    // a cancelled dialog imports nothing
    app.dialogs['national-table'] = null;
    await page.getByLabel('Năm của bảng xếp hạng toàn quốc').fill('2022');
    await page.getByRole('button', { name: 'Nhập bảng xếp hạng toàn quốc…' }).click();
    await expect.poll(() => page.getByTestId('national-years').locator('tbody tr').count()).toBe(2);
  });

  it('Khảo sát SIPAS: each unit’s rank in its block and the places it moved since the earlier year', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const def = builtinDefinition(2025);
    const so = listUnits(ws).filter((u) => u.blockCode === 'so').slice(0, 5).map((u) => u.code);
    const write = (name: string, forms: RawForm[]) =>
      writeCsv(dir, name, [['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code] ?? null)])], { delimiter: ',' });
    await importSurveyFile(ws, { year: 2024, file: write('sipas-2024.csv', generateForms(def, so, 30, 3)) });
    await importSurveyFile(ws, { year: 2025, file: write('sipas-2025.csv', generateForms(def, [...so].reverse(), 30, 4)) });
    const results = surveyResults(ws, 2025);
    const moved = results.units.find((u) => (u.standing?.overall.deltaRank ?? 0) !== 0)!;
    expect(moved).toBeDefined();

    await goTo(app, 'Khảo sát SIPAS');
    await page.getByRole('tab', { name: 'Chỉ số hài lòng' }).click();
    const row = page.locator(`[data-testid=sipas-grid] .ag-row[row-id="${moved.code}"]`).first();
    await row.waitFor();
    const rank = row.locator('[col-id="rank"]');
    expect(await rank.locator('.sipas-index-value').textContent()).toBe(`${moved.standing!.overall.rank}/${moved.standing!.of}`);
    expect(await rank.textContent()).toContain(describeRankChange(moved.standing!.overall.deltaRank)!);
    const dv1 = moved.standing!.factors.find((f) => f.code === 'DV1')!;
    expect(await row.locator('[col-id="factor-DV1"]').textContent()).toContain(`${formatPercent(dv1.index)}`);
    expect(await row.locator('[col-id="factor-DV1"] [data-testid=sipas-component-rank]').textContent()).toContain(`hạng ${dv1.rank}`);
    await app.screenshot('national-02-sipas-ranks');
  });
});
