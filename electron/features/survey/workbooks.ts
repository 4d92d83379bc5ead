// Survey workbooks: the data-entry sheet for paper forms (one row per form, one column per
// item headed by its code, with validation), and the questionnaire of a year as Excel.
import type { Problem } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import type { SurveyDefinition, SurveyIndices, SurveyItem, SurveyYearResults } from '../../../shared/survey';
import { cellAddress } from '../../excel/cells';
import { tableSheet, writeWorkbook, type CellInput, type CellSpec, type SheetSpec } from '../../excel/writer';
import { mapColumns, readTable, TableReader, type ColumnSpec } from '../../excel/tabular';
import type { Workspace } from '../../db/workspace';
import { getSurveyDefinition, getSurveySettings, saveSurveyDefinition } from './definitions';
import { listUnits } from '../units/store';

/** Rows of the entry sheet that carry validation (forms typed beyond them are still read). */
export const TEMPLATE_ROWS = 5000;

const ENTRY_SHEET = 'Phiếu';

/** Writes the entry sheet of a year's questionnaire to `file` (.xlsx). */
export async function writeSurveyTemplate(ws: Workspace, year: number, file: string): Promise<{ items: number; units: number }> {
  const def = getSurveyDefinition(ws, year);
  const settings = getSurveySettings(ws, year);
  const units = listUnits(ws);
  const last = TEMPLATE_ROWS + 1;
  const validations: SheetSpec['validations'] = [];
  if (units.length) {
    validations.push({
      range: `A2:A${last}`,
      rule: {
        kind: 'list',
        range: `'Đơn vị'!$A$2:$A$${units.length + 1}`,
        warnOnly: true,
        title: 'Đơn vị',
        message: 'Hãy chọn mã đơn vị trong danh sách (trang "Đơn vị") hoặc ghi đúng tên đơn vị.',
      },
    });
  }
  const itemHeaders: CellSpec[] = def.items.map((item, i) => {
    const col = cellAddress(i + 3, 1).replace(/\d+$/, '');
    const allowed = [item.scaleMin, item.scaleMax, ...settings.noAnswerCodes];
    validations.push({
      range: `${col}2:${col}${last}`,
      rule: {
        kind: 'whole',
        min: Math.min(...allowed),
        max: Math.max(...allowed),
        title: `Câu ${item.code}`,
        message: `Nhập mã câu trả lời từ ${item.scaleMin} đến ${item.scaleMax}; để trống nếu người trả lời bỏ qua câu này.`,
        prompt: { title: `Câu ${item.code}`, text: item.title },
      },
    });
    return { value: item.code, note: `${item.title} (${item.scaleMin}–${item.scaleMax})` };
  });
  const entry: SheetSpec = {
    ...tableSheet(ENTRY_SHEET, ['Đơn vị', 'Mã phiếu'], [18, 12, ...def.items.map(() => 8)], []),
    freeze: { rows: 1, columns: 2 },
    validations,
  };
  entry.rows[0] = [...entry.rows[0], ...itemHeaders.map((h) => ({ ...h, style: (entry.rows[0][0] as CellSpec).style }))];

  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const areas = new Map(def.areas.map((a) => [a.code, a]));
  const questions = tableSheet(
    'Câu hỏi',
    ['Mã câu hỏi', 'Nội dung câu hỏi', 'Mã yếu tố', 'Yếu tố', 'Lĩnh vực', 'Thang đo'],
    [12, 70, 10, 40, 40, 10],
    [
      ...def.items.map((item) => {
        const f = factors.get(item.factorCode)!;
        return [item.code, item.title, f.code, f.name, areas.get(f.areaCode)?.name ?? f.areaCode, `${item.scaleMin}–${item.scaleMax}`];
      }),
      [],
      [
        { value: 'Mã trả lời', style: { bold: true } },
        { value: 'Ý nghĩa', style: { bold: true } },
      ],
      ...def.scaleLabels.map((l) => [l.code, l.label]),
      ...settings.noAnswerCodes.map((c) => [c, 'Không trả lời']),
      ['(trống)', 'Không trả lời'],
    ],
  );
  const unitSheet = tableSheet('Đơn vị', ['Mã đơn vị', 'Tên đơn vị', 'Khối'], [14, 50, 10], units.map((u) => [u.code, u.name, u.blockCode]));

  await writeWorkbook({ title: `Phiếu khảo sát SIPAS năm ${year}`, sheets: [entry, questions, unitSheet] }, file);
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
  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const areas = new Map(def.areas.map((a) => [a.code, a]));
  const rows = def.items.map((item) => {
    const f = factors.get(item.factorCode)!;
    const a = areas.get(f.areaCode)!;
    return [a.code, a.name, f.code, f.name, item.code, item.title, item.scaleMin, item.scaleMax];
  });
  const sheet = tableSheet(
    'Bộ câu hỏi',
    DEFINITION_COLUMNS.map((c) => c.headers[0]),
    DEFINITION_COLUMNS.map((c) => (c.key === 'title' ? 70 : c.key.endsWith('Name') ? 36 : 12)),
    rows,
  );
  await writeWorkbook({ title: `Bộ câu hỏi khảo sát năm ${year}`, sheets: [sheet] }, file);
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

/** A cell of the results sheets: percentages with two decimals, the province's line in bold. */
function cell(value: string | number | null, options: { percent?: boolean; bold?: boolean } = {}): CellInput {
  return { value, style: { numFmt: options.percent ? PERCENT_FORMAT : undefined, bold: options.bold } };
}

/** Writes a year's indices to Excel: a sheet of units (overall, areas, factors, change) and a sheet of items. */
export async function exportSurveyResults(results: SurveyYearResults, file: string): Promise<void> {
  const p = results.province;
  const deltaHeader = results.previousYear ? `Thay đổi so với năm ${results.previousYear} (%)` : 'Thay đổi so với năm trước (%)';
  const line = (code: string, name: string, x: SurveyIndices, delta: number | null, bold = false): CellInput[] => {
    const percents = [
      x.index,
      ...p.areas.map((a) => x.areas.find((y) => y.code === a.code)?.index ?? null),
      ...p.factors.map((f) => x.factors.find((y) => y.code === f.code)?.index ?? null),
      delta,
    ];
    return [cell(code, { bold }), cell(name, { bold }), cell(x.forms, { bold }), ...percents.map((v) => cell(v, { percent: true, bold }))];
  };
  const summary: SheetSpec = {
    ...tableSheet(
      'Chỉ số hài lòng',
      ['Mã', 'Đơn vị', 'Số phiếu hợp lệ', 'Chỉ số chung (%)', ...p.areas.map((a) => `${a.name} (%)`), ...p.factors.map((f) => `${f.code}. ${f.name} (%)`), deltaHeader],
      [10, 36, 10, 10, ...p.areas.map(() => 14), ...p.factors.map(() => 14), 12],
      [line('', 'Toàn tỉnh', p, results.provinceChange?.deltaIndex ?? null, true), ...results.units.map((u) => line(u.code, u.name, u, u.change?.deltaIndex ?? null))],
    ),
    freeze: { rows: 1, columns: 2 },
  };
  const itemRows = p.factors.flatMap((f) =>
    f.items.map((item, i): CellInput[] => [
      item.code,
      item.title,
      f.code,
      cell(item.index, { percent: true }),
      item.n,
      ...results.units.map((u) => cell(u.factors.find((g) => g.code === f.code)?.items[i]?.index ?? null, { percent: true })),
    ]),
  );
  const items: SheetSpec = {
    ...tableSheet(
      'Theo câu hỏi',
      ['Mã câu hỏi', 'Nội dung câu hỏi', 'Yếu tố', 'Toàn tỉnh (%)', 'Số câu trả lời', ...results.units.map((u) => `${u.code} (%)`)],
      [10, 60, 8, 10, 10, ...results.units.map(() => 10)],
      itemRows,
    ),
    freeze: { rows: 1, columns: 2 },
  };
  await writeWorkbook({ title: `Chỉ số hài lòng năm ${results.year}`, sheets: [summary, items] }, file);
}
