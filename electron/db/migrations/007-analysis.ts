import type { Migration } from './types';

// How a block ranks equal indices in a year: 'shared' (equal at the display precision share a
// rank: 1, 2, 2, 4; the rule so far) or 'ordinal' (by the unrounded index, then points, then
// code). And the national tables MOHA publishes: per year the file read, and per province its
// published index, field scores (with maxima where given) and SIPAS with its components.
export const migration007: Migration = {
  version: 7,
  name: 'analysis',
  up(db) {
    db.exec(`
      ALTER TABLE block_settings ADD COLUMN ties TEXT NOT NULL DEFAULT 'shared' CHECK (ties IN ('shared', 'ordinal'));
      CREATE TABLE national_tables (
        year INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        -- what the reader noticed and let through (fields not summing to the index), as JSON
        warnings TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE national_results (
        year INTEGER NOT NULL REFERENCES national_tables(year) ON DELETE CASCADE,
        -- the province's name without accents, case and the "Tỉnh"/"Thành phố" prefix
        province_key TEXT NOT NULL,
        name TEXT NOT NULL,
        row_number INTEGER NOT NULL,
        idx REAL NOT NULL,
        -- [{code, title, score, max}] as published; max null when not given
        fields TEXT NOT NULL,
        sipas REAL,
        -- [{code, title, index}]
        sipas_factors TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (year, province_key)
      );
    `);
  },
};
