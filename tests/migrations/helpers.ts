// Migration tests start from a committed file written by the previous schema
// (tests/fixtures/migrations/vN.parws, see make-fixtures.ts) and check the data after.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { tempDir } from '../helpers/tmp';
import { fixturePath } from './make-fixtures';

/** A copy of the committed file of schema `version`, to be opened (and so migrated) by a test. */
export function copyOfFixture(version: number): string {
  const file = path.join(tempDir('parw-migration-'), `v${version}.parws`);
  fs.copyFileSync(fixturePath(version), file);
  return file;
}

/** The schema as SQLite keeps it: every table, index and trigger with its SQL, in one text. */
export function schemaDump(db: Database.Database): string {
  return (db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string | null }[])
    .map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`)
    .join('\n');
}
