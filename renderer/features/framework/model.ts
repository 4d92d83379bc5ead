// Editing a framework tree kept flat in document order: each operation returns new nodes.
import type { CriterionNode } from '../../../shared/domain';

export function depthOf(nodes: CriterionNode[]): Map<string, number> {
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
export function subtreeEnd(nodes: CriterionNode[], index: number): number {
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
