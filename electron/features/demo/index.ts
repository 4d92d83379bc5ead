// The sample workspace of the fictional province "Tỉnh Mẫu": three years of the PAR INDEX
// with departments, districts and communes, the 2025 merger of communes, self-assessment,
// appraisal, survey points and a second appraisal round, all through the workspace API.
// A seeded generator makes the same results on every run.
import fs from 'node:fs';
import { parseBands } from '../../../shared/results/bands';
import type { Band } from '../../../shared/domain';
import { Workspace } from '../../db/workspace';
import { baseFramework, changesForYear, type DemoFramework } from './framework';
import type { DemoBlockCode } from './framework-data';
import { baseQuality, mergedBaseQuality, qualityInYear } from './quality';
import { scoreBatches, type DemoParticipant } from './scores';
import { DEPARTMENTS } from './units-data';
import { demoUnits } from './units';
import { applyScoreChanges } from '../appraisal/service';
import { scoreCounts } from '../appraisal/store';
import { cloneFramework, saveFramework } from '../framework/service';
import { getFramework } from '../framework/store';
import { saveBlockSettings } from '../results/service';
import { upsertUnits } from '../units/service';
import { listUnits } from '../units/store';
import { ensurePeriod, setPeriodLocked } from '../workspace/service';
import { listPeriods, setSetting } from '../workspace/store';

import { DEMO_LABEL, DEMO_OPEN_YEAR, DEMO_PROVINCE, DEMO_YEARS } from './constants';
import { writeDemoCycle } from './council';

export { DEMO_LABEL, DEMO_OPEN_YEAR, DEMO_PROVINCE, DEMO_YEARS };

/** Classification bands the province set per year and block. */
const BANDS: Record<number, Partial<Record<DemoBlockCode, string>>> = {
  2023: {
    so: 'Tốt=90;Khá=80;Trung bình=70;Yếu=0',
    huyen: 'Tốt=90;Khá=80;Trung bình=70;Yếu=0',
    xa: 'Tốt=85;Khá=75;Trung bình=65;Yếu=0',
  },
  2024: {
    so: 'Tốt=90;Khá=80;Trung bình=70;Yếu=0',
    huyen: 'Tốt=90;Khá=80;Trung bình=70;Yếu=0',
    xa: 'Tốt=88;Khá=78;Trung bình=65;Yếu=0',
  },
  2025: {
    so: 'Xuất sắc=95;Tốt=90;Khá=80;Trung bình=70;Yếu=0',
    xa: 'Tốt=90;Khá=80;Trung bình=70;Yếu=0',
  },
};

/** The commune whose appraisal of 2025 is unfinished: fields V to VII await the council. */
const PROVISIONAL_COMMUNE = 'Xã Thiện Long';
const PENDING_FIELDS = new Set(['V', 'VI', 'VII']);

export interface DemoSummary {
  file: string;
  years: number[];
  units: number;
  scores: number;
  auditEntries: number;
}

function bandsOf(text: string): Band[] {
  return parseBands(text);
}

function writeYear(
  ws: Workspace,
  year: number,
  blocks: { code: DemoBlockCode; framework: DemoFramework; units: DemoParticipant[] }[],
): void {
  for (const block of blocks) {
    saveFramework(ws, { year, blockCode: block.code, nodes: block.framework.nodes });
    saveBlockSettings(ws, { year, blockCode: block.code, bands: bandsOf(BANDS[year][block.code]!), precision: 2 });
  }
  for (const block of blocks) {
    for (const batch of scoreBatches(year, block.code, block.framework, block.units)) {
      applyScoreChanges(ws, year, batch.changes, { source: 'demo', actor: batch.actor, reason: batch.reason });
    }
  }
}

/**
 * Creates the sample workspace at `file` (refusing a file that exists) and closes it.
 * Everything lands in one transaction; on failure no file is left behind.
 */
export function createDemoWorkspace(file: string): DemoSummary {
  const ws = Workspace.create(file);
  try {
    ws.transaction(() => build(ws));
  } catch (error) {
    ws.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    throw error;
  }
  const summary: DemoSummary = {
    file,
    years: listPeriods(ws).map((p) => p.year),
    units: listUnits(ws).length,
    ...scoreCounts(ws),
  };
  ws.close();
  return summary;
}

function build(ws: Workspace): void {
  ws.actor = DEMO_LABEL;
  setSetting(ws, 'province', DEMO_PROVINCE);
  setSetting(ws, 'sample', '1');
  for (const year of DEMO_YEARS) ensurePeriod(ws, year);

  const units = demoUnits();
  upsertUnits(ws, [...units.departments, ...units.districts, ...units.oldCommunes]);
  upsertUnits(ws, units.newCommunes.map(({ lineage: _lineage, ...unit }) => unit));

  const withoutServiceUnits = new Set(DEPARTMENTS.filter((d) => !d.hasServiceUnits).map((d) => d.code));
  const frameworks = new Map<DemoBlockCode, DemoFramework>(
    (['so', 'huyen', 'xa'] as const).map((b) => [b, baseFramework(b)]),
  );
  // the leaf on the financial autonomy of public service units, for units that have none
  const autonomyLeaf = frameworks
    .get('so')!
    .nodes.find((n) => n.title.startsWith('Thực hiện cơ chế tự chủ tài chính'))!.code;

  const participants = (list: { code: string; name: string }[], year: number, base = baseQuality) =>
    list.map((u): DemoParticipant => ({
      code: u.code,
      name: u.name,
      quality: qualityInYear(base(u.code), u.code, year),
      notApplicable: withoutServiceUnits.has(u.code) ? new Set([autonomyLeaf]) : undefined,
    }));

  for (const year of DEMO_YEARS) {
    if (year > DEMO_YEARS[0]) {
      cloneFramework(ws, year - 1, year, 'so');
      cloneFramework(ws, year - 1, year, 'xa');
      if (year < 2025) cloneFramework(ws, year - 1, year, 'huyen');
      for (const [code, fw] of frameworks) {
        const cloned = getFramework(ws, year, code);
        if (cloned) frameworks.set(code, { ...fw, nodes: changesForYear(year, code, cloned.nodes) });
      }
    }
    if (year < 2025) {
      writeYear(ws, year, [
        { code: 'so', framework: frameworks.get('so')!, units: participants(units.departments, year) },
        { code: 'huyen', framework: frameworks.get('huyen')!, units: participants(units.districts, year) },
        { code: 'xa', framework: frameworks.get('xa')!, units: participants(units.oldCommunes, year) },
      ]);
    } else {
      const communeBase = new Map(units.newCommunes.map((c) => [c.code, mergedBaseQuality(c.lineage, c.code)]));
      const communes = participants(units.newCommunes, year, (code) => communeBase.get(code)!).map((p) =>
        p.name === PROVISIONAL_COMMUNE ? { ...p, pendingFields: PENDING_FIELDS } : p,
      );
      writeYear(ws, year, [
        { code: 'so', framework: frameworks.get('so')!, units: participants(units.departments, year) },
        { code: 'xa', framework: frameworks.get('xa')!, units: communes },
      ]);
    }
  }
  // the province published 2023 and 2024; 2025 is still open
  for (const year of DEMO_YEARS) if (year !== DEMO_OPEN_YEAR) setPeriodLocked(ws, year, true);
  writeDemoCycle(ws);
}
