// Council packages: one workbook per member for a year, each row a unit × leaf the member
// appraises, grouped by unit in framework order with a subtotal per unit. Only "Điểm thẩm định"
// (checked 0..max, 0 or max for yes/no leaves) and "Ý kiến thẩm định" can be edited; the very
// hidden sheet records the package (../cycle/issued.ts) so that it can be taken back safely.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CriterionNode, Score } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { columnLetters } from '../../excel/cells';
import { writeWorkbook, type CellInput, type SheetSpec } from '../../excel/writer';
import { getScores } from '../appraisal/store';
import { leafEvidence, type LeafEvidence } from '../evidence/service';
import { FORM_PROTECTION_PASSWORD } from '../forms/template';
import { listUnits } from '../units/store';
import { requireOpenPeriod } from '../workspace/service';
import { getSetting } from '../workspace/store';
import { issuedSheet, type IssuedRow } from '../cycle/issued';
import { memberCoverage } from './service';
import { PACKAGE_FORMAT, PACKAGE_HEADER_ROW, PACKAGE_HEADERS, PACKAGE_SHEET } from './layout';

export { PACKAGE_FORMAT, PACKAGE_HEADER_ROW, PACKAGE_HEADERS, PACKAGE_SHEET } from './layout';
import { insertPackage, listMembers, type CouncilMember } from './store';

const SCORE_COL = 9;
const WIDTHS = [11, 26, 10, 48, 9, 9, 30, 30, 11, 34];
const INPUT_FILL = 'FFFFF2CC';
const SUBTOTAL_FILL = 'FFDDEBF7';

export interface WrittenPackage {
  id: string;
  memberId: number;
  memberName: string;
  file: string;
  rows: number;
  units: number;
}

