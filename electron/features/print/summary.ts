// The province's summary workbook of a year: per block the ranking table as provinces
// publish it, the component indices, the change against last year and the points lost.
// Ready to print: A4 landscape, header rows repeated, panes frozen, two decimals shown
// (the cells keep the unrounded figures, so sums in Excel agree with the results).
import fs from 'node:fs';
import path from 'node:path';
import { annexLine, type PublicationStamp } from '../../../shared/cycle/publication';
import type { BlockResult, Unit, YearResults } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { describeChange, formatNumber, formatPercent } from '../../../shared/format';
import { resultStatus } from '../../../shared/results/status';
import { blockFieldAverages, blockFields, blockLeafLosses, type BlockLeafLoss } from '../../../shared/compare';
import type { Workspace } from '../../db/workspace';
import { isSampleWorkspace, workspaceProvince } from '../workspace/settings';
import { cellAddress } from '../../excel/cells';
import { writeWorkbook, type CellInput, type CellSpec, type SheetSpec, type WorkbookSpec } from '../../excel/writer';
import { getScores } from '../appraisal/store';
import { requireFramework } from '../framework/service';
import { yearResults } from '../results/service';
import { listUnits } from '../units/store';
import { yearPublication } from '../publication/service';
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
  /** the year is published by decision (locked): results are final, else provisional */
  published: boolean;
  /** the decision that published the year, printed under each title; null before */
  decision?: PublicationStamp | null;
}

export const SUMMARY_SHEETS = ['Xếp hạng', 'Chỉ số thành phần', 'So với năm trước', 'Điểm bị mất'] as const;
/** Rows above a table: title, subtitle, blank; the header is row 4. */
export const HEADER_ROW = 4;

const FMT_POINTS = '0.00';
const FMT_SIGNED = '+0.00;-0.00;0.00';
const FMT_PLACES = '+0;-0;0';
const FMT_WHOLE = '0';
const HEADER_FILL = 'FFE8EDF3';

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

/** A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique in the workbook. */
function sheetName(taken: SheetSpec[], wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  const used = new Set(taken.map((s) => s.name));
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  return name;
}

function addTable(
  sheets: SheetSpec[],
  name: string,
  title: string,
  subtitle: string,
  columns: Column[],
  rows: Cell[][],
  footer: Cell[] | null,
  decision: string | null,
): void {
  const last = columns.length;
  const grid: CellInput[][] = [
    [{ value: title, style: { size: 14, bold: true, align: 'center', vertical: 'middle', wrap: true } }],
    decision
      ? [{ value: decision, style: { size: 12, italic: true, align: 'center', vertical: 'middle', wrap: true } }]
      : [{ value: subtitle, style: { size: 12, italic: true, align: 'center', vertical: 'middle', wrap: true } }],
    decision ? [{ value: subtitle, style: { size: 11, italic: true, align: 'center', vertical: 'middle', wrap: true } }] : [],
    columns.map((c) => ({ value: c.header, style: { size: 11, bold: true, align: 'center', vertical: 'middle', wrap: true, border: true, fill: HEADER_FILL } })),
  ];
  const rowHeights: Record<number, number> = {
    1: 22,
    [HEADER_ROW]: Math.max(...columns.map((c) => wrappedLines(c.header, c.width, true))) * LINE_HEIGHT + 4,
  };
  const line = (values: Cell[], bold: boolean): CellInput[] => {
    const lines = Math.max(1, ...values.map((v, i) => (typeof v === 'string' ? wrappedLines(v, columns[i].width, bold) : 1)));
    if (lines > 1) rowHeights[grid.length + 1] = lines * LINE_HEIGHT + 2;
    return columns.map((c, i): CellSpec => {
      const v = values[i] ?? null;
      const number = typeof v === 'number';
      return {
        value: v,
        style: {
          size: 11,
          bold,
          border: true,
          vertical: 'middle',
          align: c.center ? 'center' : number ? 'right' : 'left',
          wrap: !number,
          numFmt: number ? c.numFmt : undefined,
        },
      };
    });
  };
  for (const values of rows) grid.push(line(values, false));
  if (footer) grid.push(line(footer, true));
  sheets.push({
    name: sheetName(sheets, name),
    columns: columns.map((c) => ({ width: c.width })),
    rows: grid,
    rowHeights,
    merges: [`A1:${cellAddress(last, 1)}`, `A2:${cellAddress(last, 2)}`, ...(decision ? [`A3:${cellAddress(last, 3)}`] : [])],
    freeze: { rows: HEADER_ROW, columns: 2 },
    print: { orientation: 'landscape', fitToWidth: true, centered: true, repeatRows: [HEADER_ROW, HEADER_ROW], footer: '&C&"Times New Roman"&10Trang &P/&N' },
  });
}

