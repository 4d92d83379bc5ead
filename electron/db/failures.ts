// What SQLite says about the file itself, in Vietnamese: a write that found the file locked by
// another program for too long (nothing of it landed: write transactions begin IMMEDIATE, so
// the wait comes before any read), and a damaged file.
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

/** Whether SQLite found the file damaged ("database disk image is malformed"). */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** What a damaged file means for the person, and how to get the work back. */
export function damagedMessage(damage: string[]): string {
  const found = damage.length ? ` (phép kiểm tra của SQLite tìm thấy ${damage.length >= 20 ? 'từ 20' : damage.length} lỗi)` : '';
  return (
    `tệp dữ liệu bị hỏng${found}; không ghi thêm được vào tệp này để tránh làm hỏng thêm. ` +
    'Hãy khôi phục từ bản sao lưu gần nhất (nút Khôi phục trên màn hình đầu, hoặc các tệp *.bak.parws mà PAR Workbench tự tạo bên cạnh tệp trước mỗi lần nâng cấp).'
  );
}
