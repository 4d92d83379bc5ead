import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../helpers/tmp';
import { getUnit } from '../../../electron/features/units/store';
import { ensurePeriod } from '../../../electron/features/workspace/service';
import { sqlOf } from '../../../electron/db/connection';

describe('migration 003 (survey)', () => {
  it('adds the survey tables to a workspace of the previous schema, after a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cu.parws');
    const survey = migrations.find((m) => m.name === 'survey')!;
    const older = Workspace.create(file, { migrations: migrations.filter((m) => m.version < survey.version) });
    sqlOf(older).exec("INSERT INTO blocks(code, name) VALUES ('so', 'Khối sở'); INSERT INTO units(code, name, block_code) VALUES ('S01', 'Sở Tư pháp', 'so');");
    older.close();
    const ws = Workspace.open(file);
    const tables = (sqlOf(ws).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'survey%' ORDER BY name").all() as {
      name: string;
    }[]).map((t) => t.name);
    expect(tables).toEqual(['survey_forms', 'survey_imports', 'survey_links', 'survey_profiles', 'survey_years']);
    expect(sqlOf(ws).pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(survey.version);
    expect(getUnit(ws, 'S01')?.name).toBe('Sở Tư pháp');
    // forms go with their file; a unit's code change follows into its forms
    ensurePeriod(ws, 2025);
    const imp = sqlOf(ws)
      .prepare("INSERT INTO survey_imports(year, file_name, format, sha256, size, content, imported_at, actor, item_codes, form_count) VALUES (2025, 'a.csv', 'entry', 'x', 1, x'00', '', '', '[]', 1)")
      .run().lastInsertRowid;
    sqlOf(ws).prepare("INSERT INTO survey_forms(import_id, unit_code, row_number, answers) VALUES (?, 'S01', 2, '[]')").run(imp);
    sqlOf(ws).prepare("UPDATE units SET code = 'S01B' WHERE code = 'S01'").run();
    expect(sqlOf(ws).prepare('SELECT unit_code FROM survey_forms').get()).toEqual({ unit_code: 'S01B' });
    sqlOf(ws).prepare('DELETE FROM survey_imports').run();
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 0 });
    ws.close();
    expect(fs.readdirSync(dir).some((f) => f.includes('.bak'))).toBe(true);
  });
});
