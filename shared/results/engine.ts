import type {
  CriterionNode,
  Band,
  BlockResult,
  BlockSettings,
  Framework,
  PreviousFigures,
  Score,
  Unit,
  UnitResult,
  YearResults,
  FieldResult,
  TieRule,
} from '../domain';
import { DEFAULT_PRECISION } from '../domain';
import { roundTo } from '../format';
import { countsInMaximum, fieldOf, leaves } from '../framework/tree';
import { participatingCodes } from '../units/participation';
import { attachFieldChanges, rankBy, rankFields } from './components';
import type { YearScoringInput } from './types';

/** Leaf score = appraised if present, else self; neither counts 0. */
export function leafScore(score: Score | undefined): number {
  if (!score) return 0;
  return score.appraisedScore ?? score.selfScore ?? 0;
}

/** Competition ranking on indices rounded to `precision`: 1, 2, 2, 4. Returns rank per code. */
export function rankByIndex(entries: { code: string; index: number | null }[], precision: number): Map<string, number> {
  return rankBy(entries, precision, 'shared');
}

/** The first band (highest minimum first) whose minimum the index, at display precision, reaches. */
export function bandFor(index: number | null, bands: Band[], precision: number): string | null {
  if (index === null || bands.length === 0) return null;
  const shown = roundTo(index, precision);
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => shown >= b.min)?.name ?? null;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** What every unit of a framework needs, computed once per framework. */
interface FrameworkPlan {
  leaves: CriterionNode[];
  fieldOfLeaf: string[];
  fields: CriterionNode[];
}

function planFramework(framework: Framework): FrameworkPlan {
  const fieldCode = fieldOf(framework.nodes);
  const leafList = leaves(framework.nodes);
  return {
    leaves: leafList,
    fieldOfLeaf: leafList.map((l) => fieldCode.get(l.code)!),
    fields: framework.nodes.filter((n) => n.parentCode === null),
  };
}

function unitFigures(plan: FrameworkPlan, scores: Map<string, Score>) {
  let submitted = false;
  for (const s of scores.values()) if (s.selfScore !== null) submitted = true;
  const fieldTotals = new Map<string, { score: number; max: number }>();
  for (const f of plan.fields) fieldTotals.set(f.code, { score: 0, max: 0 });
  let total = 0;
  let max = 0;
  let provisional = false;
  plan.leaves.forEach((leaf, i) => {
    const score = scores.get(leaf.code);
    if (score?.notApplicable) return;
    if (score?.appraisedScore === null || score?.appraisedScore === undefined) provisional = true;
    const cap = leaf.maxPoints ?? 0;
    const raw = Math.min(Math.max(leafScore(score), 0), cap);
    const field = fieldTotals.get(plan.fieldOfLeaf[i])!;
    const signed = leaf.method === 'deduction' ? -raw : raw;
    total += signed;
    field.score += signed;
    if (countsInMaximum(leaf)) {
      max += cap;
      field.max += cap;
    }
  });
  // Bonus points cannot lift a unit above its maximum, deductions not below zero.
  total = Math.min(Math.max(total, 0), max);
  const fields: FieldResult[] = plan.fields.map((n) => {
    const f = fieldTotals.get(n.code)!;
    const score = Math.min(Math.max(f.score, 0), f.max);
    const index = f.max > 0 ? (score / f.max) * 100 : null;
    return { code: n.code, title: n.title, score, max: f.max, index, rank: null, previous: null, deltaIndex: null, deltaRank: null };
  });
  return { total, max, index: max > 0 ? (total / max) * 100 : null, provisional, submitted, scored: scores.size > 0, fields };
}

function settingsFor(settings: BlockSettings[], blockCode: string): { bands: Band[]; precision: number; ties: TieRule } {
  const s = settings.find((x) => x.blockCode === blockCode);
  return { bands: s?.bands ?? [], precision: s?.precision ?? DEFAULT_PRECISION, ties: s?.ties ?? 'shared' };
}

/** The units taking part in the input's year: as given, or by the participation rule from its own rows. */
function participantsOf(input: YearScoringInput, scoresByUnit: Map<string, Map<string, Score>>): Set<string> {
  if (input.participants) return new Set(input.participants);
  return participatingCodes({
    year: input.year,
    units: input.units,
    blocksWithFramework: new Set(input.frameworks.map((f) => f.blockCode)),
    dataYears: new Map([...scoresByUnit.keys()].map((code) => [code, [input.year]])),
    overrides: new Map(),
  });
}

/**
 * Totals, indices, field component indices, ranks, bands and block averages of one year,
 * without the comparison with earlier years, for the units taking part (those without a
 * score count 0 and are provisional).
 */
