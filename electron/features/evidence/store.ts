// SQL of evidence documents: the contents (one row per SHA-256) and the documents of a unit's
// year that point at them. A content goes with the last document using it (a trigger).
import type { EvidenceKind, EvidenceLink } from '../../../shared/evidence/model';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface EvidenceDocument {
  id: number;
  year: number;
  unitCode: string;
  criterionCode: string | null;
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  kind: EvidenceKind;
  pages: number | null;
  receivedAt: string;
  source: string;
  submissionId: number | null;
  linkedBy: EvidenceLink;
  actor: string;
  /** the petition the document supports ("Tài liệu bổ sung"), or null */
  petitionId: number | null;
}

interface DocumentRow {
  id: number;
  year: number;
  unit_code: string;
  criterion_code: string | null;
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  kind: EvidenceKind;
  pages: number | null;
  received_at: string;
  source: string;
  submission_id: number | null;
  linked_by: EvidenceLink;
  actor: string;
  petition_id: number | null;
}

const SELECT = `SELECT d.id, d.year, d.unit_code, d.criterion_code, d.name, d.path, d.sha256, b.bytes, b.kind, b.pages,
                       d.received_at, d.source, d.submission_id, d.linked_by, d.actor, d.petition_id
                FROM evidence_documents d JOIN evidence_blobs b ON b.sha256 = d.sha256`;

function toDocument(r: DocumentRow): EvidenceDocument {
  return {
    id: r.id,
    year: r.year,
    unitCode: r.unit_code,
    criterionCode: r.criterion_code,
    name: r.name,
    path: r.path,
    sha256: r.sha256,
    bytes: r.bytes,
    kind: r.kind,
    pages: r.pages,
    receivedAt: r.received_at,
    source: r.source,
    submissionId: r.submission_id,
    linkedBy: r.linked_by,
    actor: r.actor,
    petitionId: r.petition_id,
  };
}

export interface DocumentFilter {
  unitCode?: string;
  /** a leaf's code; null = the unassigned documents */
  criterionCode?: string | null;
  /** only the documents sent with petitions */
  petitions?: boolean;
}

