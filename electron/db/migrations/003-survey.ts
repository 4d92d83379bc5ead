import type { Migration } from './types';

// SIPAS surveys: a year's own questionnaire and counting settings (absent = the built-in
// model and the defaults), named mapping profiles for online-form exports, imported files
// (the original bytes kept) with their forms, and the links from PAR survey leaves to an index.
export const migration003: Migration = {
  version: 3,
  name: 'survey',
  up(db) {
    db.exec(`
      CREATE TABLE survey_years (
        year INTEGER PRIMARY KEY REFERENCES periods(year) ON DELETE CASCADE,
        definition TEXT,
        settings TEXT
      );
      CREATE TABLE survey_profiles (
        name TEXT PRIMARY KEY,
        profile TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE survey_imports (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        profile TEXT,
        item_codes TEXT NOT NULL,
        form_count INTEGER NOT NULL,
        UNIQUE (year, sha256)
      );
      CREATE TABLE survey_forms (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES survey_imports(id) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        form_code TEXT,
        row_number INTEGER NOT NULL,
        answers TEXT NOT NULL
      );
      CREATE INDEX survey_forms_by_import ON survey_forms(import_id);
      CREATE INDEX survey_forms_by_unit ON survey_forms(unit_code, form_code);
      CREATE TABLE survey_links (
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        block_code TEXT NOT NULL REFERENCES blocks(code),
        criterion_code TEXT NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('overall', 'area', 'factor')),
        target_code TEXT,
        PRIMARY KEY (year, block_code, criterion_code)
      );
    `);
  },
};
