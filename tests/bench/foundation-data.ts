// A large generated workspace for the foundation benchmark: units × sub-criteria × years,
// written through the workspace API, and flat score tables (.csv, .xlsx) for the importer.
import fs from 'node:fs';
import type { CriterionNode } from '../../shared/domain';
import ExcelJS from 'exceljs';
import { Workspace } from '../../electron/db/workspace';
import { type ScoreChange } from '../../electron/features/appraisal/service';
import { type UnitInput } from '../../electron/features/units/service';
import { SeededRandom, seedOf } from '../../electron/features/demo/random';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { saveFramework } from '../../electron/features/framework/service';
import { saveBlockSettings } from '../../electron/features/results/service';
import { upsertUnits } from '../../electron/features/units/service';

export interface FoundationSize {
  units: number;
  /** sub-criteria (leaves) per framework: fields × criteria × sub-criteria */
  fields: number;
  criteriaPerField: number;
  leavesPerCriterion: number;
  years: number;
  firstYear: number;
}

export const FOUNDATION_SIZE: FoundationSize = {
  units: 250,
  fields: 10,
  criteriaPerField: 3,
  leavesPerCriterion: 5,
  years: 10,
  firstYear: 2016,
};

export const leafCount = (s: FoundationSize) => s.fields * s.criteriaPerField * s.leavesPerCriterion;

/** Dotted numbering (1, 1.1, 1.1.1); a third of the leaves are worth 0,5, the rest 0,75 or 1. */
export function generatedFramework(size: FoundationSize): CriterionNode[] {
  const nodes: CriterionNode[] = [];
  const base = { source: 'self' as const, method: 'free' as const, tiers: null, guidance: null };
  for (let f = 1; f <= size.fields; f++) {
    nodes.push({ ...base, code: `${f}`, parentCode: null, level: 1, title: `Lĩnh vực ${f}`, maxPoints: null, evidenceRequired: false });
    for (let c = 1; c <= size.criteriaPerField; c++) {
      const criterion = `${f}.${c}`;
      nodes.push({ ...base, code: criterion, parentCode: `${f}`, level: 2, title: `Tiêu chí ${criterion}`, maxPoints: null, evidenceRequired: false });
      for (let l = 1; l <= size.leavesPerCriterion; l++) {
        const code = `${criterion}.${l}`;
        const max = [0.5, 0.75, 1][(f + c + l) % 3];
        const survey = f === size.fields && c === 1;
        nodes.push({
          ...base,
          code,
          parentCode: criterion,
          level: 3,
          title: `Tiêu chí thành phần ${code}`,
          maxPoints: max,
          source: survey ? 'survey' : 'self',
          evidenceRequired: !survey,
        });
      }
    }
  }
  return nodes;
}

export function generatedUnits(size: FoundationSize): UnitInput[] {
  const departments = Math.round(size.units / 5);
  return Array.from({ length: size.units }, (_, i) => {
    const department = i < departments;
    const n = String(i + 1).padStart(3, '0');
    return {
      code: department ? `S${n}` : `X${n}`,
      name: department ? `Sở thử nghiệm ${n}` : `Xã thử nghiệm ${n}`,
      blockCode: department ? 'so' : 'xa',
      ranked: !(department && i < 2),
    };
  });
}

export interface GeneratedScore {
  unitCode: string;
  criterionCode: string;
  selfScore: number | null;
  appraisedScore: number | null;
  notApplicable: boolean;
}

/** Scores of every unit × leaf of a year: appraised 0..max in steps of 0,25, self at or a little above. */
export function generatedScores(size: FoundationSize, year: number): GeneratedScore[] {
  const nodes = generatedFramework(size);
  const parents = new Set(nodes.map((n) => n.parentCode));
  const leafNodes = nodes.filter((n) => !parents.has(n.code));
  const rows: GeneratedScore[] = [];
  for (const unit of generatedUnits(size)) {
    const rng = new SeededRandom(seedOf(`${year}|${unit.code}`));
    const quality = rng.between(0.65, 0.95);
    for (const leaf of leafNodes) {
      const max = leaf.maxPoints!;
      const notApplicable = rng.chance(0.01);
      const appraised = Math.min(max, Math.round((max * Math.min(1, quality + rng.gaussian(0.1))) / 0.25) * 0.25);
      const claimed = leaf.source === 'survey' ? null : Math.min(max, appraised + (rng.chance(0.2) ? 0.25 : 0));
      rows.push({
        unitCode: unit.code,
        criterionCode: leaf.code,
        selfScore: notApplicable ? null : claimed,
        appraisedScore: notApplicable ? null : Math.max(0, appraised),
        notApplicable,
      });
    }
  }
  return rows;
}

/** Creates the workspace with every year's framework and scores; returns it open. */
export function generateFoundationWorkspace(file: string, size: FoundationSize): Workspace {
  const ws = Workspace.create(file);
  ws.transaction(() => {
    upsertUnits(ws, generatedUnits(size));
    const nodes = generatedFramework(size);
    for (let y = size.firstYear; y < size.firstYear + size.years; y++) {
      for (const blockCode of ['so', 'xa']) {
        saveFramework(ws, { year: y, blockCode, nodes });
        saveBlockSettings(ws, {
          year: y,
          blockCode,
          bands: [
            { name: 'Tốt', min: 90 },
            { name: 'Khá', min: 80 },
            { name: 'Trung bình', min: 70 },
            { name: 'Yếu', min: 0 },
          ],
          precision: 2,
        });
      }
    }
  });
  return ws;
}

export function writeGeneratedScores(ws: Workspace, size: FoundationSize, year: number): number {
  const changes: ScoreChange[] = generatedScores(size, year).map((s) => ({
    unitCode: s.unitCode,
    criterionCode: s.criterionCode,
    patch: s.notApplicable
      ? { notApplicable: true }
      : { selfScore: s.selfScore, appraisedScore: s.appraisedScore, appraisalRound: 1 },
  }));
  applyScoreChanges(ws, year, changes, { source: 'bench', actor: 'Đo hiệu năng' });
  return changes.length;
}

export const SCORE_HEADERS = ['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định', 'Không áp dụng', 'Ghi chú'];

function tableRow(s: GeneratedScore): (string | number | null)[] {
  return [s.unitCode, s.criterionCode, s.selfScore, s.appraisedScore, s.notApplicable ? 'x' : null, s.notApplicable ? 'Không phát sinh nhiệm vụ' : null];
}

/** A semicolon-separated UTF-8 CSV with a BOM and decimal commas, as Vietnamese Excel saves it. */
export function writeScoresCsv(file: string, rows: GeneratedScore[]): void {
  const lines = [SCORE_HEADERS.join(';')];
  for (const r of rows) {
    lines.push(tableRow(r).map((v) => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v)).join(';'));
  }
  fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function writeScoresXlsx(file: string, rows: GeneratedScore[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Điểm');
  sheet.addRow(SCORE_HEADERS);
  for (const r of rows) sheet.addRow(tableRow(r));
  await workbook.xlsx.writeFile(file);
}
