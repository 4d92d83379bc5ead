// Council packages at provincial size: 10 members covering 85 units × 90 sub-criteria (one
// member per field, the last field split between two members by units). The packages are
// written, every score cell filled without exceljs (as a spreadsheet program saves them), then
// imported through the command line as a script would run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CriterionNode } from '../../shared/domain';
import { Workspace } from '../../electron/db/workspace';
import { assign, saveMember } from '../../electron/features/council/service';
import { importPackages } from '../../electron/features/council/package-import';
import { PACKAGE_HEADER_ROW, PACKAGE_SHEET, writePackages } from '../../electron/features/council/packages';
import { saveFramework } from '../../electron/features/framework/service';
import { upsertUnits } from '../../electron/features/units/service';
import { fillXlsx, type FillJob } from '../integration/forms/helpers';
import { timed, type BenchSuite } from './harness';

const YEAR = 2025;
const UNITS = 85;
const FIELDS = 9;
const LEAVES = 10;

function framework(): CriterionNode[] {
  const base = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, source: 'self' as const };
  const nodes: CriterionNode[] = [];
  for (let f = 1; f <= FIELDS; f++) {
    nodes.push({ ...base, code: String(f), parentCode: null, level: 1, title: `Lĩnh vực ${f}`, maxPoints: null });
    for (let l = 1; l <= LEAVES; l++) {
      nodes.push({ ...base, code: `${f}.${l}`, parentCode: String(f), level: 2, title: `Tiêu chí ${f}.${l}: thực hiện nhiệm vụ cải cách hành chính`, maxPoints: 1 });
    }
  }
  return nodes;
}

/** A workspace with the council and its 10 packages filled, in `dir`: what the import reads. */
export async function prepareCouncilBench(dir: string, report?: Parameters<BenchSuite['run']>[0]): Promise<{ file: string; back: string }> {
  const file = path.join(dir, 'bench.parws');
  const ws = Workspace.create(file);
  const units = Array.from({ length: UNITS }, (_, i) => ({ code: `X${String(i + 1).padStart(3, '0')}`, name: `Xã mẫu ${i + 1}`, blockCode: 'xa' }));
  upsertUnits(ws, units);
  saveFramework(ws, { year: YEAR, blockCode: 'xa', nodes: framework() });
  for (let m = 1; m <= 10; m++) saveMember(ws, { name: `Thành viên ${m}`, organisation: `Sở ${m}` });
  for (let f = 1; f < FIELDS; f++) assign(ws, { year: YEAR, blockCode: 'xa', member: `Thành viên ${f}`, criteria: [String(f)] });
  assign(ws, { year: YEAR, blockCode: 'xa', member: 'Thành viên 9', criteria: [String(FIELDS)], units: units.slice(0, 43).map((u) => u.code) });
  assign(ws, { year: YEAR, blockCode: 'xa', member: 'Thành viên 10', criteria: [String(FIELDS)], units: units.slice(43).map((u) => u.code) });
  const written = await timed(() => writePackages(ws, YEAR, path.join(dir, 'out')));
  ws.close();
  report?.figure('write 10 packages', written.ms, `${written.result.reduce((n, p) => n + p.rows, 0)} rows`);
  const back = path.join(dir, 'back');
  const jobs: FillJob[] = written.result.map((p) => {
    const cells: Record<string, number> = {};
    // data rows of each unit, then its subtotal row
    let r = PACKAGE_HEADER_ROW + 1;
    for (let u = 0; u < p.units; u++) {
      for (let l = 0; l < p.rows / p.units; l++) cells[`I${r++}`] = (l % 2) * 0.5 + 0.5;
      r++;
    }
    return { src: p.file, dst: path.join(back, path.basename(p.file)), sheet: PACKAGE_SHEET, cells };
  });
  fs.mkdirSync(back);
  fillXlsx(jobs, dir);
  return { file, back };
}

export const councilSuite: BenchSuite = {
  name: 'council',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-council-'));
    try {
      const { file, back } = await prepareCouncilBench(dir, report);
      // the same import in this process, on a copy: the reading and the writing without the start of a process
      const copy = path.join(dir, 'copy.parws');
      fs.copyFileSync(file, copy);
      const ws = Workspace.open(copy);
      const inProcess = await timed(() => importPackages(ws, [back]));
      ws.close();
      report.figure('council import of 10 packages (in process)', inProcess.ms, `${inProcess.result.reduce((n, r) => n + r.changes, 0)} appraised scores`);
      const bin = path.resolve('electron/bin/par-workbench.mjs');
      const run = await timed(() => spawnSync(process.execPath, [bin, 'council', 'import', file, back, '--json'], { encoding: 'utf8' }));
      const results = JSON.parse(run.result.stdout) as { status: string; changes: number }[];
      const changes = results.reduce((n, r) => n + r.changes, 0);
      if (run.result.status !== 0 || results.some((r) => r.status !== 'imported') || changes !== UNITS * FIELDS * LEAVES) {
        throw new Error(`council import: exit ${run.result.status}, ${changes} changes: ${run.result.stderr}`);
      }
      report.figure('council import of 10 packages (CLI, end to end)', run.ms, `${changes} appraised scores, target < 2000 ms`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
