import type { CriterionNode } from '../domain';
import { formatNumber } from '../format';

/** Leaves are the nodes without children, at any level. */
export function leafCodes(nodes: CriterionNode[]): Set<string> {
  const parents = new Set(nodes.map((n) => n.parentCode).filter((c): c is string => c !== null));
  return new Set(nodes.filter((n) => !parents.has(n.code)).map((n) => n.code));
}

export function leaves(nodes: CriterionNode[]): CriterionNode[] {
  const codes = leafCodes(nodes);
  return nodes.filter((n) => codes.has(n.code));
}

/** The field (level-1 ancestor) of every node, by code. */
export function fieldOf(nodes: CriterionNode[]): Map<string, string> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const result = new Map<string, string>();
  for (const n of nodes) {
    let top = n;
    const seen = new Set<string>();
    while (top.parentCode !== null && byCode.has(top.parentCode) && !seen.has(top.code)) {
      seen.add(top.code);
      top = byCode.get(top.parentCode)!;
    }
    result.set(n.code, top.code);
  }
  return result;
}

/** Bonus and deduction leaves adjust the total but are not part of the maximum. */
export function countsInMaximum(node: CriterionNode): boolean {
  return node.method !== 'bonus' && node.method !== 'deduction';
}

/** The maximum a parent should have: the sum of its children's (bonus/deduction excluded). */
export function sumOfChildren(nodes: CriterionNode[], code: string): number {
  let sum = 0;
  for (const child of nodes) {
    if (child.parentCode !== code || !countsInMaximum(child)) continue;
    sum += child.maxPoints ?? sumOfChildren(nodes, child.code);
  }
  return sum;
}

const EPSILON = 1e-6;

export interface FrameworkProblem {
  code: string;
  message: string;
}

/**
 * Structural checks of a framework: unique codes, known parents, leaves with a maximum,
 * parents whose written maximum equals the sum of their children's.
 */
export function checkFramework(nodes: CriterionNode[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.code)) problems.push({ code: n.code, message: `Mã tiêu chí ${n.code} bị trùng; mỗi tiêu chí cần một mã riêng.` });
    seen.add(n.code);
  }
  const codes = new Set(nodes.map((n) => n.code));
  for (const n of nodes) {
    if (n.parentCode !== null && !codes.has(n.parentCode)) {
      problems.push({ code: n.code, message: `Tiêu chí ${n.code} thuộc mục ${n.parentCode} không có trong bộ chỉ số.` });
    }
  }
  const leafSet = leafCodes(nodes);
  for (const n of nodes) {
    if (leafSet.has(n.code)) {
      if (n.maxPoints === null) problems.push({ code: n.code, message: `Tiêu chí ${n.code} chưa có điểm tối đa.` });
      else if (!(n.maxPoints >= 0)) problems.push({ code: n.code, message: `Điểm tối đa của tiêu chí ${n.code} phải là số không âm.` });
      continue;
    }
    if (n.maxPoints === null || !countsInMaximum(n)) continue;
    const sum = sumOfChildren(nodes, n.code);
    if (Math.abs(sum - n.maxPoints) > EPSILON) {
      problems.push({
        code: n.code,
        message: `Điểm tối đa của mục ${n.code} là ${formatNumber(n.maxPoints)} nhưng tổng điểm tối đa các tiêu chí con là ${formatNumber(sum)}; hãy sửa cho bằng nhau.`,
      });
    }
  }
  return problems;
}

/** The maximum of a framework: the sum of its leaves' maxima (bonus/deduction excluded). */
export function frameworkMaximum(nodes: CriterionNode[]): number {
  return leaves(nodes)
    .filter(countsInMaximum)
    .reduce((s, n) => s + (n.maxPoints ?? 0), 0);
}
