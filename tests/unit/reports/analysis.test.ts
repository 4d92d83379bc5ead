import { describe, expect, it } from 'vitest';
import type { BlockResult, CriterionNode, Framework, Score, UnitResult, YearResults } from '../../../shared/domain';
import {
  appraisalNotes,
  blockFieldAverages,
  blockLeafLosses,
  largestLosses,
  leavesUnder,
  previousFieldIndices,
  selfAboveAppraised,
  unitLeafLosses,
} from '../../../shared/compare';

function node(code: string, parentCode: string | null, maxPoints: number, method: CriterionNode['method'] = 'free'): CriterionNode {
  return {
    code,
    parentCode,
    level: parentCode === null ? 1 : code.split('.').length,
    title: `Tiêu chí ${code}`,
    maxPoints,
    source: 'self',
    method,
    tiers: null,
    evidenceRequired: false,
    guidance: null,
  };
}

const framework: Framework = {
  year: 2025,
  blockCode: 'so',
  nodes: [
    node('I', null, 6),
    node('1.1', 'I', 2),
    node('1.2', 'I', 4),
    node('II', null, 6),
    node('2.1', 'II', 6),
    node('2.1.1', '2.1', 3),
    node('2.1.2', '2.1', 3),
    node('2.2', 'II', 1, 'bonus'),
    node('2.3', 'II', 2, 'deduction'),
  ],
};

function score(unitCode: string, criterionCode: string, appraised: number | null, extra: Partial<Score> = {}): Score {
  return {
    unitCode,
    criterionCode,
    selfScore: appraised,
    appraisedScore: appraised,
    appraisalRound: 1,
    notApplicable: false,
    reportedValue: null,
    evidence: null,
    explanation: null,
    note: null,
    needsReappraisal: false,
    ...extra,
  };
}

const scores: Score[] = [
  score('A', '1.1', 2),
  score('A', '1.2', 2.5, { selfScore: 4, note: 'Chưa có báo cáo đánh giá kết quả kế hoạch.' }),
  score('A', '2.1.1', 1, { selfScore: 1.5 }),
  score('A', '2.1.2', 3),
  score('A', '2.2', 1),
  score('A', '2.3', 0.5, { note: '  ' }),
  score('B', '1.1', 0),
  score('B', '1.2', 4),
  score('B', '2.1.1', null, { notApplicable: true }),
  score('B', '2.1.2', 2),
];

describe('points lost by one unit', () => {
  const losses = unitLeafLosses(framework, scores, 'A');

  it('gives every applicable leaf its lost points, bonus losing nothing and deduction losing what it takes', () => {
    expect(losses.map((l) => [l.code, l.fieldCode, l.score, l.lost])).toEqual([
      ['1.1', 'I', 2, 0],
      ['1.2', 'I', 2.5, 1.5],
      ['2.1.1', 'II', 1, 2],
      ['2.1.2', 'II', 3, 0],
      ['2.2', 'II', 1, 0],
      ['2.3', 'II', 0.5, 0.5],
    ]);
  });

  it('leaves out not-applicable leaves and counts a missing score as nothing kept', () => {
    const b = unitLeafLosses(framework, scores, 'B');
    expect(b.map((l) => l.code)).toEqual(['1.1', '1.2', '2.1.2', '2.2', '2.3']);
    expect(b.find((l) => l.code === '1.1')!.lost).toBe(2);
    expect(b.find((l) => l.code === '2.2')!.lost).toBe(0);
  });

  it('orders the largest losses and the self scores above the appraisal', () => {
    expect(largestLosses(losses, 2).map((l) => l.code)).toEqual(['2.1.1', '1.2']);
    expect(largestLosses(losses, 10).map((l) => l.code)).toEqual(['2.1.1', '1.2', '2.3']);
    expect(selfAboveAppraised(losses).map((l) => [l.code, l.selfAboveAppraised])).toEqual([
      ['1.2', 1.5],
      ['2.1.1', 0.5],
    ]);
  });

  it('keeps only real appraisal notes', () => {
    expect(appraisalNotes(losses).map((l) => l.code)).toEqual(['1.2']);
  });
});

