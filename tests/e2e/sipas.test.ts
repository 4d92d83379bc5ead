import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importSurveyFile, listMappingProfiles, listSurveyImports, surveyResults } from '../../electron/features/survey';
import { describeIndexChange, formatNumber, formatPercent } from '../../shared/format';
import { builtinDefinition } from '../../shared/survey';
import { launchApp, stopServer, type AppUnderTest } from './harness';
import { csv, generator, overallIndex, type Answers, type RawForm } from './sipas-fixtures';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { listUnits } from '../../electron/features/units/store';

const YEAR = 2025;
const def = builtinDefinition(YEAR);
const UNITS = ['VPUB', 'SNV', 'STP'];
/** the leaf of the departments' framework scored by SIPAS, found by its title */
const SIPAS_LEAF = '38';
const SIPAS_LEAF_MAX = 13;

/** Forms of each unit, mostly satisfied to a degree set per unit; a few blanks; two forms answering too little. */
function makeForms(seed: number, perUnit: number, satisfaction: Record<string, number>): RawForm[] {
  const random = generator(seed);
  const forms: RawForm[] = [];
  for (const unit of UNITS) {
    for (let k = 0; k < perUnit; k++) {
      const answers: Answers = {};
      for (const item of def.items) {
        const r = random();
        if (r < 0.05) answers[item.code] = null;
        else if (random() < satisfaction[unit]) answers[item.code] = random() < 0.5 ? 4 : 5;
        else answers[item.code] = 1 + Math.floor(random() * 3);
      }
      forms.push({ unit, answers });
    }
  }
  for (const unit of UNITS.slice(0, 2)) {
    const answers: Answers = Object.fromEntries(def.items.map((i, k) => [i.code, k < 3 ? 5 : null]));
    forms.push({ unit, answers });
  }
  return forms;
}

const UNIT_QUESTION = 'Ông/Bà đến giao dịch tại cơ quan nào?';
/** a grid row whose wording matches no item title: mapped by hand to DV3.1 */
const ODD_COLUMN = 'Ông/Bà hãy cho biết mức độ hài lòng [Cán bộ tiếp đón niềm nở, lễ phép]';
/** an answer label outside the scale, mapped by hand to 5 */
const ODD_LABEL = 'Rất tốt';

