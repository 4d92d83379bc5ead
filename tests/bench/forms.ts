// Self-assessment forms at provincial size: 250 units, a framework of 150 sub-criteria. The
// forms are generated, filled without exceljs (as a spreadsheet program saves them), then
// imported; the import is compared with the time exceljs alone takes to load the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CriterionNode } from '../../shared/domain';
import { generateFormTemplates, importForms, type FormImportResult } from '../../electron/features/forms';
import { COL, FORM_HEADER_ROW, FORM_SHEET } from '../../electron/features/forms/layout';
import ExcelJS from 'exceljs';
import { cellAddress } from '../../electron/excel/cells';
import { Workspace } from '../../electron/db/workspace';
import { leafCodes } from '../../shared/results';
import { fillXlsx, type FillJob } from '../integration/forms/helpers';
import { timed, type BenchSuite } from './harness';
import { saveFramework } from '../../electron/features/framework/service';
import { upsertUnits } from '../../electron/features/units/service';
import { sqlOf } from '../../electron/db/connection';

const UNITS = 250;
const YEAR = 2025;
const FIELDS = 10;
const CRITERIA_PER_FIELD = 5;
const LEAVES_PER_CRITERION = 3;

export function framework(): CriterionNode[] {
  const base = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, source: 'self' as const };
  const nodes: CriterionNode[] = [];
  for (let f = 1; f <= FIELDS; f++) {
    nodes.push({ ...base, code: String(f), parentCode: null, level: 1, title: `Lĩnh vực ${f}`, maxPoints: null });
    for (let c = 1; c <= CRITERIA_PER_FIELD; c++) {
      const criterion = `${f}.${c}`;
      nodes.push({ ...base, code: criterion, parentCode: String(f), level: 2, title: `Tiêu chí ${criterion}`, maxPoints: null });
      for (let l = 1; l <= LEAVES_PER_CRITERION; l++) {
        const code = `${criterion}.${l}`;
        nodes.push({
          ...base,
          code,
          parentCode: criterion,
          level: 3,
          title: `Tiêu chí thành phần ${code}: thực hiện nhiệm vụ cải cách hành chính theo kế hoạch`,
          maxPoints: l === 1 ? 1 : 0.5,
          method: l === 2 ? 'yesno' : 'free',
          evidenceRequired: l === 1,
          source: f === FIELDS && c === CRITERIA_PER_FIELD ? 'survey' : 'self',
        });
      }
    }
  }
  return nodes;
}

export const formsSuite: BenchSuite = {
  name: 'forms',
  async run(report) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-bench-forms-'));
    try {
      const ws = Workspace.create(path.join(dir, 'bench.parws'));
      upsertUnits(ws, Array.from({ length: UNITS }, (_, i) => ({ code: `DV${String(i + 1).padStart(3, '0')}`, name: `Đơn vị mẫu ${i + 1}`, blockCode: 'xa' })));
      const nodes = framework();
      saveFramework(ws, { year: YEAR, blockCode: 'xa', nodes });
      const leaves = leafCodes(nodes);
      const leafCount = leaves.size;

      const generated = await timed(() => generateFormTemplates(ws, { year: YEAR, outDir: path.join(dir, 'forms') }));
      report.figure(`generate ${UNITS} forms`, generated.ms, `${leafCount} sub-criteria each, ${(generated.ms / UNITS).toFixed(1)} ms per form`);

      const filledDir = path.join(dir, 'filled');
      fs.mkdirSync(filledDir);
      const jobs: FillJob[] = generated.result.map((form, i) => {
        const cells: NonNullable<FillJob['cells']> = {};
        nodes.forEach((n, index) => {
          if (!leaves.has(n.code) || n.source === 'survey') return;
          const row = FORM_HEADER_ROW + 1 + index;
          const max = n.maxPoints ?? 0;
          cells[cellAddress(COL.self, row)] = n.method === 'yesno' ? ((i + index) % 3 ? max : 0) : ((i + index) % 5) * (max / 4);
          if (n.evidenceRequired) cells[cellAddress(COL.evidence, row)] = `Kế hoạch số ${index}/KH-${form.unitCode}`;
        });
        return { src: form.file, dst: path.join(filledDir, path.basename(form.file)), sheet: FORM_SHEET, cells };
      });
      const filled = await timed(() => fillXlsx(jobs, dir));
      report.figure(`fill ${UNITS} forms without exceljs (Python zipfile)`, filled.ms);

      // The import and exceljs alone alternate in batches of 25 files, so that the load
      // others put on the machine weighs on both measures alike.
      const files = jobs.map((j) => j.dst);
      let excelMs = 0;
      let importMs = 0;
      const results: FormImportResult[] = [];
      for (let i = 0; i < files.length; i += 25) {
        const batch = files.slice(i, i + 25);
        excelMs += (
          await timed(async () => {
            for (const f of batch) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f) as unknown as ArrayBuffer);
          })
        ).ms;
        const imported = await timed(() => importForms(ws, batch));
        importMs += imported.ms;
        results.push(...imported.result);
      }
      report.figure(`exceljs alone loads the ${UNITS} filled forms`, excelMs);
      const imported = { ms: importMs, result: results };
      const refused = imported.result.filter((r) => r.status !== 'imported');
      if (refused.length) throw new Error(`bench: ${refused.length} forms not imported: ${JSON.stringify(refused[0].errors)}`);
      const ratio = imported.ms / excelMs;
      report.figure(
        `import ${UNITS} filled forms (read, match, check, write scores + submissions)`,
        imported.ms,
        `${(imported.ms / UNITS).toFixed(1)} ms per form; ${ratio.toFixed(2)} × exceljs load (aim < 1.5 ×)`,
      );

      const scores = sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM scores WHERE self_score IS NOT NULL').get() as { n: number };
      const expectedScores = UNITS * (leafCount - LEAVES_PER_CRITERION);
      if (scores.n !== expectedScores) throw new Error(`bench: ${scores.n} self scores stored, expected ${expectedScores}`);
      ws.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
