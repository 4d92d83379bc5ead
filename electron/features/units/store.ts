// SQL of units and their lineage (predecessors).
import type { Unit } from '../../../shared/domain';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface UnitRow {
  code: string;
  name: string;
  blockCode: string;
  ranked: boolean;
  /** the years in force; undefined leaves a known unit's years as they are */
  fromYear?: number | null;
  toYear?: number | null;
}

interface UnitDbRow {
  code: string;
  name: string;
  block_code: string;
  ranked: number;
  sort_order: number;
  from_year: number | null;
  to_year: number | null;
}

const UNIT_COLUMNS = 'code, name, block_code, ranked, sort_order, from_year, to_year';

function toUnit(r: UnitDbRow, predecessors: string[]): Unit {
  return {
    code: r.code,
    name: r.name,
    blockCode: r.block_code,
    ranked: r.ranked === 1,
    predecessors,
    sortOrder: r.sort_order,
    fromYear: r.from_year,
    toYear: r.to_year,
  };
}

export function listUnits(ws: Workspace): Unit[] {
  const db = sqlOf(ws);
  const preds = lineageLinks(ws);
  return (db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY sort_order, code`).all() as UnitDbRow[]).map((r) =>
    toUnit(r, preds.get(r.code) ?? []),
  );
}

export function getUnit(ws: Workspace, code: string): Unit | null {
  const db = sqlOf(ws);
  const r = db.prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE code = ?`).get(code) as UnitDbRow | undefined;
  if (!r) return null;
  const predecessors = (db.prepare('SELECT predecessor_code FROM unit_predecessors WHERE unit_code = ? ORDER BY rowid').all(code) as {
    predecessor_code: string;
  }[]).map((p) => p.predecessor_code);
  return toUnit(r, predecessors);
}

export function unitExists(ws: Workspace, code: string): boolean {
  return sqlOf(ws).prepare('SELECT 1 FROM units WHERE code = ?').get(code) !== undefined;
}

/** Inserts or updates units by code; new ones go after the existing ones. */
export function upsertUnitRows(ws: Workspace, rows: UnitRow[]): void {
  const db = sqlOf(ws);
  let order = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS n FROM units').get() as { n: number }).n;
  const upsert = db.prepare(
    `INSERT INTO units(code, name, block_code, ranked, sort_order, from_year, to_year)
       VALUES (@code, @name, @block, @ranked, @order, @fromYear, @toYear)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, block_code = excluded.block_code, ranked = excluded.ranked,
       from_year = CASE WHEN @setYears THEN excluded.from_year ELSE units.from_year END,
       to_year = CASE WHEN @setYears THEN excluded.to_year ELSE units.to_year END`,
  );
  for (const u of rows) {
    const setYears = u.fromYear !== undefined || u.toYear !== undefined;
    upsert.run({
      code: u.code,
      name: u.name,
      block: u.blockCode,
      ranked: u.ranked ? 1 : 0,
      order: ++order,
      fromYear: u.fromYear ?? null,
      toYear: u.toYear ?? null,
      setYears: setYears ? 1 : 0,
    });
  }
}

export function replacePredecessors(ws: Workspace, unitCode: string, predecessors: string[]): void {
  const db = sqlOf(ws);
  db.prepare('DELETE FROM unit_predecessors WHERE unit_code = ?').run(unitCode);
  const add = db.prepare('INSERT INTO unit_predecessors(unit_code, predecessor_code) VALUES (?, ?)');
  for (const p of predecessors) add.run(unitCode, p);
}

/** Every unit's predecessors, for rules that follow lineage. */
export function lineageLinks(ws: Workspace): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of sqlOf(ws).prepare('SELECT unit_code, predecessor_code FROM unit_predecessors ORDER BY rowid').all() as {
    unit_code: string;
    predecessor_code: string;
  }[]) {
    const list = map.get(r.unit_code) ?? [];
    list.push(r.predecessor_code);
    map.set(r.unit_code, list);
  }
  return map;
}

export function writeUnitRanked(ws: Workspace, code: string, ranked: boolean): void {
  sqlOf(ws).prepare('UPDATE units SET ranked = ? WHERE code = ?').run(ranked ? 1 : 0, code);
}

/** What keeps a unit from being deleted: its scores, or a unit that descends from it. */
export function unitDependents(ws: Workspace, code: string): { scores: boolean; successors: boolean } {
  const db = sqlOf(ws);
  return {
    scores: db.prepare('SELECT 1 FROM scores WHERE unit_code = ? LIMIT 1').get(code) !== undefined,
    successors: db.prepare('SELECT 1 FROM unit_predecessors WHERE predecessor_code = ? LIMIT 1').get(code) !== undefined,
  };
}

/** Deletes a unit; false when other rows (submissions, survey forms) still refer to it. */
export function deleteUnitRow(ws: Workspace, code: string): boolean {
  try {
    sqlOf(ws).prepare('DELETE FROM units WHERE code = ?').run(code);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw e;
  }
}

// ------------------------------------------------------------------ history

export interface UnitChange {
  id: number;
  batch: string;
  at: string;
  actor: string;
  source: string;
  unitCode: string;
  before: Unit | null;
  after: Unit | null;
  undone: boolean;
}

export function recordUnitChanges(ws: Workspace, changes: Omit<UnitChange, 'id' | 'undone'>[]): void {
  const insert = sqlOf(ws).prepare(
    'INSERT INTO unit_audit(batch, at, actor, source, unit_code, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of changes) {
    insert.run(c.batch, c.at, c.actor, c.source, c.unitCode, c.before ? JSON.stringify(c.before) : null, c.after ? JSON.stringify(c.after) : null);
  }
}

function toChange(r: { id: number; batch: string; at: string; actor: string; source: string; unit_code: string; before: string | null; after: string | null; undone: number }): UnitChange {
  return {
    id: r.id,
    batch: r.batch,
    at: r.at,
    actor: r.actor,
    source: r.source,
    unitCode: r.unit_code,
    before: r.before ? (JSON.parse(r.before) as Unit) : null,
    after: r.after ? (JSON.parse(r.after) as Unit) : null,
    undone: r.undone === 1,
  };
}

/** The changes of units, newest first. */
export function listUnitChanges(ws: Workspace, limit = 200): UnitChange[] {
  return (sqlOf(ws)
    .prepare('SELECT id, batch, at, actor, source, unit_code, before, after, undone FROM unit_audit ORDER BY id DESC LIMIT ?')
    .all(limit) as Parameters<typeof toChange>[0][]).map(toChange);
}

/** The newest batch of changes not undone yet (and not itself an undo), oldest change first. */
export function lastUndoableBatch(ws: Workspace): UnitChange[] {
  const db = sqlOf(ws);
  const row = db.prepare("SELECT batch FROM unit_audit WHERE undone = 0 AND source <> 'undo' ORDER BY id DESC LIMIT 1").get() as
    | { batch: string }
    | undefined;
  if (!row) return [];
  return (db
    .prepare('SELECT id, batch, at, actor, source, unit_code, before, after, undone FROM unit_audit WHERE batch = ? ORDER BY id')
    .all(row.batch) as Parameters<typeof toChange>[0][]).map(toChange);
}

export function markBatchUndone(ws: Workspace, batch: string): void {
  sqlOf(ws).prepare('UPDATE unit_audit SET undone = 1 WHERE batch = ?').run(batch);
}
