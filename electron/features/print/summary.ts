// The province's summary workbook of a year: per block the ranking table as provinces
// publish it, the component indices, the change against last year and the points lost.
// Ready to print: A4 landscape, header rows repeated, panes frozen, two decimals shown
// (the cells keep the unrounded figures, so sums in Excel agree with the results).
import fs from 'node:fs';
import path from 'node:path';
import type { BlockResult, Unit, YearResults } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { describeChange, formatNumber, formatPercent } from '../../../shared/format';
import { blockFieldAverages, blockFields, blockLeafLosses, type BlockLeafLoss } from '../../../shared/compare';
import type { Workspace } from '../../db/workspace';
import { isSampleWorkspace, workspaceProvince } from '../workspace/settings';
import { ExcelJS, saveWorkbook } from '../../excel/xlsx';
import { getScores } from '../appraisal/store';
import { requireFramework } from '../framework/service';
import { yearResults } from '../results/service';
import { listUnits } from '../units/store';
import { requirePeriod } from '../workspace/service';

export interface SummaryWorkbookInput {
  results: YearResults;
  /** the block's Pareto of lost points, by block code */
  losses: Record<string, BlockLeafLoss[]>;
  /** every unit, to name the predecessors of merged or renamed units */
  units: Unit[];
  province: string | null;
  periodName: string;
  sample: boolean;
}

export const SUMMARY_SHEETS = ['Xếp hạng', 'Chỉ số thành phần', 'So với năm trước', 'Điểm bị mất'] as const;
/** Rows above a table: title, subtitle, blank; the header is row 4. */
export const HEADER_ROW = 4;

const FMT_POINTS = '0.00';
const FMT_SIGNED = '+0.00;-0.00;0.00';
const FMT_PLACES = '+0;-0;0';
const FMT_WHOLE = '0';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EDF3' } };
const FONT = 'Times New Roman';

type Cell = string | number | null;

/** Lines a text takes when wrapped in a column of `width` characters (Excel does not size rows that exceljs writes). */
function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? 1 : 1.2)) - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil([...part].length / perLine)), 0);
}

const LINE_HEIGHT = 15;

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  center?: boolean;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  return name;
}

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  columns: Column[],
  rows: Cell[][],
  footer: Cell[] | null,
): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(sheetName(wb, name), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  for (const [row, text, size] of [
    [1, title, 14],
    [2, subtitle, 12],
  ] as const) {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size, bold: row === 1, italic: row === 2 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.getRow(1).height = 22;
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  header.height = Math.max(...columns.map((c) => wrappedLines(c.header, c.width, true))) * LINE_HEIGHT + 4;
  const write = (values: Cell[], rowNumber: number, bold: boolean) => {
    const row = sheet.getRow(rowNumber);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[i];
      cell.value = v === undefined ? null : v;
      cell.font = { name: FONT, size: 11, bold };
      cell.border = BORDER;
      if (typeof v === 'number' && c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment =
        typeof v === 'number'
          ? { horizontal: c.center ? 'center' : 'right', vertical: 'middle' }
          : { horizontal: c.center ? 'center' : 'left', vertical: 'middle', wrapText: true };
    });
    const lines = Math.max(1, ...values.map((v, i) => (typeof v === 'string' ? wrappedLines(v, columns[i].width, bold) : 1)));
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
  };
  rows.forEach((values, i) => write(values, HEADER_ROW + 1 + i, false));
  if (footer) write(footer, HEADER_ROW + 1 + rows.length, true);
  return sheet;
}

function rankCell(unit: BlockResult['units'][number]): Cell {
  return unit.rank ?? (unit.ranked ? null : 'Không xếp hạng');
}

function blockTitle(input: SummaryWorkbookInput, what: string, block: BlockResult): string {
  return `${what} năm ${input.results.year} — ${block.name}`.toUpperCase();
}

function subtitle(input: SummaryWorkbookInput, block: BlockResult): string {
  return [
    input.province,
    input.periodName,
    `Bình quân khối: ${formatPercent(block.average)}`,
    input.sample ? 'DỮ LIỆU MẪU' : null,
  ]
    .filter(Boolean)
    .join(' — ');
}

