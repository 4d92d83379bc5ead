// The file readers as users wait for them: 250 filled self-assessment forms imported in-process
// and through the command line as a script runs it, each beside the Excel library alone loading
// the same files (in-process, and as a plain node script); and the peak memory of a 40,000-form
// SIPAS .xlsx imported through the command line, beside the Excel library alone loading it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateFormTemplates, importForms, type FormImportResult } from '../../electron/features/forms';
import { readWorkbookValues } from '../../electron/excel/workbook-values';
import { COL, FORM_HEADER_ROW, FORM_SHEET } from '../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { cellAddress } from '../../electron/excel/cells';
import { Workspace } from '../../electron/db/workspace';
import { saveFramework } from '../../electron/features/framework/service';
import { upsertUnits } from '../../electron/features/units/service';
import { leafCodes } from '../../shared/results';
import { builtinDefinition } from '../../shared/survey';
import { fillXlsx, type FillJob } from '../integration/forms/helpers';
import { generateForms } from '../integration/survey/reference';
import { framework } from './forms';
import { timed, type BenchSuite } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'electron', 'bin', 'par-workbench.mjs');
const UNITS = 250;
const YEAR = 2025;

function run(args: string[], what: string): { ms: number; peakRssMb: number; stderr: string } {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`bench: ${what} exited ${r.status}: ${r.stderr.slice(-3000)}`);
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { ms, peakRssMb: peak ? Number(peak[1]) / 1024 : NaN, stderr: r.stderr };
}

