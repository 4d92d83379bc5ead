// What-if: a unit's total, index, rank and band with hypothetical scores, computed by the
// same engine as the real results; nothing is saved.
import type { BlockResult, CriterionNode, Score, UnitResult, YearResults } from '../domain';
import { emptyScore } from '../domain';
import { UserError } from '../errors';
import { attachYearOverYear, computeYear, leafCodes, scoreValueProblem, type YearScoringInput } from '../results';

/** A hypothetical score for one leaf, or for every leaf under a criterion or field. */
export interface HypotheticalScore {
  /** a leaf code, or the code of a criterion or field: then every leaf below it */
  criterionCode: string;
  /** points for a leaf; 'max' gives each leaf its full points */
  points: number | 'max';
}

export interface WhatIfOutcome {
  unitCode: string;
  before: UnitResult;
  after: UnitResult;
  blockBefore: BlockResult;
  blockAfter: BlockResult;
  /** the leaf scores used, by leaf code: hypothetical points */
  applied: { criterionCode: string; points: number }[];
}

/** The leaves at or below `code` in a framework, in document order. */
export function leavesUnder(nodes: CriterionNode[], code: string): CriterionNode[] {
  const leafSet = leafCodes(nodes);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const isUnder = (node: CriterionNode): boolean => {
    let current: CriterionNode | undefined = node;
    const seen = new Set<string>();
    while (current && !seen.has(current.code)) {
      if (current.code === code) return true;
      seen.add(current.code);
      current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
    }
    return false;
  };
  return nodes.filter((n) => leafSet.has(n.code) && isUnder(n));
}

/**
 * Recomputes the year with the unit's hypothetical scores (taken as appraised scores, so a
 * not-applicable leaf given points becomes applicable). `history` holds the results of
 * earlier years, for the change against last year. Refuses unknown codes and points a leaf
 * cannot take, naming each.
 */
export function whatIf(
  input: YearScoringInput,
  history: YearResults[],
  unitCode: string,
  hypothetical: HypotheticalScore[],
): WhatIfOutcome {
  const unit = input.units.find((u) => u.code === unitCode);
  if (!unit) throw new UserError(`Không có đơn vị mã "${unitCode}".`);
  const framework = input.frameworks.find((f) => f.blockCode === unit.blockCode);
  if (!framework) throw new UserError(`Năm ${input.year} chưa có bộ chỉ số cho khối của ${unit.name}.`);
  const problems: string[] = [];
  const applied = new Map<string, number>();
  for (const h of hypothetical) {
    const targets = leavesUnder(framework.nodes, h.criterionCode);
    if (targets.length === 0) {
      problems.push(`Bộ chỉ số năm ${input.year} của ${unit.name} không có tiêu chí mã "${h.criterionCode}".`);
      continue;
    }
    for (const leaf of targets) {
      const points = h.points === 'max' ? (leaf.maxPoints ?? 0) : h.points;
      const problem = scoreValueProblem(leaf, points, 'appraised');
      if (problem) problems.push(`${unit.name}, ${problem}`);
      else applied.set(leaf.code, points);
    }
  }
  if (problems.length) throw new UserError(problems.map((message) => ({ message })));

  const scores: Score[] = input.scores.map((s) =>
    s.unitCode === unitCode && applied.has(s.criterionCode)
      ? { ...s, appraisedScore: applied.get(s.criterionCode)!, notApplicable: false }
      : s,
  );
  const present = new Set(input.scores.filter((s) => s.unitCode === unitCode).map((s) => s.criterionCode));
  for (const [criterionCode, points] of applied) {
    if (present.has(criterionCode)) continue;
    scores.push({ ...emptyScore(unitCode, criterionCode), appraisedScore: points });
  }
  const onlyBlock = (i: YearScoringInput): YearScoringInput => ({
    ...i,
    frameworks: i.frameworks.filter((f) => f.blockCode === unit.blockCode),
  });
  const before = attachYearOverYear(computeYear(onlyBlock(input)), history, input.units);
  const after = attachYearOverYear(computeYear({ ...onlyBlock(input), scores }), history, input.units);
  const blockBefore = before.blocks.find((b) => b.code === unit.blockCode);
  const blockAfter = after.blocks.find((b) => b.code === unit.blockCode)!;
  const unitAfter = blockAfter.units.find((u) => u.code === unitCode)!;
  const unitBefore = blockBefore?.units.find((u) => u.code === unitCode);
  return {
    unitCode,
    before: unitBefore ?? { ...unitAfter, total: 0, index: null, rank: null, band: null, fields: [] },
    after: unitAfter,
    blockBefore: blockBefore ?? { ...blockAfter, units: [] },
    blockAfter,
    applied: [...applied].map(([criterionCode, points]) => ({ criterionCode, points })),
  };
}
