// Evidence beside the score in Chromium: a PDF shown with page navigation and zoom through
// pdf.js under the app's CSP, the missing-evidence flag in the grid and the panel, and an
// unassigned image assigned to the flagged leaf, which clears the flag.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getScores } from '../../electron/features/appraisal/store';
import { getFramework } from '../../electron/features/framework/store';
import { listUnits } from '../../electron/features/units/store';
import { importEvidence, missingEvidence } from '../../electron/features/evidence/service';
import { unitsTakingPart } from '../../electron/features/participation/service';
import { listDocuments } from '../../electron/features/evidence/store';
import { makePdf, makePng, writeTree } from '../integration/evidence/files';

const YEAR = 2025;
const UNIT = 'Văn phòng Ủy ban nhân dân tỉnh';

function cell(page: Page, rowId: string, colId: string) {
  return page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`).first();
}

describe('evidence documents in Thẩm định', () => {
  let app: AppUnderTest;
  let unitCode: string;
  let withPdf: string;
  let flagged: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-e2e-evidence-'));

  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    const ws = app.session.workspace!;
    unitCode = listUnits(ws).find((u) => u.name === UNIT)!.code;
    const nodes = getFramework(ws, YEAR, 'so')!.nodes;
    const parents = new Set(nodes.map((n) => n.parentCode));
    const scores = getScores(ws, YEAR, { unitCode });
    const claimed = nodes.filter(
      (n) => !parents.has(n.code) && n.evidenceRequired && n.source === 'self' && (scores.find((s) => s.criterionCode === n.code)?.selfScore ?? 0) > 0,
    );
    [withPdf, flagged] = [claimed[0].code, claimed[1].code];
    // every claimed leaf but `flagged` gets a document; the image comes unassigned
    const files: Record<string, Buffer> = { 'Ảnh hội nghị CCHC.png': makePng(480, 320, [40, 110, 190]) };
    for (const n of claimed) if (n.code !== flagged) files[`${n.code}/Kế hoạch ${n.code}.pdf`] = makePdf(n.code === withPdf ? 3 : 1, `Ke hoach ${n.code}`);
    await importEvidence(ws, writeTree(path.join(dir, `${unitCode}-2025`), files), { year: YEAR });
    await app.page.getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await app.page.locator('select.unit-select').selectOption(unitCode);
    await cell(app.page, withPdf, 'self').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a PDF beside the score, with page navigation and zoom', async () => {
    const { page } = app;
    await cell(page, withPdf, 'self').click();
    const panel = page.locator('[data-testid=evidence-panel]');
    await expect.poll(() => panel.textContent()).toContain(`Kế hoạch ${withPdf}.pdf`);
    expect(await panel.textContent()).toMatch(/3 trang · nhận \d{2}\/\d{2}\/\d{4} từ .*-2025/);
    await panel.getByRole('button', { name: `Kế hoạch ${withPdf}.pdf` }).click();
    const pageLabel = page.locator('[data-testid=evidence-page]');
    await expect.poll(() => pageLabel.textContent(), { timeout: 20_000 }).toBe('Trang 1 / 3');
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expect.poll(() => pageLabel.textContent()).toBe('Trang 2 / 3');
    await page.getByRole('button', { name: 'Phóng to' }).click();
    expect(await page.locator('[data-testid=evidence-zoom]').textContent()).toBe('125%');
    // the page was drawn: dark text pixels on the white page
    await expect
      .poll(() =>
        page.locator('[data-testid=evidence-canvas]').evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) dark++;
          return dark;
        }),
      )
      .toBeGreaterThan(50);
    await app.screenshot('evidence-pdf');
  });

  it('flags a claimed leaf without documents, and clears the flag once an unassigned image is assigned to it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Đóng tài liệu' }).click();
    // the leaf's code carries the mark; the evidence column (scrolled into view) says it in words
    await cell(page, flagged, 'code').getByLabel('Thiếu tài liệu kiểm chứng').waitFor();
    expect(await cell(page, withPdf, 'code').getByLabel('Thiếu tài liệu kiểm chứng').count()).toBe(0);
    await page.locator('[data-testid=appraisal-grid] .ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = 5000));
    await expect.poll(() => cell(page, flagged, 'evidence').textContent()).toContain('Thiếu tài liệu kiểm chứng');
    await app.screenshot('evidence-missing');
    expect(await cell(page, withPdf, 'evidence').textContent()).not.toContain('Thiếu tài liệu kiểm chứng');
    await cell(page, flagged, 'code').click();
    await page.locator('[data-testid=evidence-missing]').waitFor();
    const unassigned = page.locator('[data-testid=evidence-unassigned]');
    await unassigned.getByRole('button', { name: 'Ảnh hội nghị CCHC.png' }).click();
    await page.locator('[data-testid=evidence-image]').waitFor();
    await expect.poll(() => page.locator('[data-testid=evidence-image]').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(480);
    await app.screenshot('evidence-unassigned');
    await unassigned.getByRole('button', { name: `Gán cho tiêu chí ${flagged}` }).click();
    await page.locator('[data-testid=evidence-missing]').waitFor({ state: 'detached' });
    await expect.poll(() => cell(page, flagged, 'code').getByLabel('Thiếu tài liệu kiểm chứng').count()).toBe(0);
    const docs = listDocuments(app.session.workspace!, YEAR, { unitCode, criterionCode: flagged });
    expect(docs.map((d) => [d.name, d.linkedBy])).toEqual([['Ảnh hội nghị CCHC.png', 'staff']]);
    await app.screenshot('evidence-assigned');
  });

  it('counts on the status board the claimed leaves still lacking evidence', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const inBlock = new Set(unitsTakingPart(ws, YEAR, 'so').map((u) => u.code));
    const missing = missingEvidence(ws, YEAR).filter((m) => inBlock.has(m.unit));
    expect(missing.some((m) => m.unit === unitCode)).toBe(false);
    await page.getByRole('button', { name: 'Tổng quan', exact: true }).click();
    const line = page.locator('[data-testid=missing-evidence-so]');
    await expect
      .poll(() => line.textContent())
      .toBe(`Thiếu tài liệu kiểm chứng: ${missing.length.toLocaleString('vi-VN')} tiêu chí có điểm ở ${new Set(missing.map((m) => m.unit)).size} đơn vị`);
    await app.screenshot('evidence-overview');
  });

  it('marks in the block matrix every shown cell whose leaf is flagged, with the reason as its tooltip', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const flaggedCells = new Set(missingEvidence(ws, YEAR).map((m) => `${m.unit}|${m.criterion}`));
    await page.getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await page.getByRole('tab', { name: 'Ma trận khối' }).click();
    const cells = page.locator('[data-testid=appraisal-grid] .ag-row[row-id] .ag-cell[col-id]');
    await cells.first().waitFor();
    const leafCodes = new Set(getFramework(ws, YEAR, 'so')!.nodes.map((n) => n.code));
    const marked = page.locator('[data-testid=appraisal-grid] .ag-cell.cell-evidence-missing');
    await expect.poll(() => marked.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // every leaf cell drawn: marked exactly when the evidence rule flags it
    const shown = await cells.evaluateAll((els) =>
      els.map((el) => ({
        key: `${el.closest('.ag-row')!.getAttribute('row-id')}|${el.getAttribute('col-id')}`,
        marked: el.classList.contains('cell-evidence-missing'),
      })),
    );
    const leafCells = shown.filter((c) => leafCodes.has(c.key.split('|')[1]));
    expect(leafCells.length).toBeGreaterThan(20);
    expect(leafCells.filter((c) => c.marked !== flaggedCells.has(c.key))).toEqual([]);
    // the unit whose documents now cover every claimed leaf has none
    expect(shown.filter((c) => c.key.startsWith(`${unitCode}|`) && c.marked)).toEqual([]);
    await marked.first().hover();
    await expect.poll(() => page.locator('.ag-tooltip').first().textContent(), { timeout: 5_000 }).toBe('Thiếu tài liệu kiểm chứng');
    await app.screenshot('evidence-matrix-missing');
  });
});
