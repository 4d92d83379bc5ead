// Every migration leaves the schema a new workspace has; a file whose recorded migrations
// differ from this version's is refused untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { migrations } from '../../electron/db/migrations';
import { Workspace } from '../../electron/db/workspace';
import { tempDir } from '../helpers/tmp';
import { copyOfFixture, schemaDump } from './helpers';
import { fixturePath } from './make-fixtures';

describe('migrations', () => {
  it('have a committed file of every schema version to start from', () => {
    for (const m of migrations) expect(fs.existsSync(fixturePath(m.version)), `v${m.version}.parws`).toBe(true);
  });

  it('bring a file of every older schema to the schema of a new workspace', () => {
    const fresh = Workspace.create(path.join(tempDir(), 'moi.parws'));
    const expected = schemaDump(sqlOf(fresh));
    fresh.close();
    for (const m of migrations.slice(0, -1)) {
      const ws = Workspace.open(copyOfFixture(m.version));
      expect(schemaDump(sqlOf(ws)), `from schema ${m.version}`).toBe(expected);
      ws.close();
    }
  });

  it('refuse a file whose recorded migrations differ from this version, and leave it untouched', () => {
    const cases: [string, string, RegExp][] = [
      ['renamed', "UPDATE schema_migrations SET name = 'khac' WHERE version = 2", /bước 2 là "khac"/],
      ['missing', 'DELETE FROM schema_migrations WHERE version = 3', /thiếu bước nâng cấp 3/],
      ['unknown', "INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, 'tuong-lai', 'y')", /bước nâng cấp 99 \(tuong-lai\) mà phiên bản này không biết/],
    ];
    for (const [name, sql, message] of cases) {
      const file = copyOfFixture(migrations[migrations.length - 1].version);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      const before = fs.readFileSync(file);
      expect(() => Workspace.open(file), name).toThrow(message);
      expect(fs.readFileSync(file).equals(before), name).toBe(true);
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.bak')), name).toEqual([]);
    }
  });
});
