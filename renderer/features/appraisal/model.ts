// The appraisal screen's model, apart from React: scores keyed by unit and leaf, edits and
// their inverses for undo, the tree rows of one unit, and the instant preview of ranks.
import type { ChannelOutput, ScoreChangeInput, ScorePatchInput } from '../../../shared/contract';
import { emptyScore, type BlockResult, type CriterionNode, type Score, type UnitResult } from '../../../shared/domain';
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import { computeYear, leafCodes, scoreValueProblem } from '../../../shared/scoring';

export type BlockData = ChannelOutput<'appraisal:block'>;
export type ScoreMap = Map<string, Score>;

export const scoreKey = (unitCode: string, criterionCode: string) => `${unitCode}\u0001${criterionCode}`;

export function indexScores(scores: Score[]): ScoreMap {
  return new Map(scores.map((s) => [scoreKey(s.unitCode, s.criterionCode), s]));
}

/** The scores after `changes`, as a new map (the old one is left as it was). */
export function applyLocally(scores: ScoreMap, changes: ScoreChangeInput[]): ScoreMap {
  const next = new Map(scores);
  for (const c of changes) {
    const k = scoreKey(c.unitCode, c.criterionCode);
    const before = next.get(k) ?? emptyScore(c.unitCode, c.criterionCode);
    next.set(k, { ...before, ...definedOnly(c.patch) });
  }
  return next;
}

function definedOnly(patch: ScorePatchInput): Partial<Score> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Score>;
}

/** The changes that put back what `changes` overwrite. */
export function inverseOf(scores: ScoreMap, changes: ScoreChangeInput[]): ScoreChangeInput[] {
  return changes.map((c) => {
    const before = scores.get(scoreKey(c.unitCode, c.criterionCode)) ?? emptyScore(c.unitCode, c.criterionCode);
    const patch: Record<string, unknown> = {};
    for (const field of Object.keys(c.patch) as (keyof ScorePatchInput)[]) patch[field] = before[field];
    return { unitCode: c.unitCode, criterionCode: c.criterionCode, patch: patch as ScorePatchInput };
  });
}

/** A typed appraised score: a number (decimal comma or point), blank to clear, or the reason it is refused. */
export function parseAppraised(
  node: CriterionNode,
  unitName: string,
  typed: unknown,
): { value: number | null } | { problem: string } {
  if (typed === null || typed === undefined) return { value: null };
  if (typeof typed === 'number') return check(node, unitName, typed);
  const text = String(typed).trim();
  if (text === '') return { value: null };
  const value = parseLocaleNumber(text);
  if (value === null) {
    return { problem: `${unitName}, tiêu chí ${node.code}: "${text}" không phải là số; hãy nhập số, dùng dấu phẩy cho phần thập phân (ví dụ 2,5).` };
  }
  return check(node, unitName, value);
}

function check(node: CriterionNode, unitName: string, value: number): { value: number } | { problem: string } {
  const problem = scoreValueProblem(node, value, 'appraised');
  return problem ? { problem: `${unitName}, ${problem}` } : { value };
}

/** The patch that sets an appraised score: a first score also marks the first appraisal round. */
export function appraisedPatch(current: Score | undefined, value: number | null): ScorePatchInput {
  const patch: ScorePatchInput = { appraisedScore: value };
  if (value !== null && (current?.appraisalRound ?? 0) === 0) patch.appraisalRound = 1;
  return patch;
}

/** Results of the block computed here, at once, from the scores on screen. */
export function previewBlock(data: BlockData, scores: ScoreMap): BlockResult | null {
  const block = data.results.blocks.find((b) => b.code === data.blockCode);
  const year = computeYear({
    year: data.year,
    blocks: [{ code: data.blockCode, name: block?.name ?? data.blockCode, sortOrder: 0 }],
    units: data.units,
    frameworks: [{ year: data.year, blockCode: data.blockCode, nodes: data.nodes }],
    scores: [...scores.values()],
    settings: [data.settings],
  });
  return year.blocks[0] ?? null;
}

export function unitResultOf(block: BlockResult | null | undefined, unitCode: string): UnitResult | null {
  return block?.units.find((u) => u.code === unitCode) ?? null;
}

export interface TreeRow {
  id: string;
  node: CriterionNode;
  depth: number;
  isLeaf: boolean;
  hasChildren: boolean;
  expanded: boolean;
  max: number;
  self: number | null;
  appraised: number | null;
  score: Score | undefined;
}

/** The visible rows of one unit's tree (children of collapsed nodes hidden), with parent sums. */
export function treeRows(nodes: CriterionNode[], unitCode: string, scores: ScoreMap, collapsed: Set<string>): TreeRow[] {
  const leafSet = leafCodes(nodes);
  const children = new Map<string | null, CriterionNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parentCode) ?? [];
    list.push(n);
    children.set(n.parentCode, list);
  }
  const sums = new Map<string, { max: number; self: number | null; appraised: number | null }>();
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  const sumOf = (n: CriterionNode): { max: number; self: number | null; appraised: number | null } => {
    if (leafSet.has(n.code)) {
      const s = scores.get(scoreKey(unitCode, n.code));
      if (s?.notApplicable) return { max: 0, self: null, appraised: null };
      const sign = n.method === 'deduction' ? -1 : 1;
      const inMax = n.method !== 'bonus' && n.method !== 'deduction';
      return {
        max: inMax ? (n.maxPoints ?? 0) : 0,
        self: s?.selfScore === null || s?.selfScore === undefined ? null : sign * s.selfScore,
        appraised: s?.appraisedScore === null || s?.appraisedScore === undefined ? null : sign * s.appraisedScore,
      };
    }
    let total = { max: 0, self: null as number | null, appraised: null as number | null };
    for (const c of children.get(n.code) ?? []) {
      const cs = sumOf(c);
      total = { max: total.max + cs.max, self: add(total.self, cs.self), appraised: add(total.appraised, cs.appraised) };
    }
    sums.set(n.code, total);
    return total;
  };
  for (const root of children.get(null) ?? []) sumOf(root);

  const rows: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of children.get(parent) ?? []) {
      const isLeaf = leafSet.has(n.code);
      const s = scores.get(scoreKey(unitCode, n.code));
      const sum = sums.get(n.code);
      rows.push({
        id: n.code,
        node: n,
        depth,
        isLeaf,
        hasChildren: !isLeaf,
        expanded: !collapsed.has(n.code),
        max: isLeaf ? (n.maxPoints ?? 0) : (n.maxPoints ?? sum?.max ?? 0),
        self: isLeaf ? (s?.selfScore ?? null) : (sum?.self ?? null),
        appraised: isLeaf ? (s?.appraisedScore ?? null) : (sum?.appraised ?? null),
        score: s,
      });
      if (!isLeaf && !collapsed.has(n.code)) walk(n.code, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** Numbers pasted from a spreadsheet: one row per line, cells split by tabs. */
export function pastedCells(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value, 3);
}