function rankingSheet(wb: ExcelJS.Workbook, input: SummaryWorkbookInput, block: BlockResult): void {
  const fields = blockFields(block);
  const columns: Column[] = [
    { header: 'STT', width: 6, center: true },
    { header: 'Đơn vị', width: 38 },
    ...fields.map((f) => ({ header: `${f.code}. ${f.title} (${formatNumber(f.max)} điểm)`, width: 14, numFmt: FMT_POINTS })),
    { header: 'Tổng điểm', width: 10, numFmt: FMT_POINTS },
    { header: 'Điểm tối đa', width: 10, numFmt: FMT_POINTS },
    { header: 'Chỉ số (%)', width: 10, numFmt: FMT_POINTS },
    { header: 'Xếp hạng', width: 10, numFmt: FMT_WHOLE, center: true },
    { header: 'Xếp loại', width: 12, center: true },
    { header: 'Tăng/giảm chỉ số so với năm trước (%)', width: 13, numFmt: FMT_SIGNED },
    { header: 'Tăng/giảm bậc so với năm trước', width: 12, numFmt: FMT_PLACES },
  ];
  const rows = block.units.map((u, i): Cell[] => [
    i + 1,
    u.name,
    ...fields.map((f) => u.fields.find((x) => x.code === f.code)?.score ?? null),
    u.total,
    u.max,
    u.index,
    rankCell(u),
    u.band,
    u.deltaIndex,
    u.deltaRank,
  ]);
  const footer: Cell[] = [null, 'Bình quân khối', ...fields.map(() => null), null, null, block.average, null, null, null, null];
  addTable(wb, `${block.name} - ${SUMMARY_SHEETS[0]}`, blockTitle(input, 'Bảng xếp hạng Chỉ số CCHC', block), subtitle(input, block), columns, rows, footer);
}

function fieldSheet(wb: ExcelJS.Workbook, input: SummaryWorkbookInput, block: BlockResult): void {
  const fields = blockFields(block);
  const averages = blockFieldAverages(block);
  const columns: Column[] = [
    { header: 'STT', width: 6, center: true },
    { header: 'Đơn vị', width: 38 },
    ...fields.map((f) => ({ header: `${f.code}. ${f.title} (%)`, width: 14, numFmt: FMT_POINTS })),
    { header: 'Chỉ số CCHC (%)', width: 11, numFmt: FMT_POINTS },
  ];
  const rows = block.units.map((u, i): Cell[] => [
    i + 1,
    u.name,
    ...fields.map((f) => u.fields.find((x) => x.code === f.code)?.index ?? null),
    u.index,
  ]);
  const footer: Cell[] = [null, 'Bình quân khối', ...fields.map((f) => averages.get(f.code) ?? null), block.average];
  addTable(wb, `${block.name} - ${SUMMARY_SHEETS[1]}`, blockTitle(input, 'Chỉ số thành phần theo lĩnh vực', block), subtitle(input, block), columns, rows, footer);
}

function yearOverYearSheet(wb: ExcelJS.Workbook, input: SummaryWorkbookInput, block: BlockResult): void {
  const names = new Map(input.units.map((u) => [u.code, u.name]));
  const lineage = new Map(input.units.map((u) => [u.code, u.predecessors]));
  const previousYear = block.units.find((u) => u.previous)?.previous?.year ?? null;
  const columns: Column[] = [
    { header: 'STT', width: 6, center: true },
    { header: 'Đơn vị', width: 38 },
    { header: 'Hình thành từ', width: 30 },
    { header: `Chỉ số năm ${previousYear ?? 'trước'} (%)`, width: 11, numFmt: FMT_POINTS },
    { header: `Xếp hạng năm ${previousYear ?? 'trước'}`, width: 10, numFmt: FMT_WHOLE, center: true },
    { header: `Chỉ số năm ${input.results.year} (%)`, width: 11, numFmt: FMT_POINTS },
    { header: `Xếp hạng năm ${input.results.year}`, width: 10, numFmt: FMT_WHOLE, center: true },
    { header: 'Tăng/giảm chỉ số (%)', width: 11, numFmt: FMT_SIGNED },
    { header: 'Tăng/giảm bậc', width: 10, numFmt: FMT_PLACES },
    { header: 'Nhận xét', width: 30 },
  ];
  const rows = block.units.map((u, i): Cell[] => {
    const predecessors = (lineage.get(u.code) ?? []).map((c) => names.get(c) ?? c);
    return [
      i + 1,
      u.name,
      predecessors.length ? predecessors.join('; ') : null,
      u.previous?.index ?? null,
      u.previous?.rank ?? null,
      u.index,
      rankCell(u),
      u.deltaIndex,
      u.deltaRank,
      u.previous ? describeChange(u.deltaIndex, u.deltaRank) : 'Chưa có kết quả năm trước',
    ];
  });
  addTable(wb, `${block.name} - ${SUMMARY_SHEETS[2]}`, blockTitle(input, 'So sánh Chỉ số CCHC', block), subtitle(input, block), columns, rows, null);
}

