// The appraisal council: members (typed, or read from a sheet with "Họ và tên", "Cơ quan"),
// and assignments per year and block, refused where two members would appraise the same leaf
// of the same unit; the leaves nobody appraises are listed for the Sở's own staff.
import { coverage, leavesUnder, overlaps, uncoveredLeaves, type AssignmentScope, type UncoveredLeaf } from '../../../shared/cycle/council';
import type { Framework } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { cleanText, matchKey } from '../../../shared/text';
import type { Workspace } from '../../db/workspace';
import { requireFramework } from '../framework/service';
import { unitsTakingPart } from '../participation/service';
import { requireBlock, requirePeriod } from '../workspace/service';
import { listBlocks } from '../workspace/store';
import { getFramework } from '../framework/store';
import {
  deleteAssignmentRow,
  insertAssignment,
  insertMember,
  listAssignments,
  listMembers,
  memberByKey,
  updateMember,
  type AssignmentRow,
  type CouncilMember,
} from './store';

export type { CouncilMember, AssignmentRow } from './store';

export const MAX_NAME = 120;

/** Adds a member, or gives an existing one (same name, ignoring case and accents) the organisation given. */
export function saveMember(ws: Workspace, input: { name: string; organisation?: string | null }): { member: CouncilMember; added: boolean } {
  const name = cleanText(input.name);
  if (!name) throw new UserError('Thiếu họ và tên thành viên hội đồng.');
  if (name.length > MAX_NAME) throw new UserError(`Họ và tên "${name.slice(0, 40)}…" dài quá ${MAX_NAME} ký tự.`);
  const organisation = input.organisation ? cleanText(input.organisation) || null : null;
  return ws.transaction(() => {
    const existing = memberByKey(ws, matchKey(name));
    if (existing) {
      const next = { name, organisation: organisation ?? existing.organisation };
      updateMember(ws, existing.id, next);
      return { member: { id: existing.id, ...next }, added: false };
    }
    const id = insertMember(ws, { name, organisation, nameKey: matchKey(name), at: new Date().toISOString() });
    return { member: { id, name, organisation }, added: true };
  });
}

/** A member by name (ignoring case and accents), or a refusal listing the members there are. */
export function requireMember(ws: Workspace, name: string): CouncilMember {
  const m = memberByKey(ws, matchKey(name));
  if (m) return m;
  const names = listMembers(ws).map((x) => x.name);
  throw new UserError(
    `Hội đồng không có thành viên "${cleanText(name)}"; ${names.length ? `các thành viên: ${names.join(', ')}` : 'hãy nhập danh sách thành viên trước'}.`,
  );
}

function scopeOf(a: AssignmentRow): AssignmentScope {
  return { id: a.id, memberId: a.memberId, memberName: a.memberName, criteria: a.criteria, units: a.units };
}

