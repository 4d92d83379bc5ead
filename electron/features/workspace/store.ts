// SQL of the workspace's own settings, its periods (years) and its blocks.
import { BLOCK_DEFAULT_NAMES, type Block, type Period } from '../../../shared/domain';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export function getSetting(ws: Workspace, key: string): string | null {
  const row = sqlOf(ws).prepare('SELECT value FROM workspace_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(ws: Workspace, key: string, value: string | null): void {
  if (value === null) {
    sqlOf(ws).prepare('DELETE FROM workspace_settings WHERE key = ?').run(key);
    return;
  }
  sqlOf(ws)
    .prepare('INSERT INTO workspace_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

// ------------------------------------------------------------------ periods

export function listPeriods(ws: Workspace): Period[] {
  return (sqlOf(ws).prepare('SELECT year, name, locked FROM periods ORDER BY year').all() as {
    year: number;
    name: string;
    locked: number;
  }[]).map((r) => ({ year: r.year, name: r.name, locked: r.locked === 1 }));
}

export function getPeriod(ws: Workspace, year: number): Period | null {
  const r = sqlOf(ws).prepare('SELECT year, name, locked FROM periods WHERE year = ?').get(year) as
    | { year: number; name: string; locked: number }
    | undefined;
  return r ? { year: r.year, name: r.name, locked: r.locked === 1 } : null;
}

/** Inserts the period of `year` when it does not exist; true when it was new. */
export function insertPeriod(ws: Workspace, year: number, name: string): boolean {
  return sqlOf(ws).prepare('INSERT INTO periods(year, name) VALUES (?, ?) ON CONFLICT(year) DO NOTHING').run(year, name).changes > 0;
}

export function writePeriodLocked(ws: Workspace, year: number, locked: boolean): void {
  sqlOf(ws).prepare('UPDATE periods SET locked = ? WHERE year = ?').run(locked ? 1 : 0, year);
}

// ------------------------------------------------------------------- blocks

export function listBlocks(ws: Workspace): Block[] {
  return (sqlOf(ws).prepare('SELECT code, name, sort_order FROM blocks ORDER BY sort_order, code').all() as {
    code: string;
    name: string;
    sort_order: number;
  }[]).map((r) => ({ code: r.code, name: r.name, sortOrder: r.sort_order }));
}

export function getBlock(ws: Workspace, code: string): Block | null {
  const r = sqlOf(ws).prepare('SELECT code, name, sort_order FROM blocks WHERE code = ?').get(code) as
    | { code: string; name: string; sort_order: number }
    | undefined;
  return r ? { code: r.code, name: r.name, sortOrder: r.sort_order } : null;
}

/** The block of `code`, created if new (so/huyen/xa first, with their usual names), renamed when a name is given. */
export function upsertBlock(ws: Workspace, code: string, name?: string): Block {
  const db = sqlOf(ws);
  const existing = getBlock(ws, code);
  if (existing) {
    if (name && name !== existing.name) db.prepare('UPDATE blocks SET name = ? WHERE code = ?').run(name, code);
    return getBlock(ws, code)!;
  }
  const order = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM blocks').get() as { n: number }).n;
  const defaultOrder = Object.keys(BLOCK_DEFAULT_NAMES).indexOf(code);
  db.prepare('INSERT INTO blocks(code, name, sort_order) VALUES (?, ?, ?)').run(
    code,
    name ?? BLOCK_DEFAULT_NAMES[code] ?? code,
    defaultOrder >= 0 ? defaultOrder + 1 : order + 10,
  );
  return getBlock(ws, code)!;
}

/** How much depends on a block: its units and its frameworks. */
export function blockUse(ws: Workspace, code: string): { units: number; frameworks: number } {
  const db = sqlOf(ws);
  return {
    units: (db.prepare('SELECT COUNT(*) AS n FROM units WHERE block_code = ?').get(code) as { n: number }).n,
    frameworks: (db.prepare('SELECT COUNT(*) AS n FROM frameworks WHERE block_code = ?').get(code) as { n: number }).n,
  };
}

export function deleteBlockRow(ws: Workspace, code: string): void {
  sqlOf(ws).prepare('DELETE FROM blocks WHERE code = ?').run(code);
}
