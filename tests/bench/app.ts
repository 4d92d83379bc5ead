// The appraisal grid in Chromium: the matrix of 100 units × 150 sub-criteria opening, and one
// edit saved through the real handlers with the rank updated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { CriterionNode } from '../../shared/domain';
import { Workspace } from '../../electron/db/workspace';
import { launchApp, stopServer } from '../e2e/harness';
import type { BenchSuite } from './harness';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { saveFramework } from '../../electron/features/framework/service';
import { yearResults } from '../../electron/features/results/service';
import { upsertUnits } from '../../electron/features/units/service';
import { listUnits } from '../../electron/features/units/store';

const YEAR = 2025;
const UNITS = 100;
const FIELDS = 6;
const CRITERIA = 5;
const LEAVES = 5;

function benchWorkspace(file: string): void {
  const ws = Workspace.create(file);
  const base = { source: 'self', method: 'free', tiers: null, evidenceRequired: true, guidance: null } as const;
  const nodes: CriterionNode[] = [];
  for (let f = 1; f <= FIELDS; f++) {
    nodes.push({ ...base, code: `F${f}`, parentCode: null, level: 1, title: `Lĩnh vực ${f}`, maxPoints: CRITERIA * LEAVES });
    for (let c = 1; c <= CRITERIA; c++) {
      nodes.push({ ...base, code: `${f}.${c}`, parentCode: `F${f}`, level: 2, title: `Tiêu chí ${f}.${c}`, maxPoints: LEAVES });
      for (let l = 1; l <= LEAVES; l++) {
        nodes.push({ ...base, code: `${f}.${c}.${l}`, parentCode: `${f}.${c}`, level: 3, title: `Tiêu chí thành phần ${f}.${c}.${l}`, maxPoints: 1 });
      }
    }
  }
  upsertUnits(ws, Array.from({ length: UNITS }, (_, i) => ({ code: `U${String(i + 1).padStart(3, '0')}`, name: `Đơn vị số ${i + 1}`, blockCode: 'xa' })));
  saveFramework(ws, { year: YEAR, blockCode: 'xa', nodes });
  const leaves = nodes.filter((n) => n.level === 3);
  // a fixed pseudo-random spread, so that units differ and ranks move
  let seed = 20250101;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  applyScoreChanges(ws, 
    YEAR,
    listUnits(ws).flatMap((u, i) =>
      leaves.map((n) => ({
        unitCode: u.code,
        criterionCode: n.code,
        patch: { selfScore: 1, appraisedScore: Math.round(Math.min(1, 0.55 + next() * 0.5 + (i % 10) * 0.005) * 4) / 4, appraisalRound: 1 },
      })),
    ),
    { source: 'bench' },
  );
  ws.close();
}

export const appSuite: BenchSuite = {
  name: 'app',
  async run(report) {
    if (!fs.existsSync(path.resolve('dist/index.html'))) await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-app-'));
    const file = path.join(dir, 'bench.parws');
    benchWorkspace(file);
    const app = await launchApp({ viewport: { width: 1440, height: 900 } });
    try {
      const { page } = app;
      app.dialogs['open-workspace'] = [file];
      await page.getByRole('button', { name: /^Mở Mở một tệp/ }).click();
      await page.getByRole('heading', { name: /Tổng quan/ }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Chức năng' });

      for (let run = 0; run < 3; run++) {
        await nav.getByRole('button', { name: 'Tổng quan', exact: true }).click();
        await page.getByRole('heading', { name: /Tổng quan/ }).waitFor();
        const t0 = Date.now();
        await nav.getByRole('button', { name: 'Thẩm định', exact: true }).click();
        await page.locator('[data-testid=appraisal-grid] .ag-row').first().waitFor();
        const t1 = Date.now();
        await page.getByRole('tab', { name: 'Ma trận khối' }).click();
        await page.locator('[data-testid=appraisal-grid] .ag-row[row-id="U001"] .ag-cell[col-id="1.1.1"]').first().waitFor();
        const t2 = Date.now();
        report.figure(`matrix ${UNITS}×${FIELDS * CRITERIA * LEAVES} opens (run ${run + 1})`, t2 - t0, `load and unit tree ${t1 - t0} ms, matrix ${t2 - t1} ms`);
      }

      const ws = Workspace.open(file);
      const before = yearResults(ws, YEAR).blocks[0].units;
      ws.close();
      // a unit in the middle of the ranking among the rows on screen
      const onScreen = before.filter((u) => Number(u.code.slice(1)) <= 12);
      const middle = onScreen.reduce((a, b) => (Math.abs((b.rank ?? 0) - UNITS / 2) < Math.abs((a.rank ?? 0) - UNITS / 2) ? b : a));
      const edits: number[] = [];
      for (let run = 0; run < 10; run++) {
        const code = `1.${Math.floor(run / LEAVES) + 1}.${(run % LEAVES) + 1}`;
        const cell = page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${middle.code}"] .ag-cell[col-id="${code}"]`).first();
        const shown = (await cell.textContent())?.trim();
        await cell.click();
        await page.keyboard.press('F2');
        const editor = page.locator('input.score-editor');
        await editor.waitFor();
        await editor.fill(shown === '0' ? '1' : '0');
        // timed in the page: from the Enter key's event to the save confirmed with the rank cell drawn
        await page.evaluate((rowId) => {
          const w = window as unknown as { __editTimed: Promise<number> };
          const previous = document.body.dataset.saves;
          let start = 0;
          window.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
          w.__editTimed = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              const rank = document.querySelector(`[data-testid=appraisal-grid] .ag-row[row-id="${rowId}"] .ag-cell[col-id="rank"]`);
              if (start && document.body.dataset.saves !== previous && rank) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          });
        }, middle.code);
        await page.keyboard.press('Enter');
        const ms = await page.evaluate(() => (window as unknown as { __editTimed: Promise<number> }).__editTimed);
        const rank = await page.locator(`[data-testid=appraisal-grid] .ag-row[row-id="${middle.code}"] .ag-cell[col-id="rank"]`).first().textContent();
        const saved = Workspace.open(file);
        const savedRank = yearResults(saved, YEAR).blocks[0].units.find((u) => u.code === middle.code)!.rank;
        saved.close();
        if (String(savedRank) !== rank) throw new Error(`rank on screen ${rank}, saved ${savedRank}`);
        edits.push(ms);
        report.figure(`edit saved, rank updated (run ${run + 1})`, ms, `unit ${middle.code}, leaf ${code}, rank ${rank}`);
      }
      const sorted = [...edits].sort((a, b) => a - b);
      report.figure('edit saved, rank updated (median of 10)', sorted[Math.floor(sorted.length / 2)], `fastest ${sorted[0].toFixed(1)} ms, slowest ${sorted[sorted.length - 1].toFixed(1)} ms`);
    } finally {
      await app.close();
      await stopServer();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
