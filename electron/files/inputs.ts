// The spreadsheets a list of files and folders stands for, as imports of returned files take
// them (forms, council packages, notices): folders give their spreadsheets, sorted, without
// hidden files or the lock files office suites leave beside an open workbook.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors';

export const SPREADSHEET_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

export interface ExpandOptions {
  /** folders not to walk, judged with the entries beside them (a form's evidence folder) */
  skipFolder?(entry: fs.Dirent, siblings: fs.Dirent[]): boolean;
}

export function expandSpreadsheetPaths(inputs: string[], options: ExpandOptions = {}): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && options.skipFolder?.(entry, entries)) continue;
      if (entry.isDirectory()) walk(full);
      else if (SPREADSHEET_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UserError(`Không tìm thấy tệp hoặc thư mục ${input}.`);
    if (fs.statSync(input).isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}
