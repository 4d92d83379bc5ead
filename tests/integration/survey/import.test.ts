import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import ExcelJS from 'exceljs';
import {
  deleteSurveyImport,
  getSurveyDefinition,
  importSurveyFile,
  previewSurveyImport,
  saveMappingProfile,
  saveSurveySettings,
  setSurveyLink,
  surveyResults,
  writeSurveyTemplate,
} from '../../../electron/features/survey';
import { Workspace } from '../../../electron/db/workspace';
import { UserError } from '../../../shared/errors';
import { DEFAULT_SURVEY_SETTINGS, builtinDefinition, type SurveyDefinition } from '../../../shared/survey';
import { tempDir } from '../../helpers/tmp';
import { expectSameFigures, generateForms, referenceFigures, type RawForm } from './reference';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { getAudit, getScores } from '../../../electron/features/appraisal/store';
import { saveFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { ensurePeriod, setPeriodLocked } from '../../../electron/features/workspace/service';
import { getPeriod } from '../../../electron/features/workspace/store';
import { openWorkspace } from '../../../electron/app/open';
import { sqlOf } from '../../../electron/db/connection';

const dir = tempDir('parw-survey-');
let counter = 0;

const UNITS = [
  { code: 'S01', name: 'Sở Tư pháp', blockCode: 'so' },
  { code: 'S02', name: 'Sở Y tế', blockCode: 'so' },
  { code: 'S03', name: 'Sở Tài nguyên và Môi trường', blockCode: 'so' },
];

function freshWorkspace(): { ws: Workspace; file: string } {
  const file = path.join(dir, `ws${++counter}.parws`);
  const ws = openWorkspace(file, { create: true });
  upsertUnits(ws, UNITS);
  return { ws, file };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

function csvLine(cells: (string | number | null)[], sep = ','): string {
  return cells
    .map((c) => {
      const s = c === null ? '' : String(c);
      return /["\n,;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}

function writeCsv(name: string, rows: (string | number | null)[][], sep = ',', bom = true): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, (bom ? '\ufeff' : '') + rows.map((r) => csvLine(r, sep)).join('\r\n') + '\r\n');
  return file;
}

function labelOf(def: SurveyDefinition, code: number | null): string {
  return code === null ? '' : def.scaleLabels.find((s) => s.code === code)!.label;
}

/** Checks `survey results --json` of a workspace against the plain computation from raw forms. */
async function expectResultsMatch(file: string, year: number, def: SurveyDefinition, raw: RawForm[]) {
  const { code, out } = await cli('survey', 'results', file, '--year', String(year), '--json');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  const check = (a: unknown, e: unknown, what: string) => expect(a, what).toEqual(e);
  expectSameFigures(json.province, referenceFigures(def, raw), check);
  const units = [...new Set(raw.map((f) => f.unit))];
  expect(json.units.map((u: { code: string }) => u.code).sort()).toEqual([...units].sort());
  for (const u of json.units) {
    const expected = referenceFigures(def, raw.filter((f) => f.unit === u.code));
    expectSameFigures(u, expected, (a, e, what) => expect(a, `${u.code} ${what}`).toEqual(e));
    for (const a of u.areas) expect(a.n, `${u.code} n of area ${a.code}`).toBe(expected.areas[a.code].n);
  }
  return json;
}

describe('survey import', () => {
  it('fills the entry sheet written by `survey template` and reads it back', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2025);
    const raw = generateForms(def, ['S01', 'S02', 'S03'], 60, 1);
    const template = path.join(dir, 'phieu-2025.xlsx');
    expect((await cli('survey', 'template', file, '--year', '2025', '--out', template)).code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const sheet = wb.getWorksheet('Phiếu')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)]);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'whole', formulae: [1, 5] });
    expect(validations['A2']).toMatchObject({ type: 'list' });
    raw.forEach((f, k) => {
      // units by code or by name, as people type them
      const unit = k % 7 === 0 ? UNITS.find((u) => u.code === f.unit)!.name.toUpperCase() : f.unit;
      sheet.getRow(k + 2).values = [unit, `P${k + 1}`, ...def.items.map((i) => f.answers[i.code] ?? null)];
    });
    const filled = path.join(dir, 'phieu-2025-da-nhap.xlsx');
    await wb.xlsx.writeFile(filled);
    ws.close();

    const { code, out } = await cli('survey', 'import', file, filled, '--year', '2025', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.format).toBe('entry');
    expect(report.forms).toBe(raw.length);
    expect(report.validForms).toBe(referenceFigures(def, raw).forms);
    expect(report.invalidForms).toBeGreaterThan(0);
    const json = await expectResultsMatch(file, 2025, def, raw);
    expect(Object.keys(json)).toEqual(['year', 'province', 'units']);
    expect(Object.keys(json.province)).toEqual(['index', 'forms', 'factors']);
    expect(Object.keys(json.units[0])).toEqual([
      ...['code', 'name', 'forms', 'index', 'areas', 'factors', 'deltaIndex'],
      ...['rank', 'rankOf', 'previous', 'deltaRank', 'factorsUp', 'factorsDown', 'factorsUpBoth', 'factorsDownBoth'],
    ]);
    expect(Object.keys(json.units[0].factors[0])).toEqual(['code', 'area', 'name', 'index', 'n', 'items', 'rank', 'previous', 'deltaIndex', 'deltaRank']);
    expect(Object.keys(json.units[0].factors[0].items[0])).toEqual(['code', 'index', 'n']);
    expect(Object.keys(json.units[0].areas[0])).toEqual(['code', 'index', 'n', 'rank', 'previous', 'deltaIndex', 'deltaRank']);

    // the original file is kept, byte for byte
    const again = openWorkspace(file);
    const kept = sqlOf(again).prepare('SELECT content FROM survey_imports').get() as { content: Buffer };
    expect(kept.content.equals(fs.readFileSync(filled))).toBe(true);
    again.close();
  });

  it('reads a Google Forms export: grid rows as "Question [row]" columns, answers as labels', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2024);
    const raw = generateForms(def, ['S01', 'S02'], 80, 2);
    const header = [
      'Dấu thời gian',
      'Ông/Bà đến giao dịch tại đơn vị nào?',
      ...def.items.map((i) => `Ông/Bà hãy cho biết mức độ hài lòng của mình [${i.title}]`),
      'Ý kiến khác',
    ];
    const rows = raw.map((f, k) => [
      `2024/10/${String((k % 28) + 1).padStart(2, '0')} 9:00:00 SA GMT+7`,
      UNITS.find((u) => u.code === f.unit)!.name,
      ...def.items.map((i) => labelOf(def, f.answers[i.code] ?? null)),
      k % 3 ? '' : 'Cần thêm chỗ để xe, chỗ ngồi',
    ]);
    const csv = writeCsv('google.csv', [header, ...rows]);
    // the unit question is not recognised by itself: it is mapped once in a profile
    await expect(importSurveyFile(ws, { year: 2024, file: csv })).rejects.toThrow(/không có cột "Đơn vị"/);
    saveMappingProfile(ws, { name: 'Google 2024', columns: {}, labels: {}, unitColumn: header[1], formColumn: null });
    const report = await importSurveyFile(ws, { year: 2024, file: csv, profile: 'Google 2024' });
    expect(report.format).toBe('google');
    expect(report.mapping.items.every((i) => i.matchedBy === 'title')).toBe(true);
    expect(report.mapping.items).toHaveLength(33);
    expect(report.mapping.ignored).toEqual(['Dấu thời gian', 'Ý kiến khác']);
    ws.close();
    await expectResultsMatch(file, 2024, def, raw);
  });

  it('reads a KoboToolbox export: group/question headers, choice names, semicolons', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2025);
    const raw = generateForms(def, ['S02', 'S03'], 70, 3);
    const choice = ['', 'rat_khong_hai_long', 'khong_hai_long', 'binh_thuong', 'hai_long', 'rat_hai_long'];
    const group = (code: string) => (code.startsWith('DV') ? 'dich_vu' : 'chinh_sach');
    const header = ['start', 'end', 'thong_tin/don_vi', ...def.items.map((i) => `${group(i.code)}/${i.code.replace('.', '_')}`), '_uuid', '_index'];
    const rows = raw.map((f, k) => [
      '2025-09-01T08:00:00.000+07:00',
      '2025-09-01T08:05:00.000+07:00',
      f.unit,
      // half of the forms were exported with codes, half with choice names
      ...def.items.map((i) => {
        const a = f.answers[i.code] ?? null;
        return a === null ? '' : k % 2 ? String(a) : choice[a];
      }),
      `uuid-${k}`,
      k + 1,
    ]);
    const csv = writeCsv('kobo.csv', [header, ...rows], ';', false);
    const report = await importSurveyFile(ws, { year: 2025, file: csv });
    expect(report.format).toBe('kobo');
    expect(report.formColumn).toBe('_uuid');
    expect(report.mapping.items).toHaveLength(33);
    ws.close();
    await expectResultsMatch(file, 2025, def, raw);
  });

  it('reads a LimeSurvey export (Q[SQ] columns, answer codes A1–A5) through a saved profile', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2023);
    const raw = generateForms(def, ['S01', 'S03'], 50, 4);
    const sq = (code: string) => {
      const [q, n] = code.split('.');
      return `${q}[SQ${n.padStart(3, '0')}]`;
    };
    const header = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'donvi', ...def.items.map((i) => sq(i.code))];
    const rows = raw.map((f, k) => [k + 1, '2023-11-02 10:00:00', 3, 'vi', 12345 + k, f.unit, ...def.items.map((i) => {
      const a = f.answers[i.code] ?? null;
      return a === null ? '' : `A${a}`;
    })]);
    const csv = writeCsv('limesurvey.csv', [header, ...rows], ',', false);
    const profileFile = path.join(dir, 'lime-profile.json');
    fs.writeFileSync(
      profileFile,
      JSON.stringify({ name: 'LimeSurvey', columns: {}, labels: { A1: 1, A2: 2, A3: 3, A4: 4, A5: 5 }, unitColumn: 'donvi' }),
    );
    ws.close();
    expect((await cli('survey', 'profile', file, profileFile)).code).toBe(0);
    const preview = await cli('survey', 'import', file, csv, '--year', '2023', '--preview', '--json');
    expect(preview.code).toBe(1);
    expect(JSON.parse(preview.out).unknownLabels[0].labels).toContain('A4');
    const imported = await cli('survey', 'import', file, csv, '--year', '2023', '--profile', 'LimeSurvey', '--json');
    expect(imported.err).toBe('');
    expect(JSON.parse(imported.out).format).toBe('limesurvey');
    await expectResultsMatch(file, 2023, def, raw);
  });

  it('takes one unit for a whole file and a year of its own questionnaire', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2025);
    const raw = generateForms(def, ['S03'], 40, 5);
    // an .xlsx exported from Kobo with labels, no unit column
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('SIPAS');
    sheet.addRow(['_id', ...def.items.map((i) => `nhom/${i.code}`)]);
    raw.forEach((f, k) => sheet.addRow([k + 1, ...def.items.map((i) => (f.answers[i.code] == null ? null : labelOf(def, f.answers[i.code])))]));
    const xlsx = path.join(dir, 'kobo-mot-don-vi.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const report = await importSurveyFile(ws, { year: 2025, file: xlsx, unitCode: 'S03' });
    expect(report.units).toEqual([{ code: 'S03', name: UNITS[2].name, forms: 40, validForms: referenceFigures(def, raw).forms }]);
    ws.close();
    await expectResultsMatch(file, 2025, def, raw);
  });

  it('follows the settings: no-answer codes leave the denominator', async () => {
    const { ws, file } = freshWorkspace();
    const def = builtinDefinition(2025);
    const raw = generateForms(def, ['S01'], 50, 6);
    for (const f of raw) for (const i of def.items) if (f.answers[i.code] === null) f.answers[i.code] = 9;
    saveSurveySettings(ws, 2025, { ...DEFAULT_SURVEY_SETTINGS, noAnswerCodes: [9] });
    const csv = writeCsv('khong-tra-loi.csv', [
      ['Đơn vị', ...def.items.map((i) => i.code)],
      ...raw.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code])]),
    ]);
    await importSurveyFile(ws, { year: 2025, file: csv });
    ws.close();
    const { out } = await cli('survey', 'results', file, '--year', '2025', '--json');
    const check = (a: unknown, e: unknown, what: string) => expect(a, what).toEqual(e);
    expectSameFigures(JSON.parse(out).units[0], referenceFigures(def, raw, [9]), check);
  });
});

