// Preliminary notices (thông báo kết quả thẩm định sơ bộ): one workbook per unit with its
// preliminary total, index and rank in its block, the petition deadline, and one row per scored
// leaf. "Ý kiến giải trình, kiến nghị" and "Tài liệu bổ sung" are open only where the appraised
// score is below the self score; the very hidden sheet records the notice (../cycle/issued.ts)
// so that the returned file can be taken back safely. Recording a notice makes the unit notified.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CriterionNode, Score, UnitResult } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { leaves } from '../../../shared/framework/tree';
import { formatDay, formatNumber, formatPercent } from '../../../shared/format';
import type { Workspace } from '../../db/workspace';
import { writeWorkbook, type CellInput, type SheetSpec } from '../../excel/writer';
import { fileInside, refuseUnsafeFolder } from '../../files/output';
import { getScores } from '../appraisal/store';
import { getDeadlines } from '../cycle/store';
import { issuedSheet, type IssuedRow } from '../cycle/issued';
import { FORM_PROTECTION_PASSWORD } from '../forms/template';
import { getFramework } from '../framework/store';
import { unitsTakingPart } from '../participation/service';
import { yearResults } from '../results/service';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { getSetting } from '../workspace/store';
import { leafEvidence } from '../evidence/service';
import { NOTICE_FORMAT, NOTICE_HEADER_ROW, NOTICE_HEADERS, NOTICE_SHEET } from './layout';
import { insertNotice } from './store';

export { NOTICE_FORMAT, NOTICE_HEADER_ROW, NOTICE_HEADERS, NOTICE_SHEET } from './layout';

const WIDTHS = [10, 50, 9, 9, 10, 32, 40, 30];
const INPUT_FILL = 'FFFFF2CC';

export interface WrittenNotice {
  id: string;
  unitCode: string;
  unitName: string;
  file: string;
  rows: number;
  /** rows where the unit may petition (appraised below self) */
  open: number;
}

/** "2025_thong-bao_SNV.xlsx" */
export function noticeFileName(year: number, unitCode: string): string {
  return `${year}_thong-bao_${unitCode.replace(/[^A-Za-z0-9_-]+/g, '-')}.xlsx`;
}

const below = (s: Score | undefined) => s?.selfScore != null && s.appraisedScore != null && s.appraisedScore < s.selfScore - 1e-9;

function resultLine(r: UnitResult | undefined, blockSize: number): string {
  if (!r) return 'Tổng điểm sơ bộ: chưa có.';
  const rank = r.rank === null ? 'chưa xếp hạng' : `${formatNumber(r.rank)}/${formatNumber(blockSize)}`;
  return `Tổng điểm sơ bộ: ${formatNumber(r.total, 2)}/${formatNumber(r.max, 2)} · Chỉ số: ${formatPercent(r.index)} · Xếp hạng trong khối: ${rank}`;
}

/**
 * Writes the notice of each unit (`units`: codes, or every unit taking part that has sent its
 * self-assessment) into `out`: a folder, or for one unit a file ending in .xlsx.
 */
