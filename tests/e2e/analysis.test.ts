// Component ranks on screen: Kết quả shows each field's rank and places moved and the counts
// of fields up and down; So sánh shows a unit's field-by-rank table and the chart of places.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../shared/format';
import type { BlockResult, UnitResult } from '../../shared/domain';
import { fieldCountsText } from '../../shared/compare';
import { yearResults } from '../../electron/features/results/service';
import { getBlockSettings } from '../../electron/features/results/store';
import { fieldCell, fieldCountsCell } from '../../renderer/features/results/model';
import { launchApp, stopServer, type AppUnderTest } from './harness';

const YEAR = 2025;

async function goTo(app: AppUnderTest, name: string) {
  await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
}

describe('component ranks on screen (demo workspace)', () => {
  let app: AppUnderTest;
  let block: BlockResult;
  let unit: UnitResult;

  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    block = yearResults(app.session.workspace!, YEAR).blocks.find((b) => b.code === 'so')!;
    // a unit whose fields moved both ways in rank
    unit = block.units.find((u) => u.fields.some((f) => (f.deltaRank ?? 0) > 0) && u.fields.some((f) => (f.deltaRank ?? 0) < 0))!;
    expect(unit).toBeDefined();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('Kết quả: the counts of fields up and down, and each field rank with places moved when asked for', async () => {
    const { page } = app;
    await goTo(app, 'Kết quả');
    const row = page.locator(`[data-testid=results-grid] .ag-row[row-id="${unit.code}"]`).first();
    await row.waitFor();
    expect(await row.locator('[col-id=fields-change]').textContent()).toBe(fieldCountsCell(unit));
    await page.getByRole('checkbox', { name: 'Hạng từng lĩnh vực' }).check();
    const moved = unit.fields.findIndex((f) => (f.deltaRank ?? 0) !== 0);
    const cell = page.locator(`[data-testid=results-grid] .ag-row[row-id="${unit.code}"] [col-id=field-${moved}-rank]`).first();
    await cell.scrollIntoViewIfNeeded();
    expect(await cell.textContent()).toBe(fieldCell(unit.fields[moved]));
    expect(fieldCell(unit.fields[moved])).toMatch(/^\d+ \([↑↓]\d+\)$/);
    await app.screenshot('analysis-01-results-field-ranks');
  });

  it('So sánh: the unit’s field-by-rank table, the counts in words and the chart of places gained and lost', async () => {
    const { page } = app;
    await goTo(app, 'So sánh');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(unit.code);
    await page.getByTestId('unit-name').filter({ hasText: unit.name }).waitFor();
    for (const f of unit.fields) expect(await page.getByTestId(`field-rank-${f.code}`).textContent()).toBe(f.rank === null ? '—' : String(f.rank));
    expect(await page.getByTestId('unit-field-counts').textContent()).toContain(fieldCountsText(unit)!);
    const chart = page.getByRole('figure', { name: 'Biểu đồ số bậc tăng, giảm của từng lĩnh vực' });
    const labels = (await chart.locator('svg text').allTextContents()).join('\n');
    expect(labels).toContain('Số bậc tăng, giảm của từng lĩnh vực');
    const gained = unit.fields.find((f) => (f.deltaRank ?? 0) > 0)!;
    expect(labels).toContain(`+${gained.deltaRank} bậc`);
    await chart.scrollIntoViewIfNeeded();
    await app.screenshot('analysis-02-compare-field-ranks');
  });

  it('Kết quả: Xuất báo cáo and Xuất phụ lục write the drafted .docx files where the dialog says', async () => {
    const { page } = app;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-analysis-e2e-'));
    await goTo(app, 'Kết quả');
    const report = path.join(dir, 'bao-cao');
    app.dialogs['analysis-report'] = [report];
    await page.getByRole('button', { name: 'Xuất báo cáo', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'bao-cao.docx' }).waitFor({ timeout: 90_000 });
    const reportText = execFileSync('unzip', ['-p', `${report}.docx`, 'word/document.xml']).toString('utf8');
    expect(reportText).toContain(`đạt ${formatPercent(block.average)}`);
    const annex = path.join(dir, 'phu-luc.docx');
    app.dialogs['analysis-annex'] = [annex];
    await page.getByRole('button', { name: 'Xuất phụ lục', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'phu-luc.docx' }).waitFor({ timeout: 60_000 });
    const annexText = execFileSync('unzip', ['-p', annex, 'word/document.xml']).toString('utf8');
    expect(annexText).toContain(unit.name);
    await app.screenshot('analysis-03-exported');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Cài đặt: the tie rule of a block for the year is chosen beside its bands and kept', async () => {
    const { page } = app;
    await goTo(app, 'Cài đặt');
    const select = page.getByLabel(`Cách xếp hạng ${block.name}`, { exact: true });
    expect(await select.inputValue()).toBe('shared');
    await select.selectOption('ordinal');
    await page.getByTestId('message').filter({ hasText: 'xếp hạng liên tiếp' }).waitFor();
    expect(getBlockSettings(app.session.workspace!, YEAR, block.code).ties).toBe('ordinal');
    await app.screenshot('analysis-04-tie-rule');
    await select.selectOption('shared');
    await page.getByTestId('message').filter({ hasText: 'đồng hạng' }).waitFor();
    expect(getBlockSettings(app.session.workspace!, YEAR, block.code).ties).toBe('shared');
  });
});
