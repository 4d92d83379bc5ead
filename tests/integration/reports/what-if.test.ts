import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import type { Workspace } from '../../../electron/db/workspace';
import { whatIf } from '../../../shared/compare';
import { computeYear } from '../../../shared/results';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace } from './fixture';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { getAudit, getScores } from '../../../electron/features/appraisal/store';
import { scoringInput, yearResults } from '../../../electron/features/results/service';

describe('what-if on a real workspace', () => {
  const dir = tempDir('parw-whatif-');
  let ws: Workspace;
  beforeAll(() => {
    ws = createReportWorkspace(dir);
  });
  afterAll(() => ws.close());

  const history = () => [computeYear(scoringInput(ws, 2024))];

  it('gives full points on two sub-criteria and shows the new total, index, rank and band at once', () => {
    const outcome = whatIf(scoringInput(ws, 2025), history(), 'S02', [
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
    const before = JSON.stringify(getScores(ws, 2025));
    const auditBefore = getAudit(ws, 2025).length;
    const outcome = whatIf(scoringInput(ws, 2025), history(), 'S02', [
      { criterionCode: '3.1', points: 'max' },
      { criterionCode: '3.2', points: 'max' },
      { criterionCode: 'II', points: 'max' },
    ]);
    expect(outcome.after.index).toBeCloseTo(93.5, 10);
    expect([outcome.after.rank, outcome.after.band]).toEqual([2, 'Tốt']);
    expect(JSON.stringify(getScores(ws, 2025))).toBe(before);
    expect(getAudit(ws, 2025)).toHaveLength(auditBefore);
    expect(yearResults(ws, 2025).blocks[0].units.find((u) => u.code === 'S02')!.index).toBe(83.5);
  });

  it('agrees with the engine once the same scores are really saved', () => {
    const outcome = whatIf(scoringInput(ws, 2025), history(), 'S03', [
      { criterionCode: '2.2', points: 6 },
      { criterionCode: '3.2', points: 3.5 },
    ]);
    const copy = createReportWorkspace(dir, 'copy.parws');
    applyScoreChanges(copy, 
      2025,
      [
        { unitCode: 'S03', criterionCode: '2.2', patch: { appraisedScore: 6 } },
        { unitCode: 'S03', criterionCode: '3.2', patch: { appraisedScore: 3.5 } },
      ],
      { source: 'test' },
    );
    const saved = yearResults(copy, 2025).blocks[0];
    copy.close();
    expect(outcome.blockAfter.units.map((u) => [u.code, u.total, u.index, u.rank, u.band, u.deltaIndex, u.deltaRank])).toEqual(
      saved.units.map((u) => [u.code, u.total, u.index, u.rank, u.band, u.deltaIndex, u.deltaRank]),
    );
    expect(outcome.blockAfter.average).toBe(saved.average);
  });

  it('refuses unknown codes and points a leaf cannot take, naming each', () => {
    expect(() =>
      whatIf(scoringInput(ws, 2025), history(), 'S02', [
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
    expect(() => whatIf(scoringInput(ws, 2025), history(), 'NOPE', [])).toThrow('Không có đơn vị mã "NOPE".');
  });
});

describe('what-if and points lost from the command line', () => {
  const dir = tempDir('parw-whatif-cli-');
  let file: string;
  beforeAll(() => {
    const ws = createReportWorkspace(dir);
    file = ws.file;
    ws.close();
  });

  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the unit before and after, and saves nothing', async () => {
    const r = await cli(['whatif', file, '--year', '2025', '--unit', 'S02', '3.1=max', '3.2=4']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sở Tư pháp — tính thử năm 2025 (không lưu vào tệp dữ liệu)');
    expect(r.out).toMatch(/Chỉ số\s+83,50%\s+87,25%/);
    expect(r.out).toMatch(/Xếp hạng\s+3\s+2/);
    const json = await cli(['whatif', file, '--year', '2025', '--unit', 'S02', 'II=max', '3.1=3,5', '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.after.total).toBeCloseTo(36.4, 10);
    expect([parsed.before.rank, parsed.after.rank, parsed.after.band]).toEqual([3, 2, 'Tốt']);
    const again = await cli(['results', file, '--year', '2025', '--json']);
    expect(JSON.parse(again.out).blocks[0].units.find((u: { code: string }) => u.code === 'S02').index).toBe(83.5);
    expect((await cli(['whatif', file, '--year', '2025', '--unit', 'S02', '3.1'])).code).toBe(2);
    const tooMuch = await cli(['whatif', file, '--year', '2025', '--unit', 'S02', '3.1=9']);
    expect([tooMuch.code, tooMuch.err]).toEqual([1, 'Lỗi: Sở Tư pháp, tiêu chí 3.1: điểm 9 vượt điểm tối đa 4; hãy nhập từ 0 đến 4.']);
  });

  it('lists where a unit and a block lost points', async () => {
    const unit = await cli(['losses', file, '--year', '2025', '--unit', 'S02', '--top', '2']);
    expect(unit.code).toBe(0);
    const lines = unit.out.split('\n');
    expect(lines[2]).toMatch(/^2\.2\s+Tỷ lệ hồ sơ TTHC giải quyết đúng hạn\s+6\s+3,5\s+2,5\s+Còn 12 hồ sơ trễ hạn/);
    expect(lines[3]).toMatch(/^4\.1\s+/);
    expect(unit.out).toContain('Tự chấm cao hơn điểm thẩm định:');
    const block = await cli(['losses', file, '--year', '2025', '--block', 'so']);
    expect(block.out.split('\n')[2]).toMatch(/^2\.2 .*6,5\s+25,19%\s+25,19%\s+4\s+Sở Tư pháp \(2,5\); Sở Nông nghiệp và Môi trường \(2\); Sở Xây dựng \(1,5\)$/);
    expect((await cli(['losses', file, '--year', '2025'])).code).toBe(2);
  });
});