describe('points lost by a block', () => {
  it('is a Pareto of leaves with the units behind each', () => {
    const block = blockLeafLosses(framework, scores, [
      { code: 'A', name: 'Sở Tài chính' },
      { code: 'B', name: 'Sở Tư pháp' },
    ]);
    expect(block.map((l) => [l.code, l.lost, l.units.map((u) => u.unitCode), l.applicableUnits])).toEqual([
      ['1.1', 2, ['B'], 2],
      ['2.1.1', 2, ['A'], 1],
      ['1.2', 1.5, ['A'], 2],
      ['2.1.2', 1, ['B'], 2],
      ['2.3', 0.5, ['A'], 2],
    ]);
    expect(block.map((l) => Number(l.share.toFixed(4)))).toEqual([28.5714, 28.5714, 21.4286, 14.2857, 7.1429]);
    expect(block.at(-1)!.cumulativeShare).toBeCloseTo(100, 10);
    expect(block[1].cumulativeShare).toBeCloseTo(57.142857, 5);
  });
});

describe('leaves under a code', () => {
  it('expands a field or criterion to its leaves and keeps a leaf as itself', () => {
    expect(leavesUnder(framework.nodes, 'II').map((n) => n.code)).toEqual(['2.1.1', '2.1.2', '2.2', '2.3']);
    expect(leavesUnder(framework.nodes, '2.1').map((n) => n.code)).toEqual(['2.1.1', '2.1.2']);
    expect(leavesUnder(framework.nodes, '1.2').map((n) => n.code)).toEqual(['1.2']);
    expect(leavesUnder(framework.nodes, '9.9')).toEqual([]);
  });
});

function unit(code: string, ranked: boolean, fieldIndices: Record<string, number | null>): UnitResult {
  return {
    code,
    name: code,
    blockCode: 'so',
    ranked,
    total: 0,
    max: 0,
    index: 80,
    rank: null,
    band: null,
    provisional: false,
    submitted: true,
    scored: true,
    fields: Object.entries(fieldIndices).map(([c, index]) => ({ code: c, title: c, score: 0, max: 10, index, rank: null, previous: null, deltaIndex: null, deltaRank: null })),
    previous: null,
    deltaIndex: null,
    deltaRank: null,
    fieldsUp: null,
    fieldsDown: null,
    fieldsUpBoth: null,
    fieldsDownBoth: null,
  };
}

describe('field figures', () => {
  it('averages component indices over ranked units only', () => {
    const block: BlockResult = {
      code: 'so',
      name: 'Khối sở',
      average: 80,
      units: [unit('A', true, { I: 90, II: 70 }), unit('B', true, { I: 80, II: null }), unit('C', false, { I: 10, II: 10 })],
    };
    expect([...blockFieldAverages(block)]).toEqual([
      ['I', 85],
      ['II', 70],
    ]);
  });

  it('follows lineage for last year per field: one predecessor, or the mean of a merger', () => {
    const earlier: YearResults = {
      year: 2024,
      blocks: [{ code: 'xa', name: 'Khối xã', average: null, units: [unit('X1', true, { I: 90, II: 60 }), unit('X2', true, { I: 70, II: 80 })] }],
    };
    expect([...previousFieldIndices({ code: 'N1', predecessors: ['X1', 'X2'] }, earlier)]).toEqual([
      ['I', 80],
      ['II', 70],
    ]);
    expect([...previousFieldIndices({ code: 'X2', predecessors: [] }, earlier)]).toEqual([
      ['I', 70],
      ['II', 80],
    ]);
    expect(previousFieldIndices({ code: 'N9', predecessors: [] }, earlier).size).toBe(0);
  });
});
