// The SQLite handle behind a workspace, reachable only through `sqlOf`. Lint lets stores
// (electron/features/*/store.ts), this folder and tests import this module, so SQL stays in
// stores and no better-sqlite3 type leaks into services, handlers or the window.
import type Database from 'better-sqlite3';

export type Sql = Database.Database;
export type Statement = Database.Statement;

const handles = new WeakMap<object, Sql>();

/** Ties a workspace object to its open database (called once, by the workspace itself). */
export function bindConnection(owner: object, db: Sql): void {
  handles.set(owner, db);
}

/** The database of a workspace, for its stores. */
export function sqlOf(owner: object): Sql {
  const db = handles.get(owner);
  if (!db || !db.open) throw new Error('tệp dữ liệu đã đóng');
  return db;
}
