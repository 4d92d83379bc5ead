import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/services/workspace';
import { whatIf } from '../../../shared/analysis';
import { computeYear } from '../../../shared/scoring';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace } from './fixture';

describe('what-if on a real workspace', () => {
  const dir = tempDir('parw-whatif-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
  });
  afterAll(() => ws.close());

  const history = () => [computeYear(ws.scoringInput(2024))];

  it('gives full points on two sub-criteria and shows the new total, index, rank and band at once', () => {
    const outcome = whatIf(ws.scoringInput(2025), history(), 'S02', [
      { criterionCode: '3.1', points: 'max' },
      { criterionCode: '3.2', points: 'max' },
    ]);
    expect([outcome.before.total, outcome.before.index, outcome.before.rank, outcome.before.band]).toEqual([33.4, 83.5, 3, 'Khá']);
    expect(outcome.after.total).toBeCloseTo(34.9, 10);
    expect(outcome.after.index).toBeCloseTo(87.25, 10);
    expect([outcome.after.rank, outcome.after.band, outcome.after.deltaRank]).toEqual([2, 'Khá', 2]);
    expect(outcome.blockAfter.units.find((u) => u.code === 'S03')!.rank).toBe(3);
    expect(outcome.applied).toEqual([
      { criterionCode: '3.1', points: 4 },
      { criterionCode: '3.2', points: 4 },
    ]);
  });

  it('takes a whole field, moves the band, and saves nothing', () => {
    const before = JSON.stringify(ws.getScores(2025));
    const auditBefore = ws.getAudit(2025).length;
    const outcome = whatIf(ws.scoringInput(2025), history(), 'S02', [
      { criterionCode: '3.1', points: 'max' },
      { criterionCode: '3.2', points: 'max' },
      { criterionCode: 'II', points: 'max' },
    ]);
    expect(outcome.after.index).toBeCloseTo(93.5, 10);
    expect([outcome.after.rank, outcome.after.band]).toEqual([2, 'Tốt']);
    expect(JSON.stringify(ws.getScores(2025))).toBe(before);
    expect(ws.getAudit(2025)).toHaveLength(auditBefore);
    expect(ws.results(2025).blocks[0].units.find((u) => u.code === 'S02')!.index).toBe(83.5);
  });

  it('agrees with the engine once the same scores are really saved', () => {
    const outcome = whatIf(ws.scoringInput(2025), history(), 'S03', [
      { criterionCode: '2.2', points: 6 },
      { criterionCode: '3.2', points: 3.5 },
    ]);
    const copy = createReportWorkspace(dir, 'copy.parws');
    copy.applyScoreChanges(
      2025,
      [
        { unitCode: 'S03', criterionCode: '2.2', patch: { appraisedScore: 6 } },
        { unitCode: 'S03', criterionCode: '3.2', patch: { appraisedScore: 3.5 } },
      ],
      { source: 'test' },
    );
    const saved = copy.results(2025).blocks[0];
    copy.close();
    expect(outcome.blockAfter.units.map((u) => [u.code, u.total, u.index, u.rank, u.band, u.deltaIndex, u.deltaRank])).toEqual(
      saved.units.map((u) => [u.code, u.total, u.index, u.rank, u.band, u.deltaIndex, u.deltaRank]),
    );
    expect(outcome.blockAfter.average).toBe(saved.average);
  });

  it('refuses unknown codes and points a leaf cannot take, naming each', () => {
    expect(() =>
      whatIf(ws.scoringInput(2025), history(), 'S02', [
        { criterionCode: '9.9', points: 1 },
        { criterionCode: '1.1', points: 1 },
        { criterionCode: '3.1', points: 5 },
      ]),
    ).toThrow(
      [
        'Bộ chỉ số năm 2025 của Sở Tư pháp không có tiêu chí mã "9.9".',
        'Sở Tư pháp, tiêu chí 1.1 chấm theo có/không: điểm chỉ được là 0 hoặc 2.',
        'Sở Tư pháp, tiêu chí 3.1: điểm 5 vượt điểm tối đa 4; hãy nhập từ 0 đến 4.',
      ].join('\n'),
    );
    expect(() => whatIf(ws.scoringInput(2025), history(), 'NOPE', [])).toThrow('Không có đơn vị mã "NOPE".');
  });
});
