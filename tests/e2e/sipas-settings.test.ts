import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/app';
import ExcelJS from 'exceljs';
import { getSurveyDefinition, getSurveySettings, hasOwnSurveyDefinition, importSurveyFile } from '../../electron/features/survey';
import { formatPercent } from '../../shared/format';
import { builtinDefinition } from '../../shared/survey';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { csv, generator, overallIndex, type Answers, type RawForm, type Rules } from './sipas-fixtures';

const YEAR = 2025;
const def = builtinDefinition(YEAR);
const UNITS = ['VPUB', 'SNV', 'STP'];

/** Forms of each unit, answers spread over the whole scale, a few blanks; one form answering too little. */
function makeForms(seed: number, perUnit: number): RawForm[] {
  const random = generator(seed);
  const forms: RawForm[] = [];
  for (const unit of UNITS) {
    for (let k = 0; k < perUnit; k++) {
      const answers: Answers = {};
      for (const item of def.items) answers[item.code] = random() < 0.06 ? null : 1 + Math.floor(random() * 5);
      forms.push({ unit, answers });
    }
  }
  forms.push({ unit: 'SNV', answers: Object.fromEntries(def.items.map((i, k) => [i.code, k < 4 ? 5 : null])) });
  return forms;
}

const RENAMED = 'Nơi ngồi chờ có đủ chỗ ngồi, thoáng mát và sạch sẽ';

