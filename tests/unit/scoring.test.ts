import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriterionNode, Score, Unit } from '../../shared/domain';
import { roundTo } from '../../shared/format';
import {
  bandFor,
  checkFramework,
  computeResults,
  computeYear,
  rankByIndex,
  type YearScoringInput,
} from '../../shared/results';

function node(code: string, parentCode: string | null, maxPoints: number | null, extra: Partial<CriterionNode> = {}): CriterionNode {
  return {
    code,
    parentCode,
    level: parentCode === null ? 1 : code.split('.').length,
    title: `Tiêu chí ${code}`,
    maxPoints,
    source: 'self',
    method: 'free',
    tiers: null,
    evidenceRequired: false,
    guidance: null,
    ...extra,
  };
}

function unit(code: string, extra: Partial<Unit> = {}): Unit {
  return { code, name: `Đơn vị ${code}`, blockCode: 'so', ranked: true, predecessors: [], sortOrder: 0, ...extra };
}

function score(unitCode: string, criterionCode: string, appraisedScore: number | null, extra: Partial<Score> = {}): Score {
  return {
    unitCode,
    criterionCode,
    selfScore: null,
    appraisedScore,
    appraisalRound: appraisedScore === null ? 0 : 1,
    notApplicable: false,
    reportedValue: null,
    evidence: null,
    explanation: null,
    note: null,
    needsReappraisal: false,
    ...extra,
  };
}

const nodes = [node('1', null, 6), node('1.1', '1', 4), node('1.2', '1', 2), node('2', null, 4)];

function input(year: number, units: Unit[], scores: Score[], extra: Partial<YearScoringInput> = {}): YearScoringInput {
  return {
    year,
    blocks: [{ code: 'so', name: 'Khối sở', sortOrder: 1 }],
    units,
    frameworks: [{ year, blockCode: 'so', nodes }],
    scores,
    settings: [{ year, blockCode: 'so', bands: [{ name: 'Tốt', min: 90 }, { name: 'Khá', min: 80 }, { name: 'Yếu', min: 0 }], precision: 2 }],
    ...extra,
  };
}

function fullScores(unitCode: string, a: number, b: number, c: number): Score[] {
  return [score(unitCode, '1.1', a), score(unitCode, '1.2', b), score(unitCode, '2', c)];
}

describe('unit figures', () => {
  it('sums leaves, computes index and field component indices', () => {
    const r = computeYear(input(2024, [unit('A')], fullScores('A', 3.5, 2, 3)));
    const a = r.blocks[0].units[0];
    expect(a.total).toBeCloseTo(8.5);
    expect(a.max).toBe(10);
    expect(a.index).toBeCloseTo(85);
    expect(a.band).toBe('Khá');
    expect(a.provisional).toBe(false);
    expect(a.fields.map((f) => [f.code, f.score, f.max])).toEqual([
      ['1', 5.5, 6],
      ['2', 3, 4],
    ]);
    expect(a.fields[0].index).toBeCloseTo((5.5 / 6) * 100);
  });

  it('takes the self score where no appraised score exists and marks the result provisional', () => {
    const scores = [score('A', '1.1', null, { selfScore: 4 }), score('A', '1.2', 2), score('A', '2', 4)];
    const a = computeYear(input(2024, [unit('A')], scores)).blocks[0].units[0];
    expect(a.total).toBe(10);
    expect(a.provisional).toBe(true);
  });

  it('counts a leaf with neither score as 0 and provisional', () => {
    const scores = [score('A', '1.1', 4), score('A', '2', 4)];
    const a = computeYear(input(2024, [unit('A')], scores)).blocks[0].units[0];
    expect(a.total).toBe(8);
    expect(a.max).toBe(10);
    expect(a.provisional).toBe(true);
  });

  it('leaves not-applicable leaves out of the maximum', () => {
    const scores = [score('A', '1.1', 4), score('A', '1.2', null, { notApplicable: true }), score('A', '2', 3)];
    const a = computeYear(input(2024, [unit('A')], scores)).blocks[0].units[0];
    expect(a.max).toBe(8);
    expect(a.index).toBeCloseTo(87.5);
    expect(a.provisional).toBe(false);
    expect(a.fields[0].max).toBe(4);
  });

  it('adds bonus and subtracts deductions within their caps, never outside 0..maximum', () => {
    const withExtras = [
      ...nodes,
      node('3', null, null),
      node('3.1', '3', 1, { method: 'bonus' }),
      node('3.2', '3', 2, { method: 'deduction' }),
    ];
    const base = input(2024, [unit('A'), unit('B')], [
      ...fullScores('A', 3, 2, 3),
      score('A', '3.1', 1),
      score('A', '3.2', 0.5),
      ...fullScores('B', 4, 2, 4),
      score('B', '3.1', 1),
      score('B', '3.2', 0),
    ]);
    base.frameworks = [{ year: 2024, blockCode: 'so', nodes: withExtras }];
    const r = computeYear(base).blocks[0].units;
    const a = r.find((u) => u.code === 'A')!;
    const b = r.find((u) => u.code === 'B')!;
    expect(a.max).toBe(10);
    expect(a.total).toBeCloseTo(8.5);
    expect(b.total).toBe(10);
  });
});

