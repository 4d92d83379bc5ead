// Component (field) ranks, both tie rules, field changes through lineage, and the counts of
// fields up and down, computed by the shared engine from plain rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriterionNode, Score, TieRule, Unit } from '../../../shared/domain';
import { roundTo } from '../../../shared/format';
import { computeResults, computeYear, rankBy, type YearScoringInput } from '../../../shared/results';

function node(code: string, parentCode: string | null, maxPoints: number, title = `Lĩnh vực ${code}`): CriterionNode {
  return { code, parentCode, level: parentCode === null ? 1 : 2, title, maxPoints, source: 'self', method: 'free', tiers: null, evidenceRequired: false, guidance: null };
}

function unit(code: string, extra: Partial<Unit> = {}): Unit {
  return { code, name: `Đơn vị ${code}`, blockCode: 'so', ranked: true, predecessors: [], sortOrder: 0, ...extra };
}

function score(unitCode: string, criterionCode: string, appraisedScore: number): Score {
  return {
    unitCode,
    criterionCode,
    selfScore: null,
    appraisedScore,
    appraisalRound: 1,
    notApplicable: false,
    reportedValue: null,
    evidence: null,
    explanation: null,
    note: null,
    needsReappraisal: false,
  };
}

// field I (max 10) with one leaf, field II (max 10) with one leaf, field III (max 100) with one leaf
const nodes = [node('I', null, 10), node('1.1', 'I', 10), node('II', null, 10), node('2.1', 'II', 10), node('III', null, 100), node('3.1', 'III', 100)];

function scores(code: string, a: number, b: number, c: number): Score[] {
  return [score(code, '1.1', a), score(code, '2.1', b), score(code, '3.1', c)];
}

function input(year: number, units: Unit[], rows: Score[], ties?: TieRule, fw = nodes): YearScoringInput {
  return {
    year,
    blocks: [{ code: 'so', name: 'Khối sở', sortOrder: 1 }],
    units,
    frameworks: [{ year, blockCode: 'so', nodes: fw }],
    scores: rows,
    settings: [{ year, blockCode: 'so', bands: [], precision: 2, ...(ties ? { ties } : {}) }],
  };
}

const byCode = <T extends { code: string }>(xs: T[], code: string): T => xs.find((x) => x.code === code)!;

describe('field ranks', () => {
  it('ranks each field within the block, equal field indices at the precision sharing a rank', () => {
    const units = [unit('A'), unit('B'), unit('C'), unit('D', { ranked: false })];
    const r = computeYear(input(2024, units, [...scores('A', 9, 5, 50), ...scores('B', 9, 7, 60), ...scores('C', 8, 9, 90.001), ...scores('D', 10, 10, 100)])).blocks[0].units;
    expect(byCode(r, 'A').fields.map((f) => f.rank)).toEqual([1, 3, 3]);
    expect(byCode(r, 'B').fields.map((f) => f.rank)).toEqual([1, 2, 2]);
    expect(byCode(r, 'C').fields.map((f) => f.rank)).toEqual([3, 1, 1]);
    // a unit scored but not ranked has no field ranks either, and takes no place from others
    expect(byCode(r, 'D').fields.map((f) => f.rank)).toEqual([null, null, null]);
  });

  it('ordinal rule: 90,02% twice gets ranks 2 and 3 by the unrounded index, then points, then code', () => {
    const units = [unit('A'), unit('B'), unit('C'), unit('D')];
    // field III: 95; 90.024; 90.016 (both show 90,02); field I: equal everywhere
    const rows = [...scores('A', 5, 5, 95), ...scores('B', 5, 5, 90.016), ...scores('C', 5, 5, 90.024), ...scores('D', 5, 5, 80)];
    const shared = computeYear(input(2024, units, rows)).blocks[0].units;
    expect(['A', 'B', 'C', 'D'].map((c) => byCode(shared, c).fields[2].rank)).toEqual([1, 2, 2, 4]);
    expect(['A', 'B', 'C', 'D'].map((c) => byCode(shared, c).fields[0].rank)).toEqual([1, 1, 1, 1]);
    const ordinal = computeYear(input(2024, units, rows, 'ordinal')).blocks[0].units;
    expect(['A', 'B', 'C', 'D'].map((c) => byCode(ordinal, c).fields[2].rank)).toEqual([1, 3, 2, 4]);
    // all equal: by code
    expect(['A', 'B', 'C', 'D'].map((c) => byCode(ordinal, c).fields[0].rank)).toEqual([1, 2, 3, 4]);
    // totals: shared 1,2,2,4 would need equal shown totals; ordinal is always a permutation
    expect(ordinal.map((u) => u.rank).sort()).toEqual([1, 2, 3, 4]);
  });

  it('ordinal rule with equal unrounded indices takes the larger total points first', () => {
    expect([...rankBy([{ code: 'A', index: 90, points: 45 }, { code: 'B', index: 90, points: 90 }, { code: 'C', index: null }], 2, 'ordinal')]).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });
});

