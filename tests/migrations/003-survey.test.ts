// Migration 3 adds the SIPAS survey tables to a file of schema 2, keeping its submissions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { listSubmissions } from '../../electron/features/forms/store';
import { copyOfFixture } from './helpers';

describe('migration 3 (survey)', () => {
  it('adds the survey tables to a file of schema 2, after a backup, keeping its submissions', () => {
    const file = copyOfFixture(2);
    const ws = Workspace.open(file);
    const tables = (sqlOf(ws).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'survey%' ORDER BY name").all() as {
      name: string;
    }[]).map((t) => t.name);
    expect(tables).toEqual(['survey_forms', 'survey_imports', 'survey_links', 'survey_profiles', 'survey_years']);
    expect(listSubmissions(ws, 2024).map((s) => [s.unitCode, s.fileName, s.status])).toEqual([['STP', 'STP-2024.xlsx', 'current']]);
    // forms go with their file; a unit's code change follows into its forms
    const imp = sqlOf(ws)
      .prepare(
        "INSERT INTO survey_imports(year, file_name, format, sha256, size, content, imported_at, actor, item_codes, form_count) VALUES (2024, 'a.csv', 'entry', 'x', 1, x'00', '', '', '[]', 1)",
      )
      .run().lastInsertRowid;
    sqlOf(ws).prepare("INSERT INTO survey_forms(import_id, unit_code, row_number, answers) VALUES (?, 'STP', 2, '[]')").run(imp);
    sqlOf(ws).prepare("UPDATE units SET code = 'STP2' WHERE code = 'STP'").run();
    expect(sqlOf(ws).prepare('SELECT unit_code FROM survey_forms').get()).toEqual({ unit_code: 'STP2' });
    sqlOf(ws).prepare('DELETE FROM survey_imports').run();
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 0 });
    ws.close();
    expect(fs.readdirSync(path.dirname(file)).some((f) => f.startsWith('v2.v2-') && f.endsWith('.bak.parws'))).toBe(true);
  });
});
