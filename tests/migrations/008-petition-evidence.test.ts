// Migration 8 ties evidence documents to the petitions they came with; documents kept before it
// belong to no petition, and a petition's removal leaves its documents as the leaf's own.
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { copyOfFixture } from './helpers';

describe('migration 8 (petition evidence)', () => {
  it('upgrades a file of schema 7: documents kept without a petition; a petition deleted leaves its documents', () => {
    const ws = Workspace.open(copyOfFixture(7));
    const db = sqlOf(ws);
    const unit = (db.prepare('SELECT code FROM units ORDER BY code LIMIT 1').get() as { code: string }).code;
    const year = (db.prepare('SELECT year FROM periods ORDER BY year LIMIT 1').get() as { year: number }).year;
    db.prepare("INSERT INTO evidence_blobs(sha256, bytes, kind, pages, content) VALUES ('h8', 3, 'pdf', 1, x'255044')").run();
    const petition = db
      .prepare("INSERT INTO petitions(year, unit_code, criterion_code, text, received_at) VALUES (?, ?, '1.1', 'Xin xem lại', '2025-12-01')")
      .run(year, unit).lastInsertRowid;
    const add = db.prepare(
      "INSERT INTO evidence_documents(year, unit_code, criterion_code, name, path, sha256, received_at, source, linked_by, actor, petition_id) VALUES (?, ?, '1.1', 'b.pdf', 'b.pdf', 'h8', '2025-12-01', 'x.zip', 'folder', 'test', ?)",
    );
    const doc = add.run(year, unit, petition).lastInsertRowid;
    expect(() => add.run(year, unit, 999_999)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM petitions WHERE id = ?').run(petition);
    expect(db.prepare('SELECT petition_id, criterion_code FROM evidence_documents WHERE id = ?').get(doc)).toEqual({ petition_id: null, criterion_code: '1.1' });
    ws.close();
  });
});
