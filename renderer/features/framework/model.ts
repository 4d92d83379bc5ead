// Editing a framework tree kept flat in document order: each operation returns new nodes;
// the grid's rows and what a typed cell changes.
import type { CriterionNode } from '../../../shared/domain';
import { formatNumber, parseLocaleNumber } from '../../../shared/format';
import { frameworkMaximum, leafCodes } from '../../../shared/results';

function depthOf(nodes: CriterionNode[]): Map<string, number> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const depth = new Map<string, number>();
  for (const n of nodes) {
    let d = 0;
    let p = n.parentCode;
    const seen = new Set<string>();
    while (p !== null && byCode.has(p) && !seen.has(p)) {
      seen.add(p);
      d++;
      p = byCode.get(p)!.parentCode;
    }
    depth.set(n.code, d);
  }
  return depth;
}

/** The index just after the last descendant of the node at `index`. */
function subtreeEnd(nodes: CriterionNode[], index: number): number {
  const inside = new Set([nodes[index].code]);
  let end = index + 1;
  while (end < nodes.length && nodes[end].parentCode !== null && inside.has(nodes[end].parentCode!)) {
    inside.add(nodes[end].code);
    end++;
  }
  return end;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function uniqueCode(nodes: CriterionNode[], wanted: string): string {
  const codes = new Set(nodes.map((n) => n.code));
  if (!codes.has(wanted)) return wanted;
  let i = 2;
  while (codes.has(`${wanted}-${i}`)) i++;
  return `${wanted}-${i}`;
}

function blankNode(code: string, parent: CriterionNode | null): CriterionNode {
  return {
    code,
    parentCode: parent?.code ?? null,
    level: parent ? Math.min(parent.level + 1, 6) : 1,
    title: parent ? 'Tiêu chí mới' : 'Lĩnh vực mới',
    maxPoints: null,
    source: parent?.source ?? 'self',
    method: 'free',
    tiers: null,
    evidenceRequired: false,
    guidance: null,
  };
}

export function addField(nodes: CriterionNode[]): { nodes: CriterionNode[]; code: string } {
  const fields = nodes.filter((n) => n.parentCode === null).length;
  const code = uniqueCode(nodes, ROMAN[fields] ?? String(fields + 1));
  return { nodes: [...nodes, blankNode(code, null)], code };
}

/**
 * Adds a child at the end of a node's branch, numbered as decisions number them: criteria
 * under a field (I, II…) take the next free number of the whole framework, deeper ones
 * extend their parent's code (1.1, 1.2…).
 */
export function addChild(nodes: CriterionNode[], parentCode: string): { nodes: CriterionNode[]; code: string } {
  const index = nodes.findIndex((n) => n.code === parentCode);
  if (index < 0) return { nodes, code: parentCode };
  const parent = nodes[index];
  const codes = new Set(nodes.map((n) => n.code));
  let code: string;
  if (parent.parentCode === null && /^[IVXLC]+$/.test(parent.code)) {
    const numbers = nodes.map((n) => Number(n.code)).filter((n) => Number.isInteger(n));
    code = String((numbers.length ? Math.max(...numbers) : 0) + 1);
  } else {
    let k = nodes.filter((n) => n.parentCode === parentCode).length + 1;
    while (codes.has(`${parent.code}.${k}`)) k++;
    code = `${parent.code}.${k}`;
  }
  code = uniqueCode(nodes, code);
  const end = subtreeEnd(nodes, index);
  return { nodes: [...nodes.slice(0, end), blankNode(code, parent), ...nodes.slice(end)], code };
}

export function removeNode(nodes: CriterionNode[], code: string): CriterionNode[] {
  const index = nodes.findIndex((n) => n.code === code);
  if (index < 0) return nodes;
  return [...nodes.slice(0, index), ...nodes.slice(subtreeEnd(nodes, index))];
}

/** Moves a node with its children before its previous sibling (-1) or after its next one (+1). */
export function moveNode(nodes: CriterionNode[], code: string, direction: -1 | 1): CriterionNode[] {
  const index = nodes.findIndex((n) => n.code === code);
  if (index < 0) return nodes;
  const node = nodes[index];
  const siblings = nodes.map((n, i) => ({ n, i })).filter((x) => x.n.parentCode === node.parentCode);
  const pos = siblings.findIndex((x) => x.i === index);
  const other = siblings[pos + direction];
  if (!other) return nodes;
  const [first, second] = direction < 0 ? [other.i, index] : [index, other.i];
  const firstEnd = subtreeEnd(nodes, first);
  const secondEnd = subtreeEnd(nodes, second);
  return [...nodes.slice(0, first), ...nodes.slice(second, secondEnd), ...nodes.slice(firstEnd, second), ...nodes.slice(first, firstEnd), ...nodes.slice(secondEnd)];
}

/** Changes one node; a new code is carried to its children. */
export function updateNode(nodes: CriterionNode[], code: string, patch: Partial<CriterionNode>): CriterionNode[] {
  const newCode = patch.code?.trim();
  return nodes.map((n) => {
    if (n.code === code) return { ...n, ...patch, ...(newCode ? { code: newCode } : {}) };
    if (newCode && n.parentCode === code) return { ...n, parentCode: newCode };
    return n;
  });
}

/** A row of the framework grid: a node, its depth in the tree, whether it is scored (a leaf) and has a problem. */
export interface Row {
  node: CriterionNode;
  depth: number;
  isLeaf: boolean;
  problem: boolean;
}

export function frameworkRows(nodes: CriterionNode[], problemCodes: Set<string>): Row[] {
  const depth = depthOf(nodes);
  const leafSet = leafCodes(nodes);
  return nodes.map((n) => ({ node: n, depth: depth.get(n.code) ?? 0, isLeaf: leafSet.has(n.code), problem: problemCodes.has(n.code) }));
}

/** A cell typed into: the change of its node, or why it is refused. */
export type CellEdit = Partial<CriterionNode> | string;

export function codeEdit(typed: unknown, node: CriterionNode, nodes: CriterionNode[]): CellEdit {
  const code = String(typed ?? '').trim();
  if (!code) return 'Mã tiêu chí không được để trống.';
  if (code !== node.code && nodes.some((n) => n.code === code)) return `Mã ${code} đã có trong bộ chỉ số; hãy chọn mã khác.`;
  return { code };
}

export function titleEdit(typed: unknown): CellEdit {
  const title = String(typed ?? '').trim();
  return title ? { title } : 'Nội dung tiêu chí không được để trống.';
}

/** A maximum typed the Vietnamese way; blank takes the sum of the children. */
export function maxEdit(typed: unknown): CellEdit {
  const text = typed === null || typed === undefined ? '' : String(typed).trim();
  if (!text) return { maxPoints: null };
  const value = parseLocaleNumber(text);
  if (value === null || value < 0) return `Điểm tối đa "${text}" không hợp lệ; hãy nhập một số không âm, ví dụ 2,5.`;
  return { maxPoints: value };
}

/** "Bộ chỉ số năm 2025: 120 dòng, 88 tiêu chí chấm, tổng điểm tối đa 100." */
export function describeFramework(nodes: CriterionNode[], year: number): string {
  return `Bộ chỉ số năm ${year}: ${formatNumber(nodes.length)} dòng, ${formatNumber(leafCodes(nodes).size)} tiêu chí chấm, tổng điểm tối đa ${formatNumber(frameworkMaximum(nodes), 3)}.`;
}
