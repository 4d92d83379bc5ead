import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../helpers/cli';
import { writeCsv, writeXlsx, type Cell } from '../helpers/files';
import { tempDir } from '../helpers/tmp';
import { getFramework } from '../../electron/features/framework/store';

const BINH_DUONG: [string, string, number, number][] = [
  ['TDM', 'Thành phố Thủ Dầu Một', 51.75, 32.83],
  ['TU', 'Thị xã Tân Uyên', 48.75, 33.25],
  ['BB', 'Huyện Bàu Bàng', 47.45, 32.82],
  ['TA', 'Thị xã Thuận An', 46.8, 32.24],
  ['DA', 'Thị xã Dĩ An', 46.5, 31.56],
  ['BC', 'Thị xã Bến Cát', 45.75, 32.08],
  ['DT', 'Huyện Dầu Tiếng', 44, 32.22],
  ['PG', 'Huyện Phú Giáo', 46, 30.03],
  ['BTU', 'Huyện Bắc Tân Uyên', 40.45, 31.01],
];

/** Every table of a workspace, for "exactly as before" checks. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out = tables.map((t) => JSON.stringify([t.name, db.prepare(`SELECT * FROM "${t.name}"`).raw().all()]));
  db.close();
  return out.join('\n');
}

describe('Bình Dương district PAR 2017 through the command line', () => {
  it('gives the published totals, indices, ranks and block average', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'bd.parws');
    const units = writeCsv(dir, 'units.csv', [['Mã', 'Tên đơn vị', 'Khối'], ...BINH_DUONG.map(([c, n]) => [c, n, 'huyen'])]);
    const fw = await writeXlsx(dir, 'fw.xlsx', [
      ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm'],
      ['1', 'Điểm thẩm định', 65, 'Tự chấm'],
      ['2', 'Điểm điều tra xã hội học', 35, 'Điều tra XHH'],
    ]);
    const scores = writeCsv(
      dir,
      'scores.csv',
      [
        ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
        ...BINH_DUONG.flatMap(([c, , a, s]) => [
          [c, '1', String(a).replace('.', ',')],
          [c, '2', String(s).replace('.', ',')],
        ]),
      ],
      { delimiter: ';', bom: true },
    );
    // the real executable, for its exit codes
    expect(cliProcess('init', ws).code).toBe(0);
    expect(cliProcess('units', 'import', ws, units).code).toBe(0);
    expect((await cli('framework', 'import', ws, '--year', '2017', '--block', 'huyen', fw)).code).toBe(0);
    expect((await cli('scores', 'import', ws, '--year', '2017', scores)).code).toBe(0);
    const run = cliProcess('results', ws, '--year', '2017', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const block = json.blocks[0];
    expect(block.code).toBe('huyen');
    expect(block.average.toFixed(2)).toBe('78.39');
    expect(block.units.map((u: { name: string }) => u.name)).toEqual(BINH_DUONG.map(([, n]) => n));
    expect(block.units.map((u: { rank: number }) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(block.units.map((u: { total: number }) => u.total.toFixed(2))).toEqual(
      ['84.58', '82.00', '80.27', '79.04', '78.06', '77.83', '76.22', '76.03', '71.46'],
    );
    expect(block.units[0]).toMatchObject({ index: expect.closeTo(84.58, 9), max: 100, provisional: false, previous: null, deltaIndex: null, deltaRank: null });
    expect(block.units[0].fields).toHaveLength(2);
    const table = await cli('results', ws, '--year', '2017');
    expect(table.stdout).toContain('84,58%');
    expect(table.stdout).toContain('bình quân 78,39%');
    expect(cliProcess('results', ws).code).toBe(2);
    expect(cliProcess('unknown-command').code).toBe(2);
  });
});

describe('frameworks in both numbering styles and file types', () => {
  const decisionRows: Cell[][] = [
    ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tài liệu kiểm chứng'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 3, null, null],
    ['1', 'Kế hoạch CCHC năm', 2, null, null],
    ['1.1', 'Ban hành kế hoạch đúng thời hạn', 1, 'Có/Không', 'Quyết định ban hành kế hoạch'],
    ['1.2', 'Mức độ hoàn thành kế hoạch', 1, 'Tự chấm', 'x'],
    ['2', 'Tuyên truyền CCHC', 1, null, null],
    ['II', 'TÁC ĐỘNG CỦA CCHC', 2.5, null, null],
    ['3', 'Hài lòng của người dân (SIPAS)', 2.5, 'Điều tra XHH', null],
    [null, 'Tổng cộng', 5.5, null, null],
  ];
  const dottedRows: Cell[][] = [
    ['Nội dung', 'STT', 'Điểm tối đa'],
    ['Chỉ đạo, điều hành', '1', '3'],
    ['Kế hoạch CCHC năm', '1.1', '2'],
    ['Ban hành kế hoạch đúng thời hạn', '1.1.1', '1'],
    ['Mức độ hoàn thành kế hoạch', '1.1.2', '1'],
    ['Tuyên truyền CCHC', '1.2', '1'],
    ['Tác động của CCHC', '2', '2,5'],
  ];

  it('reads decision style from .xlsx and dotted style from .csv, and exports what it imports', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'fw.parws');
    await cli('init', ws);
    const decision = await writeXlsx(dir, 'decision.xlsx', decisionRows);
    const dotted = writeCsv(dir, 'dotted.csv', dottedRows, { delimiter: ',' });
    const r1 = await cli('framework', 'import', ws, '--year', '2024', '--block', 'so', decision);
    expect(r1.stderr).toContain('đã tạo kỳ đánh giá năm 2024');
    expect(r1.code).toBe(0);
    expect((await cli('framework', 'import', ws, '--year', '2024', '--block', 'xa', dotted)).code).toBe(0);
    const db = new Database(ws, { readonly: true });
    const nodes = db
      .prepare(
        `SELECT f.block_code, c.code, c.parent_code, c.level, c.max_points, c.source, c.method, c.evidence_required
         FROM criteria c JOIN frameworks f ON f.id = c.framework_id ORDER BY f.block_code, c.sort_order`,
      )
      .raw()
      .all();
    db.close();
    expect(nodes).toEqual([
      ['so', 'I', null, 1, 3, 'self', 'free', 0],
      ['so', '1', 'I', 2, 2, 'self', 'free', 0],
      ['so', '1.1', '1', 3, 1, 'self', 'yesno', 1],
      ['so', '1.2', '1', 3, 1, 'self', 'free', 1],
      ['so', '2', 'I', 2, 1, 'self', 'free', 0],
      ['so', 'II', null, 1, 2.5, 'self', 'free', 0],
      ['so', '3', 'II', 2, 2.5, 'survey', 'free', 0],
      ['xa', '1', null, 1, 3, 'self', 'free', 0],
      ['xa', '1.1', '1', 2, 2, 'self', 'free', 0],
      ['xa', '1.1.1', '1.1', 3, 1, 'self', 'free', 0],
      ['xa', '1.1.2', '1.1', 3, 1, 'self', 'free', 0],
      ['xa', '1.2', '1', 2, 1, 'self', 'free', 0],
      ['xa', '2', null, 1, 2.5, 'self', 'free', 0],
    ]);
    for (const ext of ['xlsx', 'csv']) {
      const out = path.join(dir, `export.${ext}`);
      expect((await cli('framework', 'export', ws, '--year', '2024', '--block', 'so', out)).code).toBe(0);
      expect((await cli('framework', 'import', ws, '--year', '2030', '--block', `so${ext}`, out)).code).toBe(0);
      expect((await cli('framework', 'export', ws, '--year', '2030', '--block', `so${ext}`, path.join(dir, `again.${ext}`))).code).toBe(0);
      expect(fs.readFileSync(path.join(dir, `again.${ext}`)).length).toBeGreaterThan(0);
    }
    const { Workspace } = await import('../../electron/db/workspace');
    const w = Workspace.open(ws);
    expect(getFramework(w, 2030, 'soxlsx')!.nodes).toEqual(getFramework(w, 2024, 'so')!.nodes);
    expect(getFramework(w, 2030, 'socsv')!.nodes).toEqual(getFramework(w, 2024, 'so')!.nodes);
    w.close();
    expect((await cli('framework', 'clone', ws, '--from', '2024', '--to', '2025', '--block', 'xa')).code).toBe(0);
    expect((await cli('framework', 'clone', ws, '--from', '2024', '--to', '2025', '--block', 'xa')).code).toBe(1);
  });
});

describe('year over year across renamed and merged units, with ties', () => {
  it('compares through lineage', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'yoy.parws');
    await cli('init', ws);
    const units = await writeXlsx(dir, 'units.xlsx', [
      ['Mã', 'Tên đơn vị', 'Khối', 'Kế thừa từ', 'Xếp hạng'],
      ['X1', 'Xã An Bình', 'xa', null, null],
      ['X2', 'Xã Hòa Lạc', 'xa', null, null],
      ['X3', 'Xã Tân Lập', 'xa', null, null],
      ['X4', 'Xã Đông Sơn', 'xa', null, null],
      ['N1', 'Phường An Bình', 'xa', 'X1', null],
      ['N2', 'Xã Hòa Tân', 'xa', 'X2; X3', null],
      ['X4', 'Xã Đông Sơn', 'xa', null, 'không'],
    ]);
    // duplicate X4 row is refused with its place
    const dup = await cli('units', 'import', ws, units);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('units.xlsx, trang Sheet1, ô A8');
    const fixed = await writeXlsx(dir, 'units2.xlsx', [
      ['mã', 'TÊN ĐƠN VỊ', ' Khối ', 'Kế thừa từ', 'Xếp hạng', 'Ghi chú thêm'],
      ['X1', 'Xã An Bình', 'xa', null, null, 'cột thừa'],
      ['X2', 'Xã Hòa Lạc', 'xa', null, null, null],
      ['X3', 'Xã Tân Lập', 'xa', null, null, null],
      ['X4', 'Xã Đông Sơn', 'xa', null, null, null],
      ['N1', 'Phường An Bình', 'xa', 'X1', null, null],
      ['N2', 'Xã Hòa Tân', 'xa', 'X2; X3', null, null],
    ]);
    expect((await cli('units', 'import', ws, fixed)).code).toBe(0);
    const fw = writeCsv(dir, 'fw.csv', [['STT', 'Nội dung', 'Điểm tối đa'], ['1', 'Tổng hợp', 10]]);
    for (const y of ['2024', '2025']) expect((await cli('framework', 'import', ws, '--year', y, '--block', 'xa', fw)).code).toBe(0);
    const s2024 = writeCsv(dir, 's2024.csv', [
      ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
      ['X1', '1', '9'],
      ['X2', '1', '8'],
      ['X3', '1', '6'],
      ['X4', '1', '8'],
    ]);
    const s2025 = writeCsv(dir, 's2025.csv', [
      ['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định'],
      ['N1', '1', '9', '8,5'],
      ['N2', '1', '9', '8,5'],
      ['X4', '1', '8,2', ''],
    ]);
    expect((await cli('scores', 'import', ws, '--year', '2024', s2024)).code).toBe(0);
    expect((await cli('scores', 'import', ws, '--year', '2025', s2025)).code).toBe(0);
    const json = JSON.parse((await cli('results', ws, '--year', '2025', '--json')).stdout);
    const byCode = Object.fromEntries(json.blocks[0].units.map((u: { code: string }) => [u.code, u]));
    // ties at two decimals share a rank: 1, 1, 3
    expect([byCode.N1.rank, byCode.N2.rank, byCode.X4.rank]).toEqual([1, 1, 3]);
    expect(byCode.X4.provisional).toBe(true);
    expect(byCode.N1.previous).toEqual({ year: 2024, index: 90, rank: 1 });
    expect(byCode.N1.deltaIndex).toBeCloseTo(-5);
    expect(byCode.N1.deltaRank).toBe(0);
    expect(byCode.N2.previous).toEqual({ year: 2024, index: 70, rank: null });
    expect(byCode.N2.deltaIndex).toBeCloseTo(15);
    expect(byCode.N2.deltaRank).toBeNull();
    expect(byCode.X4.previous).toEqual({ year: 2024, index: 80, rank: 2 });
    expect(byCode.X4.deltaIndex).toBeCloseTo(2);
    expect(byCode.X4.deltaRank).toBe(-1);
    const text = (await cli('results', ws, '--year', '2025')).stdout;
    expect(text).toContain('tăng 2% và giảm 1 bậc');
  });
});

describe('bad files are refused with their place, and the workspace stays exactly as it was', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    dir = tempDir();
    ws = path.join(dir, 'ws.parws');
    await cli('init', ws);
    await cli('units', 'import', ws, writeCsv(dir, 'u.csv', [['Mã', 'Tên đơn vị', 'Khối'], ['A', 'Sở Nội vụ', 'so'], ['B', 'Sở Tư pháp', 'so']]));
    await cli(
      'framework',
      'import',
      ws,
      '--year',
      '2024',
      '--block',
      'so',
      writeCsv(dir, 'f.csv', [['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm'], ['1', 'Chỉ đạo', '3'], ['1.1', 'Kế hoạch', '2'], ['1.2', 'Kiểm tra', '1'], ['2', 'SIPAS', '2', 'Điều tra XHH']]),
    );
    await cli('scores', 'import', ws, '--year', '2024', writeCsv(dir, 's.csv', [['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'], ['A', '1.1', '1,5']]));
  });

  const header = ['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định'];
  const cases: { name: string; args: (d: string) => Promise<string[]> | string[]; expect: RegExp }[] = [
    { name: 'score above the maximum', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'above.csv', [header, ['A', '1.1', '', '2,5']])], expect: /above\.csv, dòng 2, cột "Điểm thẩm định": .*2,5 vượt điểm tối đa 2/ },
    { name: 'score below zero', args: async (d) => ['scores', 'import', 'WS', '--year', '2024', await writeXlsx(d, 'below.xlsx', [header, ['A', '1.2', -1, null]])], expect: /below\.xlsx, trang Sheet1, ô C2: .*nhỏ hơn 0/ },
    { name: 'text in a number cell', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'text.csv', [header, ['A', '1.1', 'hai', '']])], expect: /dòng 2, cột "Điểm tự chấm": Điểm tự chấm: "hai" không phải là số/ },
    { name: 'unknown unit', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'unit.csv', [header, ['Z', '1.1', '1', '']])], expect: /dòng 2, cột "Mã đơn vị": Không có đơn vị mã "Z"/ },
    { name: 'unknown leaf', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'leaf.csv', [header, ['A', '9.9', '1', '']])], expect: /cột "Mã tiêu chí": .*không có tiêu chí được chấm mã "9.9"/ },
    { name: 'a parent instead of a leaf', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'parent.csv', [header, ['A', '1', '1', '']])], expect: /không có tiêu chí được chấm mã "1"/ },
    { name: 'duplicate rows', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'dup.csv', [header, ['B', '1.1', '1', ''], ['B', '1.1', '2', '']])], expect: /dòng 3, .*đã có ở dòng 2/ },
    { name: 'self score on a survey leaf', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'survey.csv', [header, ['B', '2', '1', '']])], expect: /điều tra xã hội học, đơn vị không tự chấm/ },
    { name: 'missing column', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'nocol.csv', [['Mã đơn vị', 'Điểm tự chấm'], ['A', '1']])], expect: /Thiếu cột "Mã tiêu chí"/ },
    { name: 'parent maximum not the sum of its children', args: (d) => ['framework', 'import', 'WS', '--year', '2024', '--block', 'so', writeCsv(d, 'sum.csv', [['STT', 'Nội dung', 'Điểm tối đa'], ['1', 'Chỉ đạo', '4'], ['1.1', 'Kế hoạch', '2'], ['1.2', 'Kiểm tra', '1']])], expect: /sum\.csv, dòng 2, cột "Điểm tối đa": Điểm tối đa của mục 1 là 4 nhưng tổng .* là 3/ },
    { name: 'framework dropping scored leaves', args: (d) => ['framework', 'import', 'WS', '--year', '2024', '--block', 'so', writeCsv(d, 'drop.csv', [['STT', 'Nội dung', 'Điểm tối đa'], ['1', 'Chỉ đạo', '3']])], expect: /drop\.csv: Các tiêu chí 1\.1 đã có điểm/ },
    { name: 'bad numbering', args: (d) => ['framework', 'import', 'WS', '--year', '2024', '--block', 'so', writeCsv(d, 'num.csv', [['STT', 'Nội dung', 'Điểm tối đa'], ['1', 'A', '1'], ['a)', 'B', '1']])], expect: /dòng 3, cột "STT": STT "a\)" không đúng/ },
    { name: 'unknown predecessor', args: (d) => ['units', 'import', 'WS', writeCsv(d, 'pred.csv', [['Mã', 'Tên đơn vị', 'Khối', 'Kế thừa từ'], ['C', 'Xã C', 'xa', 'Q']])], expect: /dòng 2, cột "Kế thừa từ": Đơn vị tiền thân "Q"/ },
    { name: 'broken xlsx', args: (d) => { fs.writeFileSync(path.join(d, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 hỏng rồi')); return ['scores', 'import', 'WS', '--year', '2024', path.join(d, 'broken.xlsx')]; }, expect: /broken\.xlsx: Tệp Excel bị hỏng/ },
    { name: 'old .xls', args: (d) => { fs.writeFileSync(path.join(d, 'old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])); return ['scores', 'import', 'WS', '--year', '2024', path.join(d, 'old.xls')]; }, expect: /old\.xls: .*định dạng Excel cũ \(\.xls\).*\.xlsx/ },
    { name: 'empty file', args: (d) => { fs.writeFileSync(path.join(d, 'empty.csv'), ''); return ['scores', 'import', 'WS', '--year', '2024', path.join(d, 'empty.csv')]; }, expect: /empty\.csv: Tệp trống/ },
    { name: 'header only', args: (d) => ['scores', 'import', 'WS', '--year', '2024', writeCsv(d, 'header.csv', [header])], expect: /không có dòng điểm nào/ },
    { name: 'not UTF-8', args: (d) => { fs.writeFileSync(path.join(d, 'ansi.csv'), Buffer.from([0x4d, 0xe3, 0x20, 0xf0, 0x3b, 0x0a])); return ['units', 'import', 'WS', path.join(d, 'ansi.csv')]; }, expect: /ansi\.csv: Tệp CSV không ở bảng mã UTF-8/ },
    { name: 'unsupported type', args: (d) => { fs.writeFileSync(path.join(d, 'scores.pdf'), '%PDF'); return ['scores', 'import', 'WS', '--year', '2024', path.join(d, 'scores.pdf')]; }, expect: /Chỉ nhận tệp Excel \(\.xlsx\) hoặc CSV/ },
    { name: 'missing file', args: () => ['units', 'import', 'WS', 'no-such-file.csv'], expect: /no-such-file\.csv: Không đọc được tệp/ },
    { name: 'bad bands', args: () => ['bands', 'WS', '--year', '2024', '--block', 'so', 'Tốt=90;Khá'], expect: /không đúng dạng Tên=ngưỡng/ },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = dump(ws);
      const args = (await c.args(dir)).map((a) => (a === 'WS' ? ws : a));
      const r = await cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(c.expect);
      expect(dump(ws)).toBe(before);
    });
  }

  it('refuses a workspace written by a newer version (exit 1) and leaves it as it was', () => {
    const newer = path.join(dir, 'newer.parws');
    fs.copyFileSync(ws, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const bytes = fs.readFileSync(newer);
    const r = cliProcess('results', newer, '--year', '2024');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('phiên bản PAR Workbench mới hơn');
    expect(fs.readFileSync(newer).equals(bytes)).toBe(true);
  });
});
