import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../shared/errors';
import { migrations, LATEST_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';

import { APPLICATION_ID } from '../files/workspace-identity';
import { BUSY_TIMEOUT_MS } from './failures';

export { APPLICATION_ID };
export const WORKSPACE_EXTENSION = '.parws';

export interface OpenOptions {
  /** create a new file; refuses a path that exists */
  create?: boolean;
  readonly?: boolean;
  /** migrations to apply; the default is every migration of this version */
  migrations?: Migration[];
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reads straight from the mapped file and a larger page cache: a year of scores is read
  // whole for every computation of results.
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -32000');
}

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * How the migrations recorded in a file differ from this version's up to the file's schema
 * version, in Vietnamese, or null when they agree. A file whose history differs was changed
 * by another program or another build: migrating it could damage it.
 */
export function migrationDrift(db: Database.Database, list: Migration[] = migrations): string | null {
  const version = schemaVersion(db);
  if (version === 0) return null;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return `tệp ghi lược đồ ${version} nhưng không có bảng lịch sử nâng cấp (schema_migrations)`;
  const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  const expected = list.filter((m) => m.version <= version);
  const problems: string[] = [];
  for (const m of expected) {
    const r = recorded.find((x) => x.version === m.version);
    if (!r) problems.push(`thiếu bước nâng cấp ${m.version} (${m.name})`);
    else if (r.name !== m.name) problems.push(`bước ${m.version} là "${r.name}", phiên bản này có "${m.name}"`);
  }
  for (const r of recorded) {
    if (!expected.some((m) => m.version === r.version)) problems.push(`có bước nâng cấp ${r.version} (${r.name}) mà phiên bản này không biết`);
  }
  return problems.length ? problems.join('; ') : null;
}

/** Applies the migrations newer than the file's version, each in its own transaction. */
export function migrate(db: Database.Database, list: Migration[] = migrations): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** A copy beside the file, taken before a migration changes it: "x.parws" → "x.v1-20260101T101010.bak.parws". */
export function preMigrationBackupPath(file: string, fromVersion: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  return `${base}.v${fromVersion}-${stamp}.bak${ext || WORKSPACE_EXTENSION}`;
}

/** Why a workspace opened for writing was opened read-only instead. */
export type ReadOnlyReason = 'folder';

const readOnlyReasons = new WeakMap<Database.Database, ReadOnlyReason>();

/** Why `db` was opened read-only although writing was asked, or null. */
export function readOnlyReason(db: Database.Database): ReadOnlyReason | null {
  return readOnlyReasons.get(db) ?? null;
}

/** SQLite's refusals that mean "this place cannot be written", not "this file is damaged". */
function isAccessRefusal(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Database.SqliteError && typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH');
}

/** Whether this process may write the file and create the -wal/-shm files beside it. */
function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM' || (e as NodeJS.ErrnoException).code === 'EROFS') return false;
    throw e;
  }
}

/**
 * A read-only connection that never changes the file, not even on close. In a folder this
 * process cannot write, SQLite cannot make the -shm file a WAL reader needs: the file's bytes
 * are then read into memory (marked as a rollback-journal file there, as SQLite requires).
 */
function openReadOnly(file: string, name: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
    return db;
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
    if (!isAccessRefusal(e)) throw new UserError(`Tệp ${name} không phải là tệp dữ liệu PAR Workbench hoặc đã bị hỏng.`);
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  try {
    const db = new Database(bytes, { readonly: true });
    db.pragma('schema_version');
    return db;
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
    throw new UserError(`Tệp ${name} không phải là tệp dữ liệu PAR Workbench hoặc đã bị hỏng.`);
  }
}

/**
 * Opens (or creates) a workspace file. A file written by a newer schema is refused; an
 * older one is first backed up beside itself, then migrated. The file is first looked at
 * through a read-only connection, so that a refused file is not changed in any way (a
 * read-write connection folds a pending -wal file into the file when it closes). A file in
 * a folder this process cannot write opens read-only (see `readOnlyReason`).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const list = options.migrations ?? migrations;
  const latest = list.length ? list[list.length - 1].version : 0;
  const name = path.basename(file);
  if (options.create) {
    if (fs.existsSync(file)) {
      throw new UserError(`Tệp ${name} đã tồn tại. Hãy chọn một tên khác hoặc mở tệp đó.`);
    }
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, list);
    return db;
  }
  if (!fs.existsSync(file)) {
    throw new UserError(`Không tìm thấy tệp dữ liệu ${name}. Hãy kiểm tra đường dẫn hoặc tạo dữ liệu mới (init).`);
  }
  const look = openReadOnly(file, name);
  let version: number;
  try {
    version = inspect(look, name, list, latest);
  } catch (e) {
    look.close();
    throw e;
  }
  const writable = !options.readonly && canWrite(file);
  if (!writable) {
    if (version < latest) {
      look.close();
      throw new UserError(
        options.readonly
          ? `Tệp ${name} cần được nâng cấp; hãy mở tệp ở chế độ ghi.`
          : `Tệp ${name} cần được nâng cấp nhưng nằm trong thư mục không cho phép ghi; hãy chép tệp vào một thư mục có quyền ghi (ví dụ Tài liệu) rồi mở lại.`,
      );
    }
    if (!options.readonly) readOnlyReasons.set(look, 'folder');
    return look;
  }
  look.close();
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
    configure(db);
  } catch (e) {
    if (!isAccessRefusal(e)) throw e;
    // the file system refused what access() allowed (a network share, a locked-down folder)
    const fallback = openReadOnly(file, name);
    readOnlyReasons.set(fallback, 'folder');
    return fallback;
  }
  if (version < latest) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(file, preMigrationBackupPath(file, version));
    migrate(db, list);
  }
  return db;
}

/** Checks what a file is before anything may change it; its schema version. */
function inspect(db: Database.Database, name: string, list: Migration[], latest: number): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) throw new UserError(`Tệp ${name} không phải là tệp dữ liệu PAR Workbench.`);
  const version = schemaVersion(db);
  if (version > latest) {
    throw new UserError(
      `Tệp ${name} được tạo bởi phiên bản PAR Workbench mới hơn (lược đồ ${version}, phiên bản này đọc đến ${latest}). ` +
        'Hãy cập nhật PAR Workbench để mở tệp này; tệp không bị thay đổi.',
    );
  }
  const drift = migrationDrift(db, list);
  if (drift) {
    throw new UserError(
      `Tệp ${name} có lịch sử nâng cấp khác với phiên bản PAR Workbench này (${drift}). ` +
        'Tệp không bị thay đổi; hãy mở bằng phiên bản đã tạo ra nó hoặc khôi phục từ bản sao lưu.',
    );
  }
  return version;
}

export { LATEST_SCHEMA_VERSION };
