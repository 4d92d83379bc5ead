// The printed side of preliminary notices: each unit's preliminary scorecard as a PDF beside
// its notice workbook, from the scorecard printer (one Chromium for every unit).
import path from 'node:path';
import type { Workspace } from '../../db/workspace';
import { openPdfPrinter } from '../../print/chromium';
import { printScorecards } from '../print/scorecards';
import type { WrittenNotice } from './notices';

/** Prints the scorecard of every unit noticed, into the folder of its notice; gives the PDF files. */
export async function printNoticePdfs(ws: Workspace, year: number, notices: WrittenNotice[], options: { chromiumPath?: string } = {}): Promise<string[]> {
  if (notices.length === 0) return [];
  const printer = await openPdfPrinter({ chromiumPath: options.chromiumPath });
  try {
    const files: string[] = [];
    for (const n of notices) {
      const printed = await printScorecards(ws, { year, selection: { unitCode: n.unitCode }, outDir: path.dirname(n.file), printer });
      files.push(...printed.files);
    }
    return files;
  } finally {
    await printer.close();
  }
}