/** "2025_hoi-dong_nguyen-van-an.xlsx": ASCII, so that it survives e-mail and zip tools. */
export function packageFileName(year: number, member: CouncilMember): string {
  const slug = matchKey(member.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${year}_hoi-dong_${slug || member.id}.xlsx`;
}

function evidenceText(score: Score | undefined, evidence: LeafEvidence | undefined): string | null {
  const lines = [score?.evidence ?? null];
  if (evidence?.files.length) lines.push(`Tệp đã nhận: ${evidence.files.join('; ')}`);
  if (evidence?.missing) lines.push('Thiếu tài liệu kiểm chứng');
  const text = lines.filter((l): l is string => !!l).join('\n');
  return text || null;
}

function dataRow(unit: { code: string; name: string }, node: CriterionNode, score: Score | undefined, evidence: LeafEvidence | undefined): CellInput[] {
  const max = node.maxPoints ?? 0;
  const maxText = formatNumber(max, 4);
  return [
    unit.code,
    unit.name,
    node.code,
    node.title,
    max,
    score?.selfScore ?? null,
    score?.explanation ?? null,
    evidenceText(score, evidence),
    {
      value: score?.appraisedScore ?? null,
      unlocked: true,
      style: { fill: INPUT_FILL, numFmt: '0.###' },
      validation:
        node.method === 'yesno'
          ? { kind: 'list', values: ['0', String(max)], title: 'Điểm không hợp lệ', message: `Tiêu chí ${node.code} chỉ nhận 0 hoặc ${maxText}.` }
          : { kind: 'decimal', min: 0, max, title: 'Điểm không hợp lệ', message: `Tiêu chí ${node.code}: nhập một số từ 0 đến ${maxText}.` },
    },
    { value: score?.note ?? null, unlocked: true, style: { fill: INPUT_FILL } },
  ];
}

/** Writes the package of every member with an assignment in `year` into `outDir`. */
export async function writePackages(ws: Workspace, year: number, outDir: string, options: { actor?: string; memberIds?: number[] } = {}): Promise<WrittenPackage[]> {
  requireOpenPeriod(ws, year);
  const workspaceId = getSetting(ws, 'workspace_id');
  if (!workspaceId) throw new UserError('Tệp dữ liệu chưa có mã nhận dạng; hãy mở lại tệp bằng phiên bản này của phần mềm.');
  const units = new Map(listUnits(ws).map((u) => [u.code, u]));
  const province = getSetting(ws, 'province');
  const sample = getSetting(ws, 'sample') === '1';
  const members = listMembers(ws).filter((m) => !options.memberIds || options.memberIds.includes(m.id));
  const written: WrittenPackage[] = [];
  const evidence = leafEvidence(ws, year);
  const scoreCache = new Map<string, Map<string, Score>>();
  const scoresOf = (blockCode: string) => {
    let m = scoreCache.get(blockCode);
    if (!m) {
      m = new Map(getScores(ws, year, { blockCode }).map((s) => [`${s.unitCode}\u0000${s.criterionCode}`, s]));
      scoreCache.set(blockCode, m);
    }
    return m;
  };
  for (const member of members) {
    const coverage = memberCoverage(ws, year, member.id);
    if (coverage.length === 0) continue;
    const rows: CellInput[][] = [];
    const issued: IssuedRow[] = [];
    const rowHeights: Record<number, number> = {};
    let unitCount = 0;
    for (const block of coverage) {
      const nodes = new Map(block.framework.nodes.map((n) => [n.code, n]));
      const scores = scoresOf(block.blockCode);
      for (const unitCode of block.units) {
        const unit = units.get(unitCode)!;
        unitCount++;
        const first = PACKAGE_HEADER_ROW + rows.length + 1;
        for (const code of block.leaves.get(unitCode)!) {
          const node = nodes.get(code)!;
          const score = scores.get(`${unitCode}\u0000${code}`);
          const sheetRow = PACKAGE_HEADER_ROW + rows.length + 1;
          rows.push(dataRow(unit, node, score, evidence.get(`${unitCode}\u0000${code}`)));
          rowHeights[sheetRow] = Math.max(16.5, Math.ceil(node.title.length / 46) * 15.75);
          issued.push({ sheetRow, unit: unitCode, criterion: code, value: score?.appraisedScore ?? null, remark: score?.note ?? null });
        }
        const last = PACKAGE_HEADER_ROW + rows.length;
        const sum = (col: number, result: number): CellInput => ({ value: { formula: `SUM(${columnLetters(col)}${first}:${columnLetters(col)}${last})`, result } });
        const subtotal = (cell: CellInput): CellInput => ({ ...(cell !== null && typeof cell === 'object' && 'value' in cell ? cell : { value: cell as null | string }), style: { bold: true, fill: SUBTOTAL_FILL } });
        const leafRows = issued.slice(-(last - first + 1));
        const maxSum = block.leaves.get(unitCode)!.reduce((s, c) => s + (nodes.get(c)!.maxPoints ?? 0), 0);
        const selfSum = block.leaves.get(unitCode)!.reduce((s, c) => s + (scores.get(`${unitCode}\u0000${c}`)?.selfScore ?? 0), 0);
        const appraisedSum = leafRows.reduce((s, r) => s + (r.value ?? 0), 0);
        rows.push([
          subtotal(null),
          subtotal(`Cộng ${unit.name}`),
          subtotal(null),
          subtotal(null),
          subtotal(sum(5, maxSum)),
          subtotal(sum(6, selfSum)),
          subtotal(null),
          subtotal(null),
          subtotal(sum(SCORE_COL, appraisedSum)),
          subtotal(null),
        ]);
      }
    }
    const id = randomUUID();
    const issuedAt = new Date().toISOString();
    const title: CellInput[][] = [
      [{ value: `HỒ SƠ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, style: { bold: true, size: 14, border: false } }],
      [{ value: `Thành viên: ${member.name}${member.organisation ? ` – ${member.organisation}` : ''}${province ? ` · ${province}` : ''}${sample ? ' · Dữ liệu mẫu' : ''}`, style: { border: false } }],
      [{ value: 'Nhập điểm thẩm định và ý kiến vào các ô nền vàng; các ô khác đã được khóa. Gửi lại tệp này cho Sở Nội vụ.', style: { italic: true, border: false } }],
    ];
    const header = PACKAGE_HEADERS.map((h) => ({ value: h, style: { bold: true, align: 'center' as const, vertical: 'middle' as const, fill: 'FFE7EEF7' } }));
    const sheet: SheetSpec = {
      name: PACKAGE_SHEET,
      columns: WIDTHS.map((width) => ({ width })),
      rows: [...title, header, ...rows],
      baseStyle: { border: true, vertical: 'top', wrap: true, size: 12 },
      merges: ['A1:J1', 'A2:J2', 'A3:J3'],
      rowHeights: { [PACKAGE_HEADER_ROW]: 32, ...rowHeights },
      freeze: { rows: PACKAGE_HEADER_ROW },
      protection: { password: FORM_PROTECTION_PASSWORD },
      print: { orientation: 'landscape', fitToWidth: true, repeatRows: [PACKAGE_HEADER_ROW, PACKAGE_HEADER_ROW], footer: '&C&"Times New Roman"&11Trang &P/&N' },
    };
    const file = path.join(outDir, packageFileName(year, member));
    await writeWorkbook(
      {
        title: `Hồ sơ thẩm định CCHC năm ${year} - ${member.name}`,
        sheets: [
          sheet,
          issuedSheet({ format: PACKAGE_FORMAT, workspace: workspaceId, id, year, to: String(member.id), toName: member.name, issuedAt, rows: issued }),
        ],
      },
      file,
    );
    insertPackage(ws, {
      id,
      year,
      memberId: member.id,
      issuedAt,
      fileName: path.basename(file),
      rows: issued.map((r) => [r.unit, r.criterion, r.value, r.remark, r.sheetRow]),
      actor: options.actor ?? ws.actor,
    });
    written.push({ id, memberId: member.id, memberName: member.name, file, rows: issued.length, units: unitCount });
  }
  if (written.length === 0) throw new UserError(`Năm ${year} chưa có thành viên hội đồng nào được phân công; hãy phân công trước khi lập hồ sơ.`);
  return written;
}
