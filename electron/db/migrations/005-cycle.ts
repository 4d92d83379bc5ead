import type { Migration } from './types';

// The appraisal cycle of a year: its deadlines; the council (members, and what each appraises
// per year and block); the packages issued to members and taken back, with the cells where a
// package met a value changed since it was issued; the preliminary notices sent to units and
// the petitions they return, with the council's decisions; and the publication that closes a
// year (and its history of publishing and reopening). A workspace gets an identity that the
// files it issues carry, so that a file of another workspace is told apart.
export const migration005: Migration = {
  version: 5,
  name: 'cycle',
  up(db) {
    db.exec(`
      CREATE TABLE cycle_deadlines (
        year INTEGER PRIMARY KEY REFERENCES periods(year) ON DELETE CASCADE,
        -- calendar days, yyyy-mm-dd; null = not set
        self_due TEXT,
        appraisal_due TEXT,
        petitions_due TEXT,
        updated_at TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE TABLE council_members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT,
        -- the name without case, accents or extra spaces: one member per person
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE council_assignments (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        member_id INTEGER NOT NULL REFERENCES council_members(id) ON DELETE CASCADE,
        -- JSON array of field/criterion codes; each covers its leaves
        criteria TEXT NOT NULL,
        -- JSON array of unit codes; null = every unit of the block
        units TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX council_assignments_by_year ON council_assignments(year, block_code);
      CREATE TABLE council_packages (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES council_members(id),
        issued_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        -- JSON [[unit, criterion, appraised score at issue], ...]
        rows TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE TABLE council_imports (
        id INTEGER PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES council_packages(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        changes INTEGER NOT NULL,
        -- JSON [[unit, criterion, appraised score], ...] this file set, so that a later file of
        -- the same package is compared with what the package itself last set
        applied TEXT NOT NULL
      );
      CREATE INDEX council_imports_by_sha ON council_imports(sha256);
      CREATE TABLE council_conflicts (
        id INTEGER PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES council_packages(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        criterion_code TEXT NOT NULL,
        package_value REAL,
        package_remark TEXT,
        issued_value REAL,
        current_value REAL,
        changed_by TEXT,
        changed_at TEXT,
        detected_at TEXT NOT NULL,
        -- null = open; 'keep' = the value in the app stays; 'package' = the package's value was taken
        resolution TEXT CHECK (resolution IN ('keep', 'package')),
        resolved_at TEXT,
        resolved_by TEXT
      );
      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        issued_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        -- JSON [[criterion, self score, appraised score], ...] as sent
        rows TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX notices_by_unit ON notices(year, unit_code);
      CREATE TABLE petitions (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        criterion_code TEXT NOT NULL,
        notice_id TEXT REFERENCES notices(id),
        text TEXT NOT NULL,
        evidence TEXT,
        received_at TEXT NOT NULL,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
        file_name TEXT,
        decision TEXT CHECK (decision IN ('accept', 'keep')),
        decided_score REAL,
        reason TEXT,
        decided_at TEXT,
        decided_by TEXT
      );
      CREATE INDEX petitions_by_unit ON petitions(year, unit_code, criterion_code);
      CREATE TABLE petition_imports (
        id INTEGER PRIMARY KEY,
        notice_id TEXT NOT NULL REFERENCES notices(id),
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        petitions INTEGER NOT NULL
      );
      CREATE INDEX petition_imports_by_sha ON petition_imports(sha256);
      CREATE TABLE publications (
        year INTEGER PRIMARY KEY REFERENCES periods(year) ON DELETE CASCADE,
        decision TEXT NOT NULL,
        decision_date TEXT NOT NULL,
        forced INTEGER NOT NULL CHECK (forced IN (0, 1)),
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE TABLE publication_log (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('publish', 'unpublish')),
        decision TEXT,
        decision_date TEXT,
        forced INTEGER NOT NULL DEFAULT 0,
        -- what was left open when publishing was forced, or why the year was reopened
        reason TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      INSERT OR IGNORE INTO workspace_settings(key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
    `);
  },
};
