// Migration 6 adds evidence documents to a file of schema 4 (it does not depend on 5): one
// content per SHA-256, documents per unit, year and leaf, a content removed with its last document.
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { copyOfFixture } from './helpers';

describe('migration 6 (evidence)', () => {
  it('upgrades a file of schema 4, keeping its data; contents go with their last document', () => {
    const ws = Workspace.open(copyOfFixture(4));
    const db = sqlOf(ws);
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_documents').get()).toEqual({ n: 0 });
    const unit = (db.prepare('SELECT code FROM units ORDER BY code LIMIT 1').get() as { code: string }).code;
    const year = (db.prepare('SELECT year FROM periods ORDER BY year LIMIT 1').get() as { year: number }).year;
    db.prepare("INSERT INTO evidence_blobs(sha256, bytes, kind, pages, content) VALUES ('h1', 3, 'pdf', 1, x'255044')").run();
    const add = db.prepare(
      "INSERT INTO evidence_documents(year, unit_code, criterion_code, name, path, sha256, received_at, source, linked_by, actor) VALUES (?, ?, ?, 'a.pdf', 'a.pdf', 'h1', '2025-11-15', 'x.zip', 'folder', 'test')",
    );
    const first = add.run(year, unit, '1.1').lastInsertRowid;
    add.run(year, unit, null);
    // an unknown unit is refused by its foreign key
    expect(() => add.run(year, 'KHONG-CO', '1.1')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM evidence_documents WHERE id = ?').run(first);
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_blobs').get()).toEqual({ n: 1 });
    // deleting the year takes its documents, and the last one takes the content
    db.prepare('DELETE FROM periods WHERE year = ?').run(year);
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_documents').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_blobs').get()).toEqual({ n: 0 });
    ws.close();
  });
});
