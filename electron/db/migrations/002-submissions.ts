import type { Migration } from './types';

// Self-assessment forms returned by the units: the original file (bytes and SHA-256), how
// it was matched, what it set, and the changes it made against what was there before.
// One submission per unit and year is current; the earlier ones stay as history.
export const migration002: Migration = {
  version: 2,
  name: 'submissions',
  up(db) {
    db.exec(`
      CREATE TABLE form_submissions (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        matched_by TEXT NOT NULL CHECK (matched_by IN ('metadata', 'content')),
        form_fingerprint TEXT,
        framework_fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
        superseded_by INTEGER REFERENCES form_submissions(id),
        leaf_values TEXT NOT NULL,
        diff TEXT NOT NULL,
        warnings TEXT NOT NULL
      );
      CREATE UNIQUE INDEX form_submissions_current ON form_submissions(year, unit_code) WHERE status = 'current';
      CREATE INDEX form_submissions_by_sha ON form_submissions(sha256);
    `);
  },
};
