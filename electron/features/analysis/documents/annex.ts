// Phụ lục kèm theo Quyết định công bố: per block the ranking table (STT, đơn vị, điểm đạt,
// chỉ số, xếp hạng, xếp loại and the field indices), landscape A4, its header row repeated.
import { Packer } from 'docx';
import { annexLine, provinceCommittee, type PublicationStamp } from '../../../../shared/cycle/publication';
import { formatDecimal, formatPercent } from '../../../../shared/format';
import type { Workspace } from '../../../db/workspace';
import { writeFileAtomically } from '../../../files/output';
import { yearResults } from '../../results/service';
import { yearPublication } from '../../publication/service';
import { workspaceProvince } from '../../workspace/settings';
import { body, centered, dataTable, documentOf, section, text } from './layout';
import type { DocumentOptions } from './report';

/**
 * The annex of `year`. Its line "Kèm theo Quyết định số …" names the decision that published the
 * year; before publication the decision given (`decision`, "45/QĐ-UBND ngày 20/3/2026", when the
 * annex is drafted for a decision about to be signed), else blanks to fill in by hand.
 */
export async function writeAnnex(ws: Workspace, year: number, out: string, options: DocumentOptions & { decision?: string } = {}): Promise<{ file: string; blocks: number; decision: PublicationStamp | null }> {
  const { stamp } = yearPublication(ws, year);
  const province = workspaceProvince(ws);
  const results = yearResults(ws, year);
  const decisionLine = stamp
    ? annexLine(stamp, province)
    : `Kèm theo Quyết định số ${options.decision ?? '        /QĐ-UBND ngày     tháng     năm      '} của ${provinceCommittee(province)}`;
  const children = [
    centered([text('PHỤ LỤC', { bold: true })]),
    centered([text(`KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, { bold: true })]),
    centered([text(`(${decisionLine})`, { italics: true })], 240),
    ...results.blocks.flatMap((block, i) => {
      const fields = block.units[0]?.fields ?? [];
      const header = ['STT', 'Đơn vị', 'Điểm đạt', 'Chỉ số (%)', 'Xếp hạng', 'Xếp loại', ...fields.map((f) => f.code)];
      const fieldWidth = fields.length ? 44 / fields.length : 0;
      const rows = block.units.map((u, n) => [
        String(n + 1),
        u.name,
        formatDecimal(u.total, 2),
        formatPercent(u.index).replace('%', ''),
        u.rank === null ? (u.ranked ? '—' : 'Không xếp hạng') : String(u.rank),
        u.band ?? '',
        ...fields.map((f) => formatPercent(u.fields.find((x) => x.code === f.code)?.index ?? null).replace('%', '')),
      ]);
      return [
        body([text(`${['I', 'II', 'III', 'IV', 'V', 'VI'][i] ?? i + 1}. ${block.name.toUpperCase()}`, { bold: true })]),
        dataTable(header, rows, {
          widths: [4, 20, 8, 8, 7, 9, ...fields.map(() => fieldWidth)],
          numeric: [true, false, true, true, true, false, ...fields.map(() => true)],
          size: 20,
        }),
        ...(fields.length ? [body([text(`Ghi chú: ${fields.map((f) => `${f.code} - ${f.title}`).join('; ')} (chỉ số thành phần, %).`, { italics: true, size: 22 })])] : []),
      ];
    }),
  ];
  const doc = documentOf(`Phụ lục kết quả xếp hạng Chỉ số CCHC năm ${year}`, [section(children, true)]);
  writeFileAtomically(out, await Packer.toBuffer(doc));
  return { file: out, blocks: results.blocks.length, decision: stamp };
}
