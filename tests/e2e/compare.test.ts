import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_SHEETS } from '../../electron/features/print/summary';
import ExcelJS from 'exceljs';
import type { Workspace } from '../../electron/db/workspace';
import { largestLosses, rankedUnits, unitLeafLosses } from '../../shared/compare';
import { whatIfInWorkspace } from '../../electron/features/compare/service';
import type { BlockResult, UnitResult } from '../../shared/domain';
import { formatPercent } from '../../shared/format';
import { SAVE_REASON, VIEWS } from '../../renderer/features/compare/model';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { labelBoxes, overlappingLabels } from '../helpers/label-boxes';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { requireFramework } from '../../electron/features/framework/service';
import { yearResults } from '../../electron/features/results/service';

const YEAR = 2025;
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');

/** A unit of the block whose largest loss, given full points, moves it up the ranking. */
function unitThatClimbs(ws: Workspace, block: BlockResult): { unit: UnitResult; leaf: string } {
  const framework = requireFramework(ws, YEAR, block.code);
  for (const unit of rankedUnits(block).slice(3)) {
    const [top] = largestLosses(unitLeafLosses(framework, getScores(ws, YEAR, { unitCode: unit.code }), unit.code), 1);
    if (!top) continue;
    const outcome = whatIfInWorkspace(ws, YEAR, unit.code, [{ criterionCode: top.code, points: 'max' }]);
    if (outcome.after.rank! < outcome.before.rank!) return { unit, leaf: top.code };
  }
  throw new Error('no unit of the demo climbs with one leaf at full points');
}

