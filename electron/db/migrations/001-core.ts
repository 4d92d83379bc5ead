import type { Migration } from './types';

// Periods, blocks, units with lineage, frameworks (one per year and block), scores,
// the audit log of score changes and settings per year and block.
export const migration001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE workspace_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE periods (
        year INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
      );
      CREATE TABLE blocks (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE units (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        ranked INTEGER NOT NULL DEFAULT 1 CHECK (ranked IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE unit_predecessors (
        unit_code TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE ON UPDATE CASCADE,
        predecessor_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        PRIMARY KEY (unit_code, predecessor_code),
        CHECK (unit_code <> predecessor_code)
      );
      CREATE TABLE frameworks (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        UNIQUE (year, block_code)
      );
      CREATE TABLE criteria (
        id INTEGER PRIMARY KEY,
        framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        parent_code TEXT,
        level INTEGER NOT NULL,
        sort_order INTEGER NOT NULL,
        title TEXT NOT NULL,
        max_points REAL,
        source TEXT NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'survey')),
        method TEXT NOT NULL DEFAULT 'free'
          CHECK (method IN ('free', 'yesno', 'tiers', 'ratio', 'bonus', 'deduction')),
        tiers TEXT,
        evidence_required INTEGER NOT NULL DEFAULT 0,
        guidance TEXT,
        UNIQUE (framework_id, code)
      );
      CREATE INDEX criteria_by_parent ON criteria(framework_id, parent_code);
      CREATE TABLE scores (
        criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        self_score REAL,
        appraised_score REAL,
        appraisal_round INTEGER NOT NULL DEFAULT 0,
        not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
        reported_value REAL,
        evidence TEXT,
        explanation TEXT,
        note TEXT,
        needs_reappraisal INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (unit_code, criterion_id)
      );
      -- covers what the scoring engine reads, so results never visit the table itself
      CREATE INDEX scores_by_criterion ON scores(criterion_id, unit_code, self_score, appraised_score, not_applicable);
      CREATE TABLE score_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        criterion_code TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        reason TEXT,
        source TEXT NOT NULL
      );
      CREATE INDEX score_audit_by_score ON score_audit(year, unit_code, criterion_code);
      CREATE TABLE block_settings (
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        bands TEXT NOT NULL DEFAULT '[]',
        precision INTEGER NOT NULL DEFAULT 2,
        PRIMARY KEY (year, block_code)
      );
    `);
  },
};
