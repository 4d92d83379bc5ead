import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../helpers/tmp';

describe('migration 003 (survey)', () => {
  it('adds the survey tables to a workspace of the previous schema, after a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cu.parws');
    const survey = migrations.find((m) => m.name === 'survey')!;
    const older = Workspace.create(file, { migrations: migrations.filter((m) => m.version < survey.version) });
    older.upsertUnits([{ code: 'S01', name: 'Sở Tư pháp', blockCode: 'so' }]);
    older.close();
    const ws = Workspace.open(file);
    const tables = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'survey%' ORDER BY name").all() as {
      name: string;
    }[]).map((t) => t.name);
    expect(tables).toEqual(['survey_forms', 'survey_imports', 'survey_links', 'survey_profiles', 'survey_years']);
    expect(ws.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(survey.version);
    expect(ws.getUnit('S01')?.name).toBe('Sở Tư pháp');
    // forms go with their file; a unit's code change follows into its forms
    ws.ensurePeriod(2025);
    const imp = ws.db
      .prepare("INSERT INTO survey_imports(year, file_name, format, sha256, size, content, imported_at, actor, item_codes, form_count) VALUES (2025, 'a.csv', 'entry', 'x', 1, x'00', '', '', '[]', 1)")
      .run().lastInsertRowid;
    ws.db.prepare("INSERT INTO survey_forms(import_id, unit_code, row_number, answers) VALUES (?, 'S01', 2, '[]')").run(imp);
    ws.db.prepare("UPDATE units SET code = 'S01B' WHERE code = 'S01'").run();
    expect(ws.db.prepare('SELECT unit_code FROM survey_forms').get()).toEqual({ unit_code: 'S01B' });
    ws.db.prepare('DELETE FROM survey_imports').run();
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 0 });
    ws.close();
    expect(fs.readdirSync(dir).some((f) => f.includes('.bak'))).toBe(true);
  });
});
