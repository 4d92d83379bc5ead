// SQL of the self-assessment forms returned by units: the original bytes and SHA-256 of
// every file, which one is current for a unit and year, and the history with diffs.
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

/** What a form gave one leaf. */
export interface SubmittedLeaf {
  criterionCode: string;
  selfScore: number | null;
  evidence: string | null;
  explanation: string | null;
}

export type SubmittedField = 'selfScore' | 'evidence' | 'explanation';

/** One field of one leaf that a submission changed in the workspace. */
export interface SubmissionDiff {
  criterionCode: string;
  field: SubmittedField;
  oldValue: number | string | null;
  newValue: number | string | null;
}

export interface SubmissionWarning {
  sheet?: string;
  cell?: string;
  message: string;
}

export type MatchMethod = 'metadata' | 'content';

export interface NewSubmission {
  year: number;
  unitCode: string;
  fileName: string;
  sha256: string;
  content: Buffer;
  actor: string;
  matchedBy: MatchMethod;
  /** the fingerprint written in the form, null for a form without metadata */
  formFingerprint: string | null;
  /** the fingerprint of the workspace's framework the form was matched against */
  frameworkFingerprint: string;
  leaves: SubmittedLeaf[];
  diff: SubmissionDiff[];
  warnings: SubmissionWarning[];
}

/** A submission as listed: everything but the file's bytes. */
export interface SubmissionSummary {
  id: number;
  year: number;
  unitCode: string;
  unitName: string;
  fileName: string;
  sha256: string;
  size: number;
  importedAt: string;
  actor: string;
  matchedBy: MatchMethod;
  formFingerprint: string | null;
  frameworkFingerprint: string;
  status: 'current' | 'superseded';
  /** 1 for the unit's first submission of the year, 2 for the next… */
  version: number;
  supersededBy: number | null;
  changeCount: number;
  warningCount: number;
}

export interface SubmissionDetail extends SubmissionSummary {
  leaves: SubmittedLeaf[];
  diff: SubmissionDiff[];
  warnings: SubmissionWarning[];
}

interface SubmissionRow {
  id: number;
  year: number;
  unit_code: string;
  unit_name: string;
  file_name: string;
  sha256: string;
  size: number;
  imported_at: string;
  actor: string;
  matched_by: MatchMethod;
  form_fingerprint: string | null;
  framework_fingerprint: string;
  status: 'current' | 'superseded';
  superseded_by: number | null;
  version: number;
  leaf_values: string;
  diff: string;
  warnings: string;
}

const SELECT = `
  SELECT s.id, s.year, s.unit_code, u.name AS unit_name, s.file_name, s.sha256, s.size, s.imported_at, s.actor,
         s.matched_by, s.form_fingerprint, s.framework_fingerprint, s.status, s.superseded_by,
         (SELECT COUNT(*) FROM form_submissions e WHERE e.year = s.year AND e.unit_code = s.unit_code AND e.id <= s.id) AS version,
         s.leaf_values, s.diff, s.warnings
  FROM form_submissions s JOIN units u ON u.code = s.unit_code`;

/** How many criteria a diff touches: a leaf whose self score and evidence both changed counts once. */
export function changedCriteria(diff: SubmissionDiff[]): number {
  return new Set(diff.map((d) => d.criterionCode)).size;
}

function toSummary(r: SubmissionRow): SubmissionSummary {
  return {
    id: r.id,
    year: r.year,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    importedAt: r.imported_at,
    actor: r.actor,
    matchedBy: r.matched_by,
    formFingerprint: r.form_fingerprint,
    frameworkFingerprint: r.framework_fingerprint,
    status: r.status,
    version: r.version,
    supersededBy: r.superseded_by,
    changeCount: changedCriteria(JSON.parse(r.diff) as SubmissionDiff[]),
    warningCount: (JSON.parse(r.warnings) as unknown[]).length,
  };
}

