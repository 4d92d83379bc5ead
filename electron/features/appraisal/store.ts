// SQL of scores (one row per unit and leaf) and of their audit log.
import type { AuditEntry, Score } from '../../../shared/domain';
import { sqlOf, type Statement } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

/** The fields of a score that a change may set; absent = unchanged, null = cleared. */
export interface ScorePatch {
  selfScore?: number | null;
  appraisedScore?: number | null;
  appraisalRound?: number;
  notApplicable?: boolean;
  reportedValue?: number | null;
  evidence?: string | null;
  explanation?: string | null;
  note?: string | null;
  needsReappraisal?: boolean;
}

const SCORE_COLUMNS: Record<keyof ScorePatch, string> = {
  selfScore: 'self_score',
  appraisedScore: 'appraised_score',
  appraisalRound: 'appraisal_round',
  notApplicable: 'not_applicable',
  reportedValue: 'reported_value',
  evidence: 'evidence',
  explanation: 'explanation',
  note: 'note',
  needsReappraisal: 'needs_reappraisal',
};

interface ScoreRow {
  unit_code: string;
  code: string;
  self_score: number | null;
  appraised_score: number | null;
  appraisal_round: number;
  not_applicable: number;
  reported_value: number | null;
  evidence: string | null;
  explanation: string | null;
  note: string | null;
  needs_reappraisal: number;
}

function rowToScore(r: ScoreRow): Score {
  return {
    unitCode: r.unit_code,
    criterionCode: r.code,
    selfScore: r.self_score,
    appraisedScore: r.appraised_score,
    appraisalRound: r.appraisal_round,
    notApplicable: r.not_applicable === 1,
    reportedValue: r.reported_value,
    evidence: r.evidence,
    explanation: r.explanation,
    note: r.note,
    needsReappraisal: r.needs_reappraisal === 1,
  };
}

/** Scores of a year, of one block or all, one unit or all. */
export function getScores(ws: Workspace, year: number, filter: { blockCode?: string; unitCode?: string } = {}): Score[] {
  // Conditions only for the filters given, so that SQLite can use its indexes.
  const where = ['f.year = @year'];
  if (filter.blockCode !== undefined) where.push('f.block_code = @block');
  if (filter.unitCode !== undefined) where.push('s.unit_code = @unit');
  const rows = sqlOf(ws)
    .prepare(
      `SELECT s.unit_code, c.code, s.self_score, s.appraised_score, s.appraisal_round, s.not_applicable,
              s.reported_value, s.evidence, s.explanation, s.note, s.needs_reappraisal
       FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
       WHERE ${where.join(' AND ')}
       ORDER BY s.unit_code, c.sort_order`,
    )
    .all({ year, block: filter.blockCode, unit: filter.unitCode }) as ScoreRow[];
  return rows.map(rowToScore);
}

