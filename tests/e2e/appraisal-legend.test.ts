// The block matrix of Thẩm định draws its cells in a few styles; the legend beside it shows a
// swatch of each style the grid uses, with its meaning in Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { getFramework } from '../../electron/features/framework/store';
import { unitsTakingPart } from '../../electron/features/participation/service';
import { leaves } from '../../shared/framework/tree';

const YEAR = 2025;

describe('the legend of the appraisal matrix', () => {
  let app: AppUnderTest;
  let unitCode: string;
  let codes: string[];
  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    const ws = app.session.workspace!;
    unitCode = unitsTakingPart(ws, YEAR, 'so')[0].code;
    // the first five leaves the unit scores itself, each in one state of the matrix
    const scored = leaves(getFramework(ws, YEAR, 'so')!.nodes).filter((n) => n.source === 'self' && (n.method === 'free' || n.method === 'yesno') && (n.maxPoints ?? 0) > 0);
    const [same, differs, reappraise, na, provisional] = scored.slice(0, 5);
    codes = [same, differs, reappraise, na, provisional].map((n) => n.code);
    applyScoreChanges(
      ws,
      YEAR,
      [
        { unitCode, criterionCode: same.code, patch: { selfScore: 0, appraisedScore: 0, appraisalRound: 1, notApplicable: false, needsReappraisal: false } },
        { unitCode, criterionCode: differs.code, patch: { selfScore: differs.maxPoints, appraisedScore: 0, appraisalRound: 1, notApplicable: false, needsReappraisal: false } },
        { unitCode, criterionCode: reappraise.code, patch: { selfScore: reappraise.maxPoints, appraisedScore: 0, appraisalRound: 1, notApplicable: false, needsReappraisal: true } },
        { unitCode, criterionCode: na.code, patch: { notApplicable: true } },
        { unitCode, criterionCode: provisional.code, patch: { selfScore: provisional.maxPoints, appraisedScore: null, appraisalRound: 0, notApplicable: false } },
      ],
      { source: 'appraisal', actor: 'Kiểm thử' },
    );
    await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Ma trận khối' }).click();
    await app.page.getByTestId('matrix-legend').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('shows a swatch of every style the matrix uses, drawn the same way', async () => {
    const { page } = app;
    const cellOf = (code: string) => page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${unitCode}"] .ag-cell[col-id="${code}"]`).first();
    await cellOf(codes[0]).waitFor();
    // the missing-evidence mark comes with its own call and has its own test (evidence.test.ts): here the score's styles
    const classesOf = async (code: string) =>
      ((await cellOf(code).getAttribute('class')) ?? '').split(/\s+/).filter((c) => c.startsWith('cell-') && c !== 'cell-evidence-missing');
    expect(await classesOf(codes[0])).toEqual(['cell-editable']);
    expect(await classesOf(codes[1])).toEqual(['cell-editable', 'cell-differs']);
    expect(await classesOf(codes[2])).toEqual(['cell-editable', 'cell-differs', 'cell-reappraise']);
    expect(await classesOf(codes[3])).toEqual(['cell-na']);
    expect(await classesOf(codes[4])).toEqual(['cell-provisional']);

    const used = await page.$$eval('[data-testid=appraisal-grid] .ag-cell', (cells) => [
      ...new Set(cells.flatMap((c) => [...c.classList].filter((k) => k.startsWith('cell-')))),
    ]);
    const legend = page.getByTestId('matrix-legend');
    const shown = await legend.locator('[data-style]').evaluateAll((els) => els.map((e) => e.getAttribute('data-style')));
    expect(used.length).toBeGreaterThanOrEqual(5);
    for (const style of used) expect(shown).toContain(style);
    // each swatch carries its class and a Vietnamese explanation
    for (const style of shown) {
      const item = legend.locator('li', { has: page.locator(`[data-style="${style}"]`) });
      expect(await item.locator(`.${style}`).count()).toBe(1);
      expect(((await item.textContent()) ?? '').length).toBeGreaterThan(15);
    }
    // drawn as the grid draws it: what each class sets is the same in the swatch and the cell
    const look = (selector: string, props: string[]) =>
      page.locator(selector).first().evaluate((e, names) => names.map((n) => getComputedStyle(e).getPropertyValue(n)).join('|'), props);
    const gridCell = (code: string) => `[data-testid=appraisal-grid] .ag-row[row-id="${unitCode}"] .ag-cell[col-id="${code}"]`;
    for (const [style, code, props] of [
      ['cell-reappraise', codes[2], ['background-color', 'box-shadow']],
      ['cell-differs', codes[1], ['font-weight', 'text-decoration-style']],
      ['cell-provisional', codes[4], ['font-style', 'color']],
      ['cell-na', codes[3], ['background-color', 'color']],
    ] as const) {
      expect(await look(`[data-testid=matrix-legend] .${style}`, [...props])).toBe(await look(gridCell(code), [...props]));
    }
    // the missing-evidence mark, once the grid shows it, is drawn the same in the legend
    const marked = page.locator('[data-testid=appraisal-grid] .ag-cell.cell-evidence-missing').first();
    await marked.waitFor();
    expect(await look('[data-testid=matrix-legend] .cell-evidence-missing', ['background-image'])).toBe(
      await marked.evaluate((e) => getComputedStyle(e).getPropertyValue('background-image')),
    );
    expect(await legend.textContent()).toContain('KXH');
    await app.screenshot('33-appraisal-matrix-legend');
  });
});
