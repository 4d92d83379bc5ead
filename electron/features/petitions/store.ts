// SQL of preliminary notices sent to units and the petitions they return, with the decisions.
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface NoticeRecord {
  id: string;
  year: number;
  unitCode: string;
  issuedAt: string;
  fileName: string;
  /** [criterion, self score, appraised score] as sent */
  rows: [string, number | null, number | null][];
}

export function insertNotice(ws: Workspace, n: NoticeRecord & { actor: string }): void {
  sqlOf(ws)
    .prepare('INSERT INTO notices(id, year, unit_code, issued_at, file_name, rows, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(n.id, n.year, n.unitCode, n.issuedAt, n.fileName, JSON.stringify(n.rows), n.actor);
}

export function getNotice(ws: Workspace, id: string): NoticeRecord | null {
  const r = sqlOf(ws).prepare('SELECT id, year, unit_code, issued_at, file_name, rows FROM notices WHERE id = ?').get(id) as
    | { id: string; year: number; unit_code: string; issued_at: string; file_name: string; rows: string }
    | undefined;
  return r ? { id: r.id, year: r.year, unitCode: r.unit_code, issuedAt: r.issued_at, fileName: r.file_name, rows: JSON.parse(r.rows) as NoticeRecord['rows'] } : null;
}

export function petitionImportWithHash(ws: Workspace, sha256: string): { noticeId: string; importedAt: string } | null {
  const r = sqlOf(ws).prepare('SELECT notice_id, imported_at FROM petition_imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as
    | { notice_id: string; imported_at: string }
    | undefined;
  return r ? { noticeId: r.notice_id, importedAt: r.imported_at } : null;
}

export function recordPetitionImport(ws: Workspace, r: { noticeId: string; sha256: string; fileName: string; at: string; actor: string; petitions: number }): void {
  sqlOf(ws)
    .prepare('INSERT INTO petition_imports(notice_id, sha256, file_name, imported_at, actor, petitions) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.noticeId, r.sha256, r.fileName, r.at, r.actor, r.petitions);
}

export interface Petition {
  id: number;
  year: number;
  unitCode: string;
  criterionCode: string;
  noticeId: string | null;
  text: string;
  evidence: string | null;
  receivedAt: string;
  late: boolean;
  fileName: string | null;
  decision: 'accept' | 'keep' | null;
  decidedScore: number | null;
  reason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

interface PetitionRow {
  id: number;
  year: number;
  unit_code: string;
  criterion_code: string;
  notice_id: string | null;
  text: string;
  evidence: string | null;
  received_at: string;
  late: number;
  file_name: string | null;
  decision: 'accept' | 'keep' | null;
  decided_score: number | null;
  reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

const toPetition = (r: PetitionRow): Petition => ({
  id: r.id,
  year: r.year,
  unitCode: r.unit_code,
  criterionCode: r.criterion_code,
  noticeId: r.notice_id,
  text: r.text,
  evidence: r.evidence,
  receivedAt: r.received_at,
  late: r.late === 1,
  fileName: r.file_name,
  decision: r.decision,
  decidedScore: r.decided_score,
  reason: r.reason,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

/** The petitions of a year (of one unit), in the order received. */
export function listPetitions(ws: Workspace, year: number, filter: { unitCode?: string; criterionCode?: string } = {}): Petition[] {
  const where = ['year = @year'];
  if (filter.unitCode !== undefined) where.push('unit_code = @unit');
  if (filter.criterionCode !== undefined) where.push('criterion_code = @criterion');
  const rows = sqlOf(ws)
    .prepare(`SELECT * FROM petitions WHERE ${where.join(' AND ')} ORDER BY unit_code, id`)
    .all({ year, unit: filter.unitCode ?? null, criterion: filter.criterionCode ?? null }) as PetitionRow[];
  return rows.map(toPetition);
}

export function insertPetition(
  ws: Workspace,
  p: { year: number; unitCode: string; criterionCode: string; noticeId: string; text: string; evidence: string | null; receivedAt: string; late: boolean; fileName: string },
): void {
  sqlOf(ws)
    .prepare(
      `INSERT INTO petitions(year, unit_code, criterion_code, notice_id, text, evidence, received_at, late, file_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.year, p.unitCode, p.criterionCode, p.noticeId, p.text, p.evidence, p.receivedAt, p.late ? 1 : 0, p.fileName);
}

/** A pending petition's text replaced by a later file of the same notice. */
export function updatePendingPetition(ws: Workspace, id: number, p: { text: string; evidence: string | null; receivedAt: string; late: boolean; fileName: string }): void {
  sqlOf(ws)
    .prepare('UPDATE petitions SET text = ?, evidence = ?, received_at = ?, late = ?, file_name = ? WHERE id = ? AND decision IS NULL')
    .run(p.text, p.evidence, p.receivedAt, p.late ? 1 : 0, p.fileName, id);
}

export function writeDecision(ws: Workspace, id: number, d: { decision: 'accept' | 'keep'; score: number | null; reason: string; at: string; actor: string }): void {
  sqlOf(ws)
    .prepare('UPDATE petitions SET decision = ?, decided_score = ?, reason = ?, decided_at = ?, decided_by = ? WHERE id = ?')
    .run(d.decision, d.score, d.reason, d.at, d.actor, id);
}
