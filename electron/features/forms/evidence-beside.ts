// The evidence a returned form may come with: a folder or a .zip beside it with the same base
// name ("SNV-2025.xlsx" with "SNV-2025/" or "SNV-2025.zip"), compared in NFC and without case.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../../shared/errors';

const key = (name: string) => name.normalize('NFC').toLowerCase();

/** The folder or .zip beside `formFile` holding its evidence, or null. A folder wins over a .zip. */
export function evidenceBeside(formFile: string): string | null {
  const dir = path.dirname(formFile);
  const stem = key(path.basename(formFile, path.extname(formFile)));
  let zip: string | null = null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && key(entry.name) === stem) return path.join(dir, entry.name);
    if (entry.isFile() && path.extname(entry.name).toLowerCase() === '.zip' && key(path.basename(entry.name, path.extname(entry.name))) === stem) {
      zip = path.join(dir, entry.name);
    }
  }
  return zip;
}

/** The names (keys) of the folders in `dir` that are the evidence of a form beside them: not walked for forms. */
export function evidenceFolderKeys(entries: fs.Dirent[], formExtensions: ReadonlySet<string>): Set<string> {
  return new Set(
    entries.filter((e) => e.isFile() && formExtensions.has(path.extname(e.name).toLowerCase())).map((e) => key(path.basename(e.name, path.extname(e.name)))),
  );
}

/** Problems of a returned file itself keep their place; those of another file (its evidence beside it) name it. */
export function returnedFileProblems(problems: readonly Problem[], fileName: string): { sheet?: string; cell?: string; message: string }[] {
  return problems.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    message: p.file && p.file !== fileName ? `Tài liệu kiểm chứng ${p.file}: ${p.message}` : p.message,
  }));
}

export function isEvidenceFolder(entry: fs.Dirent, keys: ReadonlySet<string>): boolean {
  return entry.isDirectory() && keys.has(key(entry.name));
}
