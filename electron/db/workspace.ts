// One open workspace file: its connection, transactions, change stamps and events. What the
// file holds is read and written by the features' stores (electron/features/*/store.ts);
// this class knows no table.
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { writeOutput } from '../files/output';
import { holdWorkspaceFile } from '../files/workspace-identity';
import { bindConnection } from './connection';
import { WorkspaceBusyError, damagedMessage, isBusy, isCorruption } from './failures';
import { openDatabase, readOnlyReason, type OpenOptions, type ReadOnlyReason } from './open';
import { UserError } from '../../shared/errors';

/** What one feature tells the others about a change, inside the transaction that made it. */
export interface WorkspaceEvents {
  /**
   * The survey forms, questionnaire or counting rules of a year changed. Listeners that write
   * because of it (survey points) add the fields they changed to `pointsUpdated`.
   */
  'survey-changed': { year: number; actor?: string; pointsUpdated: number };
}

/** How long writes must pause before the -wal file is folded into the main file. */
const CHECKPOINT_AFTER_MS = 1500;

type Listener<K extends keyof WorkspaceEvents> = (ws: Workspace, event: WorkspaceEvents[K]) => void;

export class Workspace {
  readonly file: string;
  /** the name written into the audit log when a change names no actor */
  actor: string;
  private readonly db: Database.Database;
  private readonly listeners = new Map<keyof WorkspaceEvents, Set<Listener<never>>>();
  private readonly yearStamps = new Map<number, number>();
  private structureStamp = 0;
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  /** why a file opened for writing was opened read-only, or null */
  readonly readOnly: ReadOnlyReason | null;
  /** what quick_check found: null until it has run, [] when the file is sound */
  private damage: string[] | null = null;
  /** ends this process's record that the file is open (outputs refuse it meanwhile) */
  private readonly release: () => void;

  private constructor(db: Database.Database, file: string) {
    this.db = db;
    this.file = file;
    this.actor = systemUserName();
    bindConnection(this, db);
    this.readOnly = readOnlyReason(db);
    this.release = holdWorkspaceFile(this, file);
  }

  /** A new, empty workspace; refuses a path that exists. */
  static create(file: string, options: Omit<OpenOptions, 'create'> = {}): Workspace {
    return new Workspace(openDatabase(file, { ...options, create: true }), file);
  }

  /** An existing workspace, migrated to this version's schema if older (after a backup). */
  static open(file: string, options: Omit<OpenOptions, 'create'> = {}): Workspace {
    return new Workspace(openDatabase(file, options), file);
  }

