// Survey workbooks: the data-entry sheet for paper forms (one row per form, one column per
// item headed by its code, with validation), and the questionnaire of a year as Excel.
import type { Problem } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import type { SurveyDefinition, SurveyIndices, SurveyItem, SurveyYearResults } from '../../../shared/survey';
import { ExcelJS, cellAddress, saveWorkbook } from '../../excel/xlsx';
import { mapColumns, readTable, TableReader, type ColumnSpec } from '../../excel/tabular';
import type { Workspace } from '../../db/workspace';
import { getSurveyDefinition, getSurveySettings, saveSurveyDefinition } from './definitions';
import { listUnits } from '../units/store';

/** Rows of the entry sheet that carry validation (forms typed beyond them are still read). */
export const TEMPLATE_ROWS = 5000;

const ENTRY_SHEET = 'Phiếu';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

type SheetWithValidation = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** Writes the entry sheet of a year's questionnaire to `file` (.xlsx). */
export async function writeSurveyTemplate(ws: Workspace, year: number, file: string): Promise<{ items: number; units: number }> {
  const def = getSurveyDefinition(ws, year);
  const settings = getSurveySettings(ws, year);
  const units = listUnits(ws);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Workbench';
  wb.title = `Phiếu khảo sát SIPAS năm ${year}`;

  const entry = wb.addWorksheet(ENTRY_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] }) as SheetWithValidation;
  entry.columns = [
    { header: 'Đơn vị', width: 18 },
    { header: 'Mã phiếu', width: 12 },
    ...def.items.map((i) => ({ header: i.code, width: 8 })),
  ];
  styleHeader(entry.getRow(1));
  const last = TEMPLATE_ROWS + 1;
  if (units.length) {
    entry.dataValidations.add(`A2:A${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'Đơn vị'!$A$2:$A$${units.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Đơn vị',
      error: 'Hãy chọn mã đơn vị trong danh sách (trang "Đơn vị") hoặc ghi đúng tên đơn vị.',
    });
  }
  def.items.forEach((item, i) => {
    const col = cellAddress(i + 3, 1).replace(/\d+$/, '');
    const allowed = [item.scaleMin, item.scaleMax, ...settings.noAnswerCodes];
    const min = Math.min(...allowed);
    const max = Math.max(...allowed);
    entry.getCell(1, i + 3).note = `${item.title} (${item.scaleMin}–${item.scaleMax})`;
    entry.dataValidations.add(`${col}2:${col}${last}`, {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [min, max],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `Câu ${item.code}`,
      error: `Nhập mã câu trả lời từ ${item.scaleMin} đến ${item.scaleMax}; để trống nếu người trả lời bỏ qua câu này.`,
      showInputMessage: true,
      promptTitle: `Câu ${item.code}`,
      prompt: item.title.slice(0, 250),
    });
  });

  const questions = wb.addWorksheet('Câu hỏi');
  questions.columns = [
    { header: 'Mã câu hỏi', width: 12 },
    { header: 'Nội dung câu hỏi', width: 70 },
    { header: 'Mã yếu tố', width: 10 },
    { header: 'Yếu tố', width: 40 },
    { header: 'Lĩnh vực', width: 40 },
    { header: 'Thang đo', width: 10 },
  ];
  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const areas = new Map(def.areas.map((a) => [a.code, a]));
  for (const item of def.items) {
    const f = factors.get(item.factorCode)!;
    questions.addRow([item.code, item.title, f.code, f.name, areas.get(f.areaCode)?.name ?? f.areaCode, `${item.scaleMin}–${item.scaleMax}`]);
  }
  questions.addRow([]);
  questions.addRow(['Mã trả lời', 'Ý nghĩa']).font = { bold: true };
  for (const s of def.scaleLabels) questions.addRow([s.code, s.label]);
  for (const c of settings.noAnswerCodes) questions.addRow([c, 'Không trả lời']);
  questions.addRow(['(trống)', 'Không trả lời']);
  styleHeader(questions.getRow(1));

  const unitSheet = wb.addWorksheet('Đơn vị');
  unitSheet.columns = [
    { header: 'Mã đơn vị', width: 14 },
    { header: 'Tên đơn vị', width: 50 },
    { header: 'Khối', width: 10 },
  ];
  for (const u of units) unitSheet.addRow([u.code, u.name, u.blockCode]);
  styleHeader(unitSheet.getRow(1));

  await saveWorkbook(wb, file);
  return { items: def.items.length, units: units.length };
}

type DefinitionKey = 'areaCode' | 'areaName' | 'factorCode' | 'factorName' | 'itemCode' | 'title' | 'scaleMin' | 'scaleMax';
const DEFINITION_COLUMNS: ColumnSpec<DefinitionKey>[] = [
  { key: 'areaCode', headers: ['Mã lĩnh vực'], required: true },
  { key: 'areaName', headers: ['Lĩnh vực', 'Tên lĩnh vực'], required: true },
  { key: 'factorCode', headers: ['Mã yếu tố'], required: true },
  { key: 'factorName', headers: ['Yếu tố', 'Tên yếu tố'], required: true },
  { key: 'itemCode', headers: ['Mã câu hỏi'], required: true },
  { key: 'title', headers: ['Nội dung câu hỏi', 'Câu hỏi'], required: true },
  { key: 'scaleMin', headers: ['Thang đo từ'], required: false },
  { key: 'scaleMax', headers: ['Thang đo đến'], required: false },
];

/** Writes a year's questionnaire as one sheet, one row per item, for editing in Excel. */
export async function exportSurveyDefinition(ws: Workspace, year: number, file: string): Promise<SurveyDefinition> {
  const def = getSurveyDefinition(ws, year);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Bộ câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DEFINITION_COLUMNS.map((c) => ({ header: c.headers[0], width: c.key === 'title' ? 70 : c.key.endsWith('Name') ? 36 : 12 }));
  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const areas = new Map(def.areas.map((a) => [a.code, a]));
  for (const item of def.items) {
    const f = factors.get(item.factorCode)!;
    const a = areas.get(f.areaCode)!;
    sheet.addRow([a.code, a.name, f.code, f.name, item.code, item.title, item.scaleMin, item.scaleMax]);
  }
  styleHeader(sheet.getRow(1));
  await saveWorkbook(wb, file);
  return def;
}

/** Reads a questionnaire sheet (as exported above) and saves it as the year's own. */
export async function importSurveyDefinition(ws: Workspace, year: number, file: string): Promise<SurveyDefinition> {
  const table = await readTable(file);
  const reader = new TableReader<DefinitionKey>(table, mapColumns(table, DEFINITION_COLUMNS));
  const current = getSurveyDefinition(ws, year);
  const def: SurveyDefinition = { year, model: 'custom', areas: [], factors: [], items: [], scaleLabels: current.scaleLabels };
  const problems: Problem[] = reader.problems;
  for (const row of table.rows) {
    const text = (k: DefinitionKey) => reader.text(row, k);
    const required = (k: DefinitionKey, what: string) => {
      const v = text(k);
      if (!v) reader.problem(row, k, `thiếu ${what}; hãy điền vào ô này.`);
      return v ?? '';
    };
    const areaCode = required('areaCode', 'mã lĩnh vực');
    const factorCode = required('factorCode', 'mã yếu tố');
    const itemCode = required('itemCode', 'mã câu hỏi');
    const title = required('title', 'nội dung câu hỏi');
    const min = reader.number(row, 'scaleMin', 'Thang đo từ');
    const max = reader.number(row, 'scaleMax', 'Thang đo đến');
    const scaleMin = typeof min === 'number' ? min : 1;
    const scaleMax = typeof max === 'number' ? max : 5;
    if (!Number.isInteger(scaleMin) || !Number.isInteger(scaleMax) || scaleMax <= scaleMin) {
      reader.problem(row, 'scaleMax', `thang đo ${scaleMin}–${scaleMax} không hợp lệ; hãy ghi hai số nguyên, số sau lớn hơn số trước (ví dụ 1 và 5).`);
    }
    if (areaCode && !def.areas.some((a) => a.code === areaCode)) {
      def.areas.push({ code: areaCode, name: text('areaName') ?? areaCode });
    }
    if (factorCode && !def.factors.some((f) => f.code === factorCode)) {
      def.factors.push({ code: factorCode, areaCode, name: text('factorName') ?? factorCode });
    } else if (factorCode && def.factors.find((f) => f.code === factorCode)!.areaCode !== areaCode) {
      reader.problem(row, 'areaCode', `yếu tố ${factorCode} đã thuộc lĩnh vực khác ở dòng trên; mỗi yếu tố chỉ thuộc một lĩnh vực.`);
    }
    if (itemCode && def.items.some((i) => i.code === itemCode)) {
      reader.problem(row, 'itemCode', `mã câu hỏi ${itemCode} bị trùng; mỗi câu hỏi cần một mã riêng.`);
    } else if (itemCode && title) {
      const item: SurveyItem = { code: cleanText(itemCode), factorCode, title, scaleMin, scaleMax };
      def.items.push(item);
    }
  }
  if (table.rows.length === 0) problems.push({ file: table.fileName, message: 'tệp không có câu hỏi nào.' });
  reader.throwIfProblems();
  saveSurveyDefinition(ws, def);
  return def;
}

const PERCENT_FORMAT = '0.00';

/** Writes a year's indices to Excel: a sheet of units (overall, areas, factors, change) and a sheet of items. */
export async function exportSurveyResults(results: SurveyYearResults, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Workbench';
  wb.title = `Chỉ số hài lòng năm ${results.year}`;
  const p = results.province;
  const summary = wb.addWorksheet('Chỉ số hài lòng', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const deltaHeader = results.previousYear ? `Thay đổi so với năm ${results.previousYear} (%)` : 'Thay đổi so với năm trước (%)';
  summary.columns = [
    { header: 'Mã', width: 10 },
    { header: 'Đơn vị', width: 36 },
    { header: 'Số phiếu hợp lệ', width: 10 },
    { header: 'Chỉ số chung (%)', width: 10 },
    ...p.areas.map((a) => ({ header: `${a.name} (%)`, width: 14 })),
    ...p.factors.map((f) => ({ header: `${f.code}. ${f.name} (%)`, width: 14 })),
    { header: deltaHeader, width: 12 },
  ];
  const line = (code: string, name: string, x: SurveyIndices, delta: number | null) => {
    const row = summary.addRow([
      code,
      name,
      x.forms,
      x.index,
      ...p.areas.map((a) => x.areas.find((y) => y.code === a.code)?.index ?? null),
      ...p.factors.map((f) => x.factors.find((y) => y.code === f.code)?.index ?? null),
      delta,
    ]);
    row.eachCell((c, col) => {
      if (col >= 4) c.numFmt = PERCENT_FORMAT;
    });
    return row;
  };
  line('', 'Toàn tỉnh', p, results.provinceChange?.deltaIndex ?? null).font = { bold: true };
  for (const u of results.units) line(u.code, u.name, u, u.change?.deltaIndex ?? null);
  styleHeader(summary.getRow(1));

  const items = wb.addWorksheet('Theo câu hỏi', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  items.columns = [
    { header: 'Mã câu hỏi', width: 10 },
    { header: 'Nội dung câu hỏi', width: 60 },
    { header: 'Yếu tố', width: 8 },
    { header: 'Toàn tỉnh (%)', width: 10 },
    { header: 'Số câu trả lời', width: 10 },
    ...results.units.map((u) => ({ header: `${u.code} (%)`, width: 10 })),
  ];
  for (const f of p.factors) {
    f.items.forEach((item, i) => {
      const row = items.addRow([
        item.code,
        item.title,
        f.code,
        item.index,
        item.n,
        ...results.units.map((u) => u.factors.find((g) => g.code === f.code)?.items[i]?.index ?? null),
      ]);
      row.eachCell((c, col) => {
        if (col === 4 || col >= 6) c.numFmt = PERCENT_FORMAT;
      });
    });
  }
  styleHeader(items.getRow(1));
  await saveWorkbook(wb, file);
}
