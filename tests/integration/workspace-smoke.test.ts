import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { tempDir } from '../helpers/tmp';

describe('workspace', () => {
  it('scores the Bình Dương 2017 districts', () => {
    const dir = tempDir();
    const ws = Workspace.create(path.join(dir, 'bd.parws'));
    const rows: [string, number, number][] = [
      ['Thành phố Thủ Dầu Một', 51.75, 32.83],
      ['Thị xã Tân Uyên', 48.75, 33.25],
      ['Huyện Bàu Bàng', 47.45, 32.82],
      ['Thị xã Thuận An', 46.8, 32.24],
      ['Thị xã Dĩ An', 46.5, 31.56],
      ['Thị xã Bến Cát', 45.75, 32.08],
      ['Huyện Dầu Tiếng', 44, 32.22],
      ['Huyện Phú Giáo', 46, 30.03],
      ['Huyện Bắc Tân Uyên', 40.45, 31.01],
    ];
    ws.upsertUnits(rows.map(([name], i) => ({ code: `H${i + 1}`, name, blockCode: 'huyen' })));
    const node = { level: 1, method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, parentCode: null };
    ws.saveFramework({
      year: 2017,
      blockCode: 'huyen',
      nodes: [
        { ...node, code: '1', title: 'Thẩm định', maxPoints: 65, source: 'self' },
        { ...node, code: '2', title: 'Điều tra XHH', maxPoints: 35, source: 'survey' },
      ],
    });
    ws.applyScoreChanges(
      2017,
      rows.flatMap(([, a, s], i) => [
        { unitCode: `H${i + 1}`, criterionCode: '1', patch: { appraisedScore: a } },
        { unitCode: `H${i + 1}`, criterionCode: '2', patch: { appraisedScore: s } },
      ]),
      { source: 'test' },
    );
    const r = ws.results(2017);
    const block = r.blocks[0];
    expect(block.average!.toFixed(2)).toBe('78.39');
    expect(block.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(block.units[6].name).toBe('Huyện Dầu Tiếng');
    expect(block.units[0].index!.toFixed(2)).toBe('84.58');
    ws.close();
  });
});
