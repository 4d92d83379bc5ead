// Shared pieces of the form tests: a small workspace with every scoring method, a filler that
// edits .xlsx files without exceljs (Python's standard library), LibreOffice re-saves, and a
// dump of every table to prove that a refused file changed nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CriterionNode } from '../../../shared/domain';
import { Workspace } from '../../../electron/db/workspace';
import { COL, FORM_HEADER_ROW, FORM_SHEET } from '../../../electron/features/forms/layout';
import type { GeneratedForm } from '../../../electron/features/forms/template';
import { getScores } from '../../../electron/features/appraisal/store';
import { getFramework } from '../../../electron/features/framework/store';
import { getUnit } from '../../../electron/features/units/store';
import { leafCodes } from '../../../shared/results';
import { cellAddress } from '../../../electron/excel/cells';
import { saveFramework } from '../../../electron/features/framework/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { setSetting } from '../../../electron/features/workspace/store';
import { sqlOf } from '../../../electron/db/connection';

const FILLER = path.join(import.meta.dirname, 'fill_xlsx.py');

function node(code: string, parentCode: string | null, title: string, maxPoints: number | null, extra: Partial<CriterionNode> = {}): CriterionNode {
  return {
    code,
    parentCode,
    level: parentCode === null ? 1 : code.split('.').length,
    title,
    maxPoints,
    source: 'self',
    method: 'free',
    tiers: null,
    evidenceRequired: false,
    guidance: null,
    ...extra,
  };
}

/** A framework with every kind of leaf: yes/no, free, ratio, survey, bonus, deduction. */
export const TEST_NODES: CriterionNode[] = [
  node('I', null, 'Công tác chỉ đạo, điều hành cải cách hành chính', 4.5),
  node('1.1', 'I', 'Kế hoạch cải cách hành chính', 3),
  node('1.1.1', '1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn', 1, { method: 'yesno', evidenceRequired: true }),
  node('1.1.2', '1.1', 'Mức độ hoàn thành kế hoạch CCHC', 2, { evidenceRequired: true, guidance: 'Hoàn thành 100% kế hoạch: 2 điểm.' }),
  node('1.2', 'I', 'Tuyên truyền cải cách hành chính', 1.5),
  node('II', null, 'Cải cách thủ tục hành chính', 6),
  node('2.1', 'II', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 2.5, { method: 'ratio' }),
  node('2.2', 'II', 'Xin lỗi người dân khi trễ hạn', 0.5, { method: 'yesno' }),
  node('2.3', 'II', 'Mức độ hài lòng của người dân (SIPAS)', 3, { source: 'survey' }),
  node('2.4', 'II', 'Điểm thưởng sáng kiến cải cách hành chính', 1, { method: 'bonus' }),
  node('2.5', 'II', 'Điểm trừ do vi phạm kỷ luật, kỷ cương hành chính', 1, { method: 'deduction' }),
];

export const TEST_UNITS = [
  { code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so' },
  { code: 'STP', name: 'Sở Tư pháp', blockCode: 'so' },
  { code: 'SYT', name: 'Sở Y tế', blockCode: 'so' },
];

export function createTestWorkspace(file: string, year = 2025, nodes = TEST_NODES): Workspace {
  const ws = Workspace.create(file);
  setSetting(ws, 'province', 'Tỉnh Mẫu');
  upsertUnits(ws, TEST_UNITS);
  saveFramework(ws, { year, blockCode: 'so', nodes });
  return ws;
}

/** The address of a leaf's cell on a generated form. */
export function formCell(nodes: CriterionNode[], code: string, column: keyof typeof COL): string {
  const index = nodes.findIndex((n) => n.code === code);
  if (index < 0) throw new Error(`no node ${code}`);
  return cellAddress(COL[column], FORM_HEADER_ROW + 1 + index);
}

export type FillValue =
  | number
  | string
  | boolean
  | null
  | { f: string; v: number | string }
  | { rich: [string, boolean][] }
  | { date: string };

export interface FillJob {
  src?: string;
  dst: string;
  sheet?: string;
  cells?: Record<string, FillValue>;
  hideRows?: number[];
  hideCols?: string[];
  merge?: string[];
  addSheets?: { name: string; rows: (string | number | null)[][] }[];
  /** a new workbook instead of an edited one */
  sheets?: { name: string; rows: (string | number | null)[][] }[];
}

/** Runs the filler on many files in one Python process. */
export function fillXlsx(jobs: FillJob[], workDir: string): void {
  const spec = path.join(workDir, `fill-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(spec, JSON.stringify({ jobs }));
  execFileSync('python3', [FILLER, spec], { stdio: ['ignore', 'ignore', 'pipe'] });
  fs.rmSync(spec);
}

export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Re-saves files through LibreOffice Calc (one soffice run) into `outDir` as `format`, with its default or the named export filter. */
export function libreOfficeConvert(files: string[], outDir: string, format = 'xlsx', filter?: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(outDir, '.lo-profile-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter ? `${format}:${filter}` : format, '--outdir', outDir, ...files],
    { stdio: 'ignore', timeout: 180_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`));
}

/** Every row of every table, in a stable order: equal dumps = the workspace is as it was. */
export function dumpWorkspace(ws: Workspace): Record<string, unknown[]> {
  const tables = (sqlOf(ws).prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (t) => t.name,
  );
  const dump: Record<string, unknown[]> = {};
  for (const t of tables) dump[t] = sqlOf(ws).prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all();
  return dump;
}

/**
 * The fill jobs of generated forms as units return them: a self score on every leaf they
 * score (0 or the maximum for yes/no, quarters of the maximum otherwise, every other unit
 * typing decimals as text with a comma) and an evidence text; with the scores expected after import.
 */
export function filledFormJobs(ws: Workspace, year: number, forms: GeneratedForm[], outDir: string): { jobs: FillJob[]; expected: Map<string, Map<string, number>> } {
  const expected = new Map<string, Map<string, number>>();
  const jobs = forms.map((form, i): FillJob => {
    const unit = getUnit(ws, form.unitCode)!;
    const nodes = getFramework(ws, year, unit.blockCode)!.nodes;
    const leaves = leafCodes(nodes);
    const notApplicable = new Set(getScores(ws, year, { unitCode: unit.code }).filter((s) => s.notApplicable).map((s) => s.criterionCode));
    const cells: NonNullable<FillJob['cells']> = {};
    const values = new Map<string, number>();
    nodes.forEach((n, index) => {
      if (!leaves.has(n.code) || n.source === 'survey' || notApplicable.has(n.code)) return;
      const max = n.maxPoints ?? 0;
      const step = (i * 7 + index * 3) % 5;
      const value = n.method === 'yesno' ? (step % 2 ? max : 0) : Math.round(((max * step) / 4) * 100) / 100;
      values.set(n.code, value);
      const row = FORM_HEADER_ROW + 1 + index;
      cells[cellAddress(COL.self, row)] = i % 2 ? String(value).replace('.', ',') : value;
      cells[cellAddress(COL.evidence, row)] = `Văn bản số ${index + 1}/${unit.code}`;
    });
    expected.set(unit.code, values);
    return { src: form.file, dst: path.join(outDir, path.basename(form.file)), sheet: FORM_SHEET, cells };
  });
  return { jobs, expected };
}
