// SQL of the appraisal council: its members, and what each appraises per year and block.
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface CouncilMember {
  id: number;
  name: string;
  organisation: string | null;
}

export function listMembers(ws: Workspace): CouncilMember[] {
  return sqlOf(ws).prepare('SELECT id, name, organisation FROM council_members ORDER BY id').all() as CouncilMember[];
}

export function memberByKey(ws: Workspace, nameKey: string): CouncilMember | null {
  return (sqlOf(ws).prepare('SELECT id, name, organisation FROM council_members WHERE name_key = ?').get(nameKey) as CouncilMember | undefined) ?? null;
}

export function memberById(ws: Workspace, id: number): CouncilMember | null {
  return (sqlOf(ws).prepare('SELECT id, name, organisation FROM council_members WHERE id = ?').get(id) as CouncilMember | undefined) ?? null;
}

export function insertMember(ws: Workspace, m: { name: string; organisation: string | null; nameKey: string; at: string }): number {
  return Number(
    sqlOf(ws)
      .prepare('INSERT INTO council_members(name, organisation, name_key, created_at) VALUES (?, ?, ?, ?)')
      .run(m.name, m.organisation, m.nameKey, m.at).lastInsertRowid,
  );
}

export function updateMember(ws: Workspace, id: number, m: { name: string; organisation: string | null }): void {
  sqlOf(ws).prepare('UPDATE council_members SET name = ?, organisation = ? WHERE id = ?').run(m.name, m.organisation, id);
}

export interface AssignmentRow {
  id: number;
  year: number;
  blockCode: string;
  memberId: number;
  memberName: string;
  criteria: string[];
  units: string[] | null;
  at: string;
  actor: string;
}

export function listAssignments(ws: Workspace, year: number, blockCode?: string): AssignmentRow[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT a.id, a.year, a.block_code, a.member_id, m.name, a.criteria, a.units, a.at, a.actor
       FROM council_assignments a JOIN council_members m ON m.id = a.member_id
       WHERE a.year = @year AND (@block IS NULL OR a.block_code = @block) ORDER BY a.id`,
    )
    .all({ year, block: blockCode ?? null }) as {
    id: number;
    year: number;
    block_code: string;
    member_id: number;
    name: string;
    criteria: string;
    units: string | null;
    at: string;
    actor: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    blockCode: r.block_code,
    memberId: r.member_id,
    memberName: r.name,
    criteria: JSON.parse(r.criteria) as string[],
    units: r.units === null ? null : (JSON.parse(r.units) as string[]),
    at: r.at,
    actor: r.actor,
  }));
}

export function insertAssignment(ws: Workspace, a: Omit<AssignmentRow, 'id' | 'memberName'>): number {
  return Number(
    sqlOf(ws)
      .prepare('INSERT INTO council_assignments(year, block_code, member_id, criteria, units, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.year, a.blockCode, a.memberId, JSON.stringify(a.criteria), a.units === null ? null : JSON.stringify(a.units), a.at, a.actor)
      .lastInsertRowid,
  );
}

export function deleteAssignmentRow(ws: Workspace, id: number): boolean {
  return sqlOf(ws).prepare('DELETE FROM council_assignments WHERE id = ?').run(id).changes > 0;
}