/** Units named per sub-criterion in the points-lost table; the count of the others follows. */
export const UNITS_NAMED_PER_LOSS = 10;

/** "Sở Tư pháp (2,5); Sở Xây dựng (1,5)": the units behind a loss, largest first. */
export function unitsBehindLoss(loss: BlockLeafLoss): string {
  const named = loss.units.slice(0, UNITS_NAMED_PER_LOSS).map((u) => `${u.unitName} (${formatNumber(u.lost)})`);
  const others = loss.units.length - named.length;
  return named.join('; ') + (others > 0 ? `; và ${others} đơn vị khác` : '');
}

function lossSheet(wb: ExcelJS.Workbook, input: SummaryWorkbookInput, block: BlockResult): void {
  const losses = input.losses[block.code] ?? [];
  const columns: Column[] = [
    { header: 'STT', width: 6, center: true },
    { header: 'Mã tiêu chí', width: 10, center: true },
    { header: 'Tiêu chí thành phần', width: 42 },
    { header: 'Điểm tối đa', width: 9, numFmt: FMT_POINTS },
    { header: 'Số đơn vị bị mất điểm', width: 10, numFmt: FMT_WHOLE, center: true },
    { header: 'Tổng điểm bị mất', width: 10, numFmt: FMT_POINTS },
    { header: 'Tỷ lệ (%)', width: 9, numFmt: FMT_POINTS },
    { header: 'Lũy kế (%)', width: 9, numFmt: FMT_POINTS },
    { header: 'Các đơn vị bị mất điểm (số điểm bị mất)', width: 60 },
  ];
  const rows = losses.map((l, i): Cell[] => [
    i + 1,
    l.code,
    l.title,
    l.max,
    l.units.length,
    l.lost,
    l.share,
    l.cumulativeShare,
    unitsBehindLoss(l),
  ]);
  addTable(wb, `${block.name} - ${SUMMARY_SHEETS[3]}`, blockTitle(input, 'Các tiêu chí thành phần bị mất điểm', block), subtitle(input, block), columns, rows, null);
}

/** The summary workbook of a year, four sheets per block. */
export function buildSummaryWorkbook(input: SummaryWorkbookInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Workbench';
  wb.title = `Tổng hợp Chỉ số CCHC năm ${input.results.year}`;
  for (const block of input.results.blocks) {
    rankingSheet(wb, input, block);
    fieldSheet(wb, input, block);
    yearOverYearSheet(wb, input, block);
    lossSheet(wb, input, block);
  }
  return wb;
}

/** The figures of the summary workbook, read from a workspace. */
export function summaryInput(ws: Workspace, year: number): SummaryWorkbookInput {
  const period = requirePeriod(ws, year);
  const results = yearResults(ws, year);
  if (results.blocks.length === 0) {
    throw new UserError(`Năm ${year} chưa có kết quả nào (chưa có điểm) nên chưa xuất được bảng tổng hợp.`);
  }
  const scores = getScores(ws, year);
  const losses: Record<string, BlockLeafLoss[]> = {};
  for (const block of results.blocks) {
    losses[block.code] = blockLeafLosses(
      requireFramework(ws, year, block.code),
      scores,
      block.units.map((u) => ({ code: u.code, name: u.name })),
    );
  }
  return {
    results,
    losses,
    units: listUnits(ws),
    province: workspaceProvince(ws),
    periodName: period.name,
    sample: isSampleWorkspace(ws),
  };
}

/** Writes the summary workbook of `year` to `file` (.xlsx), whole or not at all. */
export async function exportSummaryWorkbook(ws: Workspace, year: number, file: string): Promise<{ sheets: string[] }> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UserError(`Tệp "${path.basename(file)}" cần có đuôi .xlsx; ví dụ: tong-hop-${year}.xlsx.`);
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new UserError(`Thư mục "${dir}" không tồn tại; hãy tạo thư mục trước hoặc chọn nơi lưu khác.`);
  const wb = buildSummaryWorkbook(summaryInput(ws, year));
  await saveWorkbook(wb, file);
  return { sheets: wb.worksheets.map((s) => s.name) };
}
