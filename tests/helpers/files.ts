import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** Writes rows as a UTF-8 CSV (with BOM when asked), quoting where needed. */
export function writeCsv(dir: string, name: string, rows: Cell[][], options: { delimiter?: string; bom?: boolean } = {}): string {
  const d = options.delimiter ?? ';';
  const text = rows
    .map((r) =>
      r
        .map((c) => {
          const s = c === null ? '' : String(c);
          return s.includes(d) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(d),
    )
    .join('\r\n');
  const file = path.join(dir, name);
  fs.writeFileSync(file, (options.bom ? '\ufeff' : '') + text + '\r\n', 'utf8');
  return file;
}

/** Writes rows into the first sheet of a real .xlsx file. */
export async function writeXlsx(dir: string, name: string, rows: Cell[][], sheetName = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
