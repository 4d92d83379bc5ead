// Component ranks through the command line: `results --json` gives each field its rank, its
// previous index and rank and the change, each unit its fields up and down; `ranking` switches
// a block's tie rule for a year and the ranks follow it.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';

interface FieldJson {
  code: string;
  index: number;
  rank: number | null;
  previous: { index: number; rank: number | null } | null;
  deltaIndex: number | null;
  deltaRank: number | null;
}
interface UnitJson {
  code: string;
  rank: number | null;
  fields: FieldJson[];
  fieldsUp: number | null;
  fieldsDown: number | null;
  fieldsUpBoth: number | null;
  fieldsDownBoth: number | null;
}

let ws: string;

beforeAll(async () => {
  const dir = tempDir();
  ws = path.join(dir, 'ws.parws');
  expect((await cli('init', ws)).code).toBe(0);
  const units = writeCsv(dir, 'u.csv', [
    ['Mã', 'Tên đơn vị', 'Khối'],
    ['STC', 'Sở Tài chính', 'so'],
    ['STP', 'Sở Tư pháp', 'so'],
    ['SNV', 'Sở Nội vụ', 'so'],
    ['SYT', 'Sở Y tế', 'so'],
  ]);
  expect((await cli('units', 'import', ws, units)).code).toBe(0);
  const fw = writeCsv(dir, 'fw.csv', [
    ['STT', 'Nội dung', 'Điểm tối đa'],
    ['1', 'Công tác chỉ đạo, điều hành', '10'],
    ['1.1', 'Kế hoạch CCHC', '10'],
    ['2', 'Cải cách thủ tục hành chính', '10'],
    ['2.1', 'Tỷ lệ hồ sơ đúng hạn', '10'],
    ['3', 'Chính quyền số', '80'],
    ['3.1', 'Hồ sơ trực tuyến', '80'],
  ]);
  for (const y of ['2023', '2024']) expect((await cli('framework', 'import', ws, '--year', y, '--block', 'so', fw)).code).toBe(0);
  const rows = (data: [string, number, number, number][]) => [
    ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
    ...data.flatMap(([c, a, b, d]) => [
      [c, '1.1', String(a).replace('.', ',')],
      [c, '2.1', String(b).replace('.', ',')],
      [c, '3.1', String(d).replace('.', ',')],
    ]),
  ];
  // 2023: field I  STC 6, STP 8, SNV 9, SYT 5; field II 9, 5, 7, 4; field III 40, 48, 56, 30
  const s2023 = writeCsv(dir, 's2023.csv', rows([['STC', 6, 9, 40], ['STP', 8, 5, 48], ['SNV', 9, 7, 56], ['SYT', 5, 4, 30]]));
  // 2024: totals STP 72.0208 and SNV 72.0192 both show 72,02%
  const s2024 = writeCsv(dir, 's2024.csv', rows([['STC', 9.5, 8, 40], ['STP', 7, 6, 59.0208], ['SNV', 9, 9, 54.0192], ['SYT', 5, 4, 30]]));
  expect((await cli('scores', 'import', ws, '--year', '2023', s2023)).code).toBe(0);
  expect((await cli('scores', 'import', ws, '--year', '2024', s2024)).code).toBe(0);
});

async function results(): Promise<Record<string, UnitJson>> {
  const run = await cli('results', ws, '--year', '2024', '--json');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { blocks: { units: UnitJson[] }[] };
  return Object.fromEntries(json.blocks[0].units.map((u) => [u.code, u]));
}

describe('results --json with component ranks', () => {
  it('gives each field its rank, previous figures and change, and each unit its counts of fields up and down', async () => {
    const u = await results();
    expect(Object.keys(u.STC.fields[0]).sort()).toEqual(['code', 'deltaIndex', 'deltaRank', 'index', 'max', 'previous', 'rank', 'score', 'title'].sort());
    // field I: STC 60 (rank 3 of 2023) → 95 (rank 1)
    expect(u.STC.fields[0]).toMatchObject({ code: '1', rank: 1, previous: { index: 60, rank: 3 }, deltaRank: 2 });
    expect(u.STC.fields[0].deltaIndex).toBeCloseTo(35, 9);
    // field II: STC 90 (1) → 80 (2); field III: 50 (3) → 50 (3)
    expect(u.STC.fields[1]).toMatchObject({ rank: 2, previous: { index: 90, rank: 1 }, deltaRank: -1 });
    expect(u.STC.fields[2]).toMatchObject({ rank: 3, previous: { index: 50, rank: 3 }, deltaRank: 0, deltaIndex: 0 });
    expect(u.STC).toMatchObject({ fieldsUp: 1, fieldsDown: 1, fieldsUpBoth: 1, fieldsDownBoth: 1 });
    // SYT: nothing changed in points; field ranks held
    expect(u.SYT).toMatchObject({ fieldsUp: 0, fieldsDown: 0, fieldsUpBoth: 0, fieldsDownBoth: 0 });
  });

  it('ranks equal shown indices together by default and one after the other with `ranking --ties ordinal`', async () => {
    let u = await results();
    expect([u.STP.rank, u.SNV.rank]).toEqual([1, 1]);
    const set = await cli('ranking', ws, '--year', '2024', '--block', 'so', '--ties', 'ordinal');
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('xếp hạng liên tiếp');
    u = await results();
    // 72.0208 before 72.0192
    expect([u.STP.rank, u.SNV.rank, u.STC.rank, u.SYT.rank]).toEqual([1, 2, 3, 4]);
    // the field ranks follow the same rule: field I STC 95, SNV 90 … no ties; field II SNV 90, STC 80
    expect(u.SNV.fields[1].rank).toBe(1);
    // the setting is the year's: 2023 still shares ranks
    const bad = await cli('ranking', ws, '--year', '2024', '--block', 'so', '--ties', 'dense');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--ties cần "shared"');
    expect((await cli('ranking', ws, '--year', '2024', '--block', 'so', '--ties', 'shared')).code).toBe(0);
    u = await results();
    expect([u.STP.rank, u.SNV.rank]).toEqual([1, 1]);
  });
});

describe('analysis of a block and of a unit', () => {
  it('analysis --unit gives the unit within its block, with fields up and down named; --block the block as a whole', async () => {
    const unit = JSON.parse((await cli('analysis', ws, '--year', '2024', '--unit', 'STC', '--json')).stdout);
    expect(unit).toMatchObject({ scope: 'unit', blockCode: 'so', code: 'STC', of: 4, up: ['1'], down: ['2'], upBoth: ['1'], downBoth: ['2'] });
    expect(unit.sentences.join(' ')).toContain('có 1/3 lĩnh vực tăng điểm: 1. Công tác chỉ đạo, điều hành');
    expect(unit.sentences.join(' ')).toContain('1/3 lĩnh vực giữ nguyên thứ hạng');
    const block = JSON.parse((await cli('analysis', ws, '--year', '2024', '--block', 'so', '--json')).stdout);
    expect(block).toMatchObject({ scope: 'block', code: 'so', units: 4 });
    expect(block.top.map((u: { code: string }) => u.code)).toEqual(['STP', 'SNV', 'STC']);
    expect(block.sentences[0]).toMatch(/^Năm 2024, chỉ số bình quân khối sở đạt .*%, (tăng|giảm) .*% so với năm 2023 \(4 đơn vị được xếp hạng\)\.$/);
  });
});
