// Provinces merged (2025: 63 → 34): a province of the new table declared as formed from
// provinces of the table before — by `national lineage` or by a `Tiền thân` column read by
// `national import` — compares with them as a merged commune does (the mean of their indices,
// no earlier rank); a province the table before did not have and no lineage names is reported
// as a question of lineage. Two tables made here (figures constructed for the test).
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeIndexChange } from '../../../shared/format';
import { cli } from '../../helpers/cli';
import { writeCsv, type Cell } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { MAXIMA, PROVINCES, ROMANS, nationalAnalysis } from './national-fixture';

function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out = tables.map((t) => JSON.stringify([t.name, db.prepare(`SELECT * FROM "${t.name}"`).raw().all()]));
  db.close();
  return out.join('\n');
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const MAX_FLAG = ROMANS.map((r, i) => `${r}=${String(MAXIMA[i]).replace('.', ',')}`).join(';');
const NEW_PROVINCE = 'Tỉnh Mới Hợp Nhất';

/** Fields proportional to the index, the last taking the remainder. */
function fields(index: number): number[] {
  const f = MAXIMA.map((m) => r2((m * index) / 100));
  f[7] = r2(index - f.slice(0, 7).reduce((s, v) => s + v, 0));
  return f;
}

/** 2024: 63 provinces, Lạng Sơn 80,00, Cao Bằng 76,00, Hà Giang 70,00, Tuyên Quang 72,00. */
function index2024(name: string, i: number): number {
  return ({ 'Lạng Sơn': 80, 'Cao Bằng': 76, 'Hà Giang': 70, 'Tuyên Quang': 72 } as Record<string, number>)[name] ?? r2(95 - i * 0.25);
}
/** Lạng Sơn's 2024 rank, counted here apart from the app. */
const RANK_2024 = 1 + PROVINCES.filter((p, i) => index2024(p, i) > 80).length;
const KEPT = PROVINCES.filter((p) => !['Cao Bằng', 'Hà Giang', 'Tuyên Quang', 'Lạng Sơn'].includes(p)).slice(0, 32);
/** 2025: 34 provinces, Lạng Sơn 82,50, the new province 74,00, 32 others kept. */
function table2025(lineage: Record<string, string> | null): Cell[][] {
  const rows: { name: string; index: number }[] = [
    ...KEPT.map((name, i) => ({ name, index: r2(96 - i * 0.4) })),
    { name: 'Lạng Sơn', index: 82.5 },
    { name: NEW_PROVINCE, index: 74 },
  ];
  return [
    ['Tỉnh, thành phố', ...ROMANS, 'Chỉ số', ...(lineage ? ['Tiền thân'] : [])],
    ...rows.map((p) => [p.name, ...fields(p.index), p.index, ...(lineage ? [lineage[p.name] ?? ''] : [])]),
  ];
}

let dir: string;
let ws: string;

const national = () => nationalAnalysis(ws, 2025);

beforeAll(async () => {
  dir = tempDir();
  ws = path.join(dir, 'ws.parws');
  expect((await cli('init', ws)).code).toBe(0);
  const y2024 = writeCsv(dir, 'par-2024.csv', [['Tỉnh, thành phố', ...ROMANS, 'Chỉ số'], ...PROVINCES.map((p, i) => [p, ...fields(index2024(p, i)), index2024(p, i)])]);
  const first = await cli('national', 'import', ws, '--year', '2024', y2024, '--max', MAX_FLAG, '--ours', 'Lạng Sơn');
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain('63 tỉnh, thành phố');
});

