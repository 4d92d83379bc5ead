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
import { cellAddress } from '../../excel/cells';
import { workbookBytes, type CellInput, type CellSpec, type CellStyle, type SheetSpec } from '../../excel/writer';
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
import { unitsTakingPart } from '../participation/service';
import { requireUnit } from '../units/service';
import { requirePeriod } from '../workspace/service';
import { getBlock, getSetting } from '../workspace/store';

/**
 * Sheet protection guards the form against accidental edits, it is not a secret: the
 * password is written in the Sở's own guide.
 */
export const FORM_PROTECTION_PASSWORD = 'cchc';

const INPUT_FILL = 'FFFFF2CC';
const LOCKED_FILL = 'FFE7E6E6';
const FIELD_FILL = 'FFDDEBF7';

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

function instructionsSheet(ctx: BuildContext): SheetSpec {
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
  return {
    name: INSTRUCTIONS_SHEET,
    columns: [{ width: 110 }],
    rows: lines.map(([text, bold]) => [{ value: text, style: { size: bold ? 14 : 13, bold, wrap: true, vertical: 'top' } }]),
    protection: { password: FORM_PROTECTION_PASSWORD },
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

/** Where the yes/no list of the i-th distinct maximum lives on the metadata sheet. */
function yesnoListRef(i: number): string {
  return `${META_SHEET}!$B$${META_LIST_FIRST_ROW + i}:$C$${META_LIST_FIRST_ROW + i}`;
}

function metaSheet(ctx: BuildContext, yesnoMaxima: number[]): SheetSpec {
  const leaves = leafCodes(ctx.nodes);
  const rows: CellInput[][] = [
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
  // Yes/no lists point at cells holding numbers, so that the choice is a number in every
  // locale (a literal list "0,0.5" would be read as text or a date by some Excel locales).
  yesnoMaxima.forEach((max, i) => {
    rows[META_LIST_FIRST_ROW + i - 1] = ['yesno', 0, max];
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: META_SHEET, state: 'veryHidden', rows, protection: { password: FORM_PROTECTION_PASSWORD } };
}

const COLUMN_WIDTHS: Record<number, number> = { 1: 9, 2: 62, 3: 10, 4: 12, 5: 34, 6: 34, 7: 12 };

/**
 * A height that shows every line of the row's wrapped text: spreadsheet programs do not grow
 * rows for text written by another program until someone edits them.
 */
function fittedHeight(cells: CellSpec[]): number {
  let lines = 1;
  for (const c of [COL.title, COL.evidence, COL.explanation]) {
    const text = cells[c - 1]?.value;
    if (typeof text !== 'string') continue;
    // a little under one character per unit of column width in Times New Roman 12 (bold is wider)
    lines = Math.max(lines, Math.ceil(text.length / (COLUMN_WIDTHS[c] * 0.95)));
  }
  return Math.max(16.5, lines * 15.75);
}

/** A row of the form's table: every column bordered, centred where numbers stand, text wrapped. */
function tableRow(values: Partial<Record<keyof typeof COL, CellSpec['value']>>, options: { bold?: boolean; fill?: string } = {}): CellSpec[] {
  const cells: CellSpec[] = [];
  for (let c: number = COL.stt; c <= COL.explanation; c++) {
    const key = (Object.keys(COL) as (keyof typeof COL)[]).find((k) => COL[k] === c)!;
    const style: CellStyle = {
      bold: options.bold,
      border: true,
      vertical: 'middle',
      wrap: c === COL.title || c === COL.evidence || c === COL.explanation,
      align: c === COL.stt || c === COL.max || c === COL.self ? 'center' : 'left',
      fill: options.fill,
    };
    cells.push({ value: values[key] ?? null, style });
  }
  // the hidden column with the leaf's code, outside the printed table
  cells[COL.code - 1] = { value: values.code ?? null, style: { size: 10 } };
  return cells;
}

function formSheet(ctx: BuildContext, yesnoLists: Map<number, string>): SheetSpec {
  const heading: [string, number, boolean][] = [
    [`BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${ctx.year}`, 14, true],
    [[ctx.province ?? 'Sở Nội vụ', ctx.sample ? 'Dữ liệu mẫu' : null].filter(Boolean).join(' – '), 13, false],
    [`Đơn vị: ${ctx.unit.name} (mã ${ctx.unit.code})`, 13, true],
    [`Khối: ${ctx.blockName}`, 13, false],
    [`Hạn gửi: ${displayDeadline(ctx.deadline)}`, 13, false],
    ['Nhập điểm tự chấm, tài liệu kiểm chứng và giải trình vào các ô nền vàng; các ô khác đã được khóa.', 12, false],
  ];
  const rows: CellInput[][] = heading.map(([text, size, bold], i) => [
    { value: text, style: { size, bold, italic: i === 5, align: i <= 1 ? 'center' : 'left', vertical: 'middle', wrap: true } },
  ]);
  const merges = heading.map((_, i) => `${cellAddress(COL.stt, i + 1)}:${cellAddress(COL.explanation, i + 1)}`);
  const rowHeights: Record<number, number> = { 1: 22, [HEADER_ROW]: 32 };

  const labels = Object.fromEntries((Object.keys(COL) as (keyof typeof COL)[]).map((k) => [k, HEADER_LABELS[k]]));
  const header = tableRow(labels, { bold: true, fill: FIELD_FILL });
  for (const cell of header.slice(0, COL.explanation)) cell.style = { ...cell.style, align: 'center', wrap: true };
  rows[HEADER_ROW - 1] = header;

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
    const max = node.maxPoints ?? sumOfChildren(ctx.nodes, node.code);
    const base = { stt: node.code, title: node.title, code: node.code, max };
    if (!leafSet.has(node.code)) {
      const under = descendantLeaves(node.code);
      const deducted = under.filter((l) => l.method === 'deduction').map((l) => rowOf.get(l.code)!);
      const added = under.filter((l) => l.method !== 'deduction').map((l) => rowOf.get(l.code)!);
      rows[r - 1] = tableRow({ ...base, self: { formula: totalFormula(COL.self, added, deducted), result: 0 } }, { bold: true, fill: node.parentCode === null ? FIELD_FILL : undefined });
      rowHeights[r] = fittedHeight(rows[r - 1] as CellSpec[]);
      continue;
    }
    const locked = node.source === 'survey' ? 'Điểm do điều tra xã hội học; đơn vị không tự chấm.' : ctx.notApplicable.has(node.code) ? 'Không áp dụng đối với đơn vị.' : null;
    const cells = tableRow({ ...base, explanation: locked });
    const inputs = [cells[COL.self - 1], cells[COL.evidence - 1], cells[COL.explanation - 1]];
    cells[COL.self - 1].style = { ...cells[COL.self - 1].style, numFmt: '0.###' };
    for (const c of inputs) c.style = { ...c.style, fill: locked ? LOCKED_FILL : INPUT_FILL };
    if (!locked) {
      for (const c of inputs) c.unlocked = true;
      const prompt = { title: `Tiêu chí ${node.code}`, text: truncate([methodHint(node), node.evidenceRequired ? 'Cần tài liệu kiểm chứng.' : '', node.guidance ?? ''].filter(Boolean).join(' '), 250) };
      const maxText = formatNumber(node.maxPoints ?? 0, 4);
      const list = node.method === 'yesno' ? yesnoLists.get(node.maxPoints ?? 0) : undefined;
      cells[COL.self - 1].validation = list
        ? { kind: 'list', range: list, title: 'Điểm không hợp lệ', message: `Tiêu chí ${node.code} chỉ nhận 0 hoặc ${maxText}.`, prompt }
        : { kind: 'decimal', min: 0, max: node.maxPoints ?? 0, title: 'Điểm không hợp lệ', message: `Tiêu chí ${node.code}: nhập một số từ 0 đến ${maxText}.`, prompt };
    }
    rows[r - 1] = cells;
    rowHeights[r] = fittedHeight(cells);
  }

  const roots = ctx.nodes.filter((n) => n.parentCode === null);
  const rootLeaves = roots.filter((n) => leafSet.has(n.code));
  const rootParents = roots.filter((n) => !leafSet.has(n.code)).map((n) => rowOf.get(n.code)!);
  const total = {
    formula: totalFormula(
      COL.self,
      [...rootParents, ...rootLeaves.filter((l) => l.method !== 'deduction').map((l) => rowOf.get(l.code)!)],
      rootLeaves.filter((l) => l.method === 'deduction').map((l) => rowOf.get(l.code)!),
    ),
    result: 0,
  };
  rows[HEADER_ROW + ctx.nodes.length] = tableRow({ title: 'TỔNG CỘNG', max: frameworkMaximum(ctx.nodes), self: total }, { bold: true, fill: FIELD_FILL });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];

  return {
    name: FORM_SHEET,
    columns: Object.entries(COLUMN_WIDTHS).map(([c, width]) => ({ width, hidden: Number(c) === COL.code })),
    rows,
    merges,
    rowHeights,
    freeze: { rows: HEADER_ROW, activeCell: cellAddress(COL.self, HEADER_ROW + 1) },
    protection: { password: FORM_PROTECTION_PASSWORD },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [HEADER_ROW, HEADER_ROW], footer: '&C&"Times New Roman"&11Trang &P/&N' },
  };
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
  // The form sheet comes first so that it opens first; the metadata sheet (referenced by the
  // yes/no lists) stays last and very hidden.
  const bytes = await workbookBytes({
    title: `Biểu tự đánh giá CCHC năm ${request.year} - ${unit.name}${ctx.sample ? ' (Dữ liệu mẫu)' : ''}`,
    recalculateOnOpen: true,
    sheets: [formSheet(ctx, new Map(yesnoMaxima.map((max, i) => [max, yesnoListRef(i)]))), instructionsSheet(ctx), metaSheet(ctx, yesnoMaxima)],
  });
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
  const units = request.unitCodes ? request.unitCodes.map((c) => requireUnit(ws, c)) : unitsTakingPart(ws, request.year);
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