describe('the compare screen of the demo workspace', () => {
  let app: AppUnderTest;
  let dir: string;
  let block: BlockResult;
  let ws: Workspace;
  let chosen: { unit: UnitResult; leaf: string };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-compare-e2e-'));
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    ws = app.session.workspace!;
    block = yearResults(ws, YEAR).blocks.find((b) => b.code === 'so')!;
    chosen = unitThatClimbs(ws, block);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'So sánh', exact: true }).click();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws the ranking of the block as SVG, every ranked unit with its rank, and the block average', async () => {
    const { page } = app;
    const svg = page.locator('[data-testid=chart-ranking] svg');
    await svg.waitFor();
    const text = (await svg.locator('text').allTextContents()).join('\n');
    for (const unit of rankedUnits(block)) expect(text).toContain(`${unit.rank}. ${unit.name}`);
    expect(text).toContain(`Bình quân ${formatPercent(block.average)}`);
    await app.screenshot('compare-01-ranking');
  });

  it('opens a unit clicked on the chart: its fields, largest losses and self scores above the appraisal', async () => {
    const { page } = app;
    const unit = chosen.unit;
    await page.locator('[data-testid=chart-ranking] svg text', { hasText: `${unit.rank}. ${unit.name}` }).click();
    await page.getByTestId('unit-name').filter({ hasText: unit.name }).waitFor();
    expect(await page.getByTestId('unit-index').textContent()).toBe(formatPercent(unit.index));
    expect(await page.getByTestId('unit-rank').textContent()).toBe(`${unit.rank}/${rankedUnits(block).length}`);
    expect(await page.locator('[data-testid=unit-fields] tbody tr').count()).toBe(unit.fields.length);
    await app.screenshot('compare-02-unit');

    await page.getByRole('tab', { name: 'Điểm bị mất', exact: true }).click();
    const losses = unitLeafLosses(requireFramework(ws, YEAR, block.code), getScores(ws, YEAR, { unitCode: unit.code }), unit.code);
    const firstRow = await page.locator('[data-testid=unit-largest-losses] tbody tr').first().textContent();
    expect(firstRow).toContain(largestLosses(losses, 1)[0].title);
    await app.screenshot('compare-03-unit-losses');
  });

  it('draws the field indices, heatmap, change on last year and distribution of the block', async () => {
    const { page } = app;
    const tabs = page.getByRole('tablist', { name: 'Biểu đồ' });
    await tabs.getByRole('tab', { name: 'Chỉ số thành phần' }).click();
    const fieldsText = (await page.locator('[data-testid=chart-fields] svg text').allTextContents()).join('\n');
    expect(fieldsText).toContain(chosen.unit.name);
    expect(fieldsText).toContain(`Bình quân ${block.name.toLowerCase()}`);
    await app.screenshot('compare-04-fields');

    await tabs.getByRole('tab', { name: 'Bản đồ nhiệt' }).click();
    const heatText = (await page.locator('[data-testid=chart-heatmap] svg text').allTextContents()).join('\n');
    for (const unit of block.units) expect(heatText).toContain(unit.name);
    await app.screenshot('compare-05-heatmap');

    await tabs.getByRole('tab', { name: 'So với năm trước' }).click();
    const changeText = (await page.locator('[data-testid=chart-change] svg text').allTextContents()).join('\n');
    expect(changeText).toContain(`Năm ${YEAR - 1}`);
    for (const unit of block.units.filter((u) => u.previous)) expect(changeText).toContain(unit.name);
    await app.screenshot('compare-06-change');

    await tabs.getByRole('tab', { name: 'Phân bố' }).click();
    await page.locator('[data-testid=chart-distribution] svg').waitFor();
    expect((await page.locator('[data-testid=chart-distribution] svg text').allTextContents()).join('\n')).toContain('Số đơn vị');
    expect(await page.locator('[data-testid=units-per-bin] button').count()).toBe(block.units.filter((u) => u.index !== null).length);
    await app.screenshot('compare-07-distribution');
  });

  it("shows the block's Pareto of points lost with the units behind each sub-criterion", async () => {
    const { page } = app;
    await page.getByRole('tablist', { name: 'Biểu đồ' }).getByRole('tab', { name: 'Điểm bị mất của khối' }).click();
    await page.locator('[data-testid=chart-losses] svg').waitFor();
    const rows = page.locator('[data-testid=block-losses] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await rows.first().locator('.units-behind button').count()).toBeGreaterThan(0);
    await app.screenshot('compare-08-block-losses');
  });

  it('saves a chart as PNG and as SVG where the person chooses', async () => {
    const { page } = app;
    await page.getByRole('tablist', { name: 'Biểu đồ' }).getByRole('tab', { name: 'Xếp hạng' }).click();
    await page.locator('[data-testid=chart-ranking] svg').waitFor();
    app.dialogs['chart-png'] = [path.join(dir, 'xep-hang')];
    await page.getByRole('button', { name: 'Lưu PNG' }).click();
    await page.getByTestId('message').filter({ hasText: 'xep-hang.png' }).waitFor();
    const png = fs.readFileSync(path.join(dir, 'xep-hang.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);

    app.dialogs['chart-svg'] = [path.join(dir, 'xep-hang.svg')];
    await page.getByRole('button', { name: 'Lưu SVG' }).click();
    await page.getByTestId('message').filter({ hasText: 'xep-hang.svg' }).waitFor();
    const svg = fs.readFileSync(path.join(dir, 'xep-hang.svg'), 'utf8');
    expect(svg).toMatch(/^<svg|^<\?xml/);
    expect(svg).toContain(rankedUnits(block)[0].name);
  });

  it('gives a unit full points on a sub-criterion and shows its new index and rank at once, saving nothing', async () => {
    const { page } = app;
    const { unit, leaf } = chosen;
    const scoresBefore = JSON.stringify(getScores(ws, YEAR));
    const auditBefore = getAudit(ws, YEAR, { limit: 1_000_000 }).length;
    const expected = whatIfInWorkspace(ws, YEAR, unit.code, [{ criterionCode: leaf, points: 'max' }]);

    await page.getByRole('tab', { name: 'Giả định', exact: true }).click();
    await page.getByLabel('Mã tiêu chí giả định').fill(leaf);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const index = page.getByTestId('whatif-index-after');
    await index.waitFor();
    await page.waitForFunction((text) => document.querySelector('[data-testid=whatif-index-after]')?.textContent === text, formatPercent(expected.after.index));
    expect(expected.after.index).toBeGreaterThan(unit.index!);
    expect(await page.getByTestId('whatif-rank-after').textContent()).toBe(String(expected.after.rank));
    expect(expected.after.rank).toBeLessThan(unit.rank!);
    expect(await page.getByTestId('what-if-summary').textContent()).toContain(`tăng ${unit.rank! - expected.after.rank!} bậc`);
    await app.screenshot('compare-09-what-if');

    expect(JSON.stringify(getScores(ws, YEAR))).toBe(scoresBefore);
    expect(getAudit(ws, YEAR, { limit: 1_000_000 }).length).toBe(auditBefore);
    expect(yearResults(ws, YEAR).blocks.find((b) => b.code === block.code)!.units.find((u) => u.code === unit.code)!.index).toBe(unit.index);
  });

  it('prints the scorecard of one unit to a PDF that names the unit and its index', async () => {
    const { page } = app;
    const unit = chosen.unit;
    await page.getByRole('button', { name: /In phiếu kết quả/ }).click();
    const panel = page.getByTestId('print-panel');
    expect(await panel.getByRole('radio', { name: unit.name }).isChecked()).toBe(true);
    const folder = path.join(dir, 'phieu');
    app.dialogs['scorecards-folder'] = [folder];
    await panel.getByRole('button', { name: 'Chọn thư mục và in' }).click();
    await page.getByTestId('print-done').waitFor({ timeout: 60_000 });
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(1);
    const text = pdfText(path.join(folder, files[0]));
    expect(text).toContain(unit.name);
    expect(text).toContain(formatPercent(unit.index));
    await app.screenshot('compare-10-printed');
  });

  it('prints the whole block to one combined PDF, showing the progress', async () => {
    const { page } = app;
    const panel = page.getByTestId('print-panel');
    await panel.getByRole('radio', { name: /^Cả khối sở/ }).check();
    await panel.getByRole('radio', { name: 'Một tệp PDF gộp' }).check();
    const folder = path.join(dir, 'gop');
    app.dialogs['scorecards-folder'] = [folder];
    await panel.getByRole('button', { name: 'Chọn thư mục và in' }).click();
    await page.getByTestId('print-progress').filter({ hasText: /Đã in \d+\/\d+ phiếu/ }).waitFor({ timeout: 60_000 });
    await app.screenshot('compare-11-printing');
    await page.getByTestId('print-done').waitFor({ timeout: 120_000 });
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(1);
    const text = pdfText(path.join(folder, files[0]));
    for (const unit of block.units) expect(text).toContain(unit.name);
  });

  it('exports the summary workbook of the year', async () => {
    const { page } = app;
    const file = path.join(dir, 'tong-hop');
    app.dialogs['summary-workbook'] = [file];
    await page.getByRole('button', { name: `Xuất bảng tổng hợp năm ${YEAR}…` }).click();
    await page.getByTestId('message').filter({ hasText: 'tong-hop.xlsx' }).waitFor({ timeout: 60_000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${file}.xlsx`);
    const names = wb.worksheets.map((s) => s.name);
    const blocks = yearResults(ws, YEAR).blocks;
    expect(names).toEqual(blocks.flatMap((b) => SUMMARY_SHEETS.map((sheet) => `${b.name} - ${sheet}`.slice(0, 31))));
    const values = wb.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(values).toContain(rankedUnits(block)[0].name);
  });

  it('saves the what-if as appraised scores only when asked, with an audit entry', async () => {
    const { page } = app;
    const { unit, leaf } = chosen;
    await page.getByRole('button', { name: 'Lưu thành điểm thẩm định…' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByTestId('message').filter({ hasText: 'Đã lưu' }).waitFor();
    const max = requireFramework(ws, YEAR, block.code).nodes.find((n) => n.code === leaf)!.maxPoints;
    expect(getScores(ws, YEAR, { unitCode: unit.code }).find((s) => s.criterionCode === leaf)!.appraisedScore).toBe(max);
    expect(getAudit(ws, YEAR, { unitCode: unit.code, criterionCode: leaf })[0]).toMatchObject({ reason: SAVE_REASON, field: 'appraisedScore' });
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=unit-index]')?.textContent === text,
      formatPercent(yearResults(ws, YEAR).blocks.find((b) => b.code === block.code)!.units.find((u) => u.code === unit.code)!.index),
    );
  });

  it('ranks the 65 communes formed by mergers and compares them with their predecessors', async () => {
    const { page } = app;
    const communes = yearResults(ws, YEAR).blocks.find((b) => b.code === 'xa')!;
    await page.getByRole('tablist', { name: 'Khối' }).getByRole('tab', { name: communes.name }).click();
    const svg = page.locator('[data-testid=chart-ranking] svg');
    await svg.locator('text', { hasText: `1. ${rankedUnits(communes)[0].name}` }).first().waitFor();
    const labels = (await svg.locator('text').allTextContents()).filter((t) => /^\d+\. /.test(t));
    expect(labels).toHaveLength(rankedUnits(communes).filter((u) => u.index !== null).length);
    await app.screenshot('compare-12-communes');
    await page.getByRole('tablist', { name: 'Biểu đồ' }).getByRole('tab', { name: 'So với năm trước' }).click();
    const merged = communes.units.find((u) => u.previous !== null && u.previous.rank === null)!;
    await page.locator('[data-testid=chart-change] svg text', { hasText: merged.name }).first().click();
    await page.getByTestId('unit-name').filter({ hasText: merged.name }).waitFor();
    await app.screenshot('compare-13-communes-change');
  });

  it('draws no label over another on any chart of the communes, nor on the unit panel', async () => {
    const { page } = app;
    const communes = yearResults(ws, YEAR).blocks.find((b) => b.code === 'xa')!;
    await page.getByRole('tablist', { name: 'Khối' }).getByRole('tab', { name: communes.name }).click();
    const tabs = page.getByRole('tablist', { name: 'Biểu đồ' });
    const found: Record<string, [string, string][]> = {};
    for (const { key, label } of VIEWS) {
      await tabs.getByRole('tab', { name: label, exact: true }).click();
      const svg = page.locator(`[data-testid=chart-${key}] svg`);
      await svg.locator('text').first().waitFor();
      // labels settle once the chart's entrance animation is over
      await page.waitForTimeout(900);
      const boxes = await labelBoxes(page, `[data-testid=chart-${key}] svg`);
      expect(boxes.length, key).toBeGreaterThan(8);
      const pairs = overlappingLabels(boxes);
      if (pairs.length) found[key] = pairs.slice(0, 5);
      await app.screenshot(`compare-14-labels-${key}`);
    }
    // a commune whose fields moved places since last year: its panel draws the places chart
    const moved = rankedUnits(communes).find((u) => u.fields.filter((f) => f.deltaRank !== null && f.deltaRank !== 0).length >= 3)!;
    await tabs.getByRole('tab', { name: 'Xếp hạng', exact: true }).click();
    await page.locator('[data-testid=chart-ranking] svg text', { hasText: `${moved.rank}. ${moved.name}` }).first().click();
    await page.getByTestId('unit-name').filter({ hasText: moved.name }).waitFor();
    const places = page.locator('figure[aria-label="Biểu đồ số bậc tăng, giảm của từng lĩnh vực"] svg');
    await places.locator('text').first().waitFor();
    await page.waitForTimeout(900);
    await places.scrollIntoViewIfNeeded();
    await app.screenshot('compare-15-labels-places');
    const placeBoxes = await labelBoxes(page, 'figure[aria-label="Biểu đồ số bậc tăng, giảm của từng lĩnh vực"] svg');
    expect(placeBoxes.length).toBeGreaterThan(4);
    const placePairs = overlappingLabels(placeBoxes);
    if (placePairs.length) found.places = placePairs;
    expect(found).toEqual({});
  });
});
