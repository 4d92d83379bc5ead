// The spreadsheets a list of files and folders stands for, as imports of returned files take
// them (forms, council packages, notices): folders give their spreadsheets, sorted, without
// hidden files or the lock files office suites leave beside an open workbook.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors';

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

export function expandSpreadsheetPaths(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(dir, entry.name);
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