describe('survey import refusals', () => {
  it('names every bad cell and leaves the workspace as it was', async () => {
    const { ws } = freshWorkspace();
    const def = builtinDefinition(2025);
    const codes = def.items.map((i) => i.code);
    const good = codes.map(() => 4);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Phiếu');
    sheet.addRow(['Đơn vị', 'Mã phiếu', ...codes]);
    sheet.addRow(['S01', 'P1', ...good]);
    sheet.addRow(['S99', 'P2', ...good]);
    sheet.addRow(['S01', 'P3', 7, ...good.slice(1)]);
    sheet.addRow(['S02', 'P4', 'Tạm được', ...good.slice(1)]);
    sheet.addRow(['S01', 'P1', ...good]);
    const xlsx = path.join(dir, 'loi.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const error = await importSurveyFile(ws, { year: 2025, file: xlsx }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const messages = (error as UserError).problems.map((p) => `${p.sheet} ${p.cell}: ${p.message}`);
    expect(messages).toEqual([
      'Phiếu A3: không có đơn vị "S99" trong danh sách đơn vị; hãy ghi đúng mã hoặc tên đơn vị.',
      'Phiếu C4: câu DV1.1: mã 7 nằm ngoài thang đo 1–5; hãy sửa hoặc để trống nếu không trả lời.',
      'Phiếu C5: câu DV1.1: không hiểu câu trả lời "Tạm được"; hãy ghi mã từ 1 đến 5 hoặc khai báo nhãn này trong hồ sơ ánh xạ.',
      'Phiếu B6: mã phiếu "P1" của Sở Tư pháp đã có; mỗi phiếu cần một mã riêng.',
    ]);
    expect((error as UserError).message).toContain('Tệp loi.xlsx, trang Phiếu, ô A3');
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 0 });
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_imports').get()).toEqual({ n: 0 });
    expect(getPeriod(ws, 2025)).toBeNull();
    ws.close();
  });

  it('refuses a file with no item column, a file imported twice, a CSV not in UTF-8', async () => {
    const { ws } = freshWorkspace();
    const none = writeCsv('khong-cot.csv', [['Đơn vị', 'Họ tên'], ['S01', 'Nguyễn Văn A']]);
    await expect(importSurveyFile(ws, { year: 2025, file: none })).rejects.toThrow(/không có cột nào khớp với câu hỏi/);
    const csv = writeCsv('mot-phieu.csv', [['Đơn vị', 'DV1.1', 'DV1.2'], ['S01', 5, 4]]);
    await importSurveyFile(ws, { year: 2025, file: csv });
    await expect(importSurveyFile(ws, { year: 2025, file: csv })).rejects.toThrow(/đã được nhập vào năm 2025/);
    const ansi = path.join(dir, 'ansi.csv');
    fs.writeFileSync(ansi, Buffer.concat([Buffer.from('\u0110\u01a1n v\u1ecb,DV1.1\n'.replace(/[^\x00-\x7f]/g, '?')), Buffer.from([0xd0, 0xe3, 0x0a])]));
    await expect(importSurveyFile(ws, { year: 2025, file: ansi })).rejects.toThrow(/UTF-8/);
    const xls = path.join(dir, 'cu.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(importSurveyFile(ws, { year: 2025, file: xls })).rejects.toThrow(/Tệp cu.xls: .*\(\.xls\)/);
    await expect(importSurveyFile(ws, { year: 2025, file: path.join(dir, 'khong-co.csv') })).rejects.toThrow(/Không đọc được tệp/);
    await expect(importSurveyFile(ws, { year: 2025, file: csv, unitCode: 'S99' })).rejects.toThrow(/Không có đơn vị mã "S99"/);
    await expect(importSurveyFile(ws, { year: 2025, file: csv, profile: 'Không có' })).rejects.toThrow(/Chưa lưu hồ sơ ánh xạ nào/);
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 1 });
    const preview = await previewSurveyImport(ws, { year: 2025, file: csv });
    expect(preview.problems).toHaveLength(1);
    ws.close();
  });
});

