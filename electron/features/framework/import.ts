import path from 'node:path';
import type { CriterionNode, Framework, ScoringMethod, CriterionSource } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { checkFramework, leafCodes } from '../../../shared/results';
import { matchKey } from '../../../shared/text';
import { FRAMEWORK_COLUMNS } from '../../../shared/import-columns';
import { tableSheet, writeWorkbook, type CellSpec } from '../../excel/writer';
import { writeFileAtomically } from '../../files/output';
import type { Workspace } from '../../db/workspace';
import { isYesMark, mapColumns, readTable, TableReader, type TableRow } from '../../excel/tabular';
import { requireFramework, saveFramework } from './service';
import { requireBlock } from '../workspace/service';
import { getPeriod } from '../workspace/store';

/** How the decision numbers its rows. */
export type NumberingStyle = 'dotted' | 'decision';

const ROMAN = /^[IVXLC]+$/i;

/** A code as written, without a trailing dot or spaces: "I." → "I", "1.1." → "1.1". */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').replace(/\.+$/, '');
}

/**
 * The parent and level of a code. Dotted: "1" field, "1.1" criterion, "1.1.1" sub-criterion.
 * Decision style: "I" field, "1" criterion (numbered on through the fields, under the last
 * field), "1.1" sub-criterion.
 */
export function placeCode(
  code: string,
  style: NumberingStyle,
  currentField: string | null,
): { parentCode: string | null; level: number } | null {
  if (style === 'decision' && ROMAN.test(code)) return { parentCode: null, level: 1 };
  if (!/^\d+(\.\d+)*$/.test(code)) return null;
  const parts = code.split('.');
  if (style === 'dotted') {
    return { parentCode: parts.length === 1 ? null : parts.slice(0, -1).join('.'), level: parts.length };
  }
  if (parts.length === 1) return { parentCode: currentField, level: 2 };
  return { parentCode: parts.slice(0, -1).join('.'), level: parts.length + 1 };
}

const METHOD_WORDS: { keys: string[]; source: CriterionSource; method: ScoringMethod }[] = [
  { keys: ['tu cham', 'tu danh gia', 'tham dinh', ''], source: 'self', method: 'free' },
  { keys: ['dieu tra xhh', 'dieu tra xa hoi hoc', 'dtxhh', 'xhh', 'khao sat', 'sipas'], source: 'survey', method: 'free' },
  { keys: ['co/khong', 'co khong', 'dat/khong dat', 'yes/no'], source: 'self', method: 'yesno' },
  { keys: ['ty le', 'ti le', 'theo ty le'], source: 'self', method: 'ratio' },
  { keys: ['theo muc', 'bac', 'theo bac'], source: 'self', method: 'tiers' },
  { keys: ['diem thuong', 'thuong'], source: 'self', method: 'bonus' },
  { keys: ['diem tru', 'tru'], source: 'self', method: 'deduction' },
];

/** "Tự chấm" / "Điều tra XHH" / "Có/Không" / "Điểm thưởng" / "Điểm trừ" / "Tỷ lệ" → source and method. */
export function parseMethod(text: string | null): { source: CriterionSource; method: ScoringMethod } | null {
  const k = matchKey(text ?? '');
  const found = METHOD_WORDS.find((m) => m.keys.includes(k));
  return found ? { source: found.source, method: found.method } : null;
}

export function methodLabel(node: CriterionNode): string {
  if (node.source === 'survey') return 'Điều tra XHH';
  switch (node.method) {
    case 'yesno':
      return 'Có/Không';
    case 'ratio':
      return 'Tỷ lệ';
    case 'tiers':
      return 'Theo mức';
    case 'bonus':
      return 'Điểm thưởng';
    case 'deduction':
      return 'Điểm trừ';
    default:
      return 'Tự chấm';
  }
}

export interface FrameworkImportSummary {
  file: string;
  year: number;
  blockCode: string;
  style: NumberingStyle;
  nodes: number;
  leaves: number;
  maximum: number;
  yearCreated: boolean;
}

