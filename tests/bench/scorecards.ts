// Scorecards for every unit of the demo's latest year (85 units), printed by Chromium, and
// the summary workbook. Aim: all scorecards in under a minute.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoWorkspace, DEMO_OPEN_YEAR } from '../../electron/services/demo';
import { exportSummaryWorkbook } from '../../electron/services/excel/summary';
import { loadScorecardData, printScorecards, scorecardPage } from '../../electron/services/print/scorecards';
import { printFontCss } from '../../electron/services/print/fonts';
import { Workspace } from '../../electron/services/workspace';
import { buildScorecardHtml } from '../../shared/reports/scorecard-view';
import { type BenchSuite, timed } from './harness';

export const scorecardsSuite: BenchSuite = {
  name: 'scorecards',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-scorecards-'));
    try {
      const file = path.join(dir, 'demo.parws');
      const demo = await timed(() => createDemoWorkspace(file));
      report.figure('tạo tệp dữ liệu mẫu', demo.ms, `${demo.result.units} đơn vị, ${demo.result.scores.toLocaleString('vi-VN')} dòng điểm`);
      const ws = Workspace.open(file);
      try {
        const year = DEMO_OPEN_YEAR;
        const data = await timed(() => loadScorecardData(ws, year, { all: true }));
        const units = data.result.length;
        report.figure('số liệu phiếu (kết quả, điểm bị mất, năm trước)', data.ms, `${units} đơn vị`);
        const html = await timed(() => {
          const assets = { fontCss: printFontCss() };
          return data.result.map((d) => buildScorecardHtml(scorecardPage(d), assets).length);
        });
        report.figure('HTML + biểu đồ SVG (ECharts SSR)', html.ms, `${units} phiếu, ${(html.result.reduce((s, n) => s + n, 0) / units / 1024).toFixed(0)} KB/phiếu`);
        const perUnit = await timed(() =>
          printScorecards(ws, { year, selection: { all: true }, outDir: path.join(dir, 'per-unit') }),
        );
        const pages = Object.values(perUnit.result.pages);
        report.figure(
          'in PDF từng đơn vị (Chromium)',
          perUnit.ms,
          `${units} tệp, ${pages.reduce((s, n) => s + n, 0)} trang (${Math.min(...pages)}–${Math.max(...pages)} trang/phiếu), ${(perUnit.ms / units).toFixed(0)} ms/phiếu; mục tiêu < 60.000 ms`,
        );
        const combined = await timed(() =>
          printScorecards(ws, { year, selection: { all: true }, outDir: path.join(dir, 'combined'), combined: true }),
        );
        report.figure(
          'in một PDF gộp (đánh số trang riêng từng phiếu)',
          combined.ms,
          `${(fs.statSync(combined.result.files[0]).size / 1e6).toFixed(1)} MB`,
        );
        const workbook = await timed(() => exportSummaryWorkbook(ws, year, path.join(dir, 'tong-hop.xlsx')));
        report.figure('bảng tổng hợp Excel', workbook.ms, `${workbook.result.sheets.length} trang tính`);
      } finally {
        ws.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