describe('survey units by name', () => {
  it('sends a name shared by an old and a new unit to the one taking part in the year', async () => {
    const { ws } = freshWorkspace();
    upsertUnits(ws, [
      { code: 'OLD1', name: 'Xã Hòa Lạc', blockCode: 'xa' },
      { code: 'NEW1', name: 'Xã Hòa Lạc', blockCode: 'xa', predecessors: ['OLD1'] },
    ]);
    const csv = writeCsv('hoa-lac.csv', [['Đơn vị', 'DV1.1', 'DV1.2'], ['xã hoà lạc', 5, 4]]);
    await expect(importSurveyFile(ws, { year: 2025, file: csv })).rejects.toThrow(
      'Tệp hoa-lac.csv, dòng 2, cột "Đơn vị": có nhiều đơn vị cùng tên "xã hoà lạc"; hãy ghi mã đơn vị thay cho tên.',
    );
    const leaf = { code: '1', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 10, source: 'self' as const };
    saveFramework(ws, { year: 2025, blockCode: 'xa', nodes: [{ ...leaf, method: 'free', tiers: null, evidenceRequired: false, guidance: null }] });
    applyScoreChanges(ws, 2025, [{ unitCode: 'NEW1', criterionCode: '1', patch: { selfScore: 8 } }], { source: 'test' });
    const report = await importSurveyFile(ws, { year: 2025, file: csv });
    expect(report.units.map((u) => u.code)).toEqual(['NEW1']);
    ws.close();
  });
});

