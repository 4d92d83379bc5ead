// A write that found the file locked by another program for too long: said in Vietnamese,
// nothing of it landed (write transactions begin IMMEDIATE, so the wait comes before any read).
import { UserError } from '../../shared/errors';

/** How long a write waits for another program's write to the same file before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Another program (a second window, a command run at the same time) kept writing to the file
 * for longer than a write may wait. Nothing of the refused write landed.
 */
export class WorkspaceBusyError extends UserError {
  constructor(name: string) {
    super([
      {
        file: name,
        message:
          `một chương trình khác đang ghi vào tệp dữ liệu này quá lâu (đã chờ ${BUSY_TIMEOUT_MS / 1000} giây); ` +
          'thay đổi này chưa được ghi. Hãy chờ chương trình kia xong việc rồi thử lại.',
      },
    ]);
    this.name = 'WorkspaceBusyError';
  }
}

/** Whether SQLite gave up waiting for another connection's lock. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
