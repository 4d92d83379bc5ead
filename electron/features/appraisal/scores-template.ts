// The scores table as staff fill it: the columns the scores import reads, with a line for each
// unit taking part in the year and each criterion it scores (a name column beside each code
// to read by; the import ignores them), or two example lines when the block has no framework yet.
import type { Workspace } from '../../db/workspace';
import { leaves } from '../../../shared/framework/tree';
import { tableSheet, writeWorkbook, type CellInput } from '../../excel/writer';
import { getFramework } from '../framework/store';
import { unitsTakingPart } from '../participation/service';
import { SCORES_COLUMNS } from '../../../shared/import-columns';

/** The columns of the template: the scores import reads every one but the names. */
export const SCORES_TEMPLATE_HEADERS = SCORES_COLUMNS;

/** The lines of the template: units taking part × the leaves they score (survey leaves are not typed). */
export function scoresTemplateRows(ws: Workspace, year: number, blockCode: string | null): CellInput[][] {
  const blocks = blockCode ? [blockCode] : [...new Set(unitsTakingPart(ws, year).map((u) => u.blockCode))];
  const rows: CellInput[][] = [];
  for (const block of blocks) {
    const framework = getFramework(ws, year, block);
    if (!framework) continue;
    const scored = leaves(framework.nodes).filter((n) => n.source !== 'survey');
    for (const unit of unitsTakingPart(ws, year, block)) {
      for (const leaf of scored) rows.push([unit.code, unit.name, leaf.code, leaf.title, null, null, null, null]);
    }
  }
  return rows;
}

export async function writeScoresTemplate(ws: Workspace, year: number, blockCode: string | null, file: string): Promise<{ rows: number }> {
  const rows = scoresTemplateRows(ws, year, blockCode);
  const lines: CellInput[][] = rows.length
    ? rows
    : [
        ['SNV', 'Sở Nội vụ', '1.1', 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn', 2, null, null, null],
        ['SNV', 'Sở Nội vụ', '1.2', 'Tuyên truyền cải cách hành chính', 1.5, 1.25, null, 'Thiếu kế hoạch tuyên truyền'],
      ];
  await writeWorkbook(
    {
      title: `Bảng điểm năm ${year}`,
      sheets: [
        tableSheet('Điểm', SCORES_TEMPLATE_HEADERS, [12, 32, 11, 60, 12, 12, 12, 30], lines),
        tableSheet('Hướng dẫn', ['Cột', 'Cách ghi'], [18, 100], [
          ['Mã đơn vị', 'Mã đơn vị như trong danh sách đơn vị.'],
          ['Mã tiêu chí', 'Mã tiêu chí thành phần được chấm (ví dụ 1.1.1) như trong bộ chỉ số của khối.'],
          ['Điểm tự chấm', 'Điểm đơn vị tự chấm; số thập phân ghi dấu phẩy (2,5). Ô để trống xóa điểm đang có.'],
          ['Điểm thẩm định', 'Điểm Hội đồng thẩm định; ô để trống xóa điểm đang có. Bỏ cả cột nếu chỉ nhập điểm tự chấm.'],
          ['Không áp dụng', 'Ghi "x" nếu tiêu chí không áp dụng với đơn vị.'],
          ['Ghi chú', 'Ghi chú của cán bộ thẩm định.'],
          ['Tên đơn vị, Nội dung tiêu chí', 'Chỉ để đọc; khi nhập không dùng đến.'],
        ]),
      ],
    },
    file,
  );
  return { rows: rows.length };
}