/** Reads a framework sheet as provincial decisions print it into framework nodes, or refuses with every problem. */
export async function readFrameworkFile(file: string): Promise<{ nodes: CriterionNode[]; style: NumberingStyle }> {
  const table = await readTable(file);
  const reader = new TableReader(
    table,
    mapColumns(table, [
      { key: 'code', headers: ['STT', 'Mã', 'Mã tiêu chí', 'TT'], required: true },
      { key: 'title', headers: ['Nội dung', 'Tiêu chí', 'Nội dung tiêu chí', 'Lĩnh vực, tiêu chí, tiêu chí thành phần'], required: true },
      { key: 'max', headers: ['Điểm tối đa', 'Điểm chuẩn', 'Thang điểm'], required: true },
      { key: 'method', headers: ['Cách chấm', 'Phương pháp chấm', 'Nguồn điểm'], required: false },
      { key: 'evidence', headers: ['Tài liệu kiểm chứng', 'TLKC'], required: false },
    ]),
  );
  const rows: { row: TableRow; code: string }[] = [];
  for (const row of table.rows) {
    const raw = reader.text(row, 'code');
    const title = reader.text(row, 'title');
    if (!raw) {
      // total rows ("Tổng cộng", "TỔNG ĐIỂM") carry no number
      if (title && !matchKey(title).startsWith('tong')) {
        reader.problem(row, 'code', `Dòng "${title}" thiếu số thứ tự (STT); hãy ghi STT như trong quyết định (1, 1.1, 1.1.1 hoặc I, 1, 1.1).`);
      }
      continue;
    }
    rows.push({ row, code: normaliseCode(raw) });
  }
  const style: NumberingStyle = rows.some((r) => ROMAN.test(r.code)) ? 'decision' : 'dotted';
  const nodes: CriterionNode[] = [];
  const firstRow = new Map<string, number>();
  let currentField: string | null = null;
  for (const { row, code } of rows) {
    const place = placeCode(code, style, currentField);
    const title = reader.text(row, 'title');
    if (!place) {
      reader.problem(
        row,
        'code',
        style === 'decision'
          ? `STT "${code}" không đúng cách đánh số của quyết định (I, II… cho lĩnh vực; 1, 2… cho tiêu chí; 1.1 cho tiêu chí thành phần).`
          : `STT "${code}" không đúng dạng số chấm (1, 1.1, 1.1.1).`,
      );
      continue;
    }
    if (place.level === 1) currentField = code;
    if (style === 'decision' && place.level === 2 && currentField === null) {
      reader.problem(row, 'code', `Tiêu chí ${code} đứng trước lĩnh vực đầu tiên; hãy đặt lĩnh vực (I, II…) lên trước.`);
      continue;
    }
    if (firstRow.has(code)) {
      reader.problem(row, 'code', `STT ${code} bị trùng với dòng ${firstRow.get(code)}; mỗi tiêu chí cần một số riêng.`);
      continue;
    }
    firstRow.set(code, row.rowNumber);
    if (!title) reader.problem(row, 'title', `Tiêu chí ${code} thiếu nội dung; hãy nhập tên tiêu chí.`);
    const max = reader.number(row, 'max', 'Điểm tối đa');
    if (typeof max === 'number' && max < 0) reader.problem(row, 'max', `Điểm tối đa của tiêu chí ${code} không được âm.`);
    const methodText = reader.text(row, 'method');
    const method = parseMethod(methodText);
    if (!method) {
      reader.problem(
        row,
        'method',
        `Cách chấm "${methodText}" không hợp lệ; hãy ghi "Tự chấm", "Điều tra XHH", "Có/Không", "Tỷ lệ", "Điểm thưởng" hoặc "Điểm trừ".`,
      );
    }
    const evidence = reader.text(row, 'evidence');
    nodes.push({
      code,
      parentCode: place.parentCode,
      level: place.level,
      title: title ?? code,
      maxPoints: typeof max === 'number' ? max : null,
      source: method?.source ?? 'self',
      method: method?.method ?? 'free',
      tiers: null,
      evidenceRequired: evidence !== null,
      guidance: evidence && !isYesMark(evidence) ? evidence : null,
    });
  }
  // structural checks, located at the row of the node concerned
  const nodeRow = new Map(rows.map((r) => [r.code, r.row]));
  for (const p of checkFramework(nodes)) {
    const row = nodeRow.get(p.code);
    if (row) reader.problem(row, p.message.startsWith('Điểm tối đa') || p.message.includes('điểm tối đa') ? 'max' : 'code', p.message);
    else reader.problems.push({ file: table.fileName, message: p.message });
  }
  if (nodes.length === 0 && reader.problems.length === 0) {
    reader.problems.push({ file: table.fileName, message: 'Tệp không có dòng tiêu chí nào dưới dòng tiêu đề.' });
  }
  reader.throwIfProblems();
  return { nodes, style };
}

/** Imports a framework for a year and block (the year is created if new). All or nothing. */
export async function importFrameworkFile(
  ws: Workspace,
  year: number,
  blockCode: string,
  file: string,
): Promise<FrameworkImportSummary> {
  const { nodes, style } = await readFrameworkFile(file);
  const yearCreated = getPeriod(ws, year) === null;
  try {
    saveFramework(ws, { year, blockCode, nodes });
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.problems.map((p) => ({ file: path.basename(file), ...p })));
    throw e;
  }
  const leafSet = leafCodes(nodes);
  const maximum = nodes
    .filter((n) => leafSet.has(n.code) && n.method !== 'bonus' && n.method !== 'deduction')
    .reduce((s, n) => s + (n.maxPoints ?? 0), 0);
  return { file: path.basename(file), year, blockCode, style, nodes: nodes.length, leaves: leafSet.size, maximum, yearCreated };
}

export const FRAMEWORK_HEADERS = FRAMEWORK_COLUMNS;

function frameworkRows(framework: Framework): (string | number | null)[][] {
  return framework.nodes.map((n) => [
    n.code,
    n.title,
    n.maxPoints,
    methodLabel(n),
    n.evidenceRequired ? (n.guidance ?? 'x') : null,
  ]);
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a framework back as the sheet it is imported from (.xlsx, or .csv with ';'). */
export async function exportFrameworkFile(ws: Workspace, year: number, blockCode: string, file: string): Promise<void> {
  const framework = requireFramework(ws, year, blockCode);
  const rows = frameworkRows(framework);
  if (path.extname(file).toLowerCase() === '.csv') {
    const text = [FRAMEWORK_HEADERS, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n');
    writeFileAtomically(file, Buffer.from('\ufeff' + text + '\r\n', 'utf8'));
    return;
  }
  const block = requireBlock(ws, blockCode);
  const sheet = tableSheet(
    'Bộ chỉ số',
    [...FRAMEWORK_HEADERS],
    [9, 80, 12, 16, 40],
    rows.map((r, i) => {
      const level = framework.nodes[i].level;
      const style = { bold: level === 1 };
      return r.map((value, c): CellSpec => ({
        value,
        style: c === 1 ? { ...style, indent: level - 1 } : c === 2 ? { ...style, numFmt: '0.00##' } : style,
      }));
    }),
    { print: { orientation: 'portrait', fitToWidth: true, repeatRows: [1, 1] } },
  );
  await writeWorkbook({ title: `Bộ chỉ số năm ${year} — ${block.name}`, sheets: [sheet] }, file);
}
