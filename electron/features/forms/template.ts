// Self-assessment forms: one workbook per unit and year, generated from the unit's framework,
// that a unit can fill in without breaking it (only input cells unlocked, data validation on
// every score cell) and that identifies itself when it comes back (hidden metadata sheet and
// a hidden column with each row's leaf code).
import fs from 'node:fs';
import type { CriterionNode, Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { formatDate, formatNumber } from '../../../shared/format';
import { frameworkMaximum, leafCodes, sumOfChildren } from '../../../shared/results';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { unitScoreStates } from '../appraisal/store';
import { ExcelJS, cellAddress } from '../../excel/xlsx';
import { frameworkFingerprint } from './fingerprint';
import { UniqueNames, fileInside, refuseUnsafeFolder, writeFileAtomically } from '../../files/output';
import { codeForFileName } from '../../../shared/units/codes';
import {
  COL,
  FORM_FORMAT,
  FORM_FORMAT_VERSION,
  FORM_HEADER_ROW as HEADER_ROW,
  FORM_SHEET,
  HEADER_LABELS,
  INSTRUCTIONS_SHEET,
  META_KEYS,
  META_LIST_FIRST_ROW,
  META_SHEET,
} from './layout';
import { requireFramework } from '../framework/service';
import { listFrameworks } from '../framework/store';
import { participatingUnits } from '../participation/service';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { requirePeriod } from '../workspace/service';
import { getBlock, getSetting } from '../workspace/store';

/**
 * Sheet protection guards the form against accidental edits, it is not a secret: the
 * password is written in the Sở's own guide. spinCount 1000 keeps writing fast (the default
 * 100,000 rounds cost ~0.6 s per sheet).
 */
export const FORM_PROTECTION_PASSWORD = 'cchc';
const PROTECTION = { spinCount: 1000, selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

const FONT = 'Times New Roman';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const FIELD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
} as ExcelJS.Borders;

export interface FormTemplateRequest {
  year: number;
  unitCode: string;
  /** the date forms are due, ISO yyyy-mm-dd; shown as dd/mm/yyyy */
  deadline?: string | null;
}

export interface GeneratedForm {
  unitCode: string;
  unitName: string;
  year: number;
  file: string;
  leafCount: number;
  frameworkFingerprint: string;
}

export interface FormProgress {
  done: number;
  total: number;
  unitCode: string;
}

/**
 * The units that take part in `year`: those of a block with a framework that year, less the
 * units that were replaced (another unit descends from them) and the successors not formed
 * yet (their predecessors still hold scores that year). A unit with scores that year always
 * takes part.
 */
export function unitsOfYear(ws: Workspace, year: number): Unit[] {
  const blocks = new Set(listFrameworks(ws, year).map((f) => f.blockCode));
  const units = listUnits(ws).filter((u) => blocks.has(u.blockCode));
  const scored = new Set(participatingUnits(ws, year));
  const replaced = new Set(listUnits(ws).flatMap((u) => u.predecessors));
  return units.filter((u) => {
    if (scored.has(u.code)) return true;
    if (replaced.has(u.code)) return false;
    return !u.predecessors.some((p) => scored.has(p));
  });
}

/** "2025_XA01_ubnd-xa-an-binh.xlsx": ASCII, so that it survives e-mail and zip tools. */
export function formFileName(year: number, unit: Unit): string {
  const slug = matchKey(unit.name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const code = codeForFileName(unit.code);
  return `${year}_${code}${slug ? `_${slug}` : ''}.xlsx`;
}

function displayDeadline(deadline: string | null | undefined): string {
  if (!deadline) return 'theo văn bản hướng dẫn của Sở Nội vụ';
  const d = new Date(`${deadline}T00:00:00`);
  return Number.isNaN(d.getTime()) ? deadline : formatDate(d);
}

/** "D10:D14,D16" for the given rows of one column: consecutive rows become one range. */
function rangeList(column: number, rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const from = cellAddress(column, sorted[i]);
    parts.push(j > i ? `${from}:${cellAddress(column, sorted[j])}` : from);
    i = j;
  }
  return parts.join(',');
}

/** SUM of the added cells minus SUM of the deducted ones, in chunks SUM accepts. */
function totalFormula(column: number, added: number[], deducted: number[]): string {
  const sum = (rows: number[]) => {
    if (rows.length === 0) return null;
    const list = rangeList(column, rows).split(',');
    const chunks: string[] = [];
    for (let i = 0; i < list.length; i += 200) chunks.push(`SUM(${list.slice(i, i + 200).join(',')})`);
    return chunks.join('+');
  };
  const plus = sum(added) ?? '0';
  const minus = sum(deducted);
  return minus ? `${plus}-(${minus})` : plus;
}

function methodHint(node: CriterionNode): string {
  const max = formatNumber(node.maxPoints ?? 0, 4);
  switch (node.method) {
    case 'yesno':
      return `Chọn 0 hoặc ${max} (có/không).`;
    case 'bonus':
      return `Điểm thưởng: nhập từ 0 đến ${max}.`;
    case 'deduction':
      return `Điểm trừ: nhập số điểm bị trừ, từ 0 đến ${max}.`;
    default:
      return `Nhập điểm từ 0 đến ${max}.`;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

interface BuildContext {
  year: number;
  unit: Unit;
  blockName: string;
  province: string | null;
  /** a workspace of sample data: everything made from it says so */
  sample: boolean;
  deadline: string | null;
  nodes: CriterionNode[];
  notApplicable: Set<string>;
  fingerprint: string;
  generatedAt: string;
}

function buildInstructions(wb: ExcelJS.Workbook, ctx: BuildContext): void {
  const sheet = wb.addWorksheet(INSTRUCTIONS_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getColumn(1).width = 110;
  const lines: [string, boolean][] = [
    [`HƯỚNG DẪN ĐIỀN BIỂU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${ctx.year}`, true],
    [`Đơn vị: ${ctx.unit.name}. Hạn gửi: ${displayDeadline(ctx.deadline)}.`, false],
    ['', false],
    [`1. Điền vào trang "${FORM_SHEET}", chỉ ở các ô nền vàng; các ô khác đã được khóa.`, false],
    ['2. Cột "Điểm tự chấm": nhập điểm của từng tiêu chí thành phần, từ 0 đến điểm tối đa của tiêu chí đó. Có thể dùng dấu phẩy thập phân (ví dụ 2,5).', false],
    ['3. Tiêu chí chấm theo có/không chỉ nhận 0 hoặc đúng điểm tối đa: chọn trong danh sách của ô.', false],
    ['4. Cột "Tài liệu kiểm chứng": ghi số, ký hiệu, ngày của văn bản chứng minh (ví dụ: Kế hoạch số 12/KH-UBND ngày 15/01/2025).', false],
    ['5. Cột "Giải trình": bắt buộc khi tiêu chí yêu cầu tài liệu kiểm chứng mà đơn vị chưa có; nên ghi rõ lý do khi tự chấm dưới điểm tối đa.', false],
    ['6. Các tiêu chí chấm qua điều tra xã hội học (ô xám) do Sở Nội vụ tổng hợp; đơn vị không tự chấm.', false],
    ['7. Các dòng lĩnh vực, tiêu chí và dòng TỔNG CỘNG tự cộng điểm; không cần nhập.', false],
    ['8. Không xóa, chèn dòng hoặc cột, không đổi tên trang; giữ nguyên tên tệp hoặc đặt tên có mã đơn vị.', false],
    ['9. Lưu tệp ở định dạng Excel (.xlsx) rồi gửi lại cho Sở Nội vụ. Nếu gửi lại bản sửa, bản mới sẽ thay thế bản cũ.', false],
    ['10. Gõ chữ tiếng Việt bằng bảng mã Unicode (phông Times New Roman).', false],
  ];
  lines.forEach(([text, bold], i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: bold ? 14 : 13, bold };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Where the yes/no list of the i-th distinct maximum lives on the metadata sheet. */
function yesnoListRef(i: number): string {
  return `${META_SHEET}!$B$${META_LIST_FIRST_ROW + i}:$C$${META_LIST_FIRST_ROW + i}`;
}

function buildMeta(wb: ExcelJS.Workbook, ctx: BuildContext, yesnoMaxima: number[]): void {
  const sheet = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const leaves = leafCodes(ctx.nodes);
  const entries: [string, string | number][] = [
    [META_KEYS.format, FORM_FORMAT],
    [META_KEYS.formatVersion, FORM_FORMAT_VERSION],
    [META_KEYS.year, ctx.year],
    [META_KEYS.unitCode, ctx.unit.code],
    [META_KEYS.unitName, ctx.unit.name],
    [META_KEYS.blockCode, ctx.unit.blockCode],
    [META_KEYS.fingerprint, ctx.fingerprint],
    [META_KEYS.leafCount, leaves.size],
    [META_KEYS.generatedAt, ctx.generatedAt],
    [META_KEYS.headerRow, HEADER_ROW],
  ];
  entries.forEach(([k, v], i) => {
    sheet.getCell(i + 1, 1).value = k;
    sheet.getCell(i + 1, 2).value = v;
  });
  // Yes/no lists point at cells holding numbers, so that the choice is a number in every
  // locale (a literal list "0,0.5" would be read as text or a date by some Excel locales).
  yesnoMaxima.forEach((max, i) => {
    const row = META_LIST_FIRST_ROW + i;
    sheet.getCell(row, 1).value = 'yesno';
    sheet.getCell(row, 2).value = 0;
    sheet.getCell(row, 3).value = max;
  });
}

const COLUMN_WIDTHS: Record<number, number> = { 1: 9, 2: 62, 3: 10, 4: 12, 5: 34, 6: 34, 7: 12 };

/**
 * A height that shows every line of the row's wrapped text: spreadsheet programs do not grow
 * rows for text written by another program until someone edits them.
 */
function fitRowHeight(row: ExcelJS.Row): void {
  let lines = 1;
  for (const c of [COL.title, COL.evidence, COL.explanation]) {
    const text = row.getCell(c).value;
    if (typeof text !== 'string') continue;
    // a little under one character per unit of column width in Times New Roman 12 (bold is wider)
    lines = Math.max(lines, Math.ceil(text.length / (COLUMN_WIDTHS[c] * 0.95)));
  }
  row.height = Math.max(16.5, lines * 15.75);
}

function styleRow(row: ExcelJS.Row, options: { bold?: boolean; fill?: ExcelJS.Fill }): void {
  for (let c: number = COL.stt; c <= COL.explanation; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 12, bold: options.bold };
    cell.border = THIN;
    cell.alignment = {
      vertical: 'middle',
      wrapText: c === COL.title || c === COL.evidence || c === COL.explanation,
      horizontal: c === COL.stt || c === COL.max || c === COL.self ? 'center' : 'left',
    };
    if (options.fill) cell.fill = options.fill;
  }
}

function buildFormSheet(wb: ExcelJS.Workbook, ctx: BuildContext, yesnoLists: Map<number, string>): void {
  const sheet = wb.addWorksheet(FORM_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, activeCell: cellAddress(COL.self, HEADER_ROW + 1) }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' },
  });
  for (const [c, w] of Object.entries(COLUMN_WIDTHS)) sheet.getColumn(Number(c)).width = w;
  sheet.getColumn(COL.code).hidden = true;

  const heading: [string, number, boolean][] = [
    [`BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${ctx.year}`, 14, true],
    [[ctx.province ?? 'Sở Nội vụ', ctx.sample ? 'Dữ liệu mẫu' : null].filter(Boolean).join(' – '), 13, false],
    [`Đơn vị: ${ctx.unit.name} (mã ${ctx.unit.code})`, 13, true],
    [`Khối: ${ctx.blockName}`, 13, false],
    [`Hạn gửi: ${displayDeadline(ctx.deadline)}`, 13, false],
    ['Nhập điểm tự chấm, tài liệu kiểm chứng và giải trình vào các ô nền vàng; các ô khác đã được khóa.', 12, false],
  ];
  heading.forEach(([text, size, bold], i) => {
    const r = i + 1;
    sheet.mergeCells(r, COL.stt, r, COL.explanation);
    const cell = sheet.getCell(r, COL.stt);
    cell.value = text;
    cell.font = { name: FONT, size, bold, italic: r === 6 };
    cell.alignment = { horizontal: r <= 2 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  });
  sheet.getRow(1).height = 22;

  const header = sheet.getRow(HEADER_ROW);
  (Object.keys(COL) as (keyof typeof COL)[]).forEach((k) => {
    header.getCell(COL[k]).value = HEADER_LABELS[k];
  });
  styleRow(header, { bold: true, fill: FIELD_FILL });
  header.getCell(COL.code).font = { name: FONT, size: 10 };
  header.height = 32;
  for (let c: number = COL.stt; c <= COL.explanation; c++) header.getCell(c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const leafSet = leafCodes(ctx.nodes);
  const rowOf = new Map<string, number>();
  ctx.nodes.forEach((n, i) => rowOf.set(n.code, HEADER_ROW + 1 + i));
  const children = new Map<string, CriterionNode[]>();
  for (const n of ctx.nodes) {
    if (n.parentCode === null) continue;
    const list = children.get(n.parentCode) ?? [];
    list.push(n);
    children.set(n.parentCode, list);
  }
  const descendantLeaves = (code: string): CriterionNode[] =>
    (children.get(code) ?? []).flatMap((c) => (leafSet.has(c.code) ? [c] : descendantLeaves(c.code)));

  for (const node of ctx.nodes) {
    const r = rowOf.get(node.code)!;
    const row = sheet.getRow(r);
    const isLeaf = leafSet.has(node.code);
    row.getCell(COL.stt).value = node.code;
    row.getCell(COL.title).value = node.title;
    row.getCell(COL.code).value = node.code;
    row.getCell(COL.code).font = { name: FONT, size: 10 };
    const max = node.maxPoints ?? sumOfChildren(ctx.nodes, node.code);
    row.getCell(COL.max).value = max;
    if (!isLeaf) {
      const under = descendantLeaves(node.code);
      const deducted = under.filter((l) => l.method === 'deduction').map((l) => rowOf.get(l.code)!);
      const added = under.filter((l) => l.method !== 'deduction').map((l) => rowOf.get(l.code)!);
      row.getCell(COL.self).value = { formula: totalFormula(COL.self, added, deducted), result: 0 };
      styleRow(row, { bold: true, fill: node.parentCode === null ? FIELD_FILL : undefined });
      continue;
    }
    styleRow(row, {});
    const self = row.getCell(COL.self);
    const evidence = row.getCell(COL.evidence);
    const explanation = row.getCell(COL.explanation);
    self.numFmt = '0.###';
    if (node.source === 'survey') {
      for (const c of [self, evidence, explanation]) c.fill = LOCKED_FILL;
      explanation.value = 'Điểm do điều tra xã hội học; đơn vị không tự chấm.';
      continue;
    }
    if (ctx.notApplicable.has(node.code)) {
      for (const c of [self, evidence, explanation]) c.fill = LOCKED_FILL;
      explanation.value = 'Không áp dụng đối với đơn vị.';
      continue;
    }
    for (const c of [self, evidence, explanation]) {
      c.fill = INPUT_FILL;
      c.protection = { locked: false };
    }
    const prompt = truncate(
      [methodHint(node), node.evidenceRequired ? 'Cần tài liệu kiểm chứng.' : '', node.guidance ?? ''].filter(Boolean).join(' '),
      250,
    );
    const maxText = formatNumber(node.maxPoints ?? 0, 4);
    const list = node.method === 'yesno' ? yesnoLists.get(node.maxPoints ?? 0) : undefined;
    self.dataValidation = list
      ? {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Điểm không hợp lệ',
          error: `Tiêu chí ${node.code} chỉ nhận 0 hoặc ${maxText}.`,
          showInputMessage: true,
          promptTitle: `Tiêu chí ${node.code}`,
          prompt,
        }
      : {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [0, node.maxPoints ?? 0],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Điểm không hợp lệ',
          error: `Tiêu chí ${node.code}: nhập một số từ 0 đến ${maxText}.`,
          showInputMessage: true,
          promptTitle: `Tiêu chí ${node.code}`,
          prompt,
        };
  }

  for (const r of rowOf.values()) fitRowHeight(sheet.getRow(r));

  const totalRow = sheet.getRow(HEADER_ROW + ctx.nodes.length + 1);
  totalRow.getCell(COL.title).value = 'TỔNG CỘNG';
  totalRow.getCell(COL.max).value = frameworkMaximum(ctx.nodes);
  const roots = ctx.nodes.filter((n) => n.parentCode === null);
  const rootLeaves = roots.filter((n) => leafSet.has(n.code));
  const rootParents = roots.filter((n) => !leafSet.has(n.code)).map((n) => rowOf.get(n.code)!);
  totalRow.getCell(COL.self).value = {
    formula: totalFormula(
      COL.self,
      [...rootParents, ...rootLeaves.filter((l) => l.method !== 'deduction').map((l) => rowOf.get(l.code)!)],
      rootLeaves.filter((l) => l.method === 'deduction').map((l) => rowOf.get(l.code)!),
    ),
    result: 0,
  };
  styleRow(totalRow, { bold: true, fill: FIELD_FILL });
}

/** The form of one unit and year as .xlsx bytes. */
export async function buildFormWorkbook(ws: Workspace, request: FormTemplateRequest): Promise<{ bytes: Buffer; form: Omit<GeneratedForm, 'file'> }> {
  const unit = requireUnit(ws, request.unitCode);
  requirePeriod(ws, request.year);
  const framework = requireFramework(ws, request.year, unit.blockCode);
  if (framework.nodes.length === 0) {
    throw new UserError(`Bộ chỉ số năm ${request.year} của khối "${unit.blockCode}" chưa có tiêu chí nào.`);
  }
  const notApplicable = new Set(
    [...unitScoreStates(ws, request.year, unit.code)].filter(([, s]) => s.notApplicable).map(([code]) => code),
  );
  const ctx: BuildContext = {
    year: request.year,
    unit,
    blockName: getBlock(ws, unit.blockCode)?.name ?? unit.blockCode,
    province: getSetting(ws, 'province'),
    sample: getSetting(ws, 'sample') === '1',
    deadline: request.deadline ?? null,
    nodes: framework.nodes,
    notApplicable,
    fingerprint: frameworkFingerprint(framework.nodes),
    generatedAt: new Date().toISOString(),
  };
  const leafSet = leafCodes(framework.nodes);
  const yesnoMaxima = [
    ...new Set(framework.nodes.filter((n) => leafSet.has(n.code) && n.method === 'yesno').map((n) => n.maxPoints ?? 0)),
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Workbench';
  wb.title = `Biểu tự đánh giá CCHC năm ${request.year} - ${unit.name}${ctx.sample ? ' (Dữ liệu mẫu)' : ''}`;
  wb.calcProperties = { fullCalcOnLoad: true };
  // The form sheet is built first so that it opens first; the metadata sheet (built after,
  // referenced by the yes/no lists) stays last and very hidden.
  buildFormSheet(wb, ctx, new Map(yesnoMaxima.map((max, i) => [max, yesnoListRef(i)])));
  buildInstructions(wb, ctx);
  buildMeta(wb, ctx, yesnoMaxima);
  for (const sheet of wb.worksheets) {
    await sheet.protect(FORM_PROTECTION_PASSWORD, PROTECTION);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    bytes,
    form: {
      unitCode: unit.code,
      unitName: unit.name,
      year: request.year,
      leafCount: leafSet.size,
      frameworkFingerprint: ctx.fingerprint,
    },
  };
}

/** Writes the form of one unit to `outFile` (its folder is created). */
export async function writeFormTemplate(ws: Workspace, request: FormTemplateRequest & { outFile: string }): Promise<GeneratedForm> {
  const { bytes, form } = await buildFormWorkbook(ws, request);
  writeFileAtomically(request.outFile, bytes);
  return { ...form, file: request.outFile };
}

export interface FormBatchRequest {
  year: number;
  /** the units to write forms for; all units of the year when absent */
  unitCodes?: string[];
  outDir: string;
  deadline?: string | null;
}

/** Writes one form per unit of the year (or of the given units) into `outDir`. */
export async function generateFormTemplates(
  ws: Workspace,
  request: FormBatchRequest,
  onProgress?: (p: FormProgress) => void,
): Promise<GeneratedForm[]> {
  requirePeriod(ws, request.year);
  const units = request.unitCodes ? request.unitCodes.map((c) => requireUnit(ws, c)) : unitsOfYear(ws, request.year);
  if (units.length === 0) {
    throw new UserError(`Năm ${request.year} chưa có đơn vị nào thuộc khối có bộ chỉ số; hãy nhập bộ chỉ số và danh sách đơn vị trước.`);
  }
  for (const u of units) requireFramework(ws, request.year, u.blockCode);
  refuseUnsafeFolder(request.outDir);
  fs.mkdirSync(request.outDir, { recursive: true });
  const written: GeneratedForm[] = [];
  const names = new UniqueNames();
  for (const unit of units) {
    const outFile = fileInside(request.outDir, names.take(formFileName(request.year, unit)));
    written.push(await writeFormTemplate(ws, { year: request.year, unitCode: unit.code, deadline: request.deadline, outFile }));
    onProgress?.({ done: written.length, total: units.length, unitCode: unit.code });
  }
  return written;
}
