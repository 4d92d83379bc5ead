// What makes a file a PAR Workbench workspace, seen from the file system: the SQLite header
// with this program's application_id, or a file this process holds open as one. Writers of
// outputs (./output.ts) refuse such a file by identity (device and inode; the resolved real
// path where the file system gives no inode), never by comparing path strings: a hard link, a
// symbolic link or "./x/../ws.parws" names the same file.
import fs from 'node:fs';
import path from 'node:path';

/** Identifies a PAR Workbench workspace among SQLite files ("PARW" in ASCII). */
export const APPLICATION_ID = 0x50415257;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The first bytes of a -wal file (either byte order of its checksums). */
const WAL_MAGICS = [0x377f0682, 0x377f0683];

/** The side files SQLite keeps beside a database. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

interface Identity {
  dev: number;
  ino: number;
  real: string;
}

const held = new Map<object, Identity>();

/** The file's status, or null where there is none (a missing file, or a path through a file). */
export function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

function identityOf(file: string): Identity | null {
  const st = statOrNull(file);
  return st ? { dev: st.dev, ino: st.ino, real: fs.realpathSync.native(file) } : null;
}

function sameFile(a: Identity, b: Identity): boolean {
  // an inode of 0 means the file system gives none (some Windows drives): the real path decides
  if (a.ino !== 0 && b.ino !== 0) return a.dev === b.dev && a.ino === b.ino;
  return process.platform === 'win32' || process.platform === 'darwin' ? a.real.toLowerCase() === b.real.toLowerCase() : a.real === b.real;
}

/** Whether two paths name the same file (both must exist). */
export function isSameFile(a: string, b: string): boolean {
  const ia = identityOf(a);
  const ib = identityOf(b);
  return ia !== null && ib !== null && sameFile(ia, ib);
}

/** Records that `owner` holds `file` open as a workspace, until the returned function is called. */
export function holdWorkspaceFile(owner: object, file: string): () => void {
  const id = identityOf(file);
  if (id) held.set(owner, id);
  return () => held.delete(owner);
}

/** Whether `file` is a workspace this process holds open. */
export function isHeldWorkspace(file: string): boolean {
  const id = identityOf(file);
  return id !== null && [...held.values()].some((h) => sameFile(h, id));
}

function readHead(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(length);
    const n = fs.readSync(fd, head, 0, length, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `file` starts as a SQLite database does. */
export function isSqliteFile(file: string): boolean {
  const st = statOrNull(file);
  if (!st?.isFile()) return false;
  return readHead(file, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}

/**
 * Whether `file` is a PAR Workbench workspace on disk: a SQLite header naming this program,
 * or a file still empty whose -wal side file holds its first pages (a workspace just created
 * by another process, before its first checkpoint).
 */
export function isWorkspaceOnDisk(file: string): boolean {
  const st = statOrNull(file);
  if (!st?.isFile()) return false;
  const head = readHead(file, 72);
  if (head.length >= 72 && head.subarray(0, 16).equals(SQLITE_MAGIC)) return head.readUInt32BE(68) === APPLICATION_ID;
  if (head.length === 0) {
    const wal = `${file}-wal`;
    const walSt = statOrNull(wal);
    if (walSt?.isFile() && walSt.size >= 4) return WAL_MAGICS.includes(readHead(wal, 4).readUInt32BE(0));
  }
  return false;
}

/** Whether `file` is a workspace, its side file, or one this process holds: what no output may replace. */
export function workspaceAt(file: string): { kind: 'held' | 'workspace' | 'side'; workspace: string } | null {
  const resolved = path.resolve(file);
  if (isHeldWorkspace(resolved)) return { kind: 'held', workspace: resolved };
  if (isWorkspaceOnDisk(resolved)) return { kind: 'workspace', workspace: resolved };
  for (const suffix of SIDE_SUFFIXES) {
    if (!resolved.toLowerCase().endsWith(suffix)) continue;
    const base = resolved.slice(0, -suffix.length);
    if (isHeldWorkspace(base) || isWorkspaceOnDisk(base) || isSqliteFile(base)) return { kind: 'side', workspace: base };
  }
  return null;
}
