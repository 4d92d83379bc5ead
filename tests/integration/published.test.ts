// Last year's results from the published table alone: a workspace that starts with this
// year's framework and last year's ranking, and year-over-year change against it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../shared/domain';
import { Workspace } from '../../electron/db/workspace';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { saveFramework } from '../../electron/features/framework/service';
import { yearResults } from '../../electron/features/results/service';
import { upsertUnits } from '../../electron/features/units/service';
import { cli } from '../helpers/cli';
import { writeCsv, writeXlsx } from '../helpers/files';
import { tempDir } from '../helpers/tmp';
import { dumpWorkspace } from './forms/helpers';

const leaf = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, source: 'self' as const };
const nodes: CriterionNode[] = [
  { ...leaf, code: 'I', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 100 },
  { ...leaf, code: '1', parentCode: 'I', level: 2, title: 'Kế hoạch CCHC', maxPoints: 100 },
];

function workspace(dir: string): Workspace {
  const ws = Workspace.create(path.join(dir, 'cong-bo.parws'));
  upsertUnits(ws, [
    { code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so' },
    { code: 'STP', name: 'Sở Tư pháp', blockCode: 'so' },
    { code: 'STC', name: 'Sở Tài chính', blockCode: 'so' },
  ]);
  saveFramework(ws, { year: 2026, blockCode: 'so', nodes });
  for (const [unitCode, points] of [['SNV', 90], ['STP', 87.11], ['STC', 80]] as const) {
    applyScoreChanges(ws, 2026, [{ unitCode, criterionCode: '1', patch: { selfScore: points, appraisedScore: points } }], { source: 'test' });
  }
  return ws;
}

describe('a published table of last year', () => {
  it('gives this year its change in points and places, matched by code or by name', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const file = await writeXlsx(dir, 'cong-bo-2025.xlsx', [
      ['BẢNG XẾP HẠNG CHỈ SỐ CCHC NĂM 2025'],
      [],
      ['STT', 'Tên đơn vị', 'Chỉ số', 'Xếp hạng'],
      [1, 'Sở Tài chính', '88,50%', 1],
      [2, 'SỞ TƯ PHÁP', 83.8, 2],
      [3, 'Sở Nội vụ', 80.25, 3],
    ]);
    ws.close();
    const r = await cli('published', 'import', path.join(dir, 'cong-bo.parws'), '--year', '2025', '--block', 'so', file);
    expect(r.code, r.stderr).toBe(0);
    const again = Workspace.open(path.join(dir, 'cong-bo.parws'));
    const units = new Map(yearResults(again, 2026).blocks[0].units.map((u) => [u.code, u]));
    expect(units.get('STP')).toMatchObject({ rank: 2, previous: { year: 2025, index: 83.8, rank: 2 }, deltaRank: 0 });
    expect(units.get('STP')!.deltaIndex).toBeCloseTo(3.31, 6);
    expect(units.get('SNV')).toMatchObject({ rank: 1, deltaRank: 2 });
    expect(units.get('STC')).toMatchObject({ rank: 3, deltaRank: -2 });
    // the year of the table shows it as its results
    expect(yearResults(again, 2025).blocks[0].units.map((u) => [u.code, u.index, u.rank])).toEqual([
      ['STC', 88.5, 1],
      ['STP', 83.8, 2],
      ['SNV', 80.25, 3],
    ]);
    again.close();
  });

  it('is ranked by its index when it has no ranks, and refused whole, rows named, when a unit is unknown', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const good = writeCsv(dir, 'khong-hang.csv', [['Mã', 'Chỉ số'], ['SNV', '85'], ['STP', '85'], ['STC', '70']]);
    ws.close();
    expect((await cli('published', 'import', path.join(dir, 'cong-bo.parws'), '--year', '2025', '--block', 'so', good)).code).toBe(0);
    let again = Workspace.open(path.join(dir, 'cong-bo.parws'));
    expect(yearResults(again, 2025).blocks[0].units.map((u) => [u.code, u.rank])).toEqual([
      ['SNV', 1],
      ['STP', 1],
      ['STC', 3],
    ]);
    const before = dumpWorkspace(again);
    again.close();
    const bad = writeCsv(dir, 'la.csv', [['Mã', 'Chỉ số'], ['SNV', '85'], ['SXX', '80'], ['STP', 'tám mươi']]);
    const r = await cli('published', 'import', path.join(dir, 'cong-bo.parws'), '--year', '2025', '--block', 'so', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dòng 3, cột "Mã": Khối sở không có đơn vị mã "SXX"/);
    expect(r.stderr).toMatch(/dòng 4, cột "Chỉ số": Chỉ số: "tám mươi" không phải là số/);
    again = Workspace.open(path.join(dir, 'cong-bo.parws'));
    expect(dumpWorkspace(again)).toEqual(before);
    again.close();
  });
});
