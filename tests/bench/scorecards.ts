// Scorecards for every unit of the demo's latest year (85 units), printed by Chromium, and the
// summary workbook: in the process, and through the command line as a user runs it (start-up,
// workspace, browser and all). Aim: the 85 scorecards in well under 10 s through the command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoWorkspace, DEMO_OPEN_YEAR } from '../../electron/features/demo';
import { exportSummaryWorkbook } from '../../electron/features/print/summary';
import { loadScorecardData, printScorecards, scorecardPage } from '../../electron/features/print/scorecards';
import { printFontCss } from '../../electron/print/fonts';
import { Workspace } from '../../electron/db/workspace';
import { buildScorecardHtml } from '../../shared/print/scorecard-view';
import { type BenchSuite, timed } from './harness';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'electron', 'bin', 'par-workbench.mjs');

/** Runs the command line to its end; refuses a run that fails. */
function cli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`par-workbench ${args[0]} thoát mã ${code}: ${err.trim().split('\n').pop()}`))));
  });
}

/** The machine's load when a figure was taken: on shared cores it moves every figure. */
function load(): string {
  return `tải máy ${os.loadavg()[0].toFixed(1)} trên ${os.availableParallelism()} lõi`;
}

function pdfsIn(dir: string): number {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).length;
}

export const scorecardsSuite: BenchSuite = {
  name: 'scorecards',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-scorecards-'));
    try {
      const file = path.join(dir, 'demo.parws');
      const demo = await timed(() => createDemoWorkspace(file));
      report.figure('tạo tệp dữ liệu mẫu', demo.ms, `${demo.result.units} đơn vị, ${demo.result.scores.toLocaleString('vi-VN')} dòng điểm`);
      const year = DEMO_OPEN_YEAR;
      let units = 0;
      const ws = Workspace.open(file);
      try {
        const data = await timed(() => loadScorecardData(ws, year, { all: true }));
        units = data.result.length;
        report.figure('số liệu phiếu (kết quả, điểm bị mất, năm trước)', data.ms, `${units} đơn vị`);
        const html = await timed(() => data.result.map((d) => buildScorecardHtml(scorecardPage(d), { fontCss: printFontCss }).length));
        report.figure(
          'HTML (React) + biểu đồ SVG (ECharts SSR)',
          html.ms,
          `${units} phiếu, ${(html.result.reduce((s, n) => s + n, 0) / units / 1024).toFixed(0)} KB/phiếu`,
        );
        const perUnit = await timed(() => printScorecards(ws, { year, selection: { all: true }, outDir: path.join(dir, 'per-unit') }));
        const pages = Object.values(perUnit.result.pages);
        report.figure(
          'in PDF từng đơn vị, trong tiến trình (Chromium)',
          perUnit.ms,
          `${units} tệp, ${pages.reduce((s, n) => s + n, 0)} trang (${Math.min(...pages)}–${Math.max(...pages)} trang/phiếu), ${(perUnit.ms / units).toFixed(0)} ms/phiếu; ${load()}`,
        );
        const combined = await timed(() =>
          printScorecards(ws, { year, selection: { all: true }, outDir: path.join(dir, 'combined'), combined: true }),
        );
        report.figure(
          'in một PDF gộp, trong tiến trình (đánh số trang riêng từng phiếu)',
          combined.ms,
          `${(fs.statSync(combined.result.files[0]).size / 1e6).toFixed(1)} MB; ${load()}`,
        );
        const workbook = await timed(() => exportSummaryWorkbook(ws, year, path.join(dir, 'tong-hop.xlsx')));
        report.figure('bảng tổng hợp Excel, trong tiến trình', workbook.ms, `${workbook.result.sheets.length} trang tính`);
      } finally {
        ws.close();
      }

      const cliOut = path.join(dir, 'cli-per-unit');
      const cliRun = await timed(() => cli(['scorecards', file, '--year', String(year), '--all', '--out', cliOut]));
      report.figure(
        'in PDF từng đơn vị qua dòng lệnh (par-workbench scorecards --all)',
        cliRun.ms,
        `${pdfsIn(cliOut)} tệp, từ lúc gõ lệnh đến khi xong; mục tiêu < 10.000 ms; ${load()}`,
      );
      const cliCombined = await timed(() =>
        cli(['scorecards', file, '--year', String(year), '--all', '--combined', '--out', path.join(dir, 'cli-combined')]),
      );
      report.figure('in một PDF gộp qua dòng lệnh (--combined)', cliCombined.ms, load());
      const cliWorkbook = await timed(() => cli(['export', file, '--year', String(year), '--out', path.join(dir, 'cli-tong-hop.xlsx')]));
      report.figure('bảng tổng hợp Excel qua dòng lệnh (par-workbench export)', cliWorkbook.ms, load());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