/** Scores of a year with only what the scoring engine reads, in one lean pass. */
export function scoringScores(ws: Workspace, year: number): Score[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT s.unit_code, c.code, s.self_score, s.appraised_score, s.not_applicable
       FROM frameworks f JOIN criteria c ON c.framework_id = f.id JOIN scores s ON s.criterion_id = c.id
       WHERE f.year = ?`,
    )
    .raw()
    .all(year) as [string, string, number | null, number | null, number][];
  return rows.map(([unitCode, criterionCode, selfScore, appraisedScore, na]) => ({
    unitCode,
    criterionCode,
    selfScore,
    appraisedScore,
    appraisalRound: 0,
    notApplicable: na === 1,
    reportedValue: null,
    evidence: null,
    explanation: null,
    note: null,
    needsReappraisal: false,
  }));
}

const scoreOfStatements = new WeakMap<object, Statement>();

/** The score of one unit and leaf (by the criterion's row id), or null when nothing is stored. */
export function scoreOf(ws: Workspace, unitCode: string, criterionId: number, criterionCode: string): Score | null {
  const db = sqlOf(ws);
  // prepared once per connection: a batch of changes asks this for every cell it writes
  let statement = scoreOfStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `SELECT unit_code, self_score, appraised_score, appraisal_round, not_applicable,
              reported_value, evidence, explanation, note, needs_reappraisal
       FROM scores WHERE unit_code = ? AND criterion_id = ?`,
    );
    scoreOfStatements.set(db, statement);
  }
  const row = statement.get(unitCode, criterionId) as Omit<ScoreRow, 'code'> | undefined;
  return row ? rowToScore({ ...row, code: criterionCode }) : null;
}

export interface AuditRecord {
  at: string;
  actor: string;
  year: number;
  unitCode: string;
  criterionCode: string;
  field: keyof ScorePatch;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  source: string;
}

/** Writes the given fields of one score (the row is created when missing) and their audit entries. */
export class ScoreWriter {
  private readonly updates = new Map<string, Statement>();
  private readonly insert: Statement;
  private readonly audit: Statement;

  constructor(private readonly ws: Workspace) {
    const db = sqlOf(ws);
    this.insert = db.prepare('INSERT INTO scores(criterion_id, unit_code, updated_at) VALUES (?, ?, ?)');
    this.audit = db.prepare(
      `INSERT INTO score_audit(at, actor, year, unit_code, criterion_code, field, old_value, new_value, reason, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(unitCode: string, criterionId: number, exists: boolean, patch: ScorePatch, fields: (keyof ScorePatch)[], at: string): void {
    if (!exists) this.insert.run(criterionId, unitCode, at);
    const key = fields.join(',');
    let update = this.updates.get(key);
    if (!update) {
      update = sqlOf(this.ws).prepare(
        `UPDATE scores SET ${fields.map((f) => `${SCORE_COLUMNS[f]} = ?`).join(', ')}, updated_at = ?
         WHERE unit_code = ? AND criterion_id = ?`,
      );
      this.updates.set(key, update);
    }
    update.run(...fields.map((f) => sqlValue(patch[f])), at, unitCode, criterionId);
  }

  record(entry: AuditRecord): void {
    this.audit.run(
      entry.at,
      entry.actor,
      entry.year,
      entry.unitCode,
      entry.criterionCode,
      entry.field,
      entry.oldValue,
      entry.newValue,
      entry.reason,
      entry.source,
    );
  }
}

function sqlValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

/** Audit entries of a year, newest first, for one unit and leaf or wider. */
export function getAudit(ws: Workspace, year: number, filter: { unitCode?: string; criterionCode?: string; limit?: number } = {}): AuditEntry[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT id, at, actor, year, unit_code, criterion_code, field, old_value, new_value, reason, source
       FROM score_audit WHERE year = @year AND (@unit IS NULL OR unit_code = @unit)
         AND (@code IS NULL OR criterion_code = @code)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ year, unit: filter.unitCode ?? null, code: filter.criterionCode ?? null, limit: filter.limit ?? -1 }) as {
    id: number;
    at: string;
    actor: string;
    year: number;
    unit_code: string;
    criterion_code: string;
    field: string;
    old_value: string | null;
    new_value: string | null;
    reason: string | null;
    source: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    year: r.year,
    unitCode: r.unit_code,
    criterionCode: r.criterion_code,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
    source: r.source,
  }));
}

/** What a form may change of one leaf's score, with what decides how. */
export interface LeafScoreState {
  selfScore: number | null;
  evidence: string | null;
  explanation: string | null;
  appraisedScore: number | null;
  notApplicable: boolean;
}

/**
 * The score state of one unit's leaves in a year, by leaf code. Reads by the scores primary
 * key (unit first), so it stays fast however many units the workspace holds.
 */
export function unitScoreStates(ws: Workspace, year: number, unitCode: string): Map<string, LeafScoreState> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT c.code, s.self_score, s.evidence, s.explanation, s.appraised_score, s.not_applicable
       FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
       WHERE s.unit_code = ? AND f.year = ?`,
    )
    .all(unitCode, year) as {
    code: string;
    self_score: number | null;
    evidence: string | null;
    explanation: string | null;
    appraised_score: number | null;
    not_applicable: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.code,
      {
        selfScore: r.self_score,
        evidence: r.evidence,
        explanation: r.explanation,
        appraisedScore: r.appraised_score,
        notApplicable: r.not_applicable === 1,
      },
    ]),
  );
}

/** For each year, the blocks that have scores in it. */
export function blocksWithScores(ws: Workspace): Map<number, Set<string>> {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT f.year, f.block_code FROM frameworks f
       WHERE EXISTS (SELECT 1 FROM criteria c JOIN scores s ON s.criterion_id = c.id WHERE c.framework_id = f.id)`,
    )
    .all() as { year: number; block_code: string }[];
  const map = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = map.get(r.year) ?? new Set<string>();
    set.add(r.block_code);
    map.set(r.year, set);
  }
  return map;
}

/** How many score rows and audit entries the workspace holds. */
export function scoreCounts(ws: Workspace): { scores: number; auditEntries: number } {
  const db = sqlOf(ws);
  return {
    scores: (db.prepare('SELECT COUNT(*) AS n FROM scores').get() as { n: number }).n,
    auditEntries: (db.prepare('SELECT COUNT(*) AS n FROM score_audit').get() as { n: number }).n,
  };
}
