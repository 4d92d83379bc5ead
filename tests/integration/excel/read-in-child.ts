// Reads one file the way the application does, in a process of its own (run with a small
// heap), and prints what happened as JSON: refused or read, the message, how long the read
// took, the process's peak memory, and how many times the Excel library's loader was called
// (counted by wrapping its load method, not by replacing it).
//   node --max-old-space-size=200 --import tsx read-in-child.ts FILE forms|exceljs|table
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { readWorkbookValues } from '../../../electron/excel/workbook-values';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../../electron/excel/xlsx';
import { readTable } from '../../../electron/excel/tabular';

const [file, mode] = process.argv.slice(2);
let excelLoads = 0;
const xlsxPrototype = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: (...args: unknown[]) => Promise<unknown> };
const load = xlsxPrototype.load;
xlsxPrototype.load = function (this: unknown, ...args: unknown[]) {
  excelLoads++;
  return load.apply(this, args);
};

const bytes = fs.readFileSync(file);
const name = path.basename(file);
const start = performance.now();
let outcome: { read: true; cells: number } | { read: false; userError: boolean; message: string };
try {
  let cells = 0;
  if (mode === 'forms') {
    const wb = await readWorkbookValues(bytes, name);
    for (const s of wb.sheets) for (const r of s.grid().rows) cells += r.values.filter((v) => v !== null).length;
  } else if (mode === 'exceljs') {
    const wb = await loadWorkbook(bytes, name, { valuesOnly: true });
    wb.eachSheet((s) => s.eachRow((r) => (cells += r.cellCount)));
  } else {
    const table = await readTable(file);
    cells = table.rows.length;
  }
  outcome = { read: true, cells };
} catch (e) {
  outcome = { read: false, userError: e instanceof UserError, message: e instanceof Error ? e.message : String(e) };
}
const ms = performance.now() - start;
// the peak of this process's own memory (getrusage's maxRSS also counts the parent's, from before exec)
const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
const peakRssMb = (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024;
process.stdout.write(JSON.stringify({ ...outcome, ms, peakRssMb, excelLoads }));
