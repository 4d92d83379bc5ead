// Migration 2 adds the returned forms (submissions) to a file of schema 1, keeping its data.
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { listSubmissions, recordSubmission } from '../../electron/features/forms/store';
import { copyOfFixture } from './helpers';

describe('migration 2 (submissions)', () => {
  it('upgrades a file of schema 1, keeps its scores and audit, and takes submissions', () => {
    const ws = Workspace.open(copyOfFixture(1));
    expect(sqlOf(ws).pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    expect(getScores(ws, 2024, { unitCode: 'SNV' }).map((s) => [s.criterionCode, s.selfScore, s.appraisedScore, s.note])).toEqual([
      ['1', 2, 1.5, 'Kế hoạch ban hành chậm'],
      ['2', null, 0.91, null],
    ]);
    expect(getAudit(ws, 2024)[0]).toMatchObject({ actor: 'Nguyễn Văn A', newValue: '1.5', source: 'appraisal' });
    const record = {
      year: 2024,
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
    expect(listSubmissions(ws, 2024, { unitCode: 'SNV' }).map((s) => [s.fileName, s.status, s.version])).toEqual([
      ['a.xlsx', 'superseded', 1],
      ['b.xlsx', 'current', 2],
    ]);
    // one current submission per unit and year, enforced by the schema itself
    expect(() =>
      sqlOf(ws)
        .prepare(
          `INSERT INTO form_submissions(year, unit_code, file_name, sha256, size, content, imported_at, actor, matched_by,
             framework_fingerprint, status, leaf_values, diff, warnings)
           VALUES (2024, 'SNV', 'c.xlsx', 'x', 1, x'00', 'now', 'a', 'content', 'f', 'current', '[]', '[]', '[]')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    ws.close();
  });
});