describe('provinces merged after 2024', () => {
  it('reports a province the table before did not have as a question of lineage, and compares ours with itself until told', async () => {
    const run = await cli('national', 'import', ws, '--year', '2025', writeCsv(dir, 'par-2025.csv', table2025(null)), '--max', MAX_FLAG);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('34 tỉnh, thành phố');
    expect(run.stderr).toMatch(/Cảnh báo: Tệp par-2025\.csv, dòng 35, cột "Tỉnh, thành phố": Tỉnh Mới Hợp Nhất không có trong bảng năm 2024: chưa so sánh được với năm trước\. .*cột "Tiền thân"/);
    expect(run.stderr.match(/Cảnh báo/g)).toHaveLength(1);
    const a = await national();
    expect(a.par).toMatchObject({ rank: 33, of: 34, previous: { year: 2024, index: 80, rank: RANK_2024 } });
    expect(a.par.deltaRank).toBe(RANK_2024 - 33);
  });

  it('national lineage: ours formed from Lạng Sơn and Cao Bằng compares with the mean of both, without an earlier rank', async () => {
    const before = dump(ws);
    const unknown = await cli('national', 'lineage', ws, '--year', '2025', '--province', 'Lạng Sơn', '--from', 'Lạng Sơn;Cao Bằngg');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Tiền thân của Lạng Sơn: "Cao Bằngg" không có trong bảng năm 2024');
    const notInYear = await cli('national', 'lineage', ws, '--year', '2025', '--province', 'Cao Bằng', '--from', 'Cao Bằng');
    expect(notInYear.code).toBe(1);
    expect(notInYear.stderr).toContain('Bảng năm 2025 không có tỉnh, thành phố "Cao Bằng"');
    expect(dump(ws)).toBe(before);

    const run = await cli('national', 'lineage', ws, '--year', '2025', '--province', 'Tỉnh Lạng Sơn', '--from', 'Lạng Sơn; Tỉnh Cao Bằng');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Lạng Sơn ← Lạng Sơn, Cao Bằng');
    const a = await national();
    expect(a.par.previous).toEqual({ year: 2024, index: 78, rank: null });
    expect(a.par.deltaIndex).toBeCloseTo(4.5, 9);
    expect(a.par.deltaRank).toBeNull();
    expect(a.par.rank).toBe(33);
    // each field against the mean of the two provinces' field scores
    for (const [i, c] of a.par.components.entries()) {
      expect(c.previous.index).toBeCloseTo((fields(80)[i] / MAXIMA[i] + fields(76)[i] / MAXIMA[i]) * 50, 9);
      expect(c.previous.rank).toBeNull();
    }
    const sentence = a.sentences[0] as string;
    expect(sentence).toContain('đạt 82,50%, xếp hạng 33/34');
    expect(sentence).toContain(describeIndexChange(4.5));
    expect(sentence).not.toContain('bậc');

    // listed, and removed with an empty --from
    expect((await cli('national', 'lineage', ws, '--year', '2025')).stdout).toContain('Lạng Sơn ← Lạng Sơn, Cao Bằng');
    expect((await cli('national', 'lineage', ws, '--year', '2025', '--province', 'Lạng Sơn', '--from', '')).code).toBe(0);
    expect((await national()).par.previous).toEqual({ year: 2024, index: 80, rank: RANK_2024 });
  });

  it('national import reads a Tiền thân column: no question left, ours compared with its predecessors; an unknown predecessor refused naming the cell', async () => {
    const before = dump(ws);
    const bad = writeCsv(dir, 'par-2025-bad.csv', table2025({ 'Lạng Sơn': 'Lạng Sơn; Cao Bằng', [NEW_PROVINCE]: 'Hà Giang; Tuyen Quang; Bắc Cạn' }));
    const refused = await cli('national', 'import', ws, '--year', '2025', bad, '--max', MAX_FLAG);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/par-2025-bad\.csv, dòng 35, cột "Tiền thân": Tiền thân của Tỉnh Mới Hợp Nhất: "Bắc Cạn" không có trong bảng năm 2024/);
    expect(dump(ws)).toBe(before);

    const good = writeCsv(dir, 'par-2025-lineage.csv', table2025({ 'Lạng Sơn': 'Lạng Sơn; Cao Bằng', [NEW_PROVINCE]: 'Hà Giang; Tuyen Quang' }));
    const run = await cli('national', 'import', ws, '--year', '2025', good, '--max', MAX_FLAG);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('Cảnh báo');
    expect(run.stderr).toContain('Tiền thân: Lạng Sơn ← Lạng Sơn, Cao Bằng');
    expect(run.stderr).toContain(`Tiền thân: ${NEW_PROVINCE} ← Hà Giang, Tuyên Quang`);
    const a = await national();
    expect(a.par.previous).toEqual({ year: 2024, index: 78, rank: null });
    expect(a.par.deltaIndex).toBeCloseTo(4.5, 9);
  });
});
