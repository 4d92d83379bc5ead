// Migration 2 adds the submissions table to a workspace written before it, keeping its data.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { openDatabase } from '../../../electron/db/open';
import { migration001 } from '../../../electron/db/migrations/001-core';
import { migration002 } from '../../../electron/db/migrations/002-submissions';
import { listSubmissions, recordSubmission } from '../../../electron/features/forms/store';
import { tempDir } from '../../helpers/tmp';
import { sqlOf } from '../../../electron/db/connection';

describe('migration 2 (submissions)', () => {
  it('upgrades a version 1 workspace, keeps its scores and accepts submissions', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1.parws');
    const db = openDatabase(file, { create: true, migrations: [migration001] });
    db.exec(`INSERT INTO periods(year, name) VALUES (2025, 'Chỉ số CCHC năm 2025');
             INSERT INTO blocks(code, name) VALUES ('so', 'Khối sở');
             INSERT INTO units(code, name, block_code) VALUES ('SNV', 'Sở Nội vụ', 'so');
             INSERT INTO frameworks(year, block_code) VALUES (2025, 'so');
             INSERT INTO criteria(framework_id, code, level, sort_order, title, max_points) VALUES (1, '1', 1, 1, 'Chỉ đạo', 2);
             INSERT INTO scores(criterion_id, unit_code, self_score, updated_at) VALUES (1, 'SNV', 1.5, '2025-01-01');`);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'form_submissions'`).get()).toBeUndefined();
    db.close();

    const upgraded = openDatabase(file, { migrations: [migration001, migration002] });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(2);
    const columns = (upgraded.prepare(`PRAGMA table_info(form_submissions)`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining(['year', 'unit_code', 'file_name', 'sha256', 'size', 'content', 'status', 'superseded_by', 'diff']),
    );
    expect(upgraded.prepare('SELECT self_score FROM scores').get()).toEqual({ self_score: 1.5 });
    upgraded.close();

    const ws = Workspace.open(file);
    const record = {
      year: 2025,
      unitCode: 'SNV',
      fileName: 'a.xlsx',
      sha256: 'ab'.repeat(32),
      content: Buffer.from('x'),
      actor: 'kiểm thử',
      matchedBy: 'metadata' as const,
      formFingerprint: null,
      frameworkFingerprint: 'cd'.repeat(32),
      leaves: [],
      diff: [],
      warnings: [],
    };
    recordSubmission(ws, record);
    recordSubmission(ws, { ...record, fileName: 'b.xlsx' });
    expect(listSubmissions(ws, 2025).map((s) => [s.fileName, s.status, s.version])).toEqual([
      ['a.xlsx', 'superseded', 1],
      ['b.xlsx', 'current', 2],
    ]);
    // one current submission per unit and year, enforced by the schema itself
    expect(() =>
      sqlOf(ws)
        .prepare(
          `INSERT INTO form_submissions(year, unit_code, file_name, sha256, size, content, imported_at, actor, matched_by,
             framework_fingerprint, status, leaf_values, diff, warnings)
           VALUES (2025, 'SNV', 'c.xlsx', 'x', 1, x'00', 'now', 'a', 'content', 'f', 'current', '[]', '[]', '[]')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    ws.close();
  });
});
