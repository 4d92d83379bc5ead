// National tables through the command line: two years read (a workbook laid out as MOHA's,
// a CSV by numerals with --max), our province found, and the seed analysis reproduced:
// "87,11%", "23/63", "tăng 3,31%", "tăng 13 bậc", "có 5/8 lĩnh vực tăng điểm"; bad tables
// refused naming row and column with the workspace left as it was, doubtful ones warned.
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { writeCsv, writeXlsx, type Cell } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { csvRows, MAXIMA, OURS, OURS_2020, OURS_2021, ROMANS, workbookRows, yearFigures } from './national-fixture';

function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out = tables.map((t) => JSON.stringify([t.name, db.prepare(`SELECT * FROM "${t.name}"`).raw().all()]));
  db.close();
  return out.join('\n');
}

/** Competition ranks (1, 2, 2, 4) at two decimals, computed here apart from the app. */
function ranksOf(values: number[]): number[] {
  const r = values.map((v) => Math.round(v * 100));
  return r.map((v) => r.filter((o) => o > v).length + 1);
}

let dir: string;
let ws: string;
const MAX_FLAG = ROMANS.map((r, i) => `${r}=${String(MAXIMA[i]).replace('.', ',')}`).join(';');

beforeAll(async () => {
  dir = tempDir();
  ws = path.join(dir, 'ws.parws');
  expect((await cli('init', ws)).code).toBe(0);
  const y2020 = await writeXlsx(dir, 'par-index-2020.xlsx', workbookRows(2020));
  const first = await cli('national', 'import', ws, '--year', '2020', y2020, '--ours', 'Tỉnh Lạng Sơn');
  expect(first.stderr).not.toContain('Cảnh báo');
  expect(first.code).toBe(0);
  expect(first.stderr).toContain('63 tỉnh, thành phố, lĩnh vực I, II, III, IV, V, VI, VII, VIII, SIPAS với 5 chỉ số thành phần; tỉnh mình: Lạng Sơn');
  const y2021 = writeCsv(dir, 'par-index-2021.csv', csvRows(2021));
  const second = await cli('national', 'import', ws, '--year', '2021', y2021, '--max', MAX_FLAG);
  expect(second.stderr).not.toContain('Cảnh báo');
  expect(second.code).toBe(0);
});

describe('the province among all provinces', () => {
  it('analysis --national --json gives index, rank x/63, change in points and places, and fields up and down by name', async () => {
    const run = await cli('analysis', ws, '--year', '2021', '--national', '--json');
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a.provinces).toBe(63);
    expect(a.par).toMatchObject({ name: `Tỉnh ${OURS}`, rank: 23, of: 63, deltaRank: 13, previous: { year: 2020, rank: 36 } });
    expect(a.par.index).toBeCloseTo(87.11, 9);
    expect(a.par.deltaIndex).toBeCloseTo(3.31, 9);
    // fields compared with the data: up where 2021 > 2020
    const up = ROMANS.filter((_, i) => OURS_2021.fields[i] > OURS_2020.fields[i]);
    const down = ROMANS.filter((_, i) => OURS_2021.fields[i] < OURS_2020.fields[i]);
    expect(a.par.up).toEqual(up);
    expect(a.par.down).toEqual(down);
    expect(up).toHaveLength(5);
    // field ranks against every province's field index, computed here
    for (let i = 0; i < 8; i++) {
      const ranks = ranksOf(yearFigures(2021).map((p) => (p.fields[i] / MAXIMA[i]) * 100));
      const ours = yearFigures(2021).findIndex((p) => p.name === OURS);
      expect(a.par.components[i].rank, ROMANS[i]).toBe(ranks[ours]);
    }
    const sentences = a.sentences.join(' ');
    expect(sentences).toContain('Năm 2021, Tỉnh Lạng Sơn đạt 87,11%, xếp hạng 23/63, tăng 3,31% và tăng 13 bậc so với năm 2020.');
    expect(sentences).toContain('có 5/8 lĩnh vực tăng điểm: I. ');
    expect(sentences).toContain('3/8 lĩnh vực giảm điểm: II. ');
  });

  it('SIPAS: its rank, its change, and the components down or up in both points and rank as the data say', async () => {
    const a = JSON.parse((await cli('analysis', ws, '--year', '2021', '--national', '--json')).stdout);
    const ours20 = yearFigures(2020).findIndex((p) => p.name === OURS);
    const ours21 = yearFigures(2021).findIndex((p) => p.name === OURS);
    const sipasRank = ranksOf(yearFigures(2021).map((p) => p.sipas))[ours21];
    expect(a.sipas).toMatchObject({ rank: sipasRank, of: 63, deltaRank: ranksOf(yearFigures(2020).map((p) => p.sipas))[ours20] - sipasRank });
    expect(a.sipas.deltaIndex).toBeCloseTo(-1.5, 9);
    const downBoth: string[] = [];
    const upBoth: string[] = [];
    for (let k = 0; k < 5; k++) {
      const before = ranksOf(yearFigures(2020).map((p) => p.factors[k]))[ours20];
      const after = ranksOf(yearFigures(2021).map((p) => p.factors[k]))[ours21];
      const d = OURS_2021.factors[k] - OURS_2020.factors[k];
      if (d < 0 && after > before) downBoth.push(`DV${k + 1}`);
      if (d > 0 && after < before) upBoth.push(`DV${k + 1}`);
    }
    expect(a.sipas.downBoth).toEqual(downBoth);
    expect(a.sipas.upBoth).toEqual(upBoth);
    const text = a.sentences.join(' ');
    expect(text).toContain(`chỉ số SIPAS của Tỉnh Lạng Sơn đạt 82,50%, xếp hạng ${sipasRank}/63`);
    if (downBoth.length) expect(text).toContain(`Có ${downBoth.length}/5 chỉ số thành phần giảm cả về điểm và xếp hạng`);
  });

  it('prints the same as sentences and tables without --json; refuses a scope missing or doubled', async () => {
    const run = await cli('analysis', ws, '--year', '2021', '--national');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('xếp hạng 23/63, tăng 3,31% và tăng 13 bậc');
    expect(run.stdout).toContain('Chỉ số SIPAS — các chỉ số thành phần');
    expect((await cli('analysis', ws, '--year', '2021')).code).toBe(2);
    expect((await cli('analysis', ws, '--year', '2021', '--national', '--block', 'so')).code).toBe(2);
    const none = await cli('analysis', ws, '--year', '2019', '--national');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Chưa có bảng kết quả các tỉnh, thành phố năm 2019');
  });
});

