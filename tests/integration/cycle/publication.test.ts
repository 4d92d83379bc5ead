// Publishing a year: refused while work is open (unless forced, which is recorded), then every
// write path refuses the locked year and changes nothing; reopening is recorded.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { assign, saveMember } from '../../../electron/features/council/service';
import { yearStatus } from '../../../electron/features/cycle/service';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { publicationHistory } from '../../../electron/features/publication/store';
import { yearResults } from '../../../electron/features/results/service';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from '../forms/helpers';

const SELF = ['1.1.1', '1.1.2', '1.2', '2.1', '2.2', '2.4', '2.5'];

function withWs<T>(file: string, fn: (ws: Workspace) => T): T {
  const ws = Workspace.open(file);
  try {
    return fn(ws);
  } finally {
    ws.close();
  }
}

describe('publish and unpublish', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ws.parws');
  let form = '';
  let pkg = '';

  beforeAll(async () => {
    const ws = createTestWorkspace(file);
    applyScoreChanges(
      ws,
      2025,
      ['SNV', 'STP'].flatMap((u) => SELF.map((c) => ({ unitCode: u, criterionCode: c, patch: { selfScore: 0, appraisedScore: 0 } }))),
      { source: 'appraisal' },
    );
    saveMember(ws, { name: 'Nguyễn Văn An', organisation: 'Sở Tư pháp' });
    assign(ws, { year: 2025, blockCode: 'so', member: 'Nguyễn Văn An', criteria: ['I'] });
    ws.close();
    // files made before publication, to be sent after it
    expect((await cli('template', file, '--year', '2025', '--unit', 'SYT', '--out', path.join(dir, 'syt.xlsx'))).code).toBe(0);
    fillXlsx([{ src: path.join(dir, 'syt.xlsx'), dst: path.join(dir, 'syt-filled.xlsx'), sheet: FORM_SHEET, cells: { [formCell(TEST_NODES, '1.2', 'self')]: 1 } }], dir);
    form = path.join(dir, 'syt-filled.xlsx');
    expect((await cli('council', 'packages', file, '--year', '2025', '--out', path.join(dir, 'pk'))).code).toBe(0);
    pkg = path.join(dir, 'an.xlsx');
    fillXlsx([{ src: path.join(dir, 'pk', '2025_hoi-dong_nguyen-van-an.xlsx'), dst: pkg, sheet: 'Thẩm định', cells: { I13: 1 } }], dir);
  });

  it('refuses while leaves are unappraised, listing them; --force publishes and records it', async () => {
    const before = withWs(file, dumpWorkspace);
    const refused = await cli('publish', file, '--year', '2025', '--decision', '123/QĐ-UBND', '--date', '20/01/2026');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Chưa công bố được kết quả năm 2025: còn 1 việc chưa xong');
    expect(refused.stderr).toContain('Sở Y tế: 7 tiêu chí chưa thẩm định');
    expect(withWs(file, dumpWorkspace)).toEqual(before);
    expect((await cli('publish', file, '--year', '2025', '--decision', '123/QĐ-UBND', '--date', '31/13/2026')).code).toBe(2);

    const forced = await cli('publish', file, '--year', '2025', '--decision', '123/QĐ-UBND', '--date', '20/01/2026', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Đã công bố kết quả năm 2025 theo Quyết định 123/QĐ-UBND ngày 20/01/2026; kỳ đánh giá đã khóa. (Công bố bắt buộc');
    withWs(file, (ws) => {
      expect(publicationHistory(ws, 2025)[0]).toMatchObject({ action: 'publish', forced: true, reason: expect.stringContaining('Sở Y tế: 7 tiêu chí chưa thẩm định') });
      expect(yearStatus(ws, 2025).units.every((u) => u.state === 'published')).toBe(true);
      expect(yearResults(ws, 2025).blocks[0].units.some((u) => u.provisional)).toBe(false);
    });
    const twice = await cli('publish', file, '--year', '2025', '--decision', '124/QĐ-UBND', '--date', '21/01/2026');
    expect(twice.stderr).toContain('đã được công bố theo Quyết định 123/QĐ-UBND ngày 20/01/2026');
  });

  describe('every write path refuses the published year and changes nothing', () => {
    const refusedUnchanged = async (run: () => Promise<string>, expected: RegExp) => {
      const before = withWs(file, dumpWorkspace);
      expect(await run()).toMatch(expected);
      expect(withWs(file, dumpWorkspace)).toEqual(before);
    };
    it('a returned form', () =>
      refusedUnchanged(async () => JSON.parse((await cli('import', file, form, '--json')).stdout)[0].errors[0].message, /đã khóa \(đã công bố kết quả\)/));
    it('a scores table', () => {
      const csv = path.join(dir, 'diem.csv');
      fs.writeFileSync(csv, 'Mã đơn vị,Mã tiêu chí,Điểm thẩm định\nSYT,1.2,1\n');
      return refusedUnchanged(async () => (await cli('scores', 'import', file, '--year', '2025', csv)).stderr, /đã khóa \(đã công bố\); không nhập điểm được/);
    });
    it('a council package', () =>
      refusedUnchanged(async () => JSON.parse((await cli('council', 'import', file, pkg, '--json')).stdout)[0].errors[0].message, /đã công bố, kỳ đánh giá đã khóa/));
    it('new council packages', () =>
      refusedUnchanged(async () => (await cli('council', 'packages', file, '--year', '2025', '--out', path.join(dir, 'pk2'))).stderr, /đã khóa/));
    it('survey points', () => refusedUnchanged(async () => (await cli('survey', 'apply', file, '--year', '2025')).stderr, /đã khóa/));
    it('an edit in the app', () =>
      refusedUnchanged(async () => {
        try {
          withWs(file, (ws) => applyScoreChanges(ws, 2025, [{ unitCode: 'SYT', criterionCode: '1.2', patch: { appraisedScore: 1 } }], { source: 'appraisal' }));
          return 'written';
        } catch (e) {
          return (e as Error).message;
        }
      }, /Kỳ đánh giá năm 2025 đã khóa \(đã công bố\)/));
  });

  it('unpublish needs a reason, reopens the year and is recorded', async () => {
    expect((await cli('unpublish', file, '--year', '2025')).code).toBe(2);
    const r = await cli('unpublish', file, '--year', '2025', '--reason', 'Phúc tra theo kiến nghị của Sở Y tế');
    expect(r.code).toBe(0);
    withWs(file, (ws) => {
      expect(publicationHistory(ws, 2025)[0]).toMatchObject({ action: 'unpublish', decision: '123/QĐ-UBND', reason: 'Phúc tra theo kiến nghị của Sở Y tế' });
      expect(yearStatus(ws, 2025).units.map((u) => u.state)).toEqual(['appraised', 'appraised', 'not-submitted']);
    });
    expect(JSON.parse((await cli('import', file, form, '--json')).stdout)[0].status).toBe('imported');
    expect((await cli('unpublish', file, '--year', '2025', '--reason', 'lần nữa')).stderr).toContain('chưa công bố; không có gì để hủy');
  });
});
