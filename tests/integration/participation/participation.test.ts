// Who takes part in a year, through the workspace: a year just created, a unit added, a
// merger, history typed in afterwards, a unit taken out and added back by hand, and the
// year-over-year figures that follow lineage across all of it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../shared/domain';
import { Workspace } from '../../../electron/db/workspace';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { cloneFramework, saveFramework } from '../../../electron/features/framework/service';
import { participatingUnits, setParticipation, unitsTakingPart } from '../../../electron/features/participation/service';
import { listOverrides } from '../../../electron/features/participation/store';
import { yearResults } from '../../../electron/features/results/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { ensurePeriod } from '../../../electron/features/workspace/service';
import { tempDir } from '../../helpers/tmp';

const leaf = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, source: 'self' as const };
const nodes: CriterionNode[] = [
  { ...leaf, code: '1', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 10 },
  { ...leaf, code: '1.1', parentCode: '1', level: 2, title: 'Kế hoạch CCHC', maxPoints: 10 },
];

/** Communes X1..X4 in 2024; in 2025 X1+X2 become N1, X3 keeps its code and takes in X4. */
function communes(file: string): Workspace {
  const ws = Workspace.create(file);
  upsertUnits(ws, ['X1', 'X2', 'X3', 'X4'].map((code) => ({ code, name: `Xã ${code}`, blockCode: 'xa' })));
  upsertUnits(ws, [
    { code: 'N1', name: 'Xã Mới', blockCode: 'xa', predecessors: ['X1', 'X2'] },
    { code: 'X3', name: 'Xã X3', blockCode: 'xa', predecessors: ['X4'] },
  ]);
  saveFramework(ws, { year: 2024, blockCode: 'xa', nodes });
  return ws;
}

const score = (ws: Workspace, year: number, unitCode: string, points: number) =>
  applyScoreChanges(ws, year, [{ unitCode, criterionCode: '1.1', patch: { selfScore: points, appraisedScore: points } }], { source: 'test' });

describe('who takes part in a year', () => {
  it('lists every current unit of a block in a year just created, and a unit added later', () => {
    const ws = communes(path.join(tempDir(), 'moi.parws'));
    cloneFramework(ws, 2024, 2026);
    expect(participatingUnits(ws, 2026)).toEqual(['N1', 'X3']);
    upsertUnits(ws, [{ code: 'X9', name: 'Xã Chín', blockCode: 'xa' }]);
    expect(participatingUnits(ws, 2026)).toEqual(['N1', 'X3', 'X9']);
    // every unit appears in the results, not submitted yet, counted 0 and provisional
    const units = yearResults(ws, 2026).blocks[0].units;
    expect(units.map((u) => u.code).sort()).toEqual(['N1', 'X3', 'X9']);
    expect(units.every((u) => !u.submitted && u.provisional && u.total === 0)).toBe(true);
    ws.close();
  });

  it('keeps the units of their time in a year whose data are typed in after the mergers', () => {
    const ws = communes(path.join(tempDir(), 'lich-su.parws'));
    // the merged year has its data first
    cloneFramework(ws, 2024, 2025);
    score(ws, 2025, 'N1', 9);
    score(ws, 2025, 'X3', 8);
    // before its data, 2024 (created with the framework) lists the communes of its time: N1
    // began in 2025; X3 too, as far as the data tell before its 2024 form arrives
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X2', 'X4']);
    score(ws, 2024, 'X1', 6);
    score(ws, 2024, 'X3', 7);
    // X2 sent nothing yet: still in the year, not submitted. X4 has no data at all while X3,
    // which descends from it, has: the data cannot tell that X3 kept its code, so X4 counts
    // as merged; staff add it back by hand or give X3 its years in force
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X2', 'X3']);
    setParticipation(ws, 2024, 'X4', true);
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X2', 'X3', 'X4']);
    expect(participatingUnits(ws, 2025)).toEqual(['N1', 'X3']);
    // a year older than any data does not gain the 2025 communes
    // (X3's first data are of 2024 and nothing shows it older: until its 2020 data, 2020 has X4)
    saveFramework(ws, { year: 2020, blockCode: 'xa', nodes });
    expect(participatingUnits(ws, 2020)).toEqual(['X1', 'X2', 'X4']);
    score(ws, 2020, 'X3', 4);
    expect(participatingUnits(ws, 2020)).toEqual(['X1', 'X2', 'X3']);
    score(ws, 2020, 'X4', 3);
    expect(participatingUnits(ws, 2020)).toEqual(['X1', 'X2', 'X3', 'X4']);
    ws.close();
  });

  it('follows lineage year over year: a merger compares with the mean of its predecessors, a kept code with itself', () => {
    const ws = communes(path.join(tempDir(), 'so-sanh.parws'));
    cloneFramework(ws, 2024, 2025);
    score(ws, 2024, 'X1', 6);
    score(ws, 2024, 'X2', 8);
    score(ws, 2024, 'X3', 5);
    score(ws, 2024, 'X4', 9);
    score(ws, 2025, 'N1', 9);
    const units = new Map(yearResults(ws, 2025).blocks[0].units.map((u) => [u.code, u]));
    expect(units.get('N1')!.previous).toMatchObject({ year: 2024, index: 70, rank: null });
    expect(units.get('N1')!.deltaIndex).toBeCloseTo(20);
    // X3 has sent nothing in 2025 but takes part, compared with its own 2024 and X4's mean
    expect(units.get('X3')!.submitted).toBe(false);
    expect(units.get('X3')!.previous).toMatchObject({ year: 2024, index: 70 });
    ws.close();
  });

  it('takes a unit out of a year by hand and adds it back, with who and when', () => {
    const ws = communes(path.join(tempDir(), 'tay.parws'));
    ws.actor = 'Nguyễn Thị Lan';
    score(ws, 2024, 'X1', 5);
    score(ws, 2024, 'X3', 5);
    score(ws, 2024, 'X4', 5);
    setParticipation(ws, 2024, 'X2', false, { reason: 'Sáp nhập trước kỳ đánh giá' });
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X3', 'X4']);
    expect(listOverrides(ws, 2024)).toEqual([
      expect.objectContaining({ unitCode: 'X2', included: false, actor: 'Nguyễn Thị Lan', reason: 'Sáp nhập trước kỳ đánh giá' }),
    ]);
    setParticipation(ws, 2024, 'N1', true);
    expect(unitsTakingPart(ws, 2024).map((u) => u.code)).toEqual(['X1', 'X3', 'X4', 'N1']);
    setParticipation(ws, 2024, 'X2', null);
    setParticipation(ws, 2024, 'N1', null);
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X2', 'X3', 'X4']);
    ensurePeriod(ws, 2030);
    expect(() => setParticipation(ws, 2030, 'X1', true)).toThrow(/chưa có bộ chỉ số năm 2030/);
    ws.close();
  });

  it('honours the years in force (Từ năm, Đến năm)', () => {
    const ws = communes(path.join(tempDir(), 'nam.parws'));
    score(ws, 2024, 'X1', 5);
    score(ws, 2024, 'X3', 5);
    upsertUnits(ws, [
      { code: 'X9', name: 'Xã Chín', blockCode: 'xa', fromYear: 2025 },
      { code: 'X4', name: 'Xã X4', blockCode: 'xa', toYear: 2023 },
    ]);
    expect(participatingUnits(ws, 2024)).toEqual(['X1', 'X2', 'X3']);
    expect(() => upsertUnits(ws, [{ code: 'X8', name: 'Xã Tám', blockCode: 'xa', fromYear: 2026, toYear: 2024 }])).toThrow(/Từ năm/);
    ws.close();
  });
});
