// Which app has a workspace open: a small side file beside it (`<file>-holder`, like SQLite's
// -wal and -shm), written when the app opens the file and removed when it closes it. Another
// copy of the app — another Windows user of the PC, another PC opening the file on a shared
// folder — then opens the file read-only and says who holds it, instead of two offices
// appraising the same file at once. The command line does not hold files: its writes wait
// for the app's (two writers at once, issue 10) and finish.
//
// SQLite's own locks last only for a transaction, and the single-instance lock of Electron only
// covers one user on one PC, so no library says "open in another app"; Office and LibreOffice
// keep the same kind of owner file (~$name, .~lock.name#).
import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { formatDateTime } from '../../shared/format';
import { isFileSystemError } from '../files/errors';
import { writeFileAtomically } from '../files/output';

const holderSchema = z.object({ app: z.string(), user: z.string(), host: z.string(), pid: z.number().int(), since: z.string() });
export type Holder = z.infer<typeof holderSchema>;

/** How often a holding app marks its side file as alive, and after how long another PC thinks it gone. */
export const HEARTBEAT_MS = 60_000;
export const STALE_MS = 5 * HEARTBEAT_MS;

export const holderFile = (workspace: string): string => `${workspace}-holder`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The app that holds `workspace` now, other than this process; null when none does. A side file
 * left by an app that ended without closing (a power cut) does not count: on this PC its
 * process is gone, from another PC it stopped being marked alive.
 */
export function heldBy(workspace: string, now = Date.now()): Holder | null {
  const side = holderFile(workspace);
  let holder: Holder;
  let touched: number;
  try {
    const parsed = holderSchema.safeParse(JSON.parse(fs.readFileSync(side, 'utf8')));
    if (!parsed.success) return null;
    holder = parsed.data;
    touched = fs.statSync(side).mtimeMs;
  } catch (e) {
    if (isFileSystemError(e) || e instanceof SyntaxError) return null;
    throw e;
  }
  if (holder.host === os.hostname()) return holder.pid !== process.pid && alive(holder.pid) ? holder : null;
  return now - touched < STALE_MS ? holder : null;
}

/**
 * Marks `workspace` as held by this process (as `user`) until the returned release is called:
 * the side file is kept alive every minute and removed on release if it is still this process's.
 * A folder that cannot be written (the file then opens read-only anyway) holds nothing.
 */
export function holdWorkspace(workspace: string, user: string): () => void {
  const side = holderFile(workspace);
  const mine: Holder = { app: 'PAR Workbench', user, host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
  try {
    writeFileAtomically(side, JSON.stringify(mine));
  } catch (e) {
    if (isFileSystemError(e)) return () => {};
    throw e;
  }
  const beat = setInterval(() => {
    try {
      const now = new Date();
      fs.utimesSync(side, now, now);
    } catch (e) {
      if (!isFileSystemError(e)) throw e;
    }
  }, HEARTBEAT_MS);
  beat.unref();
  return () => {
    clearInterval(beat);
    try {
      const current = holderSchema.safeParse(JSON.parse(fs.readFileSync(side, 'utf8')));
      if (current.success && current.data.host === mine.host && current.data.pid === mine.pid) fs.rmSync(side, { force: true });
    } catch (e) {
      if (!isFileSystemError(e) && !(e instanceof SyntaxError)) throw e;
    }
  };
}

/** What the window says when another app holds the file it opened read-only. */
export function heldMessage(name: string, holder: Holder): string {
  const when = Number.isNaN(new Date(holder.since).getTime()) ? '' : ` từ ${formatDateTime(holder.since)}`;
  const who = holder.user ? `${holder.user} trên máy ${holder.host}` : `máy ${holder.host}`;
  return (
    `Tệp ${name} đang được mở trong PAR Workbench bởi ${who}${when}: tệp được mở ở chế độ chỉ xem để hai nơi không cùng sửa một tệp. ` +
    'Khi nơi kia đã đóng tệp, hãy mở lại tệp này để sửa.'
  );
}
