// SQL of the year's cycle as a whole: its deadlines, its publication, and the facts from which
// each unit's state is derived (score counts, first and last changes, notices, petitions).
import type { Deadlines } from '../../../shared/cycle/status';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export function getDeadlines(ws: Workspace, year: number): Deadlines {
  const r = sqlOf(ws).prepare('SELECT self_due, appraisal_due, petitions_due FROM cycle_deadlines WHERE year = ?').get(year) as
    | { self_due: string | null; appraisal_due: string | null; petitions_due: string | null }
    | undefined;
  return { year, selfDue: r?.self_due ?? null, appraisalDue: r?.appraisal_due ?? null, petitionsDue: r?.petitions_due ?? null };
}

export function writeDeadlines(ws: Workspace, d: Deadlines, at: string, actor: string): void {
  sqlOf(ws)
    .prepare(
      `INSERT INTO cycle_deadlines(year, self_due, appraisal_due, petitions_due, updated_at, actor) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(year) DO UPDATE SET self_due = excluded.self_due, appraisal_due = excluded.appraisal_due,
         petitions_due = excluded.petitions_due, updated_at = excluded.updated_at, actor = excluded.actor`,
    )
    .run(d.year, d.selfDue, d.appraisalDue, d.petitionsDue, at, actor);
}

/** Per unit of a year: leaves with a self score, leaves with an appraised score, leaves marked not applicable (codes). */
export function scoreFacts(ws: Workspace, year: number): Map<string, { self: Set<string>; appraised: Set<string>; notApplicable: Set<string> }> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT s.unit_code, c.code, s.self_score IS NOT NULL, s.appraised_score IS NOT NULL, s.not_applicable
       FROM frameworks f JOIN criteria c ON c.framework_id = f.id JOIN scores s ON s.criterion_id = c.id
       WHERE f.year = ?`,
    )
    .raw()
    .all(year) as [string, string, number, number, number][];
  const map = new Map<string, { self: Set<string>; appraised: Set<string>; notApplicable: Set<string> }>();
  for (const [unit, code, self, appraised, na] of rows) {
    let m = map.get(unit);
    if (!m) map.set(unit, (m = { self: new Set(), appraised: new Set(), notApplicable: new Set() }));
    if (self) m.self.add(code);
    if (appraised) m.appraised.add(code);
    if (na) m.notApplicable.add(code);
  }
  return map;
}

/** Per unit: when its first self score was set and when an appraised score last changed. */
export function auditMoments(ws: Workspace, year: number): Map<string, { firstSelf: string | null; lastAppraisal: string | null }> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT unit_code,
              MIN(CASE WHEN field = 'selfScore' AND new_value IS NOT NULL THEN at END),
              MAX(CASE WHEN field = 'appraisedScore' THEN at END)
       FROM score_audit WHERE year = ? AND field IN ('selfScore', 'appraisedScore') GROUP BY unit_code`,
    )
    .raw()
    .all(year) as [string, string | null, string | null][];
  return new Map(rows.map(([u, first, last]) => [u, { firstSelf: first, lastAppraisal: last }]));
}

/** Per unit: when its latest preliminary notice was issued. */
export function latestNotices(ws: Workspace, year: number): Map<string, string> {
  const rows = sqlOf(ws).prepare('SELECT unit_code, MAX(issued_at) FROM notices WHERE year = ? GROUP BY unit_code').raw().all(year) as [string, string][];
  return new Map(rows);
}

/** Per unit: petitions still waiting for a decision and petitions decided. */
export function petitionCounts(ws: Workspace, year: number): Map<string, { pending: number; decided: number }> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT unit_code, SUM(decision IS NULL), SUM(decision IS NOT NULL) FROM petitions WHERE year = ? GROUP BY unit_code`,
    )
    .raw()
    .all(year) as [string, number, number][];
  return new Map(rows.map(([u, pending, decided]) => [u, { pending, decided }]));
}

export interface PublicationRow {
  year: number;
  decision: string;
  /** yyyy-mm-dd */
  decisionDate: string;
  forced: boolean;
  at: string;
  actor: string;
}

export function getPublication(ws: Workspace, year: number): PublicationRow | null {
  const r = sqlOf(ws).prepare('SELECT year, decision, decision_date, forced, at, actor FROM publications WHERE year = ?').get(year) as
    | { year: number; decision: string; decision_date: string; forced: number; at: string; actor: string }
    | undefined;
  return r ? { year: r.year, decision: r.decision, decisionDate: r.decision_date, forced: r.forced === 1, at: r.at, actor: r.actor } : null;
}