describe('ranking', () => {
  it('gives equal indices at the display precision the same rank: 1, 2, 2, 4', () => {
    const ranks = rankByIndex(
      [
        { code: 'A', index: 90 },
        { code: 'B', index: 85.004 },
        { code: 'C', index: 84.996 },
        { code: 'D', index: 80 },
      ],
      2,
    );
    expect([...ranks.entries()].sort()).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
  });

  it('ranks per block and leaves not-ranked units without a rank, out of the average', () => {
    const units = [unit('A'), unit('B', { ranked: false }), unit('C')];
    const scores = [...fullScores('A', 4, 2, 4), ...fullScores('B', 4, 2, 4), ...fullScores('C', 2, 1, 2)];
    const block = computeYear(input(2024, units, scores)).blocks[0];
    expect(block.units.map((u) => [u.code, u.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', null],
    ]);
    expect(block.average).toBeCloseTo((100 + 50) / 2);
  });

  it('puts a unit in the first band its index reaches', () => {
    const bands = [{ name: 'Khá', min: 80 }, { name: 'Tốt', min: 90 }, { name: 'Yếu', min: 0 }];
    expect(bandFor(95, bands, 2)).toBe('Tốt');
    expect(bandFor(89.999, bands, 2)).toBe('Tốt');
    expect(bandFor(89.99, bands, 2)).toBe('Khá');
    expect(bandFor(null, bands, 2)).toBeNull();
    expect(bandFor(50, [], 2)).toBeNull();
  });
});

describe('year over year', () => {
  it('compares a continuing unit with itself and counts places moved (positive = up)', () => {
    const y1 = input(2023, [unit('A'), unit('B')], [...fullScores('A', 4, 2, 4), ...fullScores('B', 3, 1, 3)]);
    const y2 = input(2024, [unit('A'), unit('B')], [...fullScores('A', 2, 1, 2), ...fullScores('B', 4, 2, 4)]);
    const r = computeResults([y1, y2], 2024).blocks[0].units;
    const b = r.find((u) => u.code === 'B')!;
    expect(b.previous).toEqual({ year: 2023, index: 70, rank: 2 });
    expect(b.deltaIndex).toBeCloseTo(30);
    expect(b.deltaRank).toBe(1);
    const a = r.find((u) => u.code === 'A')!;
    expect(a.deltaRank).toBe(-1);
  });

  it('follows one predecessor (rename) with rank, several (merger) with their mean index and no rank change', () => {
    const old = [unit('X1', { blockCode: 'xa' }), unit('X2', { blockCode: 'xa' }), unit('X3', { blockCode: 'xa' })];
    const renamed = unit('N1', { blockCode: 'xa', predecessors: ['X1'] });
    const merged = unit('N2', { blockCode: 'xa', predecessors: ['X2', 'X3'] });
    const all = [...old, renamed, merged];
    const blocks = [{ code: 'xa', name: 'Khối xã', sortOrder: 3 }];
    const fw = (year: number) => [{ year, blockCode: 'xa', nodes }];
    const y1: YearScoringInput = {
      year: 2024,
      blocks,
      units: all,
      frameworks: fw(2024),
      scores: [...fullScores('X1', 4, 2, 4), ...fullScores('X2', 3, 2, 3), ...fullScores('X3', 1, 1, 4)],
      settings: [],
    };
    const y2: YearScoringInput = {
      year: 2025,
      blocks,
      units: all,
      frameworks: fw(2025),
      scores: [...fullScores('N1', 4, 1, 4), ...fullScores('N2', 4, 2, 4)],
      settings: [],
    };
    const r = computeResults([y1, y2], 2025).blocks[0].units;
    const n1 = r.find((u) => u.code === 'N1')!;
    const n2 = r.find((u) => u.code === 'N2')!;
    expect(n1.previous).toEqual({ year: 2024, index: 100, rank: 1 });
    expect(n1.deltaIndex).toBeCloseTo(-10);
    expect(n1.deltaRank).toBe(-1);
    expect(n2.previous).toEqual({ year: 2024, index: 70, rank: null });
    expect(n2.deltaIndex).toBeCloseTo(30);
    expect(n2.deltaRank).toBeNull();
  });

  it('does not treat predecessors that still take part as lineage of a unit that keeps its code', () => {
    // 2025: K keeps its code and absorbs M; in 2024 both still take part on their own
    const k = unit('K', { predecessors: ['M'] });
    const m = unit('M');
    const y1 = input(2023, [k, m], [...fullScores('K', 2, 1, 2), ...fullScores('M', 4, 2, 4)]);
    const y2 = input(2024, [k, m], [...fullScores('K', 4, 2, 4), ...fullScores('M', 3, 1, 3)]);
    const y3 = input(2025, [k, m], fullScores('K', 4, 1, 4));
    const k2024 = computeResults([y1, y2], 2024).blocks[0].units.find((u) => u.code === 'K')!;
    expect(k2024.previous).toEqual({ year: 2023, index: 50, rank: 2 });
    expect(k2024.deltaRank).toBe(1);
    const k2025 = computeResults([y1, y2, y3], 2025).blocks[0].units[0];
    expect(k2025.previous).toEqual({ year: 2024, index: 85, rank: null });
  });

  it('takes the latest earlier year that has results for the block', () => {
    const y1 = input(2022, [unit('A')], fullScores('A', 2, 1, 2));
    const y2 = input(2023, [unit('A')], []);
    const y3 = input(2024, [unit('A')], fullScores('A', 4, 2, 4));
    const a = computeResults([y1, y2, y3], 2024).blocks[0].units[0];
    expect(a.previous?.year).toBe(2022);
    expect(a.deltaIndex).toBeCloseTo(50);
  });

  it('has no change for a new unit', () => {
    const y1 = input(2023, [unit('A'), unit('B')], fullScores('A', 2, 1, 2));
    const y2 = input(2024, [unit('A'), unit('B')], [...fullScores('A', 2, 1, 2), ...fullScores('B', 2, 1, 2)]);
    const b = computeResults([y1, y2], 2024).blocks[0].units.find((u) => u.code === 'B')!;
    expect(b.previous).toBeNull();
    expect(b.deltaIndex).toBeNull();
    expect(b.deltaRank).toBeNull();
  });
});

describe('framework checks', () => {
  it('refuses a parent maximum that differs from the sum of its children', () => {
    const problems = checkFramework([node('1', null, 5), node('1.1', '1', 4), node('1.2', '1', 2)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('tổng điểm tối đa các tiêu chí con là 6');
  });
  it('accepts a parent without a written maximum and refuses duplicate codes', () => {
    expect(checkFramework([node('1', null, null), node('1.1', '1', 4)])).toEqual([]);
    expect(checkFramework([node('1', null, 4), node('1', null, 4)]).length).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  const leafMax = [4, 2, 4];
  const arbUnitScores = fc.array(
    fc.record({
      scores: fc.tuple(
        ...leafMax.map((m) => fc.option(fc.double({ min: 0, max: m, noNaN: true }), { nil: null })),
      ),
      na: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
      ranked: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  );

  function build(units: { scores: (number | null)[]; na: boolean[]; ranked: boolean }[]) {
    const codes = ['1.1', '1.2', '2'];
    return input(
      2024,
      units.map((u, i) => unit(`U${String(i).padStart(2, '0')}`, { ranked: u.ranked })),
      units.flatMap((u, i) =>
        codes.map((c, j) => score(`U${String(i).padStart(2, '0')}`, c, u.scores[j], { notApplicable: u.na[j] })),
      ),
    );
  }

  it('keeps every total within 0..maximum and every index within 0..100', () => {
    fc.assert(
      fc.property(arbUnitScores, (units) => {
        for (const u of computeYear(build(units)).blocks[0].units) {
          expect(u.total).toBeGreaterThanOrEqual(0);
          expect(u.total).toBeLessThanOrEqual(u.max + 1e-9);
          if (u.index !== null) {
            expect(u.index).toBeGreaterThanOrEqual(0);
            expect(u.index).toBeLessThanOrEqual(100 + 1e-9);
          } else expect(u.max).toBe(0);
        }
      }),
    );
  });

  it('produces a valid competition ranking of the ranked units', () => {
    fc.assert(
      fc.property(arbUnitScores, (units) => {
        const ranked = computeYear(build(units)).blocks[0].units.filter((u) => u.rank !== null);
        for (const u of ranked) {
          const better = ranked.filter((o) => roundTo(o.index!, 2) > roundTo(u.index!, 2)).length;
          expect(u.rank).toBe(better + 1);
        }
      }),
    );
  });

  it('does not depend on the order of its input rows', () => {
    fc.assert(
      fc.property(arbUnitScores, fc.integer(), (units, seed) => {
        const a = build(units);
        const shuffle = <T,>(xs: T[]) => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const b = { ...a, units: shuffle(a.units), scores: shuffle(a.scores) };
        expect(computeYear(b)).toEqual(computeYear(a));
      }),
    );
  });
});
