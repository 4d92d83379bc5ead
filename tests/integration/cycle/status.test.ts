// Deadlines and the state of each unit, as `deadlines` and `status --json` give them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { yearStatus } from '../../../electron/features/cycle/service';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace, dumpWorkspace } from '../forms/helpers';

const SELF_LEAVES = ['1.1.1', '1.1.2', '1.2', '2.1', '2.2', '2.4', '2.5'];

describe('deadlines and status', () => {
  it('sets deadlines, refuses a bad date or order, and derives each unit state from its scores', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    const ws = createTestWorkspace(file);
    // SNV sent everything and was appraised on all leaves; STP sent, appraised on two; SYT sent nothing
    applyScoreChanges(
      ws,
      2025,
      SELF_LEAVES.flatMap((c) => [
        { unitCode: 'SNV', criterionCode: c, patch: { selfScore: 0, appraisedScore: 0 } },
        { unitCode: 'STP', criterionCode: c, patch: { selfScore: 0 } },
      ]),
      { source: 'appraisal', at: '2025-11-01T02:00:00.000Z' },
    );
    applyScoreChanges(
      ws,
      2025,
      ['1.1.2', '1.2'].map((c) => ({ unitCode: 'STP', criterionCode: c, patch: { appraisedScore: 0.5 } })),
      { source: 'appraisal' },
    );
    // a leaf not applicable to STP leaves its count
    applyScoreChanges(ws, 2025, [{ unitCode: 'STP', criterionCode: '2.4', patch: { notApplicable: true } }], { source: 'appraisal' });
    ws.close();

    const set = await cli('deadlines', file, '--year', '2025', '--self', '15/11/2025', '--appraisal', '30/11/2025');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Nộp tự chấm: 15/11/2025');
    expect(set.stdout).toContain('Kiến nghị:   chưa đặt');
    const petitions = await cli('deadlines', file, '--year', '2025', '--petitions', '10/12/2025');
    expect(petitions.stdout).toContain('Thẩm định:   30/11/2025');
    expect(petitions.stdout).toContain('Kiến nghị:   10/12/2025');

    const before = (() => {
      const w = Workspace.open(file);
      const d = dumpWorkspace(w);
      w.close();
      return d;
    })();
    const badDate = await cli('deadlines', file, '--year', '2025', '--self', '31/02/2025');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--self cần một ngày dạng dd/mm/yyyy');
    const badOrder = await cli('deadlines', file, '--year', '2025', '--appraisal', '01/11/2025');
    expect(badOrder.code).toBe(1);
    expect(badOrder.stderr).toContain('Năm 2025: hạn thẩm định không thể trước hạn nộp tự chấm');
    expect((await cli('deadlines', file, '--year', '2031')).code).toBe(1);
    const w = Workspace.open(file);
    expect(dumpWorkspace(w)).toEqual(before);
    w.close();

    const status = await cli('status', file, '--year', '2025', '--json');
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json.year).toBe(2025);
    // the deadlines are in the past: SYT has not sent its form, STP is not appraised in time
    expect(json.units).toEqual([
      { code: 'SNV', name: 'Sở Nội vụ', block: 'so', state: 'appraised', appraised: 7, leaves: 7, petitionsPending: 0, late: false },
      { code: 'STP', name: 'Sở Tư pháp', block: 'so', state: 'appraising', appraised: 2, leaves: 6, petitionsPending: 0, late: true },
      { code: 'SYT', name: 'Sở Y tế', block: 'so', state: 'not-submitted', appraised: 0, leaves: 7, petitionsPending: 0, late: true },
    ]);
    expect(Object.keys(json.units[0])).toEqual(['code', 'name', 'block', 'state', 'appraised', 'leaves', 'petitionsPending', 'late']);

    const text = await cli('status', file, '--year', '2025');
    expect(text.stdout).toContain('Khối sở: 3 đơn vị — Chưa nộp 1; Đang thẩm định 1; Đã thẩm định 1');
    expect(text.stdout).toMatch(/SYT\s+Sở Y tế\s+Chưa nộp\s+0\/7\s+Quá hạn nộp tự chấm/);

    // before the deadlines nobody is late
    const early = Workspace.open(file);
    const before15 = yearStatus(early, 2025, '2025-11-10T00:00:00.000Z');
    expect(before15.units.map((u) => [u.code, u.late, u.missing])).toEqual([
      ['SNV', false, []],
      ['STP', false, ['Còn 4 tiêu chí chưa thẩm định']],
      ['SYT', false, ['Chưa nộp tự chấm', 'Còn 7 tiêu chí chưa thẩm định']],
    ]);
    early.close();
  });
});
