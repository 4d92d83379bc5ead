import type { Migration } from './types';

// Evidence documents (tài liệu kiểm chứng) the units send with their forms: each content once
// (by SHA-256) in the workspace file itself, so that one file, its backup and its restore
// carry everything; and the documents that point at it, per unit, year and leaf (or not yet
// assigned), with where they came from. A content no document uses any more is removed with
// the last document that used it (also when a year is deleted and its documents go with it).
export const migration006: Migration = {
  version: 6,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_blobs (
        sha256 TEXT PRIMARY KEY,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'text')),
        pages INTEGER,
        content BLOB NOT NULL
      );
      CREATE TABLE evidence_documents (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES periods(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
        -- the leaf as the framework writes its code; null = received but not yet assigned
        criterion_code TEXT,
        name TEXT NOT NULL,
        -- where the file was inside what was received ("1.2/Kế hoạch.pdf")
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES evidence_blobs(sha256),
        received_at TEXT NOT NULL,
        -- the folder or .zip it came in, and the form it came with (if any)
        source TEXT NOT NULL,
        submission_id INTEGER REFERENCES form_submissions(id) ON DELETE SET NULL,
        linked_by TEXT NOT NULL CHECK (linked_by IN ('folder', 'prefix', 'form', 'staff', 'none')),
        actor TEXT NOT NULL
      );
      CREATE INDEX evidence_documents_by_unit ON evidence_documents(year, unit_code, criterion_code);
      CREATE INDEX evidence_documents_by_sha ON evidence_documents(sha256);
      CREATE TRIGGER evidence_blob_unused AFTER DELETE ON evidence_documents
      WHEN NOT EXISTS (SELECT 1 FROM evidence_documents WHERE sha256 = OLD.sha256)
      BEGIN
        DELETE FROM evidence_blobs WHERE sha256 = OLD.sha256;
      END;
      CREATE TRIGGER evidence_blob_unused_after_move AFTER UPDATE OF sha256 ON evidence_documents
      WHEN NOT EXISTS (SELECT 1 FROM evidence_documents WHERE sha256 = OLD.sha256)
      BEGIN
        DELETE FROM evidence_blobs WHERE sha256 = OLD.sha256;
      END;
    `);
  },
};