export function computeYear(input: YearScoringInput): YearResults {
  const scoresByUnit = new Map<string, Map<string, Score>>();
  for (const s of input.scores) {
    let m = scoresByUnit.get(s.unitCode);
    if (!m) scoresByUnit.set(s.unitCode, (m = new Map()));
    m.set(s.criterionCode, s);
  }
  const participants = participantsOf(input, scoresByUnit);
  const noScores = new Map<string, Score>();
  const blocks: BlockResult[] = [];
  const sortedBlocks = [...input.blocks].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  for (const block of sortedBlocks) {
    const framework = input.frameworks.find((f) => f.blockCode === block.code);
    if (!framework) continue;
    const { bands, precision, ties } = settingsFor(input.settings, block.code);
    const plan = planFramework(framework);
    const units = input.units
      .filter((u) => u.blockCode === block.code && participants.has(u.code))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    if (units.length === 0) continue;
    const results: UnitResult[] = units.map((u) => {
      const f = unitFigures(plan, scoresByUnit.get(u.code) ?? noScores);
      return {
        code: u.code,
        name: u.name,
        blockCode: block.code,
        ranked: u.ranked,
        total: f.total,
        max: f.max,
        index: f.index,
        rank: null,
        band: bandFor(f.index, bands, precision),
        provisional: f.provisional,
        submitted: f.submitted,
        scored: f.scored,
        fields: f.fields,
        previous: null,
        deltaIndex: null,
        deltaRank: null,
        fieldsUp: null,
        fieldsDown: null,
        fieldsUpBoth: null,
        fieldsDownBoth: null,
      };
    });
    const ranks = rankBy(
      results.filter((r) => r.ranked).map((r) => ({ code: r.code, index: r.index, points: r.total })),
      precision,
      ties,
    );
    for (const r of results) r.rank = ranks.get(r.code) ?? null;
    rankFields(results, precision, ties);
    results.sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        (b.index ?? -1) - (a.index ?? -1) ||
        a.code.localeCompare(b.code),
    );
    const average = mean(results.filter((r) => r.ranked && r.index !== null).map((r) => r.index!));
    blocks.push({ code: block.code, name: block.name, average, precision, ties, units: results });
  }
  return { year: input.year, blocks };
}

/**
 * The results a unit compares with: from the latest earlier year that has results for its
 * block, the unit itself (same code) or its predecessors. Predecessors that still take part
 * in the current year (a unit that keeps its code and absorbs others later) are not yet its
 * lineage in that year.
 */
export function lineageResults(
  unit: Unit,
  history: YearResults[],
  year: number,
  takingPart: ReadonlySet<string> = new Set(),
): { year: number; units: UnitResult[] } | null {
  const earlier = history
    .filter((h) => h.year < year && h.blocks.some((b) => b.code === unit.blockCode && b.units.some((u) => u.scored)))
    .sort((a, b) => b.year - a.year)[0];
  if (!earlier) return null;
  const byCode = new Map<string, UnitResult>();
  for (const b of earlier.blocks) for (const u of b.units) byCode.set(u.code, u);
  const predecessors = unit.predecessors.filter((p) => !takingPart.has(p));
  const lineage = predecessors.length ? [...predecessors] : [unit.code];
  if (predecessors.length && byCode.has(unit.code) && !lineage.includes(unit.code)) lineage.push(unit.code);
  const found = lineage.map((c) => byCode.get(c)).filter((u): u is UnitResult => u !== undefined && u.scored && u.index !== null);
  return found.length ? { year: earlier.year, units: found } : null;
}

/**
 * The figures a unit compares with (see lineageResults): the unit itself or its one
 * predecessor give index and rank; several predecessors give the mean of their indices and
 * no rank.
 */
export function previousFigures(
  unit: Unit,
  history: YearResults[],
  year: number,
  takingPart: ReadonlySet<string> = new Set(),
): PreviousFigures | null {
  return figuresOf(lineageResults(unit, history, year, takingPart));
}

function figuresOf(lineage: { year: number; units: UnitResult[] } | null): PreviousFigures | null {
  if (!lineage) return null;
  const found = lineage.units;
  if (found.length === 1) return { year: lineage.year, index: found[0].index!, rank: found[0].rank };
  return { year: lineage.year, index: mean(found.map((u) => u.index!))!, rank: null };
}

/** Fills previous figures and the year-over-year change of every unit of `current` and of its fields. */
export function attachYearOverYear(current: YearResults, history: YearResults[], units: Unit[]): YearResults {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const takingPart = new Set(current.blocks.flatMap((b) => b.units.map((u) => u.code)));
  for (const block of current.blocks) {
    for (const r of block.units) {
      const unit = unitByCode.get(r.code);
      if (!unit) continue;
      const lineage = lineageResults(unit, history, current.year, takingPart);
      attachFieldChanges(r, lineage?.units ?? [], block.precision ?? DEFAULT_PRECISION);
      const prev = figuresOf(lineage);
      r.previous = prev;
      r.deltaIndex = prev && r.index !== null ? r.index - prev.index : null;
      r.deltaRank = prev && prev.rank !== null && r.rank !== null ? prev.rank - r.rank : null;
    }
  }
  return current;
}

/**
 * The earlier years whose results `year` compares with: for each block, the latest earlier
 * year with results for it. `blocksByYear` names the blocks that have scores in each year.
 */
export function comparisonYears(blocksByYear: Map<number, Set<string>>, year: number): number[] {
  const needed = new Set<number>();
  const blocks = new Set<string>();
  for (const set of blocksByYear.values()) for (const b of set) blocks.add(b);
  for (const block of blocks) {
    const earlier = [...blocksByYear.entries()]
      .filter(([y, set]) => y < year && set.has(block))
      .map(([y]) => y)
      .sort((a, b) => b - a)[0];
    if (earlier !== undefined) needed.add(earlier);
  }
  return [...needed].sort((a, b) => a - b);
}

/** Results of `year` with year-over-year change, from the inputs of that year and earlier ones. */
export function computeResults(inputs: YearScoringInput[], year: number): YearResults {
  const target = inputs.find((i) => i.year === year);
  if (!target) return { year, blocks: [] };
  const history = inputs.filter((i) => i.year < year).map(computeYear);
  return attachYearOverYear(computeYear(target), history, target.units);
}