  get name(): string {
    return path.basename(this.file);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** Closes the file, first moving every committed change from the -wal file into it. */
  close(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (!this.db.open) return;
    if (!this.db.readonly) {
      // closing never waits for another program's write: its own commit folds the -wal later
      this.db.pragma('busy_timeout = 0');
      this.checkpoint('TRUNCATE');
    }
    this.db.close();
    this.release();
  }

  /**
   * Runs `fn` in one write transaction: all of it lands or none of it. It starts with
   * BEGIN IMMEDIATE, so a second writer waits for the first (busy timeout) instead of
   * failing half-way after it has read; nested calls become savepoints.
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    if (outermost) this.requireWritable();
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
    } catch (e) {
      if (outermost && isBusy(e)) throw new WorkspaceBusyError(this.name);
      if (isCorruption(e)) throw new UserError([{ file: this.name, message: damagedMessage([]) }]);
      throw e;
    }
    if (outermost) this.checkpointSoon();
    return result;
  }

  /**
   * What a write must not go past: a file opened read-only (its folder cannot be written) or a
   * damaged file (its pages fail SQLite's quick_check, run once before the first write of
   * this connection): writing into a damaged file spreads the damage.
   */
  requireWritable(): void {
    if (this.readOnly === 'folder') {
      throw new UserError([{ file: this.name, message: READ_ONLY_FOLDER_MESSAGE }]);
    }
    if (this.db.readonly) throw new UserError([{ file: this.name, message: 'tệp đang mở ở chế độ chỉ đọc; không ghi được thay đổi.' }]);
    const damage = this.check();
    if (damage.length) throw new UserError([{ file: this.name, message: damagedMessage(damage) }]);
  }

  /**
   * The problems SQLite's quick_check finds in the file (pages, indexes, constraints), [] for a
   * sound file; run once per connection (about 0,6 s for a large province's file).
   */
  check(): string[] {
    if (this.damage === null) {
      try {
        const rows = this.db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
        this.damage = rows.map((r) => r.quick_check).filter((t) => t !== 'ok');
      } catch (e) {
        // a page so damaged that the check itself stops
        if (!isCorruption(e)) throw e;
        this.damage = ['?'];
      }
    }
    return this.damage;
  }

  /** SQLite's integrity_check: quick_check and every index against its table. */
  private fullCheck(): string[] {
    try {
      const rows = this.db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
      return rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
    } catch (e) {
      if (!isCorruption(e)) throw e;
      return ['?'];
    }
  }

  /** What the window says about the file once it is open: read-only or damaged, or null. */
  notice(): string | null {
    if (this.readOnly === 'folder') return `Tệp ${this.name}: ${READ_ONLY_FOLDER_MESSAGE}`;
    const damage = this.check();
    return damage.length ? `Tệp ${this.name}: ${damagedMessage(damage)}` : null;
  }

  /**
   * Staff copy .parws files to USB sticks while the app is open: once writes pause, the
   * committed changes are copied from the -wal side file into the main file, so that a copy
   * of the main file alone is a whole workspace a few seconds after the last change.
   */
  private checkpointSoon(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (this.db.open) this.checkpoint('PASSIVE');
    }, CHECKPOINT_AFTER_MS);
    this.checkpointTimer.unref?.();
  }

  private checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void {
    try {
      this.db.pragma(`wal_checkpoint(${mode})`);
    } catch (e) {
      // another connection is writing: its own commit schedules the next checkpoint
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    }
  }

  /** Runs reads in one snapshot, so that they see the file as of one moment. */
  snapshot<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn).deferred();
  }

  /**
   * An online copy of the workspace to `dest`, consistent even while it is in use, written
   * beside `dest` and renamed into place. `dest` is refused when it is this file by identity
   * (a hard or symbolic link included), a side file, or another workspace unless `overwrite`
   * says the person asked to replace it (and no program holds it open).
   */
  async backup(dest: string, options: { overwrite?: boolean } = {}): Promise<void> {
    // a full check first: a damaged copy must not replace a good older backup
    const damage = this.fullCheck();
    if (damage.length) throw new UserError([{ file: this.name, message: `${damagedMessage(damage)} Bản sao lưu không được tạo.` }]);
    await writeOutput(
      dest,
      async (temp) => {
        await this.db.backup(temp);
      },
      { replaceWorkspace: options.overwrite, replaceable: true },
    );
  }

  // ------------------------------------------------------------ change stamps

  /** Something every year's results depend on changed (units, blocks, periods). */
  changedStructure(): void {
    this.structureStamp++;
    this.checkpointSoon();
  }

  /** Something `year`'s results depend on changed (its scores, framework or settings). */
  changedYear(year: number): void {
    this.yearStamps.set(year, (this.yearStamps.get(year) ?? 0) + 1);
    this.checkpointSoon();
  }

  /** Equal stamps mean nothing `year` depends on has changed, here or in another connection. */
  stamp(year: number): string {
    const external = this.db.pragma('data_version', { simple: true }) as number;
    return `${external}:${this.structureStamp}:${this.yearStamps.get(year) ?? 0}`;
  }

  // ------------------------------------------------------------------ events

  on<K extends keyof WorkspaceEvents>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Tells the listeners now, inside the caller's transaction: their writes land with it. */
  emit<K extends keyof WorkspaceEvents>(event: K, payload: WorkspaceEvents[K]): void {
    for (const l of this.listeners.get(event) ?? []) (l as Listener<K>)(this, payload);
  }
}

const READ_ONLY_FOLDER_MESSAGE =
  'tệp nằm trong thư mục không cho phép ghi nên được mở ở chế độ chỉ đọc (xem được, không sửa được). ' +
  'Để sửa, hãy chép tệp vào một thư mục có quyền ghi (ví dụ Tài liệu) rồi mở bản đó.';

function systemUserName(): string {
  try {
    return os.userInfo().username || 'người dùng';
  } catch (e) {
    // os.userInfo throws SystemError on accounts without a passwd entry (containers)
    if (e instanceof Error) return 'người dùng';
    throw e;
  }
}
