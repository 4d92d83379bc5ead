// SIPAS at national size: 40,000 forms × 33 items imported (CSV and .xlsx) and computed,
// the figures checked against a plain computation from the raw rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importSurveyFile, surveyResults, surveyResultsJson } from '../../electron/features/survey';
import { Workspace } from '../../electron/db/workspace';
import { builtinDefinition, type SurveyDefinition } from '../../shared/survey';
import { generateForms, referenceFigures, type RawForm } from '../integration/survey/reference';
import { timed, type BenchSuite } from './harness';
import { upsertUnits } from '../../electron/features/units/service';

const UNITS = 50;
const FORMS_PER_UNIT = 800;
const YEAR = 2025;

function unitCodes(): string[] {
  return Array.from({ length: UNITS }, (_, i) => `X${String(i + 1).padStart(3, '0')}`);
}

function newWorkspace(file: string): Workspace {
  const ws = Workspace.create(file);
  upsertUnits(ws, unitCodes().map((code, i) => ({ code, name: `Xã Mẫu ${i + 1}`, blockCode: 'xa' })));
  return ws;
}

function writeCsv(file: string, def: SurveyDefinition, raw: RawForm[]): void {
  const lines = [['Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)].join(',')];
  raw.forEach((f, k) => lines.push([f.unit, `P${k + 1}`, ...def.items.map((i) => f.answers[i.code] ?? '')].join(',')));
  fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
}

async function writeXlsx(file: string, def: SurveyDefinition, raw: RawForm[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('Phiếu');
  sheet.addRow(['Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)]).commit();
  raw.forEach((f, k) => sheet.addRow([f.unit, `P${k + 1}`, ...def.items.map((i) => f.answers[i.code] ?? null)]).commit());
  sheet.commit();
  await wb.commit();
}

/** Throws unless every unit's and the province's overall and factor indices equal the reference. */
function checkAgainstReference(ws: Workspace, def: SurveyDefinition, raw: RawForm[]): string {
  const json = surveyResultsJson(surveyResults(ws, YEAR));
  const byUnit = new Map<string, RawForm[]>();
  for (const f of raw) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
  const pairs = [
    { what: 'toàn tỉnh', actual: json.province, expected: referenceFigures(def, raw) },
    ...json.units.map((u) => ({ what: u.code, actual: u, expected: referenceFigures(def, byUnit.get(u.code)!) })),
  ];
  for (const { what, actual, expected } of pairs) {
    const same = (a: number | null, e: number | null) => (a === null ? e === null : e !== null && Math.abs(a - e) < 1e-9);
    if (actual.forms !== expected.forms || !same(actual.index, expected.index)) {
      throw new Error(`${what}: ${actual.index} (${actual.forms} phiếu) ≠ ${expected.index} (${expected.forms} phiếu)`);
    }
    for (const f of actual.factors) {
      if (!same(f.index, expected.factors[f.code].index) || f.n !== expected.factors[f.code].n) {
        throw new Error(`${what}, yếu tố ${f.code}: ${f.index} ≠ ${expected.factors[f.code].index}`);
      }
    }
  }
  return `khớp ${pairs.length} bộ chỉ số; toàn tỉnh ${json.province.index!.toFixed(4)}%, ${json.province.forms} phiếu hợp lệ`;
}

export const surveySuite: BenchSuite = {
  name: 'survey',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-survey-'));
    try {
      const def = builtinDefinition(YEAR);
      const raw = generateForms(def, unitCodes(), FORMS_PER_UNIT, 2025);
      const shape = `${raw.length.toLocaleString('vi-VN')} phiếu × ${def.items.length} câu hỏi`;
      const csv = path.join(dir, 'sipas-40000.csv');
      writeCsv(csv, def, raw);

      const ws = newWorkspace(path.join(dir, 'csv.parws'));
      const imported = await timed(() => importSurveyFile(ws, { year: YEAR, file: csv }));
      report.figure('import CSV', imported.ms, `${shape}, ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB`);
      const computed = await timed(() => surveyResults(ws, YEAR));
      report.figure('indices (50 đơn vị + toàn tỉnh)', computed.ms, shape);
      report.figure('import CSV + indices', imported.ms + computed.ms, `${shape}; mục tiêu < 10.000 ms`);
      report.figure('kiểm tra độc lập', 0, checkAgainstReference(ws, def, raw));
      ws.close();

      const xlsx = path.join(dir, 'sipas-40000.xlsx');
      await writeXlsx(xlsx, def, raw);
      const wsx = newWorkspace(path.join(dir, 'xlsx.parws'));
      const importedX = await timed(() => importSurveyFile(wsx, { year: YEAR, file: xlsx }));
      report.figure('import .xlsx', importedX.ms, `${shape}, ${(fs.statSync(xlsx).size / 1e6).toFixed(1)} MB`);
      const computedX = await timed(() => surveyResults(wsx, YEAR));
      report.figure('import .xlsx + indices', importedX.ms + computedX.ms, `${shape}; ${checkAgainstReference(wsx, def, raw)}`);
      wsx.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
