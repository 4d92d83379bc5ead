import type { Migration } from './types';

// Who takes part in a year: the years a unit is in force (Từ năm, Đến năm; blank = open) and
// the units staff added to or took out of a year by hand, with who and when; and the history
// of changes to units (added, changed, deleted, by hand or by import), which can be undone;
// and results as a year's published table gave them, for years kept without their scores.
export const migration004: Migration = {
  version: 4,
  name: 'participation',
  up(db) {
    db.exec(`
      ALTER TABLE units ADD COLUMN from_year INTEGER;
      ALTER TABLE units ADD COLUMN to_year INTEGER;
      CREATE TABLE year_participation (
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE ON UPDATE CASCADE,
        included INTEGER NOT NULL CHECK (included IN (0, 1)),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT,
        PRIMARY KEY (year, unit_code)
      );
      CREATE TABLE unit_audit (
        id INTEGER PRIMARY KEY,
        -- the changes made together (one save, one import, one undo) share a batch
        batch TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        -- the unit as JSON before and after; null before = added, null after = deleted
        before TEXT,
        after TEXT,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      );
      CREATE INDEX unit_audit_by_batch ON unit_audit(batch);
      CREATE TABLE published_results (
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        idx REAL NOT NULL,
        rank INTEGER,
        total REAL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (year, block_code, unit_code)
      );
    `);
  },
};