function list(items: string[], max = 8): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length})` : items.join(', ');
}

export interface AssignRequest {
  year: number;
  blockCode: string;
  member: string;
  criteria: string[];
  /** unit codes; absent = every unit of the block */
  units?: string[] | null;
  actor?: string;
}

/**
 * Gives a member a set of fields or criteria of a block for all its units or the listed ones.
 * Refuses unknown codes, codes with only survey leaves, units outside the block's year, and any
 * leaf × unit another assignment covers already (naming the member, leaves and units).
 */
export function assign(ws: Workspace, req: AssignRequest): { assignment: AssignmentRow; uncovered: UncoveredLeaf[]; blockUnits: number } {
  return ws.transaction(() => {
    requirePeriod(ws, req.year);
    const block = requireBlock(ws, req.blockCode);
    const framework = requireFramework(ws, req.year, req.blockCode);
    const member = requireMember(ws, req.member);
    if (req.criteria.length === 0) throw new UserError('Hãy ghi mã lĩnh vực hoặc tiêu chí được phân công, ví dụ "II, 3.1".');
    const found = leavesUnder(framework.nodes, req.criteria);
    if (found.unknown.length) {
      throw new UserError(`Bộ chỉ số năm ${req.year} của ${block.name} không có mã ${found.unknown.map((c) => `"${c}"`).join(', ')}.`);
    }
    if (found.surveyOnly.length) {
      throw new UserError(`Mã ${found.surveyOnly.join(', ')} chỉ gồm tiêu chí chấm qua điều tra xã hội học; các tiêu chí này không phân công cho hội đồng.`);
    }
    const blockUnits = unitsTakingPart(ws, req.year, req.blockCode).map((u) => u.code);
    const units = req.units && req.units.length ? [...new Set(req.units)] : null;
    if (units) {
      const outside = units.filter((u) => !blockUnits.includes(u));
      if (outside.length) {
        throw new UserError(`Đơn vị ${outside.join(', ')} không thuộc ${block.name} tham gia năm ${req.year}; hãy kiểm tra mã đơn vị.`);
      }
    }
    const existing = listAssignments(ws, req.year, req.blockCode).map(scopeOf);
    const met = overlaps(framework.nodes, { memberId: member.id, criteria: req.criteria, units }, existing, blockUnits);
    if (met.length) {
      throw new UserError(
        met.map((o) => ({
          message: `Trùng phân công với ${o.memberName}: tiêu chí ${list(o.leaves)} của ${o.units.length === blockUnits.length ? `mọi đơn vị ${block.name}` : `đơn vị ${list(o.units)}`}; mỗi tiêu chí của một đơn vị chỉ do một thành viên thẩm định.`,
        })),
      );
    }
    const row = { year: req.year, blockCode: req.blockCode, memberId: member.id, criteria: req.criteria, units, at: new Date().toISOString(), actor: req.actor ?? ws.actor };
    const id = insertAssignment(ws, row);
    const assignment = { ...row, id, memberName: member.name };
    return { assignment, uncovered: uncoveredLeaves(framework.nodes, [...existing, scopeOf(assignment)], blockUnits), blockUnits: blockUnits.length };
  });
}

export function removeAssignment(ws: Workspace, id: number): void {
  ws.transaction(() => {
    if (!deleteAssignmentRow(ws, id)) throw new UserError('Phân công này không còn (có thể đã được xóa).');
  });
}

export interface BlockCouncil {
  code: string;
  name: string;
  /** fields (first level of the framework) with the members who cover any of their leaves */
  fields: { code: string; title: string; leaves: number; members: { memberId: number; leaves: number; units: number | null }[] }[];
  assignments: (AssignmentRow & { leaves: number })[];
  uncovered: UncoveredLeaf[];
  units: number;
}

/** The council of a year: members, and per block the assignments, the fields × members grid and what nobody covers. */
export function yearCouncil(ws: Workspace, year: number): { members: CouncilMember[]; blocks: BlockCouncil[] } {
  requirePeriod(ws, year);
  const blocks: BlockCouncil[] = [];
  for (const block of listBlocks(ws)) {
    const framework = getFramework(ws, year, block.code);
    if (!framework) continue;
    blocks.push(blockCouncil(ws, year, block, framework));
  }
  return { members: listMembers(ws), blocks };
}

function blockCouncil(ws: Workspace, year: number, block: { code: string; name: string }, framework: Framework): BlockCouncil {
  const assignments = listAssignments(ws, year, block.code);
  const blockUnits = unitsTakingPart(ws, year, block.code).map((u) => u.code);
  const scopes = assignments.map(scopeOf);
  const fields = framework.nodes
    .filter((n) => n.parentCode === null)
    .map((field) => {
      const under = leavesUnder(framework.nodes, [field.code]).leaves;
      const inField = new Set(under);
      const members = new Map<number, { memberId: number; leaves: Set<string>; units: Set<string> | null }>();
      for (const a of assignments) {
        const leaves = leavesUnder(framework.nodes, a.criteria).leaves.filter((l) => inField.has(l));
        if (!leaves.length) continue;
        const m = members.get(a.memberId) ?? { memberId: a.memberId, leaves: new Set<string>(), units: new Set<string>() };
        for (const l of leaves) m.leaves.add(l);
        if (a.units === null) m.units = null;
        else if (m.units) for (const u of a.units) m.units.add(u);
        members.set(a.memberId, m);
      }
      return {
        code: field.code,
        title: field.title,
        leaves: under.length,
        members: [...members.values()].map((m) => ({ memberId: m.memberId, leaves: m.leaves.size, units: m.units ? m.units.size : null })),
      };
    });
  return {
    code: block.code,
    name: block.name,
    fields,
    assignments: assignments.map((a) => ({ ...a, leaves: leavesUnder(framework.nodes, a.criteria).leaves.length })),
    uncovered: uncoveredLeaves(framework.nodes, scopes, blockUnits),
    units: blockUnits.length,
  };
}

/** Every unit × leaf a member appraises in a year, by block, in the framework's and the units' order. */
export function memberCoverage(ws: Workspace, year: number, memberId: number): { blockCode: string; framework: Framework; units: string[]; leaves: Map<string, string[]> }[] {
  const result: { blockCode: string; framework: Framework; units: string[]; leaves: Map<string, string[]> }[] = [];
  for (const block of listBlocks(ws)) {
    const assignments = listAssignments(ws, year, block.code);
    if (!assignments.some((a) => a.memberId === memberId)) continue;
    const framework = requireFramework(ws, year, block.code);
    const blockUnits = unitsTakingPart(ws, year, block.code).map((u) => u.code);
    const covered = coverage(framework.nodes, assignments.filter((a) => a.memberId === memberId).map(scopeOf), blockUnits);
    const leaves = new Map<string, string[]>();
    const order = framework.nodes.map((n) => n.code);
    for (const unit of blockUnits) {
      const mine = order.filter((c) => covered.has(`${unit}\u0000${c}`));
      if (mine.length) leaves.set(unit, mine);
    }
    result.push({ blockCode: block.code, framework, units: blockUnits.filter((u) => leaves.has(u)), leaves });
  }
  return result;
}