describe('survey year over year', () => {
  it('compares merged units with the units they came from', async () => {
    const { ws, file } = freshWorkspace();
    upsertUnits(ws, [
      { code: 'X01', name: 'Xã An Bình', blockCode: 'xa' },
      { code: 'X02', name: 'Xã An Phú', blockCode: 'xa' },
      { code: 'X03', name: 'Xã Tân Lập', blockCode: 'xa' },
      { code: 'X10', name: 'Xã An Bình Phú', blockCode: 'xa', predecessors: ['X01', 'X02'] },
    ]);
    const def = builtinDefinition(2025);
    const before = generateForms(def, ['X01', 'X02', 'X03'], 40, 7);
    const after = generateForms(def, ['X10', 'X03'], 40, 8);
    const write = (name: string, forms: RawForm[]) =>
      writeCsv(name, [['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code])])]);
    await importSurveyFile(ws, { year: 2024, file: write('xa-2024.csv', before) });
    await importSurveyFile(ws, { year: 2025, file: write('xa-2025.csv', after) });
    const r = surveyResults(ws, 2025);
    expect(r.previousYear).toBe(2024);
    const ref = (forms: RawForm[], unit: string) => referenceFigures(def, forms.filter((f) => f.unit === unit));
    const merged = r.units.find((u) => u.code === 'X10')!;
    const previous = (ref(before, 'X01').index! + ref(before, 'X02').index!) / 2;
    expect(merged.change!.previousIndex).toBeCloseTo(previous, 9);
    expect(merged.change!.deltaIndex).toBeCloseTo(ref(after, 'X10').index! - previous, 9);
    const dv3 = merged.change!.factors.find((f) => f.code === 'DV3')!;
    expect(dv3.deltaIndex).toBeCloseTo(
      ref(after, 'X10').factors.DV3.index! - (ref(before, 'X01').factors.DV3.index! + ref(before, 'X02').factors.DV3.index!) / 2,
      9,
    );
    const same = r.units.find((u) => u.code === 'X03')!;
    expect(same.change!.deltaIndex).toBeCloseTo(ref(after, 'X03').index! - ref(before, 'X03').index!, 9);
    ws.close();
    const { out } = await cli('survey', 'results', file, '--year', '2025', '--json');
    expect(JSON.parse(out).units.find((u: { code: string }) => u.code === 'X10').deltaIndex).toBeCloseTo(merged.change!.deltaIndex!, 12);
    const text = await cli('survey', 'results', file, '--year', '2025');
    expect(text.out).toContain('So với 2024');
    expect(text.out).toMatch(/X10 +Xã An Bình Phú/);
    expect(r.provinceChange!.deltaIndex).toBeCloseTo(referenceFigures(def, after).index! - referenceFigures(def, before).index!, 9);
    const falling = r.provinceChange!.factors.filter((f) => f.deltaIndex! < 0).length;
    expect(text.out).toContain(`${falling}/8 yếu tố giảm`);

    const xlsx = path.join(dir, 'chi-so-2025.xlsx');
    expect((await cli('survey', 'results', file, '--year', '2025', '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const summary = wb.getWorksheet('Chỉ số hài lòng')!;
    expect(summary.getRow(1).getCell(summary.columnCount).value).toBe('Thay đổi so với năm 2024 (%)');
    expect(summary.getCell('B2').value).toBe('Toàn tỉnh');
    expect(summary.getCell('C2').value).toBe(referenceFigures(def, after).forms);
    expect(summary.getCell('D2').value).toBeCloseTo(referenceFigures(def, after).index!, 9);
    expect(summary.getCell('D2').numFmt).toBe('0.00');
    const x10 = [3, 4].map((n) => summary.getRow(n)).find((row) => row.getCell(1).value === 'X10')!;
    expect(x10.getCell(4).value).toBeCloseTo(ref(after, 'X10').index!, 9);
    expect(x10.getCell(summary.columnCount).value).toBeCloseTo(merged.change!.deltaIndex!, 9);
    const items = wb.getWorksheet('Theo câu hỏi')!;
    expect(items.getCell('A2').value).toBe('DV1.1');
    expect(items.getCell('D2').value).toBeCloseTo(referenceFigures(def, after).items['DV1.1'].index!, 9);
    expect(items.getCell('E2').value).toBe(referenceFigures(def, after).items['DV1.1'].n);
  });
});

describe('survey points into the PAR index', () => {
  const node = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, parentCode: null, level: 1 };

  function frameworkWithSurveyLeaf(ws: Workspace, year: number) {
    saveFramework(ws, {
      year,
      blockCode: 'so',
      nodes: [
        { ...node, code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', maxPoints: 90, source: 'self' },
        { ...node, code: '2', title: 'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', maxPoints: 10, source: 'survey' },
      ],
    });
  }

  it('gives the Hà Tĩnh 2021 example: 91,17% of a 10-point leaf is 9,12 points', async () => {
    const { ws, file } = freshWorkspace();
    frameworkWithSurveyLeaf(ws, 2021);
    applyScoreChanges(ws, 2021, [{ unitCode: 'S01', criterionCode: '1', patch: { appraisedScore: 80 } }], { source: 'test' });
    const def = getSurveyDefinition(ws, 2021);
    expect(def.items).toHaveLength(22);
    const rows = Array.from({ length: 10000 }, (_, k) => def.items.map(() => (k < 9117 ? 5 : 2)));
    const csv = writeCsv('ha-tinh-2021.csv', [def.items.map((i) => i.code), ...rows]);
    ws.close();
    expect((await cli('survey', 'import', file, csv, '--year', '2021', '--unit', 'S01')).code).toBe(0);
    const applied = await cli('survey', 'apply', file, '--year', '2021');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('S01 Sở Tư pháp: 91,17% → 9,12 điểm (tiêu chí 2)');
    const again = openWorkspace(file);
    const score = getScores(again, 2021, { unitCode: 'S01' }).find((s) => s.criterionCode === '2')!;
    expect(score.appraisedScore).toBeCloseTo(9.117, 12);
    const audit = getAudit(again, 2021, { unitCode: 'S01', criterionCode: '2' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ source: 'survey', field: 'appraisedScore', oldValue: null });
    expect(audit[0].reason).toContain('91,17%');
    expect(yearResults(again, 2021).blocks[0].units[0].total).toBeCloseTo(89.117, 9);
    // nothing changed: applying again writes nothing; the link found by title is kept
    again.close();
    const second = JSON.parse((await cli('survey', 'apply', file, '--year', '2021', '--json')).out);
    expect(second.changedFields).toBe(0);
    expect(second.links).toMatchObject([{ blockCode: 'so', criterionCode: '2', target: 'overall', automatic: false }]);
  });

  it('keeps linked points up to date when survey data change', async () => {
    const { ws } = freshWorkspace();
    frameworkWithSurveyLeaf(ws, 2025);
    const link = setSurveyLink(ws, { year: 2025, blockCode: 'so', criterionCode: '2', target: 'factor', targetCode: 'DV3' });
    expect(link.criterionTitle).toContain('SIPAS');
    expect(() => setSurveyLink(ws, { year: 2025, blockCode: 'so', criterionCode: '1', target: 'overall', targetCode: null })).toThrow(
      /không chấm qua điều tra xã hội học/,
    );
    expect(() => setSurveyLink(ws, { year: 2025, blockCode: 'so', criterionCode: '2', target: 'factor', targetCode: 'DV9' })).toThrow(
      /không có yếu tố mã "DV9"/,
    );
    const def = builtinDefinition(2025);
    const first = generateForms(def, ['S01', 'S02'], 30, 9);
    const write = (name: string, forms: RawForm[]) =>
      writeCsv(name, [['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((f) => [f.unit, ...def.items.map((i) => f.answers[i.code])])]);
    const r1 = await importSurveyFile(ws, { year: 2025, file: write('dot-1.csv', first) });
    expect(r1.pointsUpdated).toBe(2);
    const points = (unit: string) => getScores(ws, 2025, { unitCode: unit }).find((s) => s.criterionCode === '2')?.appraisedScore;
    const dv3 = (forms: RawForm[], unit: string) => referenceFigures(def, forms.filter((f) => f.unit === unit)).factors.DV3.index!;
    expect(points('S01')).toBeCloseTo(dv3(first, 'S01') / 10, 9);
    const second = generateForms(def, ['S01'], 30, 10);
    const r2 = await importSurveyFile(ws, { year: 2025, file: write('dot-2.csv', second) });
    expect(r2.pointsUpdated).toBe(1);
    expect(points('S01')).toBeCloseTo(dv3([...first, ...second], 'S01') / 10, 9);
    deleteSurveyImport(ws, r2.importId);
    expect(points('S01')).toBeCloseTo(dv3(first, 'S01') / 10, 9);
    expect(getAudit(ws, 2025, { unitCode: 'S01', criterionCode: '2' }).map((a) => a.source)).toEqual(['survey', 'survey', 'survey']);
    // a change of the counting rules moves the points too: DV3 pooling its answers
    saveSurveySettings(ws, 2025, { ...DEFAULT_SURVEY_SETTINGS, factorMode: 'pooled' });
    const items = referenceFigures(def, first.filter((f) => f.unit === 'S01')).items;
    const dv3Items = def.items.filter((i) => i.factorCode === 'DV3').map((i) => items[i.code]);
    const pooled = (100 * dv3Items.reduce((s, x) => s + (x.index! * x.n) / 100, 0)) / dv3Items.reduce((s, x) => s + x.n, 0);
    expect(points('S01')).toBeCloseTo(pooled / 10, 9);
    saveSurveySettings(ws, 2025, DEFAULT_SURVEY_SETTINGS);
    expect(points('S01')).toBeCloseTo(dv3(first, 'S01') / 10, 9);
    // a published (locked) year keeps its scores: survey data may still come in
    setPeriodLocked(ws, 2025, true);
    const r3 = await importSurveyFile(ws, { year: 2025, file: write('dot-3.csv', second) });
    expect(r3.pointsUpdated).toBe(0);
    expect(points('S01')).toBeCloseTo(dv3(first, 'S01') / 10, 9);
    ws.close();
  });

  it('refuses to apply without a linked leaf', async () => {
    const { file, ws } = freshWorkspace();
    ensurePeriod(ws, 2025);
    ws.close();
    const r = await cli('survey', 'apply', file, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('chưa có tiêu chí khảo sát nào được liên kết');
  });
});

describe('survey template', () => {
  it('lists the questions and units beside the entry sheet', async () => {
    const { ws } = freshWorkspace();
    const out = path.join(dir, 'mau-2021.xlsx');
    expect(await writeSurveyTemplate(ws, 2021, out)).toEqual({ items: 22, units: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Phiếu', 'Câu hỏi', 'Đơn vị']);
    expect(wb.getWorksheet('Câu hỏi')!.getCell('B2').value).toBe(builtinDefinition(2021).items[0].title);
    expect(wb.getWorksheet('Đơn vị')!.getCell('B4').value).toBe('Sở Tài nguyên và Môi trường');
    ws.close();
  });
});
