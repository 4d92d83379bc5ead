// Council members from a sheet and assignments: overlaps refused, uncovered leaves listed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { yearCouncil } from '../../../electron/features/council/service';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace, dumpWorkspace, fillXlsx } from '../forms/helpers';

function dumpOf(file: string) {
  const ws = Workspace.open(file);
  try {
    return dumpWorkspace(ws);
  } finally {
    ws.close();
  }
}

describe('council members and assignments', () => {
  it('imports members, assigns fields and criteria, refuses overlaps and lists what nobody covers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    createTestWorkspace(file).close();
    fillXlsx(
      [
        {
          dst: path.join(dir, 'thanh-vien.xlsx'),
          sheets: [
            {
              name: 'Danh sách',
              rows: [
                ['DANH SÁCH THÀNH VIÊN HỘI ĐỒNG THẨM ĐỊNH', null, null],
                ['STT', 'Họ và tên', 'Cơ quan'],
                [1, 'Nguyễn Văn An', 'Sở Tư pháp'],
                [2, 'Trần Thị Bình', 'Sở Tài chính'],
                [3, '  Lê   Văn Cường ', 'Sở Nội vụ'],
              ],
            },
          ],
        },
        {
          dst: path.join(dir, 'thieu-cot.xlsx'),
          sheets: [{ name: 'Sheet1', rows: [['Họ và tên'], ['Nguyễn Văn An']] }],
        },
        {
          dst: path.join(dir, 'trung.xlsx'),
          sheets: [{ name: 'Sheet1', rows: [['Họ và tên', 'Cơ quan'], ['Phạm Văn Dũng', 'Sở KH&CN'], ['pham van dung', 'Sở KH&CN']] }],
        },
      ],
      dir,
    );
    const imported = await cli('council', 'members', file, path.join(dir, 'thanh-vien.xlsx'));
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Đã nhập 3 thành viên hội đồng từ thanh-vien.xlsx: 3 mới, 0 đã có');
    const before = dumpOf(file);
    const missing = await cli('council', 'members', file, path.join(dir, 'thieu-cot.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cơ quan/);
    const twice = await cli('council', 'members', file, path.join(dir, 'trung.xlsx'));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('"pham van dung" đã có ở dòng 2; mỗi thành viên một dòng.');
    expect(dumpOf(file)).toEqual(before);

    const assign = (...extra: string[]) => cli('council', 'assign', file, '--year', '2025', '--block', 'so', ...extra);
    const first = await assign('--member', 'nguyen van an', '--criteria', 'I');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Đã phân công Nguyễn Văn An thẩm định I của khối so năm 2025 cho mọi đơn vị của khối.');
    // the survey leaf 2.3 is never listed as uncovered: the council does not appraise it
    expect(first.stdout).toContain('4 tiêu chí chưa có thành viên thẩm định');
    expect(first.stdout).not.toContain('2.3');
    const split = await assign('--member', 'Trần Thị Bình', '--criteria', '2.1,2.2', '--units', 'SNV,STP');
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('  2.1  Tỷ lệ hồ sơ TTHC giải quyết đúng hạn — 1 đơn vị: SYT');

    const beforeOverlap = dumpOf(file);
    const overlap = await assign('--member', 'Lê Văn Cường', '--criteria', 'II', '--units', 'STP,SYT');
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('Trùng phân công với Trần Thị Bình: tiêu chí 2.1, 2.2 của đơn vị STP');
    const surveyOnly = await assign('--member', 'Lê Văn Cường', '--criteria', '2.3');
    expect(surveyOnly.stderr).toContain('Mã 2.3 chỉ gồm tiêu chí chấm qua điều tra xã hội học');
    const unknown = await assign('--member', 'Lê Văn Cường', '--criteria', '9.9');
    expect(unknown.stderr).toContain('không có mã "9.9"');
    const stranger = await assign('--member', 'Ai Đó', '--criteria', '2.4');
    expect(stranger.stderr).toContain('Hội đồng không có thành viên "Ai Đó"; các thành viên: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường');
    const outside = await assign('--member', 'Lê Văn Cường', '--criteria', '2.4', '--units', 'XYZ');
    expect(outside.stderr).toContain('Đơn vị XYZ không thuộc Khối sở tham gia năm 2025');
    expect(dumpOf(file)).toEqual(beforeOverlap);

    const rest = await assign('--member', 'Lê Văn Cường', '--criteria', '2.1, 2.2, 2.4, 2.5', '--units', 'SYT');
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain('2 tiêu chí chưa có thành viên thẩm định');

    const ws = Workspace.open(file);
    const council = yearCouncil(ws, 2025);
    ws.close();
    expect(council.members.map((m) => [m.name, m.organisation])).toEqual([
      ['Nguyễn Văn An', 'Sở Tư pháp'],
      ['Trần Thị Bình', 'Sở Tài chính'],
      ['Lê Văn Cường', 'Sở Nội vụ'],
    ]);
    const block = council.blocks[0];
    expect(block.uncovered.map((u) => [u.criterion, u.units])).toEqual([
      ['2.4', ['SNV', 'STP']],
      ['2.5', ['SNV', 'STP']],
    ]);
    expect(block.fields.map((f) => [f.code, f.leaves, f.members.map((m) => [m.memberId, m.leaves, m.units])])).toEqual([
      ['I', 3, [[1, 3, null]]],
      ['II', 4, [[2, 2, 2], [3, 4, 1]]],
    ]);
  });
});
