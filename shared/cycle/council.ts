// What a council member covers: a set of fields or criteria (each covering its leaves, survey
// leaves never) for every unit of a block or a listed set; where two members would cover the
// same leaf of the same unit; and what nobody covers.
import type { CriterionNode } from '../domain';
import { leaves } from '../framework/tree';

export interface AssignmentScope {
  id: number;
  memberId: number;
  memberName: string;
  /** field or criterion codes as given */
  criteria: string[];
  /** unit codes; null = every unit of the block */
  units: string[] | null;
}

/** The appraised leaves under the given codes, in framework order; codes that are not in the framework, and codes under which only survey leaves lie. */
export function leavesUnder(nodes: CriterionNode[], codes: string[]): { leaves: string[]; unknown: string[]; surveyOnly: string[] } {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentCode !== null) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);
  const under = (code: string): string[] => {
    const kids = children.get(code);
    return kids ? kids.flatMap(under) : [code];
  };
  const chosen = new Set<string>();
  const unknown: string[] = [];
  const surveyOnly: string[] = [];
  for (const code of codes) {
    if (!byCode.has(code)) {
      unknown.push(code);
      continue;
    }
    const self = under(code).filter((c) => byCode.get(c)!.source === 'self');
    if (self.length === 0) surveyOnly.push(code);
    for (const c of self) chosen.add(c);
  }
  return { leaves: leaves(nodes).filter((n) => chosen.has(n.code)).map((n) => n.code), unknown, surveyOnly };
}

/** Who covers each leaf × unit of a block: key `${unit}\u0000${leaf}`. */
export function coverage(nodes: CriterionNode[], assignments: AssignmentScope[], blockUnits: string[]): Map<string, AssignmentScope> {
  const map = new Map<string, AssignmentScope>();
  for (const a of assignments) {
    const codes = leavesUnder(nodes, a.criteria).leaves;
    for (const unit of a.units ?? blockUnits) for (const leaf of codes) map.set(`${unit}\u0000${leaf}`, a);
  }
  return map;
}

export interface Overlap {
  memberName: string;
  leaves: string[];
  units: string[];
}

/** Where `scope` would cover a leaf × unit that another assignment covers already, per assignment met. */
export function overlaps(nodes: CriterionNode[], scope: Omit<AssignmentScope, 'id' | 'memberName'>, existing: AssignmentScope[], blockUnits: string[]): Overlap[] {
  const mine = new Set(leavesUnder(nodes, scope.criteria).leaves);
  const myUnits = new Set(scope.units ?? blockUnits);
  const found: Overlap[] = [];
  for (const a of existing) {
    const leavesMet = leavesUnder(nodes, a.criteria).leaves.filter((l) => mine.has(l));
    const unitsMet = (a.units ?? blockUnits).filter((u) => myUnits.has(u));
    if (leavesMet.length && unitsMet.length) found.push({ memberName: a.memberName, leaves: leavesMet, units: unitsMet });
  }
  return found;
}

export interface UncoveredLeaf {
  criterion: string;
  title: string;
  /** the units nobody appraises this leaf for (all the block's units when nobody covers it at all) */
  units: string[];
}

/** The appraised leaves some unit of the block has nobody for, in framework order. */
export function uncoveredLeaves(nodes: CriterionNode[], assignments: AssignmentScope[], blockUnits: string[]): UncoveredLeaf[] {
  const covered = coverage(nodes, assignments, blockUnits);
  const result: UncoveredLeaf[] = [];
  for (const leaf of leaves(nodes)) {
    if (leaf.source !== 'self') continue;
    const units = blockUnits.filter((u) => !covered.has(`${u}\u0000${leaf.code}`));
    if (units.length) result.push({ criterion: leaf.code, title: leaf.title, units });
  }
  return result;
}

/** "1.1, 1.2; II" → ["1.1", "1.2", "II"]: codes split at commas, semicolons or spaces. */
export function splitCodes(text: string): string[] {
  return [...new Set(text.split(/[,;\s]+/).map((c) => c.trim()).filter(Boolean))];
}
