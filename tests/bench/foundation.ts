// Foundation figures: results of a large workspace (250 units × 150 sub-criteria × 10 years)
// through SQLite and through the pure engine, and a scores import of 37,500 rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoWorkspace } from '../../electron/features/demo';
import { importScoresFile } from '../../electron/features/appraisal/scores-import';
import { Workspace } from '../../electron/db/workspace';
import { computeResults, computeYear } from '../../shared/results';
import { timed, type BenchSuite } from './harness';
import {
  FOUNDATION_SIZE,
  generateFoundationWorkspace,
  generatedScores,
  leafCount,
  writeGeneratedScores,
  writeScoresCsv,
  writeScoresXlsx,
} from './foundation-data';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { cloneFramework } from '../../electron/features/framework/service';
import { scoringInput, yearResults } from '../../electron/features/results/service';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function repeated(times: number, fn: () => unknown): Promise<{ first: number; median: number }> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push((await timed(fn)).ms);
  return { first: runs[0], median: median(runs) };
}

export const foundationSuite: BenchSuite = {
  name: 'foundation',
  async run(report) {
    const size = FOUNDATION_SIZE;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-'));
    const demo = await timed(() => createDemoWorkspace(path.join(dir, 'mau.parws')));
    report.figure(
      'tạo tệp dữ liệu mẫu (Tỉnh Mẫu, 2023–2025)',
      demo.ms,
      `${demo.result.units} đơn vị, ${demo.result.scores.toLocaleString('vi-VN')} dòng điểm, ${demo.result.auditEntries.toLocaleString('vi-VN')} lượt nhật ký`,
    );
    const ws = generateFoundationWorkspace(path.join(dir, 'lon.parws'), size);
    try {
      const years = Array.from({ length: size.years }, (_, i) => size.firstYear + i);
      const lastYear = years[years.length - 1];
      const shape = `${size.units} đơn vị × ${leafCount(size)} tiêu chí thành phần`;

      let written = 0;
      const write = await timed(() => ws.transaction(() => years.forEach((y) => (written += writeGeneratedScores(ws, size, y)))));
      report.figure('ghi điểm qua applyScoreChanges (kèm nhật ký)', write.ms, `${written.toLocaleString('vi-VN')} dòng, ${size.years} năm`);

      // Cold: a workspace just opened computes everything it needs; nothing is kept yet.
      const cold = (year: number) =>
        repeated(5, () => {
          const fresh = Workspace.open(ws.file);
          try {
            return yearResults(fresh, year);
          } finally {
            fresh.close();
          }
        });
      const openOnly = await repeated(5, () => Workspace.open(ws.file).close());
      const one = await cold(years[0]);
      report.figure(
        `yearResults(ws, ${years[0]}) một năm, không có năm trước, tệp vừa mở`,
        one.median - openOnly.median,
        `${shape}; trung vị 5 lần, trừ ${openOnly.median.toFixed(1)} ms mở tệp`,
      );
      const latest = await cold(lastYear);
      report.figure(
        `yearResults(ws, ${lastYear}) một năm, so với năm ${lastYear - 1}, tệp vừa mở`,
        latest.median - openOnly.median,
        `${shape}; đọc và tính hai năm; trung vị 5 lần, trừ thời gian mở tệp`,
      );
      // Warm: while appraising, each edit of the current year recomputes only that year.
      yearResults(ws, lastYear);
      let step = 0;
      const edited = await repeated(5, () => {
        applyScoreChanges(ws, lastYear, [{ unitCode: 'X100', criterionCode: '1.1.1', patch: { appraisedScore: step++ % 2 ? 0 : 0.25 } }], { source: 'bench' });
        return yearResults(ws, lastYear);
      });
      report.figure(
        `yearResults(ws, ${lastYear}) sau mỗi lần sửa điểm năm đó`,
        edited.median,
        `${shape}; năm ${lastYear - 1} đã tính sẵn; trung vị 5 lần (kể cả ghi thay đổi)`,
      );
      const all = await timed(() => years.map((y) => yearResults(ws, y)));
      report.figure(`ws.results cho cả ${size.years} năm`, all.ms, `${shape} × ${size.years} năm`);

      const inputs = years.map((y) => scoringInput(ws, y));
      const read = await repeated(5, () => scoringInput(ws, lastYear));
      report.figure('ws.scoringInput một năm (chỉ đọc SQLite)', read.median, `${inputs[inputs.length - 1].scores.length.toLocaleString('vi-VN')} dòng điểm; trung vị 5 lần`);
      const engine = await repeated(20, () => computeYear(inputs[inputs.length - 1]));
      report.figure('computeYear một năm (bộ máy tính thuần, không đọc SQLite)', engine.median, `${shape}; trung vị 20 lần`);
      const engineAll = await repeated(5, () => computeResults(inputs, lastYear));
      report.figure(`computeResults năm ${lastYear} với ${size.years - 1} năm trước (thuần)`, engineAll.median, 'trung vị 5 lần');
      // the comparison needs only the latest earlier year: what reading just two years costs
      const twoYears = await repeated(5, () =>
        computeResults([scoringInput(ws, lastYear - 1), scoringInput(ws, lastYear)], lastYear),
      );
      report.figure(`năm ${lastYear} chỉ đọc năm đó và năm liền trước rồi tính`, twoYears.median, 'trung vị 5 lần');

      const importRows = generatedScores(size, lastYear);
      const csvYear = lastYear + 1;
      const xlsxYear = lastYear + 2;
      cloneFramework(ws, lastYear, csvYear);
      cloneFramework(ws, lastYear, xlsxYear);
      const csv = path.join(dir, 'diem.csv');
      const xlsx = path.join(dir, 'diem.xlsx');
      writeScoresCsv(csv, importRows);
      await writeScoresXlsx(xlsx, importRows);
      const rowsText = `${importRows.length.toLocaleString('vi-VN')} dòng`;
      const csvImport = await timed(() => importScoresFile(ws, csvYear, csv));
      report.figure('nhập điểm từ .csv (importScoresFile)', csvImport.ms, `${rowsText}, ${(fs.statSync(csv).size / 1024).toFixed(0)} KB, ${csvImport.result.changedFields.toLocaleString('vi-VN')} trường thay đổi`);
      const xlsxImport = await timed(() => importScoresFile(ws, xlsxYear, xlsx));
      report.figure('nhập điểm từ .xlsx (importScoresFile)', xlsxImport.ms, `${rowsText}, ${(fs.statSync(xlsx).size / 1024).toFixed(0)} KB, ${xlsxImport.result.changedFields.toLocaleString('vi-VN')} trường thay đổi`);
      const again = await timed(() => importScoresFile(ws, csvYear, csv));
      report.figure('nhập lại cùng tệp .csv (không có gì thay đổi)', again.ms, `${rowsText}, ${again.result.changedFields} trường thay đổi`);
      if (csvImport.result.rows !== importRows.length || again.result.changedFields !== 0) {
        throw new Error(`Nhập điểm không đúng: ${csvImport.result.rows} dòng, lần nhập lại đổi ${again.result.changedFields} trường.`);
      }
    } finally {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
