import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { getFramework } from '../../electron/features/framework/store';
import { yearResults } from '../../electron/features/results/service';
import { listUnits } from '../../electron/features/units/store';

const YEAR = 2025;
const UNIT = 'Văn phòng Ủy ban nhân dân tỉnh';

function cell(page: Page, rowId: string, colId: string) {
  return page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`).first();
}

/** Types into a cell as a person does: the first key starts editing, Enter saves and moves down. */
async function typeInto(page: Page, rowId: string, colId: string, text: string) {
  await cell(page, rowId, colId).click();
  await page.keyboard.press(text[0]);
  const editor = page.locator('input.score-editor');
  await editor.waitFor();
  await page.keyboard.type(text.slice(1));
  if ((await editor.inputValue()) !== text) throw new Error(`the editor holds "${await editor.inputValue()}", not "${text}"`);
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

async function summary(page: Page) {
  const text = async (id: string) => (await page.locator(`[data-testid=${id}]`).textContent())?.trim() ?? '';
  return { total: await text('summary-total'), index: await text('summary-index'), rank: await text('summary-rank') };
}

/** Runs `action` and waits until the saves it causes are confirmed by the main process. */
async function saving(page: Page, action: () => Promise<unknown>, count = 1) {
  const before = Number(await page.evaluate(() => document.body.dataset.saves ?? '0'));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.saves ?? '0') >= n, before + count);
}

describe('appraisal in the browser against the demo workspace', () => {
  let app: AppUnderTest;
  let unitCode: string;
  /** a leaf of the unit worth at least 1 point, appraised at its maximum */
  let leaf: { code: string; max: number };

  const leavesInOrder = () => {
    const nodes = getFramework(app.session.workspace!, YEAR, 'so')!.nodes;
    const parents = new Set(nodes.map((n) => n.parentCode));
    return nodes.filter((n) => !parents.has(n.code));
  };
  const appraised = (code: string) =>
    getScores(app.session.workspace!, YEAR, { unitCode }).find((s) => s.criterionCode === code)?.appraisedScore ?? null;

  beforeAll(async () => {
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    const ws = app.session.workspace!;
    unitCode = listUnits(ws).find((u) => u.name === UNIT)!.code;
    const nodes = getFramework(ws, YEAR, 'so')!.nodes;
    const parents = new Set(nodes.map((n) => n.parentCode));
    const scores = getScores(ws, YEAR, { unitCode });
    const found = nodes.find(
      (n) =>
        !parents.has(n.code) &&
        n.method === 'free' &&
        (n.maxPoints ?? 0) >= 1 &&
        scores.find((s) => s.criterionCode === n.code)?.appraisedScore === n.maxPoints,
    )!;
    leaf = { code: found.code, max: found.maxPoints! };
    await app.page.getByRole('button', { name: 'Thẩm định', exact: true }).click();
    await cell(app.page, leaf.code, 'appraised').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await stopServer();
  });

  it('saves a score typed with a decimal comma at once, with an audit entry, and moves total, index and rank', async () => {
    const { page } = app;
    const before = await summary(page);
    const resultBefore = yearResults(app.session.workspace!, YEAR).blocks[0].units.find((u) => u.code === unitCode)!;
    expect(before.rank).toBe(`${resultBefore.rank} / ${yearResults(app.session.workspace!, YEAR).blocks[0].units.filter((u) => u.rank !== null).length}`);

    await saving(page, () => typeInto(page, leaf.code, 'appraised', '0,25'));
    expect(appraised(leaf.code)).toBe(0.25);
    const audit = getAudit(app.session.workspace!, YEAR, { unitCode, criterionCode: leaf.code });
    expect(audit[0]).toMatchObject({ field: 'appraisedScore', newValue: '0.25', oldValue: String(leaf.max), source: 'appraisal' });

    const after = await summary(page);
    const resultAfter = yearResults(app.session.workspace!, YEAR).blocks[0].units.find((u) => u.code === unitCode)!;
    expect(after.total).not.toBe(before.total);
    expect(after.index).not.toBe(before.index);
    expect(after.rank).not.toBe(before.rank);
    expect(after.rank.startsWith(`${resultAfter.rank} /`)).toBe(true);
    expect(after.index).toBe(`${resultAfter.index!.toFixed(2).replace('.', ',')}%`);
    expect(await cell(page, leaf.code, 'appraised').textContent()).toBe('0,25');
    await app.screenshot('06-appraisal-edited');

    // its history is shown beside the grid
    await cell(page, leaf.code, 'appraised').click();
    await page.locator('[data-testid=cell-history] li').first().waitFor();
    expect(await page.locator('[data-testid=cell-history]').textContent()).toContain('Điểm thẩm định');
  });

  it('undoes and redoes the edit, each saved with its audit entry', async () => {
    const { page } = app;
    await cell(page, leaf.code, 'appraised').click();
    await saving(page, () => page.keyboard.press('Control+z'));
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('hoàn tác'));
    expect(appraised(leaf.code)).toBe(leaf.max);
    expect(getAudit(app.session.workspace!, YEAR, { unitCode, criterionCode: leaf.code })[0].source).toBe('undo');
    await saving(page, () => page.getByRole('button', { name: 'Làm lại' }).click());
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('làm lại'));
    expect(appraised(leaf.code)).toBe(0.25);
    await saving(page, () => page.getByRole('button', { name: 'Hoàn tác' }).click());
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=appraisal-grid] .ag-row[row-id="' + text + '"] .ag-cell[col-id="appraised"]')?.textContent !== '0,25',
      leaf.code,
    );
    expect(appraised(leaf.code)).toBe(leaf.max);

    // the same from the menu Sửa › Làm lại, then Hoàn tác
    await saving(page, () => page.evaluate(() => (window as unknown as { __parwMenu(c: string): void }).__parwMenu('redo')));
    await page.waitForFunction((code) => document.querySelector(`[data-testid=appraisal-grid] .ag-row[row-id="${code}"] .ag-cell[col-id="appraised"]`)?.textContent === '0,25', leaf.code);
    expect(appraised(leaf.code)).toBe(0.25);
    await saving(page, () => page.evaluate(() => (window as unknown as { __parwMenu(c: string): void }).__parwMenu('undo')));
    await page.waitForFunction((code) => document.querySelector(`[data-testid=appraisal-grid] .ag-row[row-id="${code}"] .ag-cell[col-id="appraised"]`)?.textContent !== '0,25', leaf.code);
    expect(appraised(leaf.code)).toBe(leaf.max);
  });

  it('refuses a value above the maximum with a visible message and changes nothing', async () => {
    const { page } = app;
    const auditCount = getAudit(app.session.workspace!, YEAR).length;
    await typeInto(page, leaf.code, 'appraised', String(leaf.max + 2).replace('.', ','));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('vượt điểm tối đa');
    await app.screenshot('07-appraisal-refused');
    expect(appraised(leaf.code)).toBe(leaf.max);
    expect(getAudit(app.session.workspace!, YEAR).length).toBe(auditCount);
  });

  it('pastes a column of numbers copied from Excel into the appraised column', async () => {
    const { page } = app;
    const firstLeaves = leavesInOrder().slice(0, 3);
    const values = firstLeaves.map((n) => (appraised(n.code) === 0 ? n.maxPoints! : 0));
    await cell(page, firstLeaves[0].code, 'appraised').click();
    await saving(page, () =>
      page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, values.map((v) => String(v).replace('.', ',')).join('\r\n') + '\r\n'),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã dán 3'));
    for (const [i, n] of firstLeaves.entries()) expect(appraised(n.code)).toBe(values[i]);
    expect(getAudit(app.session.workspace!, YEAR, { unitCode, criterionCode: firstLeaves[2].code })[0].source).toBe('paste');

    // a pasted column with one bad number changes nothing
    await cell(page, firstLeaves[0].code, 'appraised').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '0\nabc\n0\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('không phải là số');
    expect(appraised(firstLeaves[0].code)).toBe(values[0]);
  });

  it('edits the block matrix of all units × sub-criteria', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Ma trận khối' }).click();
    const ws = app.session.workspace!;
    const other = yearResults(ws, YEAR).blocks[0].units[0];
    const first = leavesInOrder()[0];
    const current = getScores(ws, YEAR, { unitCode: other.code }).find((x) => x.criterionCode === first.code)?.appraisedScore;
    const value = current === 0 ? first.maxPoints! : 0;
    const target = page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${other.code}"] .ag-cell[col-id="${first.code}"]`).first();
    await target.waitFor();
    await target.click();
    await page.keyboard.press('F2');
    await page.locator('input.score-editor').fill(String(value).replace('.', ','));
    await saving(page, () => page.keyboard.press('Enter'));
    expect(getScores(ws, YEAR, { unitCode: other.code }).find((x) => x.criterionCode === first.code)?.appraisedScore).toBe(value);
    await app.screenshot('08-appraisal-matrix-edited');
  });

  it('marks a sub-criterion not applicable, which lowers the unit maximum, and undoes it', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Theo đơn vị' }).click();
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(unitCode);
    await page.waitForFunction((name) => document.querySelector('[data-testid=unit-summary] h3')?.textContent === name, UNIT);
    await cell(page, leaf.code, 'na').waitFor();
    const maxBefore = (await summary(page)).total.split(' / ')[1];
    await cell(page, leaf.code, 'na').click();
    await saving(page, async () => {
      await page.keyboard.press('F2');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
    });
    const score = () => getScores(app.session.workspace!, YEAR, { unitCode }).find((s) => s.criterionCode === leaf.code)!;
    expect(score().notApplicable).toBe(true);
    expect(await cell(page, leaf.code, 'na').textContent()).toBe('Không áp dụng');
    const maxAfter = (await summary(page)).total.split(' / ')[1];
    expect(Number(maxAfter.replace(',', '.'))).toBe(Number(maxBefore.replace(',', '.')) - leaf.max);
    await cell(page, leaf.code, 'appraised').click();
    await saving(page, () => page.keyboard.press('Control+z'));
    expect(score().notApplicable).toBe(false);
  });

  it('shows the parent rows at the unit\'s current points, the leaf\'s evidence beside the grid, and accepts the self scores of a field in one undoable step', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const nodes = getFramework(ws, YEAR, 'so')!.nodes;
    const parents = new Set(nodes.map((n) => n.parentCode));
    const field = nodes.find((n) => n.parentCode === null)!;
    const under = (code: string): string[] => nodes.filter((n) => n.parentCode === code).flatMap((n) => (parents.has(n.code) ? under(n.code) : [n.code]));
    const fieldLeaves = new Set(under(field.code));
    const scores = () => getScores(ws, YEAR, { unitCode }).filter((s) => fieldLeaves.has(s.criterionCode));
    // one leaf appraised below its self score, so that there is something to accept
    const target = scores().find((s) => (s.selfScore ?? 0) > 0 && nodes.find((n) => n.code === s.criterionCode)!.method === 'free')!;
    await typeInto(page, target.criterionCode, 'appraised', '0');
    await page.waitForFunction(() => Number(document.body.dataset.saves ?? '0') > 0);
    const current = scores().reduce((sum, s) => sum + (s.notApplicable ? 0 : (s.appraisedScore ?? s.selfScore ?? 0)), 0);
    const shown = async () => Number(((await cell(page, field.code, 'appraised').textContent()) ?? '').replace(',', '.'));
    await page.waitForFunction(
      ([code, value]) => document.querySelector(`[data-testid=appraisal-grid] .ag-row[row-id="${code}"] .ag-cell[col-id="appraised"]`)?.textContent?.replace(',', '.') === value,
      [field.code, String(Math.round(current * 100) / 100)] as const,
    );
    expect(await shown()).toBeCloseTo(current, 2);

    // the leaf's evidence and explanation are read beside the grid
    await cell(page, target.criterionCode, 'self').click();
    const detail = page.getByTestId('criterion-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain(target.evidence ?? 'Không ghi');

    const differing = scores().filter((s) => s.selfScore !== null && s.appraisedScore !== s.selfScore && !s.notApplicable).length;
    expect(differing).toBeGreaterThan(0);
    await cell(page, field.code, 'self').click();
    await saving(page, () => page.getByRole('button', { name: `Chấp nhận điểm tự chấm: mục ${field.code}` }).click());
    for (const s of scores()) if (s.selfScore !== null && !s.notApplicable) expect(s.appraisedScore).toBe(s.selfScore);
    expect(getAudit(ws, YEAR, { unitCode, criterionCode: target.criterionCode })[0].source).toBe('accept-self');
    expect(await page.getByTestId('message').textContent()).toContain(`đã lấy điểm tự chấm làm điểm thẩm định cho ${differing} tiêu chí thành phần`);
    await app.screenshot('08b-appraisal-accept-self');
    // one step of the undo list takes the whole field back
    await saving(page, () => page.getByRole('button', { name: 'Hoàn tác' }).click());
    expect(scores().find((s) => s.criterionCode === target.criterionCode)!.appraisedScore).toBe(0);
  });
});