export function listDocuments(ws: Workspace, year: number, filter: DocumentFilter = {}): EvidenceDocument[] {
  const where = ['d.year = @year'];
  if (filter.unitCode !== undefined) where.push('d.unit_code = @unit');
  if (filter.criterionCode === null) where.push('d.criterion_code IS NULL');
  else if (filter.criterionCode !== undefined) where.push('d.criterion_code = @criterion');
  if (filter.petitions) where.push('d.petition_id IS NOT NULL');
  const rows = sqlOf(ws)
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.unit_code, d.criterion_code IS NULL, d.criterion_code, d.path, d.id`)
    .all({ year, unit: filter.unitCode ?? null, criterion: filter.criterionCode ?? null }) as DocumentRow[];
  return rows.map(toDocument);
}

export function getDocument(ws: Workspace, id: number): EvidenceDocument | null {
  const r = sqlOf(ws).prepare(`${SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  return r ? toDocument(r) : null;
}

export function blobContent(ws: Workspace, sha256: string): Buffer | null {
  const r = sqlOf(ws).prepare('SELECT content FROM evidence_blobs WHERE sha256 = ?').get(sha256) as { content: Buffer } | undefined;
  return r?.content ?? null;
}

export function blobExists(ws: Workspace, sha256: string): boolean {
  return sqlOf(ws).prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ?').get(sha256) !== undefined;
}

export function insertBlob(ws: Workspace, blob: { sha256: string; kind: EvidenceKind; pages: number | null; content: Buffer }): void {
  sqlOf(ws)
    .prepare('INSERT INTO evidence_blobs(sha256, bytes, kind, pages, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
    .run(blob.sha256, blob.content.length, blob.kind, blob.pages, blob.content);
}

/** Bytes of the distinct contents a unit's documents of a year use. */
export function unitYearBytes(ws: Workspace, year: number, unitCode: string): { bytes: number; hashes: Set<string> } {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT DISTINCT d.sha256, b.bytes FROM evidence_documents d JOIN evidence_blobs b ON b.sha256 = d.sha256
       WHERE d.year = ? AND d.unit_code = ?`,
    )
    .all(year, unitCode) as { sha256: string; bytes: number }[];
  return { bytes: rows.reduce((s, r) => s + r.bytes, 0), hashes: new Set(rows.map((r) => r.sha256)) };
}

/** Whether the unit already has this content at this leaf (null = unassigned), for this petition (null = none). */
export function hasDocument(ws: Workspace, year: number, unitCode: string, criterionCode: string | null, sha256: string, petitionId: number | null = null): boolean {
  return (
    sqlOf(ws)
      .prepare('SELECT 1 FROM evidence_documents WHERE year = ? AND unit_code = ? AND criterion_code IS ? AND sha256 = ? AND petition_id IS ?')
      .get(year, unitCode, criterionCode, sha256, petitionId) !== undefined
  );
}

export interface NewDocument {
  year: number;
  unitCode: string;
  criterionCode: string | null;
  name: string;
  path: string;
  sha256: string;
  receivedAt: string;
  source: string;
  submissionId: number | null;
  linkedBy: EvidenceLink;
  actor: string;
  petitionId?: number | null;
}

export function insertDocument(ws: Workspace, d: NewDocument): number {
  return Number(
    sqlOf(ws)
      .prepare(
        `INSERT INTO evidence_documents(year, unit_code, criterion_code, name, path, sha256, received_at, source, submission_id, linked_by, actor, petition_id)
         VALUES (@year, @unitCode, @criterionCode, @name, @path, @sha256, @receivedAt, @source, @submissionId, @linkedBy, @actor, @petitionId)`,
      )
      .run({ ...d, petitionId: d.petitionId ?? null }).lastInsertRowid,
  );
}

export function writeDocumentLeaf(ws: Workspace, id: number, criterionCode: string | null, linkedBy: EvidenceLink, actor: string): void {
  sqlOf(ws).prepare('UPDATE evidence_documents SET criterion_code = ?, linked_by = ?, actor = ? WHERE id = ?').run(criterionCode, linkedBy, actor, id);
}

export function deleteDocumentRow(ws: Workspace, id: number): void {
  sqlOf(ws).prepare('DELETE FROM evidence_documents WHERE id = ?').run(id);
}

/** Removes a unit's documents of a year (their contents go with them when no one else uses them). */
export function deleteUnitYearDocuments(ws: Workspace, year: number, unitCode: string): number {
  return sqlOf(ws).prepare('DELETE FROM evidence_documents WHERE year = ? AND unit_code = ?').run(year, unitCode).changes;
}

/** For a year: per unit, the leaves that have at least one document. */
export function leavesWithDocuments(ws: Workspace, year: number, unitCode?: string): Map<string, Set<string>> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT DISTINCT unit_code, criterion_code FROM evidence_documents
       WHERE year = @year AND criterion_code IS NOT NULL AND (@unit IS NULL OR unit_code = @unit)`,
    )
    .all({ year, unit: unitCode ?? null }) as { unit_code: string; criterion_code: string }[];
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = map.get(r.unit_code);
    if (!set) map.set(r.unit_code, (set = new Set()));
    set.add(r.criterion_code);
  }
  return map;
}

export interface ClaimedLeaf {
  unitCode: string;
  criterionCode: string;
  selfScore: number | null;
  appraisedScore: number | null;
}

/** Evidence-required, self-scored, applicable leaves of a year with a score above 0. */
export function claimedRequiredLeaves(ws: Workspace, year: number, unitCode?: string): ClaimedLeaf[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT s.unit_code, c.code, s.self_score, s.appraised_score
       FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
       WHERE f.year = @year AND c.evidence_required = 1 AND c.source = 'self' AND s.not_applicable = 0
         AND COALESCE(s.self_score, s.appraised_score, 0) > 0 AND (@unit IS NULL OR s.unit_code = @unit)
       ORDER BY s.unit_code, c.sort_order`,
    )
    .all({ year, unit: unitCode ?? null }) as { unit_code: string; code: string; self_score: number | null; appraised_score: number | null }[];
  return rows.map((r) => ({ unitCode: r.unit_code, criterionCode: r.code, selfScore: r.self_score, appraisedScore: r.appraised_score }));
}
