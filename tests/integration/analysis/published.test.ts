// Fidelity with published figures: national tables of 2020 and 2021 holding what the press
// published of the PAR INDEX 2021 (sources in published-fixture.ts) give the published
// sentences back: Quảng Ngãi "86,45%", "39/63", "tăng 13,2%", "tăng 24 bậc"; Bà Rịa - Vũng Tàu
// "tăng 1,59%" but "giảm 7 bậc"; Hải Phòng leading at 91,80%; the average 86,37%.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { MAXIMA, ROMANS, nationalAnalysis } from './national-fixture';
import { figures2020, figures2021, tableRows } from './published-fixture';

const MAX_FLAG = ROMANS.map((r, i) => `${r}=${String(MAXIMA[i]).replace('.', ',')}`).join(';');
let dir: string;
let ws: string;

async function importYear(year: number, figures: Map<string, number>, ours: string) {
  const run = await cli('national', 'import', ws, '--year', String(year), writeCsv(dir, `par-index-${year}.csv`, tableRows(figures)), '--max', MAX_FLAG, '--ours', ours);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('Cảnh báo');
}

const analysis = () => nationalAnalysis(ws, 2021);

beforeAll(async () => {
  dir = tempDir();
  ws = path.join(dir, 'ws.parws');
  expect((await cli('init', ws)).code).toBe(0);
  await importYear(2020, figures2020(), 'Quảng Ngãi');
  await importYear(2021, figures2021(), 'Quảng Ngãi');
});

describe('PAR INDEX 2021 as published', () => {
  it('Quảng Ngãi: 86,45%, 39/63, tăng 13,2% and 24 places from last; Hải Phòng leads; the average as published', async () => {
    const a = await analysis();
    expect(a.provinces).toBe(63);
    expect(a.par).toMatchObject({ index: 86.45, rank: 39, of: 63, previous: { year: 2020, rank: 63 }, deltaRank: 24 });
    expect(a.par.leader).toMatchObject({ name: 'Hải Phòng', index: 91.8 });
    expect(a.par.average).toBeCloseTo(86.37, 9);
    const text = a.sentences.join(' ');
    expect(text).toContain('đạt 86,45%, xếp hạng 39/63');
    expect(text).toContain('tăng 13,2%');
    expect(text).toContain('tăng 24 bậc');
  });

  it('Bà Rịa - Vũng Tàu: tăng 1,59% but giảm 7 bậc', async () => {
    await importYear(2021, figures2021(), 'Bà Rịa - Vũng Tàu');
    const a = await analysis();
    expect(a.par).toMatchObject({ index: 87.61, rank: 26, previous: { year: 2020, rank: 19 }, deltaRank: -7 });
    expect(a.par.deltaIndex).toBeCloseTo(1.59, 9);
    const text = a.sentences.join(' ');
    expect(text).toContain('tăng 1,59%');
    expect(text).toContain('giảm 7 bậc');
  });
});