/** A plain node script that only loads files with the Excel library, one after the other. */
function excelOnlyScript(dir: string): string {
  const script = path.join(dir, 'exceljs-only.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
import { createRequire } from 'node:module';
const ExcelJS = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})('exceljs');
for (const file of process.argv.slice(2)) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file));
`,
  );
  return script;
}

async function formsFigures(dir: string, report: Parameters<BenchSuite['run']>[0]): Promise<void> {
  const base = path.join(dir, 'base.parws');
  const ws = Workspace.create(base);
  upsertUnits(ws, Array.from({ length: UNITS }, (_, i) => ({ code: `DV${String(i + 1).padStart(3, '0')}`, name: `Đơn vị mẫu ${i + 1}`, blockCode: 'xa' })));
  const nodes = framework();
  saveFramework(ws, { year: YEAR, blockCode: 'xa', nodes });
  const leaves = leafCodes(nodes);
  const forms = await generateFormTemplates(ws, { year: YEAR, outDir: path.join(dir, 'blank') });
  ws.close();
  const filledDir = path.join(dir, 'filled');
  fs.mkdirSync(filledDir);
  const jobs: FillJob[] = forms.map((form, i) => {
    const cells: NonNullable<FillJob['cells']> = {};
    nodes.forEach((n, index) => {
      if (!leaves.has(n.code) || n.source === 'survey') return;
      const max = n.maxPoints ?? 0;
      cells[cellAddress(COL.self, FORM_HEADER_ROW + 1 + index)] = n.method === 'yesno' ? ((i + index) % 3 ? max : 0) : ((i + index) % 5) * (max / 4);
      if (n.evidenceRequired) cells[cellAddress(COL.evidence, FORM_HEADER_ROW + 1 + index)] = `Kế hoạch số ${index}/KH-${form.unitCode}`;
    });
    return { src: form.file, dst: path.join(filledDir, path.basename(form.file)), sheet: FORM_SHEET, cells };
  });
  fillXlsx(jobs, dir);
  const files = jobs.map((j) => j.dst);

  // (a) in-process, alternating batches of 25 so that others' load on the machine weighs on both alike
  fs.copyFileSync(base, path.join(dir, 'in-process.parws'));
  const inProcess = Workspace.open(path.join(dir, 'in-process.parws'));
  let excelMs = 0;
  let readMs = 0;
  let importMs = 0;
  const results: FormImportResult[] = [];
  for (let i = 0; i < files.length; i += 25) {
    const batch = files.slice(i, i + 25);
    excelMs += (
      await timed(async () => {
        for (const f of batch) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f) as unknown as ArrayBuffer);
      })
    ).ms;
    readMs += (
      await timed(async () => {
        for (const f of batch) await readWorkbookValues(fs.readFileSync(f), path.basename(f));
      })
    ).ms;
    const imported = await timed(() => importForms(inProcess, batch));
    importMs += imported.ms;
    results.push(...imported.result);
  }
  inProcess.close();
  const refused = results.filter((r) => r.status !== 'imported');
  if (refused.length) throw new Error(`bench: ${refused.length} forms not imported: ${JSON.stringify(refused[0].errors)}`);
  report.figure(`exceljs load of the ${UNITS} filled forms, in-process`, excelMs, `${(excelMs / UNITS).toFixed(1)} ms per form`);
  report.figure(`the form reader alone on the ${UNITS} forms, in-process`, readMs, `${(readMs / excelMs).toFixed(2)} × exceljs load`);
  report.figure(`import ${UNITS} forms in-process (read, match, check, write)`, importMs, `${(importMs / excelMs).toFixed(2)} × exceljs load (aim ≤ 1.5 ×)`);

  // (b) the command line as a script runs it, against (c) a plain node script loading the files with exceljs
  const script = excelOnlyScript(dir);
  let cliMs = 0;
  let plainMs = 0;
  for (let round = 0; round < 2; round++) {
    const wsFile = path.join(dir, `cli-${round}.parws`);
    fs.copyFileSync(base, wsFile);
    plainMs += run([script, ...files], 'exceljs-only script').ms;
    const cli = run([CLI, 'import', wsFile, filledDir], 'par-workbench import');
    cliMs += cli.ms;
  }
  const startUp = run([CLI, '--help'], 'par-workbench --help');
  report.figure('par-workbench start-up alone (--help)', startUp.ms, 'included in the import below');
  report.figure(`plain node script: exceljs load of the ${UNITS} forms`, plainMs / 2, 'mean of 2 runs, node start-up included');
  report.figure(
    `par-workbench import WS folder (${UNITS} forms)`,
    cliMs / 2,
    `mean of 2 runs, start-up included; ${(cliMs / plainMs).toFixed(2)} × the plain exceljs script (aim ≤ 1.5 ×)`,
  );
}

async function surveyFigures(dir: string, report: Parameters<BenchSuite['run']>[0]): Promise<void> {
  const def = builtinDefinition(YEAR);
  const units = Array.from({ length: 50 }, (_, i) => `X${String(i + 1).padStart(3, '0')}`);
  const raw = generateForms(def, units, 800, YEAR);
  // as Excel saves it: text in the shared-string table
  const xlsx = path.join(dir, 'sipas-40000.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: false });
  const sheet = wb.addWorksheet('Phiếu');
  sheet.addRow(['Đơn vị', 'Mã phiếu', ...def.items.map((i) => i.code)]).commit();
  raw.forEach((f, k) => sheet.addRow([f.unit, `P${k + 1}`, ...def.items.map((i) => f.answers[i.code] ?? null)]).commit());
  sheet.commit();
  await wb.commit();
  const shape = `${raw.length.toLocaleString('vi-VN')} phiếu × ${def.items.length} câu, ${(fs.statSync(xlsx).size / 1e6).toFixed(1)} MB`;

  const wsFile = path.join(dir, 'sipas.parws');
  const ws = Workspace.create(wsFile);
  upsertUnits(ws, units.map((code, i) => ({ code, name: `Xã Mẫu ${i + 1}`, blockCode: 'xa' })));
  ws.close();
  const cli = run([CLI, 'survey', 'import', wsFile, xlsx, '--year', String(YEAR)], 'par-workbench survey import');
  report.figure('par-workbench survey import (.xlsx), peak memory', cli.ms, `${shape}; peak RSS ${cli.peakRssMb.toFixed(0)} MB (aim < 250 MB)`);
  const excel = run([excelOnlyScript(dir), xlsx], 'exceljs-only script');
  report.figure('plain node script: exceljs load of the same .xlsx, peak memory', excel.ms, `peak RSS ${excel.peakRssMb.toFixed(0)} MB (how the import read it before)`);
}

export const readersSuite: BenchSuite = {
  name: 'readers',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-readers-'));
    try {
      await formsFigures(dir, report);
      await surveyFigures(dir, report);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
