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

// ------------------------------------------------------------------ packages

export interface PackageRecord {
  id: string;
  year: number;
  memberId: number;
  issuedAt: string;
  fileName: string;
  /** [unit, criterion, appraised score at issue, remark at issue, sheet row] */
  rows: [string, string, number | null, string | null, number][];
  actor: string;
}

export function insertPackage(ws: Workspace, p: PackageRecord): void {
  sqlOf(ws)
    .prepare('INSERT INTO council_packages(id, year, member_id, issued_at, file_name, rows, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(p.id, p.year, p.memberId, p.issuedAt, p.fileName, JSON.stringify(p.rows), p.actor);
}

export function getPackage(ws: Workspace, id: string): PackageRecord | null {
  const r = sqlOf(ws).prepare('SELECT id, year, member_id, issued_at, file_name, rows, actor FROM council_packages WHERE id = ?').get(id) as
    | { id: string; year: number; member_id: number; issued_at: string; file_name: string; rows: string; actor: string }
    | undefined;
  return r
    ? { id: r.id, year: r.year, memberId: r.member_id, issuedAt: r.issued_at, fileName: r.file_name, rows: JSON.parse(r.rows) as PackageRecord['rows'], actor: r.actor }
    : null;
}

export interface PackageSummary {
  id: string;
  memberId: number;
  memberName: string;
  issuedAt: string;
  fileName: string;
  rows: number;
  imports: number;
  lastImportAt: string | null;
}

export function listPackages(ws: Workspace, year: number): PackageSummary[] {
  return (sqlOf(ws)
    .prepare(
      `SELECT p.id, p.member_id, m.name, p.issued_at, p.file_name, json_array_length(p.rows) AS n,
              (SELECT COUNT(*) FROM council_imports i WHERE i.package_id = p.id) AS imports,
              (SELECT MAX(imported_at) FROM council_imports i WHERE i.package_id = p.id) AS last
       FROM council_packages p JOIN council_members m ON m.id = p.member_id WHERE p.year = ? ORDER BY p.issued_at DESC, m.id`,
    )
    .all(year) as { id: string; member_id: number; name: string; issued_at: string; file_name: string; n: number; imports: number; last: string | null }[]).map(
    (r) => ({ id: r.id, memberId: r.member_id, memberName: r.name, issuedAt: r.issued_at, fileName: r.file_name, rows: r.n, imports: r.imports, lastImportAt: r.last }),
  );
}

export function importWithHash(ws: Workspace, sha256: string): { packageId: string; importedAt: string } | null {
  const r = sqlOf(ws).prepare('SELECT package_id, imported_at FROM council_imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as
    | { package_id: string; imported_at: string }
    | undefined;
  return r ? { packageId: r.package_id, importedAt: r.imported_at } : null;
}

/** What the earlier files of a package set, cell by cell (`${unit}\u0000${criterion}` → value), the latest last. */
export function appliedByPackage(ws: Workspace, packageId: string): Map<string, number | null> {
  const rows = sqlOf(ws).prepare('SELECT applied FROM council_imports WHERE package_id = ? ORDER BY id').all(packageId) as { applied: string }[];
  const map = new Map<string, number | null>();
  for (const r of rows) for (const [unit, criterion, value] of JSON.parse(r.applied) as [string, string, number | null][]) map.set(`${unit}\u0000${criterion}`, value);
  return map;
}

export function recordImport(
  ws: Workspace,
  i: { packageId: string; sha256: string; fileName: string; at: string; actor: string; changes: number; applied: [string, string, number | null][] },
): void {
  sqlOf(ws)
    .prepare('INSERT INTO council_imports(package_id, sha256, file_name, imported_at, actor, changes, applied) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(i.packageId, i.sha256, i.fileName, i.at, i.actor, i.changes, JSON.stringify(i.applied));
}

export interface ConflictRecord {
  id: number;
  packageId: string;
  memberName: string;
  year: number;
  unitCode: string;
  criterionCode: string;
  packageValue: number | null;
  packageRemark: string | null;
  issuedValue: number | null;
  currentValue: number | null;
  changedBy: string | null;
  changedAt: string | null;
  detectedAt: string;
  resolution: 'keep' | 'package' | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** Records a conflict met by a package; an open one of the same package and cell is replaced. */
export function writeConflict(ws: Workspace, c: Omit<ConflictRecord, 'id' | 'memberName'>): void {
  const db = sqlOf(ws);
  db.prepare('DELETE FROM council_conflicts WHERE package_id = ? AND unit_code = ? AND criterion_code = ? AND resolution IS NULL').run(
    c.packageId,
    c.unitCode,
    c.criterionCode,
  );
  db.prepare(
    `INSERT INTO council_conflicts(package_id, year, unit_code, criterion_code, package_value, package_remark, issued_value,
       current_value, changed_by, changed_at, detected_at, resolution, resolved_at, resolved_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.packageId,
    c.year,
    c.unitCode,
    c.criterionCode,
    c.packageValue,
    c.packageRemark,
    c.issuedValue,
    c.currentValue,
    c.changedBy,
    c.changedAt,
    c.detectedAt,
    c.resolution,
    c.resolvedAt,
    c.resolvedBy,
  );
}

export function listConflicts(ws: Workspace, year: number, filter: { open?: boolean; id?: number } = {}): ConflictRecord[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT c.*, m.name AS member_name FROM council_conflicts c
       JOIN council_packages p ON p.id = c.package_id JOIN council_members m ON m.id = p.member_id
       WHERE c.year = @year AND (@open = 0 OR c.resolution IS NULL) AND (@id IS NULL OR c.id = @id) ORDER BY c.id`,
    )
    .all({ year, open: filter.open ? 1 : 0, id: filter.id ?? null }) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    packageId: r.package_id as string,
    memberName: r.member_name as string,
    year: r.year as number,
    unitCode: r.unit_code as string,
    criterionCode: r.criterion_code as string,
    packageValue: r.package_value as number | null,
    packageRemark: r.package_remark as string | null,
    issuedValue: r.issued_value as number | null,
    currentValue: r.current_value as number | null,
    changedBy: r.changed_by as string | null,
    changedAt: r.changed_at as string | null,
    detectedAt: r.detected_at as string,
    resolution: r.resolution as 'keep' | 'package' | null,
    resolvedAt: r.resolved_at as string | null,
    resolvedBy: r.resolved_by as string | null,
  }));
}

export function resolveConflictRow(ws: Workspace, id: number, resolution: 'keep' | 'package', at: string, by: string): void {
  sqlOf(ws).prepare('UPDATE council_conflicts SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(resolution, at, by, id);
}

/** The appraised score and remark of each given cell (`${unit}\u0000${criterion}`) in a year; cells with no score row are absent. */
export function cellValues(ws: Workspace, year: number, cells: [string, string][]): Map<string, { score: number | null; note: string | null }> {
  // one query for the whole file: the scores of its units on its criteria, kept for the cells asked
  const wanted = new Set(cells.map(([unit, code]) => `${unit}\u0000${code}`));
  const rows = sqlOf(ws)
    .prepare(
      `SELECT s.unit_code, c.code, s.appraised_score, s.note FROM frameworks f JOIN criteria c ON c.framework_id = f.id
       JOIN scores s ON s.criterion_id = c.id
       WHERE f.year = ? AND c.code IN (SELECT value FROM json_each(?)) AND s.unit_code IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(year, JSON.stringify([...new Set(cells.map((c) => c[1]))]), JSON.stringify([...new Set(cells.map((c) => c[0]))])) as [string, string, number | null, string | null][];
  const map = new Map<string, { score: number | null; note: string | null }>();
  for (const [unit, code, score, note] of rows) {
    const key = `${unit}\u0000${code}`;
    if (wanted.has(key)) map.set(key, { score, note });
  }
  return map;
}
