// What the cells of a returned workbook hold, read straight from its zip and XML parts
// (electron/excel): a form is read hundreds of times in a cycle and only its values matter,
// which this reads in about half the time the Excel library takes to build its workbook model
// (tests/bench/readers.ts).
// Only the shapes the direct reader names as not its own (UnsupportedWorkbook: strict Office
// Open XML, a package without relationships) go to the library's loader; a damaged file or one
// beyond a limit is refused here and never handed to a second reader.
import { UnsupportedWorkbook, locateSheets, openWorkbookZip, readCellContext, readSheetRows } from './workbook';
import type { SheetState } from './book-xml';
import { WorkbookBudget, type SheetGrid } from './cells';

export type { SheetState };

export interface SheetValues {
  name: string;
  state: SheetState;
  /** the sheet's non-empty rows; merged cells other than the master read as empty */
  grid(): SheetGrid;
}

export interface WorkbookValues {
  sheets: SheetValues[];
}

/** The direct reader alone, without the fallback: throws UnsupportedWorkbook for the shapes it leaves to the loader. */
export async function readValuesFromParts(bytes: Buffer, fileName: string): Promise<WorkbookValues> {
  const zip = await openWorkbookZip(bytes, fileName);
  try {
    const book = await locateSheets(zip, new WorkbookBudget(fileName));
    const ctx = await readCellContext(book);
    const sheets: SheetValues[] = [];
    for (const sheet of book.sheets) {
      // a form's grid lists the rows that show something, as before formulas were told apart
      const rows = (await readSheetRows(book, ctx, sheet))
        .filter((r) => r.values.length > 0)
        .map((r) => ({ rowNumber: r.rowNumber, values: r.values }));
      const grid: SheetGrid = { name: sheet.name, rows };
      sheets.push({ name: sheet.name, state: sheet.state, grid: () => grid });
    }
    return { sheets };
  } finally {
    zip.close();
  }
}

/**
 * The values of a workbook's sheets, after the checks of electron/excel (format, size,
 * encryption, zip structure, decompression bombs, everything a file declares): refusals are
 * UserErrors naming the file.
 */
export async function readWorkbookValues(bytes: Buffer, fileName: string): Promise<WorkbookValues> {
  try {
    return await readValuesFromParts(bytes, fileName);
  } catch (e) {
    if (!(e instanceof UnsupportedWorkbook)) throw e;
  }
  // the Excel library loads only for these shapes: reading a usual file never pays for it
  const { loadWorkbook, sheetGrid } = await import('./xlsx');
  const wb = await loadWorkbook(bytes, fileName, { valuesOnly: true });
  return {
    sheets: wb.worksheets.map((sheet) => {
      const grid = sheetGrid(sheet);
      return { name: sheet.name, state: sheet.state as SheetState, grid: () => grid };
    }),
  };
}