describe('bad national tables', () => {
  const header: Cell[] = ['Tỉnh, thành phố', ...ROMANS, 'Chỉ số'];
  const good = (name: string, index: number): Cell[] => {
    const f = MAXIMA.map((m) => Math.round(m * index) / 100);
    f[7] = Math.round((index - f.slice(0, 7).reduce((s, v) => s + v, 0)) * 100) / 100;
    return [name, ...f, index];
  };

  const refusals: { name: string; rows: () => Cell[][]; xlsx?: boolean; expect: RegExp }[] = [
    { name: 'a province twice', rows: () => [header, good('Lạng Sơn', 80), good('Cao Bằng', 70), good('Tỉnh Lạng Sơn', 81)], expect: /dòng 4, cột "Tỉnh, thành phố": Tỉnh Lạng Sơn đã có ở dòng 2/ },
    { name: 'a missing field column', rows: () => [header.filter((h) => h !== 'IV'), good('Lạng Sơn', 80).filter((_, i) => i !== 4)], expect: /dòng 1: Thiếu cột lĩnh vực IV/ },
    { name: 'text in a number cell', xlsx: true, rows: () => [header, good('Lạng Sơn', 80), ['Cao Bằng', 7, 'bảy', 10, 8, 12, 5, 12, 10, 70]], expect: /ô C3: Điểm lĩnh vực II: "bảy" không phải là số/ },
    { name: 'no province column', rows: () => [['Tên', ...ROMANS, 'Chỉ số'], good('Lạng Sơn', 80)], expect: /"Tỉnh, thành phố"/ },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}, naming where, and writes nothing`, async () => {
      const before = dump(ws);
      const file = c.xlsx ? await writeXlsx(dir, `${c.name}.xlsx`, c.rows()) : writeCsv(dir, `${c.name}.csv`, c.rows());
      const run = await cli('national', 'import', ws, '--year', '2022', file);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(c.expect);
      expect(dump(ws)).toBe(before);
    });
  }

  it('warns, naming row and column, where the fields do not sum to the index beyond 0,01, and where a province is new since the year before', async () => {
    const off = good('Cao Bằng', 70);
    off[9] = 70.05;
    const file = writeCsv(dir, 'warn.csv', [header, good('Lạng Sơn', 80), off, good('Tỉnh Mới Hợp Nhất', 75), good('Bắc Kạn', 70.01)]);
    const run = await cli('national', 'import', ws, '--year', '2022', file, '--max', MAX_FLAG);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Cảnh báo: Tệp warn\.csv, dòng 3, cột "Chỉ số": Chỉ số 70,05 của Cao Bằng khác tổng điểm các lĩnh vực \(70\) quá 0,01/);
    expect(run.stderr).toMatch(/Cảnh báo: Tệp warn\.csv, dòng 4, cột "Tỉnh, thành phố": Tỉnh Mới Hợp Nhất không có trong bảng năm 2021/);
    expect(run.stderr).not.toContain('Bắc Kạn khác');
    const a = JSON.parse((await cli('analysis', ws, '--year', '2022', '--national', '--json')).stdout);
    // the published index is kept, and Lạng Sơn compares with 2021
    expect(a.par).toMatchObject({ rank: 1, of: 4, previous: { year: 2021, rank: 23 } });
  });
});