function rankCell(unit: BlockResult['units'][number]): Cell {
  return unit.rank ?? (unit.ranked ? null : 'Không xếp hạng');
}

function blockTitle(input: SummaryWorkbookInput, what: string, block: BlockResult): string {
  return `${what} năm ${input.results.year} — ${block.name}${input.published ? '' : ' (tạm tính)'}`.toUpperCase();
}

/** "Kèm theo Quyết định số … ngày … của Ủy ban nhân dân tỉnh …" once the year is published by decision. */
function decisionLine(input: SummaryWorkbookInput): string | null {
  return input.decision ? annexLine(input.decision, input.province) : null;
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

function rankingSheet(sheets: SheetSpec[], input: SummaryWorkbookInput, block: BlockResult): void {
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
    { header: 'Tình trạng', width: 14, center: true },
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
    resultStatus(u, input.published),
  ]);
  const footer: Cell[] = [null, 'Bình quân khối', ...fields.map(() => null), null, null, block.average, null, null, null, null, null];
  addTable(sheets, `${block.name} - ${SUMMARY_SHEETS[0]}`, blockTitle(input, 'Bảng xếp hạng Chỉ số CCHC', block), subtitle(input, block), columns, rows, footer, decisionLine(input));
}

function fieldSheet(sheets: SheetSpec[], input: SummaryWorkbookInput, block: BlockResult): void {
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
  addTable(sheets, `${block.name} - ${SUMMARY_SHEETS[1]}`, blockTitle(input, 'Chỉ số thành phần theo lĩnh vực', block), subtitle(input, block), columns, rows, footer, decisionLine(input));
}

function yearOverYearSheet(sheets: SheetSpec[], input: SummaryWorkbookInput, block: BlockResult): void {
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
  addTable(sheets, `${block.name} - ${SUMMARY_SHEETS[2]}`, blockTitle(input, 'So sánh Chỉ số CCHC', block), subtitle(input, block), columns, rows, null, decisionLine(input));
}

/** Units named per sub-criterion in the points-lost table; the count of the others follows. */
export const UNITS_NAMED_PER_LOSS = 10;

/** "Sở Tư pháp (2,5); Sở Xây dựng (1,5)": the units behind a loss, largest first. */
export function unitsBehindLoss(loss: BlockLeafLoss): string {
  const named = loss.units.slice(0, UNITS_NAMED_PER_LOSS).map((u) => `${u.unitName} (${formatNumber(u.lost)})`);
  const others = loss.units.length - named.length;
  return named.join('; ') + (others > 0 ? `; và ${others} đơn vị khác` : '');
}

function lossSheet(sheets: SheetSpec[], input: SummaryWorkbookInput, block: BlockResult): void {
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
  addTable(sheets, `${block.name} - ${SUMMARY_SHEETS[3]}`, blockTitle(input, 'Các tiêu chí thành phần bị mất điểm', block), subtitle(input, block), columns, rows, null, decisionLine(input));
}

/** The summary workbook of a year, four sheets per block. */
export function buildSummaryWorkbook(input: SummaryWorkbookInput): WorkbookSpec {
  const sheets: SheetSpec[] = [];
  for (const block of input.results.blocks) {
    rankingSheet(sheets, input, block);
    fieldSheet(sheets, input, block);
    yearOverYearSheet(sheets, input, block);
    lossSheet(sheets, input, block);
  }
  return { title: `Tổng hợp Chỉ số CCHC năm ${input.results.year}`, sheets };
}

/** The figures of the summary workbook, read from a workspace. */
export function summaryInput(ws: Workspace, year: number): SummaryWorkbookInput {
  const period = requirePeriod(ws, year);
  const publication = yearPublication(ws, year);
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
    published: publication.published,
    decision: publication.stamp,
  };
}

/** Writes the summary workbook of `year` to `file` (.xlsx), whole or not at all. */
export async function exportSummaryWorkbook(ws: Workspace, year: number, file: string): Promise<{ sheets: string[] }> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UserError(`Tệp "${path.basename(file)}" cần có đuôi .xlsx; ví dụ: tong-hop-${year}.xlsx.`);
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new UserError(`Thư mục "${dir}" không tồn tại; hãy tạo thư mục trước hoặc chọn nơi lưu khác.`);
  const spec = buildSummaryWorkbook(summaryInput(ws, year));
  try {
    await writeWorkbook(spec, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EBUSY' || (e as NodeJS.ErrnoException).code === 'EPERM') {
      throw new UserError(`Không ghi được tệp "${path.basename(file)}": tệp đang mở trong Excel; hãy đóng tệp rồi thử lại.`);
    }
    throw e;
  }
  return { sheets: spec.sheets.map((s) => s.name) };
}
