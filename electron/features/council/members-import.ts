// Council members read from a sheet with "Họ và tên" and "Cơ quan" (its own module: reading
// tables loads the spreadsheet readers, which the other council commands do not need).
import { matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { mapColumns, readTable, TableReader } from '../../excel/tabular';
import { MAX_NAME, saveMember } from './service';

export interface MembersImportSummary {
  file: string;
  added: number;
  updated: number;
}

/** Reads members from the first sheet of a file with "Họ và tên" and "Cơ quan"; all or nothing. */
export async function importMembers(ws: Workspace, file: string): Promise<MembersImportSummary> {
  const table = await readTable(file);
  const reader = new TableReader(
    table,
    mapColumns(table, [
      { key: 'name', headers: ['Họ và tên', 'Họ tên', 'Thành viên'], required: true },
      { key: 'organisation', headers: ['Cơ quan', 'Đơn vị công tác', 'Cơ quan công tác'], required: true },
    ]),
  );
  const rows: { name: string; organisation: string | null }[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = reader.text(row, 'name');
    const organisation = reader.text(row, 'organisation');
    if (!name) {
      if (organisation) reader.problem(row, 'name', 'Thiếu họ và tên thành viên; hãy ghi họ tên hoặc xóa dòng này.');
      continue;
    }
    if (name.length > MAX_NAME) reader.problem(row, 'name', `Họ và tên dài quá ${MAX_NAME} ký tự.`);
    const key = matchKey(name);
    if (seen.has(key)) reader.problem(row, 'name', `"${name}" đã có ở dòng ${seen.get(key)}; mỗi thành viên một dòng.`);
    seen.set(key, row.rowNumber);
    rows.push({ name, organisation });
  }
  if (rows.length === 0 && reader.problems.length === 0) {
    reader.problems.push({ file: table.fileName, sheet: table.sheet, message: 'Tệp không có thành viên nào dưới dòng tiêu đề "Họ và tên", "Cơ quan".' });
  }
  reader.throwIfProblems();
  return ws.transaction(() => {
    let added = 0;
    for (const r of rows) if (saveMember(ws, r).added) added++;
    return { file: table.fileName, added, updated: rows.length - added };
  });
}

