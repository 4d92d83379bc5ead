// Ranks of SIPAS components (overall, areas, factors) within a block under both tie rules,
// and their change through lineage, as the shared survey standing computes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TieRule } from '../../../shared/domain';
import { roundTo } from '../../../shared/format';
import { rankSurveyUnits, surveyStandings, type SurveyIndices, type SurveyRankInput } from '../../../shared/survey';

function indices(overall: number | null, factors: (number | null)[]): SurveyIndices {
  return {
    forms: 10,
    invalidForms: 0,
    index: overall,
    n: 10,
    areas: [{ code: 'A', name: 'Lĩnh vực A', index: overall, n: 10 }],
    factors: factors.map((index, i) => ({ code: `DV${i + 1}`, areaCode: 'A', name: `Yếu tố ${i + 1}`, index, n: 10, items: [] })),
  };
}

function input(code: string, overall: number | null, factors: (number | null)[], extra: Partial<SurveyRankInput> = {}): SurveyRankInput {
  return { code, blockCode: 'so', ranked: true, indices: indices(overall, factors), ...extra };
}

const rule = (ties: TieRule) => () => ({ precision: 2, ties });
const self = (code: string) => [code];

describe('SIPAS component ranks', () => {
  it('ranks overall, area and factor indices within each block; equal at the precision share a rank', () => {
    const ranked = rankSurveyUnits(
      [
        input('A', 80, [90, 70.001]),
        input('B', 85, [90.004, 70]),
        input('C', 70, [60, 80]),
        input('D', 99, [99, 99], { ranked: false }),
        input('X', 50, [50, 50], { blockCode: 'xa' }),
      ],
      rule('shared'),
    );
    const s = surveyStandings(ranked, null, self, rule('shared'));
    expect(['A', 'B', 'C'].map((c) => s.get(c)!.overall.rank)).toEqual([2, 1, 3]);
    expect(['A', 'B', 'C'].map((c) => s.get(c)!.factors.map((f) => f.rank))).toEqual([[1, 2], [1, 2], [3, 1]]);
    expect(s.get('A')!.areas[0].rank).toBe(2);
    // not ranked: no place, and takes none from others; another block ranks apart
    expect(s.get('D')!.overall.rank).toBeNull();
    expect(s.get('X')!.overall.rank).toBe(1);
    expect(s.get('A')!.of).toBe(3);
    expect(s.get('X')!.of).toBe(1);
    expect(s.get('A')!.factorsUp).toBeNull();
  });

  it('ordinal: by the unrounded index, then by code', () => {
    const ranked = rankSurveyUnits([input('B', 90.02, [80]), input('A', 90.02, [80.001]), input('C', 90.019, [80])], rule('ordinal'));
    const s = surveyStandings(ranked, null, self, rule('ordinal'));
    expect(['A', 'B', 'C'].map((c) => s.get(c)!.overall.rank)).toEqual([1, 2, 3]);
    expect(['A', 'B', 'C'].map((c) => s.get(c)!.factors[0].rank)).toEqual([1, 2, 3]);
  });

  it('compares with the unit itself (index and rank) or the mean of the units it was formed from (no rank)', () => {
    const before = rankSurveyUnits([input('A', 70, [70, 60]), input('B', 80, [80, 90]), input('C', 90, [90, 40])], rule('shared'));
    const after = rankSurveyUnits([input('A', 85, [65, 95]), input('M', 75, [88, 50])], rule('shared'));
    const s = surveyStandings(after, before, (c) => (c === 'M' ? ['B', 'C'] : [c]), rule('shared'));
    const a = s.get('A')!;
    expect(a.overall).toMatchObject({ rank: 1, previous: { index: 70, rank: 3 }, deltaIndex: 15, deltaRank: 2 });
    expect(a.factors[0]).toMatchObject({ rank: 2, previous: { index: 70, rank: 3 }, deltaIndex: -5, deltaRank: 1 });
    expect(a.factors[1]).toMatchObject({ rank: 1, previous: { index: 60, rank: 2 }, deltaIndex: 35, deltaRank: 1 });
    expect([a.factorsUp, a.factorsDown, a.factorsUpBoth, a.factorsDownBoth]).toEqual([1, 1, 1, 0]);
    const m = s.get('M')!;
    expect(m.overall).toMatchObject({ rank: 2, previous: { index: 85, rank: null }, deltaIndex: -10, deltaRank: null });
    expect(m.factors[1].previous).toEqual({ index: 65, rank: null });
    expect([m.factorsUp, m.factorsDown, m.factorsUpBoth, m.factorsDownBoth]).toEqual([1, 1, 0, 0]);
  });

  const unitsArb = fc.array(
    fc.record({
      overall: fc.option(fc.integer({ min: 0, max: 10000 }).map((v) => v / 100 + (v % 3) * 0.0001), { nil: null }),
      f: fc.array(fc.option(fc.integer({ min: 0, max: 400 }).map((v) => v / 4), { nil: null }), { minLength: 3, maxLength: 3 }),
      ranked: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  );

  it('property: under `shared` every component rank is a competition rank (1 + units strictly above at the precision)', () => {
    fc.assert(
      fc.property(unitsArb, (rows) => {
        const list = rows.map((r, i) => input(`U${String(i).padStart(2, '0')}`, r.overall, r.f, { ranked: r.ranked }));
        const s = surveyStandings(rankSurveyUnits(list, rule('shared')), null, self, rule('shared'));
        const pick = (u: SurveyRankInput, k: number) => (k < 0 ? u.indices.index : u.indices.factors[k].index);
        for (let k = -1; k < 3; k++) {
          const rankable = list.filter((u) => u.ranked && pick(u, k) !== null);
          for (const u of list) {
            const st = s.get(u.code)!;
            const rank = k < 0 ? st.overall.rank : st.factors[k].rank;
            if (!u.ranked || pick(u, k) === null) {
              expect(rank).toBeNull();
              continue;
            }
            const mine = roundTo(pick(u, k)!, 2);
            expect(rank).toBe(1 + rankable.filter((o) => roundTo(pick(o, k)!, 2) > mine).length);
          }
        }
      }),
    );
  });

  it('property: under `ordinal` the ranks of each component are a permutation of 1..N ordered by index', () => {
    fc.assert(
      fc.property(unitsArb, (rows) => {
        const list = rows.map((r, i) => input(`U${String(i).padStart(2, '0')}`, r.overall, r.f, { ranked: r.ranked }));
        const s = surveyStandings(rankSurveyUnits(list, rule('ordinal')), null, self, rule('ordinal'));
        for (let k = -1; k < 3; k++) {
          const pick = (u: SurveyRankInput) => (k < 0 ? u.indices.index : u.indices.factors[k].index);
          const rankOf = (u: SurveyRankInput) => (k < 0 ? s.get(u.code)!.overall.rank : s.get(u.code)!.factors[k].rank);
          const rankable = list.filter((u) => u.ranked && pick(u) !== null);
          const ranks = rankable.map(rankOf).sort((a, b) => a! - b!);
          expect(ranks).toEqual(rankable.map((_, i) => i + 1));
          for (const a of rankable) for (const b of rankable) if (pick(a)! > pick(b)!) expect(rankOf(a)!).toBeLessThan(rankOf(b)!);
        }
      }),
    );
  });

  it('property: factors up and down add up to at most the factors compared, "both" within them', () => {
    fc.assert(
      fc.property(unitsArb, unitsArb, (a, b) => {
        const make = (rows: typeof a) => rows.map((r, i) => input(`U${i}`, r.overall, r.f, { ranked: r.ranked }));
        const s = surveyStandings(rankSurveyUnits(make(b), rule('shared')), rankSurveyUnits(make(a), rule('shared')), self, rule('shared'));
        for (const st of s.values()) {
          const compared = st.factors.filter((f) => f.deltaIndex !== null).length;
          if (compared === 0) {
            expect(st.factorsUp).toBeNull();
            continue;
          }
          expect(st.factorsUp! + st.factorsDown!).toBeLessThanOrEqual(compared);
          expect(st.factorsUpBoth!).toBeLessThanOrEqual(st.factorsUp!);
          expect(st.factorsDownBoth!).toBeLessThanOrEqual(st.factorsDown!);
          for (const f of st.factors) if (f.deltaRank !== null) expect(f.deltaRank).toBe(f.previous!.rank! - f.rank!);
        }
      }),
    );
  });
});
