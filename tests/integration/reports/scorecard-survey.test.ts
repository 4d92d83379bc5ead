// Scorecards with the unit's satisfaction (SIPAS): survey files imported through the survey
// service, cards printed by Chromium and read back from the PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../electron/features/demo';
import { printScorecards, scorecardDocuments } from '../../../electron/features/print/scorecards';
import { importSurveyFile } from '../../../electron/features/survey';
import { Workspace } from '../../../electron/db/workspace';
import { describeIndexChange, formatNumber, formatPercent } from '../../../shared/format';
import { builtinDefinition } from '../../../shared/survey';
import { tempDir } from '../../helpers/tmp';
import { generateForms, referenceFigures, type RawForm } from '../survey/reference';
import { createReportWorkspace, LEAVES } from './fixture';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { yearResults } from '../../../electron/features/results/service';

const ARTIFACTS = path.resolve('tests/artifacts/reports');
const TITLE = 'Mức độ hài lòng (SIPAS)';

const flat = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);

/** The forms as the workbench's entry sheet in .csv: unit code, then one column per item code. */
function writeEntryCsv(file: string, year: number, forms: RawForm[]): string {
  const def = builtinDefinition(year);
  const rows = [['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code] ?? '')])];
  fs.writeFileSync(file, '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
  return file;
}

async function importForms(ws: Workspace, dir: string, year: number, forms: RawForm[]): Promise<void> {
  await importSurveyFile(ws, { year, file: writeEntryCsv(path.join(dir, `phieu-${year}-${forms[0].unit}.csv`), year, forms) });
}

describe('unit scorecards with the satisfaction section', () => {
  const dir = tempDir('parw-scorecard-survey-');
  let ws: Workspace;
  const def = builtinDefinition(2025);
  // 2024: S02 and the two departments later merged into S08; 2025: S02 and S08
  const forms2024 = generateForms(builtinDefinition(2024), ['S02', 'S05', 'S06'], 40, 11);
  const forms2025 = generateForms(def, ['S02', 'S08'], 50, 12);
  const figure = (forms: RawForm[], unit: string) => referenceFigures(def, forms.filter((f) => f.unit === unit));

  beforeAll(async () => {
    ws = createReportWorkspace(dir);
    await importForms(ws, dir, 2024, forms2024);
    await importForms(ws, dir, 2025, forms2025);
  });
  afterAll(() => ws.close());

  it('prints the unit index with its forms, factors and the province beside for units with forms, and nothing for the rest', async () => {
    const printed = await printScorecards(ws, {
      year: 2025,
      selection: { blockCode: 'so' },
      outDir: path.join(dir, 'so'),
      issuedOn: new Date(2026, 0, 5),
    });
    const province = referenceFigures(def, forms2025);
    const files = new Map(printed.files.map((f) => [/-(S\d+)\.pdf$/.exec(f)![1], f]));
    expect([...files.keys()].sort()).toEqual(['S01', 'S02', 'S03', 'S07', 'S08']);
    for (const [code, file] of files) {
      expect(pageCount(file), code).toBeLessThanOrEqual(2);
      const text = flat(file);
      if (code !== 'S02' && code !== 'S08') {
        expect(text, code).not.toContain(TITLE);
        expect(text, code).toContain('4. Ý kiến của Hội đồng thẩm định');
        continue;
      }
      const unit = figure(forms2025, code);
      expect(text, code).toContain(`4. ${TITLE}`);
      expect(text, code).toContain(
        `Chỉ số hài lòng của đơn vị: ${formatPercent(unit.index)} (${formatNumber(unit.forms)} phiếu hợp lệ); ` +
          `toàn tỉnh: ${formatPercent(province.index)} (${formatNumber(province.forms)} phiếu hợp lệ)`,
      );
      // each area and factor with n, the unit's index and the province's
      for (const area of def.areas) {
        expect(text, `${code} ${area.code}`).toContain(
          `${area.code} ${area.name} ${formatNumber(unit.areas[area.code].n)} ${formatPercent(unit.areas[area.code].index)} ${formatPercent(province.areas[area.code].index)}`,
        );
      }
      for (const factor of def.factors) {
        expect(text, `${code} ${factor.code}`).toContain(
          `${factor.code} ${factor.name} ${formatNumber(unit.factors[factor.code].n)} ${formatPercent(unit.factors[factor.code].index)} ${formatPercent(province.factors[factor.code].index)}`,
        );
      }
      expect(text, code).toContain('5. Ý kiến của Hội đồng thẩm định');
    }
    // the change against 2024: S02 against itself, the merged S08 against the mean of S05 and S06
    const before = (u: string) => referenceFigures(builtinDefinition(2024), forms2024.filter((f) => f.unit === u)).index!;
    const s02 = figure(forms2025, 'S02').index! - before('S02');
    const s08 = figure(forms2025, 'S08').index! - (before('S05') + before('S06')) / 2;
    expect(flat(files.get('S02')!)).toContain(`so với năm 2024: ${describeIndexChange(s02)}.`);
    expect(flat(files.get('S08')!)).toContain(`so với năm 2024: ${describeIndexChange(s08)}.`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', files.get('S08')!, path.join(ARTIFACTS, 'scorecard-sipas-S08')]);
  });

  it('gives the app the same section in the HTML document of a unit with forms only', () => {
    expect(scorecardDocuments(ws, 2025, { unitCode: 'S02' })[0].html).toContain(TITLE);
    expect(scorecardDocuments(ws, 2025, { unitCode: 'S03' })[0].html).not.toContain(TITLE);
    // a year the unit has no forms in
    expect(scorecardDocuments(ws, 2024, { unitCode: 'S01' })[0].html).not.toContain(TITLE);
  });

  it('keeps the section and two pages when long appraisal notes must be cut', async () => {
    const crowded = createReportWorkspace(dir, 'crowded.parws');
    try {
      await importForms(crowded, dir, 2025, forms2025);
      const longNote = (code: string) =>
        `Tiêu chí ${code}: ` + 'hồ sơ kiểm chứng chưa đầy đủ, văn bản ban hành chậm, số liệu báo cáo chưa khớp với hệ thống; '.repeat(9);
      applyScoreChanges(crowded, 
        2025,
        LEAVES.map((code) => ({ unitCode: 'S02', criterionCode: code, patch: { note: longNote(code) } })),
        { source: 'test' },
      );
      const printed = await printScorecards(crowded, { year: 2025, selection: { unitCode: 'S02' }, outDir: path.join(dir, 'crowded') });
      expect(pageCount(printed.files[0])).toBeLessThanOrEqual(2);
      const text = flat(printed.files[0]);
      expect(text).toContain(TITLE);
      expect(text).toContain(`Chỉ số hài lòng của đơn vị: ${formatPercent(figure(forms2025, 'S02').index)}`);
      expect(text).toMatch(/Còn \d+ ý kiến thẩm định khác không in hết trên phiếu/);
    } finally {
      crowded.close();
    }
  });
});

describe('demo workspace scorecards with survey forms for a few units', () => {
  const dir = tempDir('parw-demo-sipas-');
  let ws: Workspace;
  beforeAll(() => {
    createDemoWorkspace(path.join(dir, 'demo.parws'));
    ws = Workspace.open(path.join(dir, 'demo.parws'));
  });
  afterAll(() => ws.close());

  it('prints the provisional commune with many notes and a department with their satisfaction on two pages at most', async () => {
    const results = yearResults(ws, 2025);
    const commune = results.blocks.find((b) => b.code === 'xa')!.units.find((u) => u.provisional)!;
    const [department, other] = results.blocks.find((b) => b.code === 'so')!.units;
    const def = builtinDefinition(2025);
    const forms = generateForms(def, [commune.code, department.code], 30, 21);
    await importForms(ws, dir, 2025, forms);
    for (const unit of [commune, department, other]) {
      const printed = await printScorecards(ws, { year: 2025, selection: { unitCode: unit.code }, outDir: path.join(dir, 'pdf') });
      const file = printed.files[0];
      expect(pageCount(file), unit.code).toBeLessThanOrEqual(2);
      const text = flat(file);
      expect(text).toContain(unit.name);
      if (unit === other) {
        expect(text).not.toContain(TITLE);
        continue;
      }
      const figures = referenceFigures(def, forms.filter((f) => f.unit === unit.code));
      expect(text).toContain(TITLE);
      expect(text).toContain(`Chỉ số hài lòng của đơn vị: ${formatPercent(figures.index)} (${formatNumber(figures.forms)} phiếu hợp lệ)`);
      if (unit === commune) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(ARTIFACTS, 'scorecard-sipas-demo-commune')]);
      }
    }
  });
});