describe('field changes through lineage', () => {
  it('gives each field its previous index and rank, change in points and places, and counts fields up and down', () => {
    const units = [unit('A'), unit('B'), unit('C')];
    const y1 = input(2023, units, [...scores('A', 6, 9, 50), ...scores('B', 8, 5, 60), ...scores('C', 9, 7, 70)]);
    const y2 = input(2024, units, [...scores('A', 9.5, 8, 50), ...scores('B', 7, 6, 60), ...scores('C', 9, 9, 40)]);
    const r = computeResults([y1, y2], 2024).blocks[0].units;
    const a = byCode(r, 'A');
    expect(a.fields[0]).toMatchObject({ index: 95, rank: 1, previous: { index: 60, rank: 3 }, deltaRank: 2 });
    expect(a.fields[0].deltaIndex).toBeCloseTo(35);
    expect(a.fields[1]).toMatchObject({ rank: 2, previous: { index: 90, rank: 1 }, deltaRank: -1 });
    expect(a.fields[1].deltaIndex).toBeCloseTo(-10);
    expect(a.fields[2]).toMatchObject({ deltaIndex: 0, rank: 2, previous: { rank: 3 }, deltaRank: 1 });
    expect(a).toMatchObject({ fieldsUp: 1, fieldsDown: 1, fieldsUpBoth: 1, fieldsDownBoth: 1 });
    const c = byCode(r, 'C');
    // I unchanged in points (90 → 90) but passed by A (1 → 2), II up 20 points and 2 → 1, III down 30 and 1 → 3
    expect(c.fields.map((f) => f.deltaRank)).toEqual([-1, 1, -2]);
    expect(c.fields[0].deltaIndex).toBe(0);
    expect(c).toMatchObject({ fieldsUp: 1, fieldsDown: 1, fieldsUpBoth: 1, fieldsDownBoth: 1 });
  });

  it('a merged unit compares each field with the mean of its predecessors, without a rank change', () => {
    const old = [unit('X1'), unit('X2'), unit('X3')];
    const merged = unit('N', { predecessors: ['X1', 'X2'] });
    const all = [...old, merged];
    const y1 = input(2024, all, [...scores('X1', 6, 8, 50), ...scores('X2', 8, 4, 70), ...scores('X3', 9, 9, 90)]);
    const y2 = { ...input(2025, all, scores('N', 8, 5, 60)), participants: ['N'] };
    const y1p = { ...y1, participants: ['X1', 'X2', 'X3'] };
    const n = computeResults([y1p, y2], 2025).blocks[0].units[0];
    expect(n.fields[0].previous).toEqual({ index: 70, rank: null });
    expect(n.fields[0].deltaIndex).toBeCloseTo(10);
    expect(n.fields[0].deltaRank).toBeNull();
    expect(n.fields[1].deltaIndex).toBeCloseTo(-10);
    expect(n.fields[2].deltaIndex).toBeCloseTo(0);
    expect(n).toMatchObject({ fieldsUp: 1, fieldsDown: 1, fieldsUpBoth: 0, fieldsDownBoth: 0 });
  });

  it('finds a renumbered field by its title, and has no field change for a unit without history', () => {
    const renumbered = [node('1', null, 10, 'Lĩnh vực I'), node('1.1', '1', 10), node('2', null, 10, 'Lĩnh vực II'), node('2.1', '2', 10), node('3', null, 100, 'Lĩnh vực III'), node('3.1', '3', 100)];
    const units = [unit('A'), unit('B')];
    const y1 = input(2023, units, scores('A', 5, 5, 50));
    const y2 = input(2024, units, [score('A', '1.1', 6), score('A', '2.1', 5), score('A', '3.1', 40), ...[score('B', '1.1', 1)]], undefined, renumbered);
    const r = computeResults([y1, y2], 2024).blocks[0].units;
    const a = byCode(r, 'A');
    expect(a.fields.map((f) => f.previous?.index)).toEqual([50, 50, 50]);
    expect(a).toMatchObject({ fieldsUp: 1, fieldsDown: 1 });
    const b = byCode(r, 'B');
    expect(b.fields.every((f) => f.previous === null && f.deltaIndex === null && f.deltaRank === null)).toBe(true);
    expect(b).toMatchObject({ fieldsUp: null, fieldsDown: null, fieldsUpBoth: null, fieldsDownBoth: null });
  });
});