export async function writeNotices(ws: Workspace, year: number, out: string, options: { units?: string[]; actor?: string } = {}): Promise<WrittenNotice[]> {
  requireOpenPeriod(ws, year);
  const workspaceId = getSetting(ws, 'workspace_id');
  if (!workspaceId) throw new UserError('Tệp dữ liệu chưa có mã nhận dạng; hãy mở lại tệp bằng phiên bản này của phần mềm.');
  const all = new Map(listUnits(ws).map((u) => [u.code, u]));
  const taking = new Map(unitsTakingPart(ws, year).map((u) => [u.code, u]));
  let codes: string[];
  if (options.units) {
    for (const c of options.units) {
      if (!all.has(c)) throw new UserError(`Không có đơn vị mã ${c}.`);
      if (!taking.has(c)) throw new UserError(`Đơn vị ${c} không tham gia đánh giá năm ${year}.`);
    }
    codes = options.units;
  } else codes = [...taking.keys()];
  const toFile = options.units?.length === 1 && out.toLowerCase().endsWith('.xlsx');
  if (!toFile) {
    refuseUnsafeFolder(out);
    fs.mkdirSync(out, { recursive: true });
  }
  const results = yearResults(ws, year);
  const byUnit = new Map<string, { result: UnitResult; blockSize: number }>();
  for (const b of results.blocks) {
    const ranked = b.units.filter((u) => u.ranked).length;
    for (const u of b.units) byUnit.set(u.code, { result: u, blockSize: ranked });
  }
  const deadlines = getDeadlines(ws, year);
  const evidenceOf = leafEvidence(ws, year);
  const province = getSetting(ws, 'province');
  const written: WrittenNotice[] = [];
  const skipped: string[] = [];
  for (const code of codes) {
    const unit = taking.get(code)!;
    const framework = getFramework(ws, year, unit.blockCode);
    if (!framework) throw new UserError(`Năm ${year} chưa có bộ chỉ số của khối ${unit.blockCode}.`);
    const scores = new Map(getScores(ws, year, { unitCode: code }).map((s) => [s.criterionCode, s]));
    const scored = leaves(framework.nodes).filter((n: CriterionNode) => n.source === 'self' && !scores.get(n.code)?.notApplicable);
    if (!scored.some((n) => scores.get(n.code)?.selfScore != null)) {
      if (options.units) throw new UserError(`Đơn vị ${code} chưa gửi bản tự chấm năm ${year}; chưa thể thông báo kết quả thẩm định.`);
      skipped.push(code);
      continue;
    }
    const rows: CellInput[][] = [];
    const issued: IssuedRow[] = [];
    let open = 0;
    const rowHeights: Record<number, number> = { [NOTICE_HEADER_ROW]: 48 };
    for (const node of scored) {
      const s = scores.get(node.code);
      const sheetRow = NOTICE_HEADER_ROW + rows.length + 1;
      const canPetition = below(s);
      if (canPetition) open++;
      const input = (value: string | null): CellInput => (canPetition ? { value, unlocked: true, style: { fill: INPUT_FILL } } : value);
      const num = (value: number | null): CellInput => ({ value, style: { numFmt: '0.###' } });
      // the documents the appraisal read, and a missing one, on the criterion's text (the headers are fixed)
      const evidence = evidenceOf.get(`${code}\u0000${node.code}`);
      const note = [evidence?.files.length ? `Tài liệu kiểm chứng đã nhận: ${evidence.files.join('; ')}` : null, evidence?.missing ? 'Thiếu tài liệu kiểm chứng' : null]
        .filter((l): l is string => l !== null)
        .join('\n');
      rows.push([node.code, note ? { value: node.title, note } : node.title, num(node.maxPoints ?? 0), num(s?.selfScore ?? null), num(s?.appraisedScore ?? null), s?.note ?? null, input(null), input(null)]);
      issued.push({ sheetRow, unit: code, criterion: node.code, value: s?.appraisedScore ?? null, remark: s?.note ?? null });
      // wrapped text: the title at about 46 characters a line, the remark at about 28
      const lines = Math.max(Math.ceil(node.title.length / 46), Math.ceil((s?.note ?? '').length / 28), canPetition ? 3 : 1);
      rowHeights[sheetRow] = Math.max(16.5, lines * 15.75);
    }
    const r = byUnit.get(code);
    const due = deadlines.petitionsDue ? formatDay(deadlines.petitionsDue) : null;
    const title: CellInput[][] = [
      [{ value: `THÔNG BÁO KẾT QUẢ THẨM ĐỊNH SƠ BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, style: { bold: true, size: 14, border: false } }],
      [{ value: `Đơn vị: ${unit.name} (${code})${province ? ` · ${province}` : ''}`, style: { bold: true, border: false } }],
      [{ value: resultLine(r?.result, r?.blockSize ?? 0), style: { border: false } }],
      [{ value: r?.result.provisional ? 'Kết quả sơ bộ, chưa công bố; còn tiêu chí chưa thẩm định.' : 'Kết quả sơ bộ, chưa công bố.', style: { italic: true, border: false } }],
      [
        {
          value: due ? `Hạn gửi ý kiến giải trình, kiến nghị: ${due}` : 'Hạn gửi ý kiến giải trình, kiến nghị: chưa ấn định',
          style: { bold: true, border: false },
        },
      ],
      [{ value: 'Đơn vị ghi ý kiến giải trình, kiến nghị và tài liệu bổ sung vào các ô nền vàng (tiêu chí bị trừ điểm), rồi gửi lại tệp này cho Sở Nội vụ.', style: { italic: true, border: false } }],
    ];
    const header = NOTICE_HEADERS.map((h) => ({ value: h, style: { bold: true, align: 'center' as const, vertical: 'middle' as const, fill: 'FFE7EEF7' } }));
    const sheet: SheetSpec = {
      name: NOTICE_SHEET,
      columns: WIDTHS.map((width) => ({ width })),
      rows: [...title, header, ...rows],
      baseStyle: { border: true, vertical: 'top', wrap: true, size: 12 },
      merges: ['A1:H1', 'A2:H2', 'A3:H3', 'A4:H4', 'A5:H5', 'A6:H6'],
      rowHeights,
      freeze: { rows: NOTICE_HEADER_ROW },
      protection: { password: FORM_PROTECTION_PASSWORD },
      print: { orientation: 'landscape', fitToWidth: true, repeatRows: [NOTICE_HEADER_ROW, NOTICE_HEADER_ROW], footer: '&C&"Times New Roman"&11Trang &P/&N' },
    };
    const id = randomUUID();
    const issuedAt = new Date().toISOString();
    const file = toFile ? out : fileInside(out, noticeFileName(year, code));
    await writeWorkbook(
      {
        title: `Thông báo kết quả thẩm định sơ bộ CCHC năm ${year} - ${unit.name}`,
        sheets: [sheet, issuedSheet({ format: NOTICE_FORMAT, workspace: workspaceId, id, year, to: code, toName: unit.name, issuedAt, rows: issued })],
      },
      file,
    );
    insertNotice(ws, {
      id,
      year,
      unitCode: code,
      issuedAt,
      fileName: path.basename(file),
      rows: scored.map((n) => [n.code, scores.get(n.code)?.selfScore ?? null, scores.get(n.code)?.appraisedScore ?? null]),
      actor: options.actor ?? ws.actor,
    });
    written.push({ id, unitCode: code, unitName: unit.name, file, rows: issued.length, open });
  }
  if (written.length === 0) throw new UserError(`Năm ${year} chưa có đơn vị nào gửi bản tự chấm; chưa có thông báo nào để lập.`);
  return written;
}