describe('SIPAS: survey file in with its mapping, indices, survey points', () => {
  let app: AppUnderTest;
  let dir: string;
  let forms2025: RawForm[];
  let forms2024: RawForm[];
  let googleFile: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-sipas-e2e-'));
    app = await launchApp();
    await app.page.getByRole('button', { name: /Mở dữ liệu mẫu/ }).click();
    await app.page.getByRole('heading', { name: /Tổng quan kỳ đánh giá/ }).waitFor({ timeout: 60_000 });
    const ws = app.session.workspace!;
    const names = new Map(listUnits(ws).map((u) => [u.code, u.name]));

    // last year's forms, typed into the workbench's own entry sheet (as CSV)
    forms2024 = makeForms(24, 30, { VPUB: 0.7, SNV: 0.85, STP: 0.6 });
    const entry = path.join(dir, 'phieu-2024.csv');
    fs.writeFileSync(
      entry,
      csv([['Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)], ...forms2024.map((f, k) => [f.unit, `P${k + 1}`, ...def.items.map((i) => f.answers[i.code])])]),
    );
    await importSurveyFile(ws, { year: 2024, file: entry });

    // this year's forms, exported from Google Forms: labels, grid rows as "Question [row]"
    forms2025 = makeForms(25, 40, { VPUB: 0.85, SNV: 0.8, STP: 0.75 });
    const label = (code: number | null, k: number) =>
      code === null ? '' : code === 5 && k % 4 === 0 ? ODD_LABEL : def.scaleLabels.find((s) => s.code === code)!.label;
    const header = [
      'Dấu thời gian',
      UNIT_QUESTION,
      ...def.items.map((i) => (i.code === 'DV3.1' ? ODD_COLUMN : `Ông/Bà hãy cho biết mức độ hài lòng [${i.title}]`)),
      'Ý kiến khác',
    ];
    googleFile = path.join(dir, 'google-forms-2025.csv');
    fs.writeFileSync(
      googleFile,
      csv([
        header,
        ...forms2025.map((f, k) => [
          `2025/10/${String((k % 28) + 1).padStart(2, '0')} 9:00:00 SA GMT+7`,
          names.get(f.unit)!,
          ...def.items.map((i) => label(f.answers[i.code], k)),
          k % 5 ? '' : 'Cần thêm chỗ để xe',
        ]),
      ]),
    );
    await app.page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Khảo sát SIPAS', exact: true }).click();
  });

  afterAll(async () => {
    await app?.close();
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('previews a Google Forms export: unmapped columns and unread labels are shown and the file is refused until mapped', async () => {
    const { page } = app;
    // a year without forms opens on the import
    await page.getByRole('tab', { name: 'Nhập phiếu khảo sát', selected: true }).waitFor();
    app.dialogs['survey-file'] = [googleFile];
    await page.getByRole('button', { name: 'Chọn tệp khảo sát…' }).click();
    const mapping = page.getByTestId('sipas-mapping');
    await mapping.getByTestId('sipas-preview-summary').waitFor();
    expect(await mapping.locator('.sipas-format').textContent()).toBe('Google Forms');
    const problems = await page.getByTestId('sipas-problems').textContent();
    expect(problems).toContain('không có cột "Đơn vị"');
    expect(problems).toContain(`không hiểu câu trả lời "${ODD_LABEL}"`);
    expect(await page.getByLabel(`Cột "${UNIT_QUESTION}"`).inputValue()).toBe('ignore');
    expect(await page.getByLabel(`Cột "${ODD_COLUMN}"`).inputValue()).toBe('ignore');
    expect(await page.getByLabel('Cột "Dấu thời gian"').inputValue()).toBe('ignore');
    expect(await page.getByLabel(`Cột "Ông/Bà hãy cho biết mức độ hài lòng [${def.items[0].title}]"`).inputValue()).toBe(`item:${def.items[0].code}`);
    expect(await page.getByTestId('sipas-labels').textContent()).toContain(ODD_LABEL);
    expect(await mapping.textContent()).toContain('Câu hỏi không có cột trong tệp (1): DV3.1');
    expect(await page.getByRole('button', { name: 'Nhập tệp', exact: true }).isDisabled()).toBe(true);
    await app.screenshot('20-sipas-preview-refused');
  });

  it('maps the unit column, the odd column and the odd label, saves the mapping as a profile and imports the file', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    await page.getByLabel(`Cột "${UNIT_QUESTION}"`).selectOption('unit');
    await page.getByLabel(`Cột "${ODD_COLUMN}"`).selectOption('item:DV3.1');
    await page.getByLabel(`Câu trả lời "${ODD_LABEL}"`).selectOption('5');
    const importButton = page.getByRole('button', { name: 'Nhập tệp', exact: true });
    await page.waitForFunction(() => !document.querySelector('[data-testid=sipas-problems]'));
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    const invalid = forms2025.length - forms2025.filter((f) => Object.values(f.answers).filter((a) => a !== null).length >= def.items.length / 2).length;
    expect(invalid).toBe(2);
    const summary = await page.getByTestId('sipas-preview-summary').textContent();
    expect(summary).toContain(`${formatNumber(forms2025.length)} phiếu đọc được`);
    expect(summary).toContain(`${formatNumber(forms2025.length - invalid)} hợp lệ`);
    expect(summary).toContain(`${def.items.length}/${def.items.length} câu hỏi`);
    expect(await page.getByTestId('sipas-preview-units').locator('tbody tr').count()).toBe(UNITS.length);
    await app.screenshot('21-sipas-mapping');

    await page.getByLabel('Tên hồ sơ ánh xạ').fill('Google Forms SIPAS');
    await page.getByRole('button', { name: 'Lưu hồ sơ ánh xạ' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã lưu hồ sơ ánh xạ'));
    const profile = listMappingProfiles(ws).find((p) => p.name === 'Google Forms SIPAS')!;
    expect(profile.unitColumn).toBe(UNIT_QUESTION);
    expect(profile.columns[ODD_COLUMN]).toBe('DV3.1');
    expect(profile.labels[ODD_LABEL]).toBe(5);
    // the list of profiles is read again after the save, and shows the new one chosen
    await page.waitForFunction(() => (document.querySelector('select[aria-label="Hồ sơ ánh xạ"]') as HTMLSelectElement | null)?.value === 'Google Forms SIPAS');
    expect(await page.getByLabel('Hồ sơ ánh xạ', { exact: true }).inputValue()).toBe('Google Forms SIPAS');

    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await importButton.click();
    const report = page.getByTestId('sipas-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('google-forms-2025.csv');
    expect(await report.locator('tbody tr').count()).toBe(UNITS.length);
    const dropped = await report.locator('dd.warn').textContent();
    expect(dropped).toBe('2');
    const imports = listSurveyImports(ws, YEAR);
    expect(imports).toHaveLength(1);
    expect(imports[0].profile).toBe('Google Forms SIPAS');
    expect(await page.getByTestId('sipas-imports').textContent()).toContain('google-forms-2025.csv');
    await app.screenshot('22-sipas-import-report');
  });

  it('shows the indices per unit and for the province, as computed from the raw forms, with the change against last year', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Chỉ số hài lòng' }).click();
    await page.locator('[data-testid=sipas-grid] .ag-row[row-id="VPUB"]').first().waitFor();
    for (const unit of UNITS) {
      const now = overallIndex(def, forms2025.filter((f) => f.unit === unit));
      const before = overallIndex(def, forms2024.filter((f) => f.unit === unit));
      const row = page.locator(`[data-testid=sipas-grid] .ag-row[row-id="${unit}"]`);
      expect(await row.locator('[col-id="index"] .sipas-index-value').textContent(), unit).toBe(formatPercent(now));
      expect(await row.locator('[col-id="change"]').textContent(), unit).toContain(describeIndexChange(now - before)!);
    }
    const province = overallIndex(def, forms2025);
    expect(await page.getByTestId('sipas-province').textContent()).toContain(formatPercent(province));
    const pinned = page.locator('[data-testid=sipas-grid] .sipas-province-row [col-id="index"] .sipas-index-value');
    expect(await pinned.textContent()).toBe(formatPercent(province));
    await app.screenshot('23-sipas-indices');
    // a factor's figure of last year shows on hover
    await page.locator('[data-testid=sipas-grid] .ag-row[row-id="VPUB"] [col-id="factor-DV1"]').hover();
    await page.locator('.ag-tooltip').waitFor();
    expect(await page.locator('.ag-tooltip').textContent()).toMatch(/^Năm 2024: \d+,\d{2}% \((tăng|giảm) /);

    // the charts: the unit clicked in the grid against the province, and every unit's change
    await page.locator('[data-testid=sipas-grid] .ag-row[row-id="STP"] [col-id="name"]').click();
    await expect.poll(() => page.getByLabel('Đơn vị trên biểu đồ').inputValue()).toBe('STP');
    const factors = page.getByTestId('sipas-chart-factors');
    await factors.scrollIntoViewIfNeeded();
    await expect.poll(() => factors.locator('svg text').allTextContents()).toContain('Toàn tỉnh');
    // a value label on every bar: the unit's and the province's for each factor
    const barLabels = async () => (await factors.locator('svg text').allTextContents()).filter((t) => /^\d+,\d{2}%$/.test(t)).length;
    await expect.poll(barLabels).toBe(2 * def.factors.length);
    expect((await factors.locator('svg text').allTextContents()).join(' ')).toContain('Sở Tư pháp');
    const change = page.getByTestId('sipas-chart-change');
    expect((await change.locator('svg text').allTextContents()).join(' ')).toContain('so với năm 2024');
    await app.screenshot('24-sipas-charts');
  });

  it('applies the survey points to the linked leaf: index × maximum / 100 in the real workspace', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const scoreOf = (unit: string) => getScores(ws, YEAR, { unitCode: unit }).find((s) => s.criterionCode === SIPAS_LEAF)?.appraisedScore ?? null;
    const before = UNITS.map(scoreOf);
    await page.getByRole('tab', { name: 'Điểm khảo sát vào Chỉ số CCHC' }).click();
    const leafSelect = page.getByLabel(`Chỉ số cho tiêu chí ${SIPAS_LEAF} khối Khối sở`);
    expect(await leafSelect.inputValue()).toBe('overall');
    expect(await page.getByTestId('sipas-leaves').textContent()).toContain('tự nhận theo tên tiêu chí');
    await page.getByRole('button', { name: 'Áp dụng điểm khảo sát' }).click();
    const report = page.getByTestId('sipas-apply-report');
    await report.waitFor();
    UNITS.forEach((unit, i) => {
      const expected = (overallIndex(def, forms2025.filter((f) => f.unit === unit)) * SIPAS_LEAF_MAX) / 100;
      expect(scoreOf(unit), unit).toBeCloseTo(expected, 9);
      expect(scoreOf(unit)).not.toBe(before[i]);
    });
    const vpub = (overallIndex(def, forms2025.filter((f) => f.unit === 'VPUB')) * SIPAS_LEAF_MAX) / 100;
    expect(await report.locator('tr[data-unit="VPUB"]').textContent()).toContain(vpub.toFixed(2).replace('.', ','));
    const audit = getAudit(ws, YEAR, { unitCode: 'VPUB', criterionCode: SIPAS_LEAF });
    expect(audit.some((e) => e.source === 'survey')).toBe(true);
    // the automatic link is kept from now on
    expect(await page.getByTestId('sipas-leaves').textContent()).toContain('đã lưu');
    await report.scrollIntoViewIfNeeded();
    await app.screenshot('25-sipas-points');
  });

  it('exports the indices to Excel and writes the entry-sheet template', async () => {
    const { page } = app;
    const out = path.join(dir, 'chi-so.xlsx');
    app.dialogs['survey-export'] = [out];
    await page.getByRole('button', { name: 'Xuất kết quả ra Excel…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã xuất chỉ số hài lòng'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Chỉ số hài lòng')!;
    const codes = sheet.getColumn(1).values.slice(3);
    expect(codes).toEqual(UNITS);

    await page.getByRole('tab', { name: 'Nhập phiếu khảo sát' }).click();
    const template = path.join(dir, 'phieu-nhap.xlsx');
    app.dialogs['survey-template'] = [template];
    await page.getByRole('button', { name: 'Tải phiếu nhập mẫu (Excel)…' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã lưu phiếu nhập mẫu'));
    const entry = new ExcelJS.Workbook();
    await entry.xlsx.readFile(template);
    expect(entry.worksheets[0].getRow(1).values).toEqual([undefined, 'Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)]);
  });

  it('shows last year, published, with its indices and no way to write its points', async () => {
    const { page } = app;
    await page.getByLabel('Năm đánh giá').selectOption('2024');
    await page.getByRole('tab', { name: 'Chỉ số hài lòng', selected: true }).waitFor();
    const row = page.locator('[data-testid=sipas-grid] .ag-row[row-id="SNV"]');
    expect(await row.locator('[col-id="index"] .sipas-index-value').textContent()).toBe(formatPercent(overallIndex(def, forms2024.filter((f) => f.unit === 'SNV'))));
    expect(await row.locator('[col-id="change"]').textContent()).toContain('chưa có năm trước');
    await page.getByRole('tab', { name: 'Điểm khảo sát vào Chỉ số CCHC' }).click();
    expect(await page.getByRole('button', { name: 'Áp dụng điểm khảo sát' }).isDisabled()).toBe(true);
    expect(await page.locator('.sipas-links').textContent()).toContain('Năm 2024 đã công bố (khóa)');
    await page.getByLabel('Năm đánh giá').selectOption(String(YEAR));
    await page.getByRole('tab', { name: 'Nhập phiếu khảo sát' }).click();
  });

  it('imports paper forms typed without a unit column as the forms of one unit chosen for the whole file', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    const paper = path.join(dir, 'phieu-giay-so-tai-chinh.csv');
    const forms = makeForms(7, 10, { VPUB: 0.9, SNV: 0.9, STP: 0.9 }).slice(0, 10);
    fs.writeFileSync(paper, csv([['Mã phiếu', ...def.items.map((i) => i.code)], ...forms.map((f, k) => [`TC${k + 1}`, ...def.items.map((i) => f.answers[i.code])])]));
    app.dialogs['survey-file'] = [paper];
    await page.getByRole('button', { name: 'Chọn tệp khảo sát…' }).click();
    await page.getByTestId('sipas-preview-summary').waitFor();
    expect(await page.getByTestId('sipas-problems').textContent()).toContain('không có cột "Đơn vị"');
    // last file's profile is offered, and can be deleted
    await page.getByLabel('Hồ sơ ánh xạ', { exact: true }).selectOption('Google Forms SIPAS');
    await page.getByRole('button', { name: 'Xóa hồ sơ này' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Đã xóa hồ sơ ánh xạ'));
    expect(listMappingProfiles(ws)).toEqual([]);
    // the list is read again after the deletion
    const profiles = page.getByLabel('Hồ sơ ánh xạ', { exact: true }).locator('option');
    await page.waitForFunction(() => document.querySelectorAll('select[aria-label="Hồ sơ ánh xạ"] option').length === 1);
    expect(await profiles.allTextContents()).toEqual(['Tự nhận cột theo mã và nội dung câu hỏi']);
    await page.getByLabel('Một đơn vị cho cả tệp').check();
    await page.getByLabel('Chọn đơn vị của cả tệp').selectOption('STC');
    await page.waitForFunction(() => !document.querySelector('[data-testid=sipas-problems]'));
    expect(await page.locator('.sipas-format').textContent()).toBe('Phiếu nhập của PAR Workbench');
    expect(await page.getByTestId('sipas-preview-units').textContent()).toContain('Sở Tài chính');
    await app.screenshot('26-sipas-one-unit');
    await page.getByRole('button', { name: 'Nhập tệp', exact: true }).click();
    await page.getByTestId('sipas-report').waitFor();
    expect(listSurveyImports(ws, YEAR).map((i) => i.fileName).sort()).toEqual(['google-forms-2025.csv', 'phieu-giay-so-tai-chinh.csv']);
    const stc = surveyResults(ws, YEAR).units.find((u) => u.code === 'STC')!;
    expect(stc.forms).toBe(10);
    expect(stc.index).toBeCloseTo(overallIndex(def, forms), 9);
  });

  it('removes an import after a confirmation', async () => {
    const { page } = app;
    const ws = app.session.workspace!;
    await page.getByRole('button', { name: 'Xóa lần nhập google-forms-2025.csv' }).click();
    await page.getByRole('button', { name: 'Xác nhận xóa' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=sipas-imports]')?.textContent?.includes('google-forms-2025.csv'));
    expect(listSurveyImports(ws, YEAR).map((i) => i.fileName)).toEqual(['phieu-giay-so-tai-chinh.csv']);
    expect(listSurveyImports(ws, 2024)).toHaveLength(1);
    expect(surveyResults(ws, YEAR).units.map((u) => u.code)).toEqual(['STC']);
  });
});
