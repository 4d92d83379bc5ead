// The appraisal screen's model, apart from React: scores keyed by unit and leaf, edits and
// their inverses for undo, the tree rows of one unit, the rows of the block matrix, and the
// instant preview of ranks while a score is typed.
import type { ChannelOutput, ScoreChangeInput, ScorePatchInput } from '../../../shared/contract';
import { emptyScore, type BlockResult, type CriterionNode, type Score, type UnitResult } from '../../../shared/domain';
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import { computeYear, leafCodes, scoreValueProblem } from '../../../shared/results';

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
function previewBlock(data: BlockData, scores: ScoreMap): BlockResult | null {
  const block = data.results.blocks.find((b) => b.code === data.blockCode);
  const year = computeYear({
    year: data.year,
    blocks: [{ code: data.blockCode, name: block?.name ?? data.blockCode, sortOrder: 0 }],
    units: data.units,
    frameworks: [{ year: data.year, blockCode: data.blockCode, nodes: data.nodes }],
    scores: [...scores.values()],
    settings: [data.settings],
    participants: data.units.map((u) => u.code),
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
export function treeRows(nodes: CriterionNode[], unitCode: string, scores: ScoreMap, collapsed: ReadonlySet<string>): TreeRow[] {
  const leafSet = leafCodes(nodes);
  const children = new Map<string | null, CriterionNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parentCode) ?? [];
    list.push(n);
    children.set(n.parentCode, list);
  }
  // a parent's appraised column holds the unit's current points under it (appraised, else
  // self), so that the rows add up to the total the engine computes
  type Sum = { max: number; self: number | null; current: number | null };
  const sums = new Map<string, Sum>();
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  const sumOf = (n: CriterionNode): Sum => {
    if (leafSet.has(n.code)) {
      const s = scores.get(scoreKey(unitCode, n.code));
      if (s?.notApplicable) return { max: 0, self: null, current: null };
      const sign = n.method === 'deduction' ? -1 : 1;
      const inMax = n.method !== 'bonus' && n.method !== 'deduction';
      const self = s?.selfScore ?? null;
      const current = s?.appraisedScore ?? self;
      return { max: inMax ? (n.maxPoints ?? 0) : 0, self: self === null ? null : sign * self, current: current === null ? null : sign * current };
    }
    let total: Sum = { max: 0, self: null, current: null };
    for (const c of children.get(n.code) ?? []) {
      const cs = sumOf(c);
      total = { max: total.max + cs.max, self: add(total.self, cs.self), current: add(total.current, cs.current) };
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
        appraised: isLeaf ? (s?.appraisedScore ?? null) : (sum?.current ?? null),
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

/** A row of the block matrix: a unit, its result as previewed, and its score of every leaf. */
export interface MatrixRow {
  unitCode: string;
  unitName: string;
  ranked: boolean;
  total: number | null;
  index: number | null;
  rank: number | null;
  provisional: boolean;
  scores: Record<string, Score | undefined>;
}

export function matrixRows(data: BlockData, scores: ScoreMap, preview: BlockResult | null, leafNodes: CriterionNode[]): MatrixRow[] {
  const resultByUnit = new Map(preview?.units.map((u) => [u.code, u]) ?? []);
  return data.units.map((u) => {
    const r = resultByUnit.get(u.code);
    const own: Record<string, Score | undefined> = {};
    for (const leaf of leafNodes) own[leaf.code] = scores.get(scoreKey(u.code, leaf.code));
    return {
      unitCode: u.code,
      unitName: u.name,
      ranked: u.ranked,
      total: r?.total ?? null,
      index: r?.index ?? null,
      rank: r?.rank ?? null,
      provisional: r?.provisional ?? true,
      scores: own,
    };
  });
}

/** Two rows of the same unit show the same: the grid need not draw it again. */
export function sameMatrixRow(a: MatrixRow, b: MatrixRow): boolean {
  if (a.total !== b.total || a.index !== b.index || a.rank !== b.rank || a.provisional !== b.provisional || a.unitName !== b.unitName) return false;
  const codes = new Set([...Object.keys(a.scores), ...Object.keys(b.scores)]);
  for (const code of codes) if (a.scores[code] !== b.scores[code]) return false;
  return true;
}

export function isTreeRow(row: unknown): row is TreeRow {
  return typeof row === 'object' && row !== null && 'node' in row;
}

/** The top-level field of each leaf: the column group it stands under in the matrix. */
export function fieldOfLeaves(nodes: CriterionNode[], leafNodes: CriterionNode[]): Map<string, string> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const fieldOf = new Map<string, string>();
  for (const leaf of leafNodes) {
    let top = leaf;
    while (top.parentCode && byCode.get(top.parentCode)) top = byCode.get(top.parentCode)!;
    fieldOf.set(leaf.code, top.code);
  }
  return fieldOf;
}

/** A score being typed, before Enter: the preview ranks the block with it. */
export interface Draft {
  unitCode: string;
  code: string;
  text: string;
}

export type ParsedDraft = Draft & { parsed: ReturnType<typeof parseAppraised> };

export function parseDraft(draft: Draft | null, nodeByCode: Map<string, CriterionNode>, unitName: (code: string) => string): ParsedDraft | null {
  const node = draft ? nodeByCode.get(draft.code) : undefined;
  return draft && node ? { ...draft, parsed: parseAppraised(node, unitName(draft.unitCode), draft.text) } : null;
}

/** The block's results with the scores on screen and the score being typed, if it reads. */
export function previewWithDraft(data: BlockData, scores: ScoreMap, draft: ParsedDraft | null): BlockResult | null {
  if (!draft || !('value' in draft.parsed)) return previewBlock(data, scores);
  const current = scores.get(scoreKey(draft.unitCode, draft.code));
  return previewBlock(data, applyLocally(scores, [{ unitCode: draft.unitCode, criterionCode: draft.code, patch: appraisedPatch(current, draft.parsed.value) }]));
}

/** Where a paste lands: the cell in focus, in the unit's tree or in the block matrix. */
export type PasteTarget =
  | { view: 'unit'; colId: string; rowIndex: number; rows: TreeRow[]; unitCode: string; unitName: string }
  | { view: 'matrix'; colId: string; rowIndex: number; rows: MatrixRow[]; leafNodes: CriterionNode[] };

/**
 * The changes a block of cells pasted from a spreadsheet makes, or why nothing is changed:
 * in the tree, one column down the leaves from the focused row; in the matrix, rows of units
 * by columns of leaves from the focused cell. One bad cell refuses the whole paste.
 */
export function pasteChanges(target: PasteTarget, cells: string[][], scores: ScoreMap): { changes: ScoreChangeInput[] } | { refusal: string } {
  const problems: string[] = [];
  const changes: ScoreChangeInput[] = [];
  const add = (unitCode: string, unitName: string, leaf: CriterionNode, text: string, where: string) => {
    const parsed = parseAppraised(leaf, unitName, text);
    if ('problem' in parsed) problems.push(`${where}: ${parsed.problem}`);
    else changes.push({ unitCode, criterionCode: leaf.code, patch: appraisedPatch(scores.get(scoreKey(unitCode, leaf.code)), parsed.value) });
  };
  if (target.view === 'unit') {
    if (target.colId !== 'appraised') return { refusal: 'Chỉ dán được vào cột "Điểm thẩm định"; hãy chọn ô đầu tiên của cột này rồi dán.' };
    const leaves = target.rows.slice(target.rowIndex).filter((r) => r.isLeaf);
    if (cells.length > leaves.length) problems.push(`Có ${cells.length} dòng được dán nhưng chỉ còn ${leaves.length} tiêu chí bên dưới ô đang chọn.`);
    cells.forEach((line, i) => {
      if (leaves[i]) add(target.unitCode, target.unitName, leaves[i].node, line[0], `Dòng ${i + 1}`);
    });
  } else {
    const startCol = target.leafNodes.findIndex((l) => l.code === target.colId);
    if (startCol < 0) return { refusal: 'Hãy chọn ô điểm của tiêu chí đầu tiên cần dán rồi dán lại.' };
    cells.forEach((line, i) => {
      const row = target.rows[target.rowIndex + i];
      if (!row) return problems.push(`Dòng ${i + 1} vượt quá số đơn vị trong bảng.`);
      line.forEach((text, j) => {
        const leaf = target.leafNodes[startCol + j];
        if (!leaf) return problems.push(`Cột ${j + 1} vượt quá số tiêu chí trong bảng.`);
        add(row.unitCode, row.unitName, leaf, text, `Dòng ${i + 1}, cột ${j + 1}`);
      });
    });
  }
  if (problems.length) {
    return { refusal: `Không dán được, chưa có điểm nào thay đổi. ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''}` };
  }
  return { changes };
}

/** A value of the audit trail as read: "(trống)", "không áp dụng", a score the Vietnamese way. */
export function auditValue(field: string, value: string | null): string {
  if (value === null) return '(trống)';
  if (field === 'notApplicable') return value === '1' ? 'không áp dụng' : 'áp dụng';
  if (field === 'selfScore' || field === 'appraisedScore' || field === 'reportedValue') {
    const n = Number(value);
    return Number.isFinite(n) ? formatNumber(n, 4) : value;
  }
  return value;
}

/**
 * The changes that take the self score as the appraised score on every leaf under `rootCode`
 * (or the whole unit when null) that has a self score different from its appraisal; leaves
 * scored by survey or not applicable are left alone.
 */
export function acceptSelfChanges(nodes: CriterionNode[], scores: ScoreMap, unitCode: string, rootCode: string | null): ScoreChangeInput[] {
  const leafSet = leafCodes(nodes);
  const under = new Set<string>();
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  const within = (code: string): boolean => {
    if (rootCode === null || code === rootCode) return true;
    const parent = parentOf.get(code);
    return parent ? within(parent) : false;
  };
  for (const n of nodes) if (leafSet.has(n.code) && n.source !== 'survey' && within(n.code)) under.add(n.code);
  const changes: ScoreChangeInput[] = [];
  for (const code of under) {
    const s = scores.get(scoreKey(unitCode, code));
    if (!s || s.notApplicable || s.selfScore === null || s.appraisedScore === s.selfScore) continue;
    changes.push({ unitCode, criterionCode: code, patch: appraisedPatch(s, s.selfScore) });
  }
  return changes;
}