describe('properties of component ranks and counts', () => {
  const arbYear = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200 }), fc.boolean()), { minLength: 1, maxLength: 20 });
  const code = (i: number) => `U${String(i).padStart(2, '0')}`;
  const build = (year: number, rows: [number, number, number, boolean][], ties: TieRule) =>
    input(
      year,
      rows.map((r, i) => unit(code(i), { ranked: r[3] })),
      rows.flatMap((r, i) => scores(code(i), r[0] / 2, r[1] / 2, r[2] / 2)),
      ties,
    );

  it('each field rank is a valid competition ranking (shared) or a permutation 1..n (ordinal) of the ranked units', () => {
    fc.assert(
      fc.property(arbYear, fc.constantFrom<TieRule>('shared', 'ordinal'), (rows, ties) => {
        const units = computeYear(build(2024, rows, ties)).blocks[0].units;
        const ranked = units.filter((u) => u.ranked);
        for (let f = 0; f < 3; f++) {
          const ranks = ranked.map((u) => u.fields[f].rank!);
          if (ties === 'ordinal') expect([...ranks].sort((a, b) => a - b)).toEqual(ranked.map((_, i) => i + 1));
          for (const u of ranked) {
            const mine = u.fields[f].index!;
            const better = ranked.filter((o) => roundTo(o.fields[f].index!, 2) > roundTo(mine, 2)).length;
            const equalOrBetter = ranked.filter((o) => roundTo(o.fields[f].index!, 2) >= roundTo(mine, 2)).length;
            if (ties === 'shared') expect(u.fields[f].rank).toBe(better + 1);
            else {
              expect(u.fields[f].rank).toBeGreaterThan(better);
              expect(u.fields[f].rank).toBeLessThanOrEqual(equalOrBetter);
            }
          }
          for (const u of units.filter((x) => !x.ranked)) expect(u.fields[f].rank).toBeNull();
        }
      }),
    );
  });

  it('counts add up: up + down ≤ fields compared, both ≤ each, and they match the field changes', () => {
    fc.assert(
      fc.property(arbYear, arbYear, fc.constantFrom<TieRule>('shared', 'ordinal'), (before, after, ties) => {
        const n = Math.min(before.length, after.length);
        const r = computeResults([build(2023, before.slice(0, n), ties), build(2024, after.slice(0, n), ties)], 2024).blocks[0].units;
        for (const u of r) {
          const compared = u.fields.filter((f) => f.deltaIndex !== null);
          const up = compared.filter((f) => roundTo(f.deltaIndex!, 2) > 0);
          const down = compared.filter((f) => roundTo(f.deltaIndex!, 2) < 0);
          expect(u.fieldsUp).toBe(up.length);
          expect(u.fieldsDown).toBe(down.length);
          expect(u.fieldsUp! + u.fieldsDown!).toBeLessThanOrEqual(compared.length);
          expect(u.fieldsUpBoth).toBe(up.filter((f) => (f.deltaRank ?? 0) > 0).length);
          expect(u.fieldsDownBoth).toBe(down.filter((f) => (f.deltaRank ?? 0) < 0).length);
          expect(u.fieldsUpBoth!).toBeLessThanOrEqual(u.fieldsUp!);
          expect(u.fieldsDownBoth!).toBeLessThanOrEqual(u.fieldsDown!);
          for (const f of compared) {
            expect(f.deltaIndex).toBeCloseTo(f.index! - f.previous!.index, 9);
            if (f.deltaRank !== null) expect(f.deltaRank).toBe(f.previous!.rank! - f.rank!);
          }
        }
      }),
    );
  });
});
