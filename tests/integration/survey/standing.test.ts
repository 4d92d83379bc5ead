// SIPAS ranks of each unit's overall, area and factor indices within its block, and their
// change through lineage, in `survey results --json` of a real workspace, checked against a
// plain computation from the raw forms.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/framework';
import { openWorkspace } from '../../../electron/app/open';
import { importSurveyFile, surveyResults } from '../../../electron/features/survey';
import { saveBlockSettings } from '../../../electron/features/results/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { ensurePeriod } from '../../../electron/features/workspace/service';
import { roundTo } from '../../../shared/format';
import { builtinDefinition } from '../../../shared/survey';
import { tempDir } from '../../helpers/tmp';
import { generateForms, referenceFigures, type RawForm } from './reference';

const dir = tempDir('parw-survey-standing-');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

/** 1 + the units strictly above at two decimals: the competition rank, computed apart. */
function competitionRank(values: Map<string, number | null>, code: string): number | null {
  const mine = values.get(code);
  if (mine === null || mine === undefined) return null;
  return 1 + [...values.values()].filter((v) => v !== null && roundTo(v, 2) > roundTo(mine, 2)).length;
}

describe('SIPAS component ranks in survey results', () => {
  it('ranks each factor and area within the block and compares with the unit or its predecessors', async () => {
    const file = path.join(dir, 'ws.parws');
    const ws = openWorkspace(file, { create: true });
    upsertUnits(ws, [
      { code: 'X01', name: 'Xã An Bình', blockCode: 'xa' },
      { code: 'X02', name: 'Xã An Phú', blockCode: 'xa' },
      { code: 'X03', name: 'Xã Tân Lập', blockCode: 'xa' },
      { code: 'X04', name: 'Xã Hòa Bình', blockCode: 'xa' },
      { code: 'X05', name: 'Xã Phú Lộc', blockCode: 'xa' },
      { code: 'X10', name: 'Xã An Bình Phú', blockCode: 'xa', predecessors: ['X01', 'X02'] },
    ]);
    const def = builtinDefinition(2025);
    const before = generateForms(def, ['X01', 'X02', 'X03', 'X04', 'X05'], 30, 11);
    const after = generateForms(def, ['X10', 'X03', 'X04', 'X05'], 30, 12);
    const write = (name: string, forms: RawForm[]) => {
      const f = path.join(dir, name);
      const rows = [['Đơn vị', ...def.items.map((i) => i.code)], ...forms.map((x) => [x.unit, ...def.items.map((i) => x.answers[i.code] ?? '')])];
      fs.writeFileSync(f, rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
      return f;
    };
    await importSurveyFile(ws, { year: 2024, file: write('xa-2024.csv', before) });
    await importSurveyFile(ws, { year: 2025, file: write('xa-2025.csv', after) });

    const ref = (forms: RawForm[], unit: string) => referenceFigures(def, forms.filter((f) => f.unit === unit));
    const column = (forms: RawForm[], units: string[], pick: (r: ReturnType<typeof ref>) => number | null) =>
      new Map(units.map((u) => [u, pick(ref(forms, u))]));
    const units2024 = ['X01', 'X02', 'X03', 'X04', 'X05'];
    const units2025 = ['X10', 'X03', 'X04', 'X05'];
    ws.close();

    const { code, out } = await cli('survey', 'results', file, '--year', '2025', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    type FactorJson = { code: string; rank: number | null; previous: { index: number; rank: number | null } | null; deltaIndex: number | null; deltaRank: number | null };
    for (const u of json.units) {
      expect(u.rank, `${u.code} overall`).toBe(competitionRank(column(after, units2025, (r) => r.index), u.code));
      expect(u.rankOf).toBe(4);
      for (const f of u.factors as FactorJson[]) {
        const now = column(after, units2025, (r) => r.factors[f.code].index);
        expect(f.rank, `${u.code} ${f.code}`).toBe(competitionRank(now, u.code));
        if (u.code === 'X10') {
          // merged: the mean of its predecessors' factor indices, no earlier rank
          const prev = (ref(before, 'X01').factors[f.code].index! + ref(before, 'X02').factors[f.code].index!) / 2;
          expect(f.previous!.index).toBeCloseTo(prev, 9);
          expect(f.previous!.rank).toBeNull();
          expect(f.deltaIndex).toBeCloseTo(now.get('X10')! - prev, 9);
          expect(f.deltaRank).toBeNull();
        } else {
          const then = column(before, units2024, (r) => r.factors[f.code].index);
          const prevRank = competitionRank(then, u.code)!;
          expect(f.previous!.index).toBeCloseTo(then.get(u.code)!, 9);
          expect(f.previous!.rank).toBe(prevRank);
          expect(f.deltaRank, `${u.code} ${f.code} places`).toBe(prevRank - f.rank!);
        }
      }
      for (const a of u.areas) expect(a.rank).toBe(competitionRank(column(after, units2025, (r) => r.areas[a.code].index), u.code));
      const compared = (u.factors as FactorJson[]).filter((f) => f.deltaIndex !== null);
      expect(u.factorsUp).toBe(compared.filter((f) => roundTo(f.deltaIndex!, 2) > 0).length);
      expect(u.factorsDownBoth).toBe(compared.filter((f) => roundTo(f.deltaIndex!, 2) < 0 && f.deltaRank !== null && f.deltaRank < 0).length);
    }

    // the printed table: the unit's place in its block and places moved
    const text = (await cli('survey', 'results', file, '--year', '2025')).out;
    const x03 = json.units.find((u: { code: string }) => u.code === 'X03');
    const line = text.split('\n').find((l) => l.startsWith('X03'))!;
    expect(line).toContain(`${x03.rank}/4`);
    if (x03.deltaRank) expect(line).toContain(`${x03.deltaRank > 0 ? 'tăng' : 'giảm'} ${Math.abs(x03.deltaRank)} bậc`);
    expect(text.split('\n').find((l) => l.startsWith('Mã'))).toMatch(/Chỉ số\s+Hạng/);

    // the block ranked `ordinal` that year: every factor's ranks are 1..N
    const again = openWorkspace(file);
    ensurePeriod(again, 2025);
    saveBlockSettings(again, { year: 2025, blockCode: 'xa', bands: [], precision: 2, ties: 'ordinal' });
    const r = surveyResults(again, 2025);
    for (const f of def.factors) {
      const ranks = r.units.map((u) => u.standing!.factors.find((x) => x.code === f.code)!.rank).sort((a, b) => a! - b!);
      expect(ranks).toEqual([1, 2, 3, 4]);
    }
    again.close();
  });
});