describe('SIPAS: the questionnaire and the counting rules of a year', () => {
  let app: AppUnderTest;
  let dir: string;
  let forms: RawForm[];

  const message = () => app.page.getByTestId('message');
  const waitMessage = (text: string) =>
    app.page.waitForFunction((t) => document.querySelector('[data-testid=message]')?.textContent?.includes(t), text);
  const unitIndex = (unit: string) =>
    app.page.locator(`[data-testid=sipas-grid] .ag-row[row-id="${unit}"] [col-id="index"] .sipas-index-value`).textContent();
  const openTab = (name: string) => app.page.getByRole('tab', { name }).click();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-sipas-settings-'));
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    forms = makeForms(31, 30);
    const entry = path.join(dir, 'phieu-2025.csv');
    fs.writeFileSync(entry, csv([['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code])])]));
    await importSurveyFile(app.session.workspace!, { year: YEAR, file: entry });
    await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Khảo sát SIPAS', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Chỉ số hài lòng', selected: true }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the built-in questionnaire of the period as a tree and the default counting rules', async () => {
    const { page } = app;
    // the indices as imported, with 4 and 5 counted as satisfied
    for (const unit of UNITS) expect(await unitIndex(unit), unit).toBe(formatPercent(overallIndex(def, forms.filter((f) => f.unit === unit), { satisfied: [4, 5] })));
    await openTab('Bộ câu hỏi và cách tính');
    const tree = page.getByTestId('sipas-definition-tree');
    await tree.waitFor();
    expect(await page.getByTestId('sipas-definition-kind').textContent()).toBe('Bộ câu hỏi mặc định');
    expect(await page.getByTestId('sipas-questionnaire').textContent()).toContain('bộ câu hỏi SIPAS từ 2022');
    expect(await tree.locator('tr.sipas-tree-area').count()).toBe(def.areas.length);
    expect(await tree.locator('tr.sipas-tree-factor').count()).toBe(def.factors.length);
    expect(await tree.locator('tr.sipas-tree-item').count()).toBe(def.items.length);
    expect(await tree.locator('tr[data-code="DV1.1"]').textContent()).toContain(def.items[0].title);
    expect(await tree.locator('tr[data-code="DV1.1"] td').last().textContent()).toBe('1–5');
    // a factor folds away
    await page.getByRole('button', { name: 'Thu gọn yếu tố DV3' }).click();
    expect(await tree.locator('tr.sipas-tree-item').count()).toBe(def.items.length - 6);
    await page.getByRole('button', { name: 'Mở yếu tố DV3' }).click();

    expect(await page.getByLabel('Mã 4 tính là hài lòng').isChecked()).toBe(true);
    expect(await page.getByLabel('Mã 5 tính là hài lòng').isChecked()).toBe(true);
    expect(await page.getByLabel('Mã 3 tính là hài lòng').isChecked()).toBe(false);
    expect(await page.getByLabel('Tỷ lệ câu hỏi phải trả lời (%)').inputValue()).toBe('50');
    expect(await page.getByLabel('Trọng số lĩnh vực CS').inputValue()).toBe('1');
    expect(await page.getByRole('button', { name: 'Lưu và tính lại' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Dùng lại bộ câu hỏi mặc định' }).isDisabled()).toBe(true);
    await app.screenshot('30-sipas-definition');
  });

  it('counts only 5 as satisfied once saved: every index falls, as computed from the raw forms', async () => {
    const { page } = app;
    const before = UNITS.map((u) => overallIndex(def, forms.filter((f) => f.unit === u), { satisfied: [4, 5] }));
    await page.getByLabel('Mã 4 tính là hài lòng').uncheck();
    expect(await page.getByTestId('sipas-settings').textContent()).toContain('Có thay đổi chưa lưu');
    await page.getByRole('button', { name: 'Lưu và tính lại' }).click();
    await waitMessage('Đã lưu cách tính năm 2025');
    const province = overallIndex(def, forms, { satisfied: [5] });
    expect(await message().textContent()).toContain(`${formatPercent(overallIndex(def, forms, { satisfied: [4, 5] }))} → ${formatPercent(province)}`);
    expect(getSurveySettings(app.session.workspace!, YEAR).satisfiedCodes).toEqual([5]);
    await app.screenshot('31-sipas-settings-saved');

    await openTab('Chỉ số hài lòng');
    await page.locator('[data-testid=sipas-grid] .ag-row[row-id="VPUB"]').first().waitFor();
    for (const [k, unit] of UNITS.entries()) {
      const now = overallIndex(def, forms.filter((f) => f.unit === unit), { satisfied: [5] });
      expect(now).toBeLessThan(before[k] - 10);
      expect(await unitIndex(unit), unit).toBe(formatPercent(now));
    }
    expect(await page.getByTestId('sipas-province').textContent()).toContain(formatPercent(province));
    await app.screenshot('32-sipas-indices-only-5');
  });

  it('weighs the policy area and pools a factor’s answers when asked', async () => {
    const { page } = app;
    await openTab('Bộ câu hỏi và cách tính');
    await page.getByLabel('Trọng số lĩnh vực CS').fill('3');
    await page.getByLabel('Trọng số yếu tố DV3').fill('1,5');
    await page.getByLabel('Gộp mọi câu trả lời của yếu tố', { exact: false }).check();
    await page.getByRole('button', { name: 'Lưu và tính lại' }).click();
    await waitMessage('Đã lưu cách tính năm 2025');
    const rules: Rules = { satisfied: [5], weights: { CS: 3, DV3: 1.5 }, pooled: true };
    expect(getSurveySettings(app.session.workspace!, YEAR)).toMatchObject({ factorMode: 'pooled', weights: { CS: 3, DV3: 1.5 } });
    expect(await message().textContent()).toContain(`→ ${formatPercent(overallIndex(def, forms, rules))}.`);
    await openTab('Chỉ số hài lòng');
    await page.locator('[data-testid=sipas-grid] .ag-row[row-id="STP"]').first().waitFor();
    for (const unit of UNITS) expect(await unitIndex(unit), unit).toBe(formatPercent(overallIndex(def, forms.filter((f) => f.unit === unit), rules)));

    // back to items averaged and equal weights, keeping only 5 as satisfied
    await openTab('Bộ câu hỏi và cách tính');
    await page.getByLabel('Trọng số lĩnh vực CS').fill('1');
    await page.getByLabel('Trọng số yếu tố DV3').fill('');
    await page.getByLabel('Trung bình chỉ số các câu hỏi', { exact: false }).check();
    await page.getByRole('button', { name: 'Lưu và tính lại' }).click();
    await waitMessage(`→ ${formatPercent(overallIndex(def, forms, { satisfied: [5] }))}.`);
    expect(getSurveySettings(app.session.workspace!, YEAR)).toMatchObject({ factorMode: 'items', weights: {} });
  });

  it('refuses bad values with a message and saves nothing', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const saved = getSurveySettings(ws, YEAR);
    const problems = page.getByTestId('sipas-settings-problems');
    const save = page.getByRole('button', { name: 'Lưu và tính lại' });

    await page.getByLabel('Tỷ lệ câu hỏi phải trả lời (%)').fill('150');
    await page.getByLabel('Trọng số yếu tố CS2').fill('-1');
    await page.getByLabel('Mã coi là không trả lời').fill('0, chín');
    await save.click();
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toContain('Chưa lưu được cách tính');
    expect(text).toContain('Tỷ lệ câu hỏi phải trả lời 150% nằm ngoài khoảng 0–100%');
    expect(text).toContain('Trọng số của yếu tố CS2 "-1" không hợp lệ');
    expect(text).toContain('Mã không trả lời "chín" không phải là số nguyên');
    // the bad fields are marked, the good ones not
    for (const label of ['Tỷ lệ câu hỏi phải trả lời (%)', 'Trọng số yếu tố CS2', 'Mã coi là không trả lời']) {
      expect(await page.getByLabel(label).getAttribute('class'), label).toContain('sipas-invalid');
    }
    expect(await page.getByLabel('Trọng số yếu tố CS1').getAttribute('class')).not.toContain('sipas-invalid');
    expect(await message().count()).toBe(0);
    await app.screenshot('33-sipas-settings-refused');

    // a code both satisfied and "no answer" is refused by the service itself
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByLabel('Mã coi là không trả lời').fill('5, 9');
    await save.click();
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('Mã 5 không thể vừa là "hài lòng" vừa là "không trả lời"');
    // no choice of satisfied code at all
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByLabel('Mã 5 tính là hài lòng').uncheck();
    await save.click();
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('Hãy chọn ít nhất một mã câu trả lời được tính là hài lòng');
    expect(getSurveySettings(ws, YEAR)).toEqual(saved);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await problems.count()).toBe(0);
  });

  it('exports the questionnaire, refuses a sheet with a repeated code by its cell, takes an edited one and resets it after a confirmation', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const out = path.join(dir, 'bo-cau-hoi.xlsx');
    app.dialogs['survey-definition-export'] = [out];
    await page.getByRole('button', { name: 'Xuất ra Excel…' }).click();
    await waitMessage(`Đã xuất bộ câu hỏi năm ${YEAR} (${def.items.length} câu hỏi)`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Bộ câu hỏi')!;
    expect(sheet.rowCount).toBe(def.items.length + 1);
    expect(sheet.getCell('E2').value).toBe('DV1.1');

    // a repeated item code: refused with its cell, the questionnaire kept
    sheet.getCell('E3').value = 'DV1.1';
    const bad = path.join(dir, 'bo-cau-hoi-loi.xlsx');
    await book.xlsx.writeFile(bad);
    app.dialogs['survey-definition-import'] = [bad];
    await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    const problems = page.getByTestId('sipas-definition-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Không nhập được bộ câu hỏi từ tệp bo-cau-hoi-loi.xlsx');
    expect(await problems.textContent()).toContain('Trang Bộ câu hỏi, ô E3: mã câu hỏi DV1.1 bị trùng');
    expect(hasOwnSurveyDefinition(ws, YEAR)).toBe(false);
    await app.screenshot('34-sipas-definition-refused');

    // the first item renamed
    sheet.getCell('E3').value = 'DV1.2';
    sheet.getCell('F2').value = RENAMED;
    const edited = path.join(dir, 'bo-cau-hoi-sua.xlsx');
    await book.xlsx.writeFile(edited);
    app.dialogs['survey-definition-import'] = [edited];
    await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    await waitMessage(`Đã nhập bộ câu hỏi năm ${YEAR} từ tệp bo-cau-hoi-sua.xlsx`);
    expect(await problems.count()).toBe(0);
    await expect.poll(() => page.getByTestId('sipas-definition-kind').textContent()).toBe('Bộ câu hỏi riêng của năm');
    expect(await page.getByTestId('sipas-definition-tree').locator('tr[data-code="DV1.1"]').textContent()).toContain(RENAMED);
    expect(getSurveyDefinition(ws, YEAR).items[0].title).toBe(RENAMED);
    expect(await page.locator('.sipas-head').textContent()).toContain('Bộ câu hỏi riêng của năm');
    // the settings stay: only 5 counts as satisfied
    expect(await page.getByLabel('Mã 4 tính là hài lòng').isChecked()).toBe(false);
    await app.screenshot('35-sipas-definition-own');

    await page.getByRole('button', { name: 'Dùng lại bộ câu hỏi mặc định' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Xác nhận dùng lại bộ câu hỏi mặc định' });
    expect(await confirm.textContent()).toContain('Các phiếu đã nhập được tính lại');
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    expect(hasOwnSurveyDefinition(ws, YEAR)).toBe(true);
    await page.getByRole('button', { name: 'Dùng lại bộ câu hỏi mặc định' }).click();
    await app.screenshot('36-sipas-definition-reset-confirm');
    await confirm.getByRole('button', { name: 'Xác nhận dùng lại bộ mặc định' }).click();
    await waitMessage(`Năm ${YEAR} đã dùng lại bộ câu hỏi SIPAS từ 2022`);
    await expect.poll(() => page.getByTestId('sipas-definition-kind').textContent()).toBe('Bộ câu hỏi mặc định');
    expect(await page.getByTestId('sipas-definition-tree').locator('tr[data-code="DV1.1"]').textContent()).toContain(def.items[0].title);
    expect(hasOwnSurveyDefinition(ws, YEAR)).toBe(false);
  });

  it('shows a published year read-only, and its handlers refuse changes', async () => {
    const { page } = app;
    await page.getByLabel('Năm đánh giá').selectOption('2024');
    await openTab('Bộ câu hỏi và cách tính');
    await page.getByTestId('sipas-definition-locked').waitFor();
    expect(await page.getByTestId('sipas-definition-locked').textContent()).toContain('Năm 2024 đã công bố (khóa)');
    await page.getByLabel('Mã 4 tính là hài lòng').waitFor();
    expect(await page.getByLabel('Mã 4 tính là hài lòng').isDisabled()).toBe(true);
    expect(await page.getByLabel('Trọng số lĩnh vực DV').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nhập từ Excel…' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Dùng lại bộ câu hỏi mặc định' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Xuất ra Excel…' }).isDisabled()).toBe(false);
    expect(await page.getByRole('button', { name: 'Lưu và tính lại' }).count()).toBe(0);
    // the questionnaire of 2024 is still shown in full
    expect(await page.getByTestId('sipas-definition-tree').locator('tr.sipas-tree-item').count()).toBe(builtinDefinition(2024).items.length);
    await app.screenshot('37-sipas-definition-locked');

    const refused = await dispatch(app.session.handlers, 'survey:saveSettings', {
      year: 2024,
      settings: { satisfiedCodes: [5], noAnswerCodes: [], factorMode: 'items', minAnsweredShare: 0.5, weights: {} },
    });
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('Năm 2024 đã công bố (khóa)') } });
    expect(await dispatch(app.session.handlers, 'survey:resetDefinition', { year: 2024 })).toMatchObject({ ok: false });
    expect(getSurveySettings(app.session.workspace!, 2024).satisfiedCodes).toEqual([4, 5]);
    await page.getByLabel('Năm đánh giá').selectOption(String(YEAR));
  });
});