function toDetail(r: SubmissionRow): SubmissionDetail {
  return {
    ...toSummary(r),
    leaves: JSON.parse(r.leaf_values) as SubmittedLeaf[],
    diff: JSON.parse(r.diff) as SubmissionDiff[],
    warnings: JSON.parse(r.warnings) as SubmissionWarning[],
  };
}

/**
 * Records a submission as the current one of its unit and year; the one it replaces stays
 * in history, marked superseded. Call inside the transaction that writes the scores.
 */
export function recordSubmission(ws: Workspace, s: NewSubmission, importedAt = new Date().toISOString()): number {
  return ws.transaction(() => {
    const previous = currentSubmission(ws, s.year, s.unitCode);
    if (previous) {
      sqlOf(ws).prepare(`UPDATE form_submissions SET status = 'superseded' WHERE id = ?`).run(previous.id);
    }
    const id = Number(
      sqlOf(ws)
        .prepare(
          `INSERT INTO form_submissions(year, unit_code, file_name, sha256, size, content, imported_at, actor, matched_by,
             form_fingerprint, framework_fingerprint, status, leaf_values, diff, warnings)
           VALUES (@year, @unit, @file, @sha, @size, @content, @at, @actor, @matchedBy, @formFp, @fwFp, 'current',
             @leaves, @diff, @warnings)`,
        )
        .run({
          year: s.year,
          unit: s.unitCode,
          file: s.fileName,
          sha: s.sha256,
          size: s.content.length,
          content: s.content,
          at: importedAt,
          actor: s.actor,
          matchedBy: s.matchedBy,
          formFp: s.formFingerprint,
          fwFp: s.frameworkFingerprint,
          leaves: JSON.stringify(s.leaves),
          diff: JSON.stringify(s.diff),
          warnings: JSON.stringify(s.warnings),
        }).lastInsertRowid,
    );
    if (previous) sqlOf(ws).prepare('UPDATE form_submissions SET superseded_by = ? WHERE id = ?').run(id, previous.id);
    return id;
  });
}

export function currentSubmission(ws: Workspace, year: number, unitCode: string): SubmissionDetail | null {
  const row = sqlOf(ws)
    .prepare(`${SELECT} WHERE s.year = ? AND s.unit_code = ? AND s.status = 'current'`)
    .get(year, unitCode) as SubmissionRow | undefined;
  return row ? toDetail(row) : null;
}

/** Submissions holding exactly these bytes, newest first. */
export function submissionsWithHash(ws: Workspace, sha256: string): SubmissionSummary[] {
  return (sqlOf(ws).prepare(`${SELECT} WHERE s.sha256 = ? ORDER BY s.id DESC`).all(sha256) as SubmissionRow[]).map(toSummary);
}

/** Every submission of a year (current and superseded), by unit then oldest first. */
export function listSubmissions(ws: Workspace, year: number, filter: { unitCode?: string } = {}): SubmissionSummary[] {
  return (sqlOf(ws)
    .prepare(`${SELECT} WHERE s.year = @year AND (@unit IS NULL OR s.unit_code = @unit) ORDER BY u.sort_order, s.unit_code, s.id`)
    .all({ year, unit: filter.unitCode ?? null }) as SubmissionRow[]).map(toSummary);
}

export function getSubmission(ws: Workspace, id: number): SubmissionDetail | null {
  const row = sqlOf(ws).prepare(`${SELECT} WHERE s.id = ?`).get(id) as SubmissionRow | undefined;
  return row ? toDetail(row) : null;
}

/** The original file of a submission, byte for byte. */
export function submissionFile(ws: Workspace, id: number): { fileName: string; sha256: string; content: Buffer } | null {
  const row = sqlOf(ws).prepare('SELECT file_name, sha256, content FROM form_submissions WHERE id = ?').get(id) as
    | { file_name: string; sha256: string; content: Buffer }
    | undefined;
  return row ? { fileName: row.file_name, sha256: row.sha256, content: row.content } : null;
}
