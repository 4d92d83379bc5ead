// Files the app and the command line write for people: named as they asked, with the
// extension they forgot added, never over a workspace, and written so that a kill never
// leaves half a file. Every writer of an output goes through `writeOutput` (or
// `writeFileAtomically`), so one rule decides what may be replaced.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors';
import { statOrNull, workspaceAt } from './workspace-identity';

/** `file` with `extension` (".xlsx") added when the person typed a name without it. */
export function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === extension ? file : file + extension;
}

export interface OutputOptions {
  /**
   * The person asked to replace an existing workspace (a backup over an older backup): allowed
   * when no program holds it open; the open workspace and side files are refused still.
   */
  replaceWorkspace?: boolean;
  /** this output may replace a workspace when the person says so (a backup): the refusal says how */
  replaceable?: boolean;
}

/**
 * Refuses an output that would replace a workspace: the one open (the same file by identity,
 * whatever path names it), its -wal/-shm side files, or any other PAR Workbench workspace; and
 * an output that names a folder.
 */
export function refuseUnsafeOutput(file: string, options: OutputOptions = {}): void {
  const name = path.basename(file);
  const found = workspaceAt(file);
  if (found?.kind === 'workspace' && options.replaceWorkspace) {
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(found.workspace + suffix)) {
        throw new UserError([
          {
            file: name,
            message:
              'là tệp dữ liệu đang được mở ở chương trình khác (hoặc chưa được đóng đúng cách); ghi đè lúc này sẽ làm hỏng nó. ' +
              'Hãy đóng chương trình đang mở tệp đó, hoặc chọn một tên tệp khác.',
          },
        ]);
      }
    }
  } else if (found) {
    const what =
      found.kind === 'held'
        ? `là tệp dữ liệu đang mở (${path.basename(found.workspace)})`
        : found.kind === 'side'
          ? `là tệp phụ của tệp dữ liệu ${path.basename(found.workspace)}`
          : 'là một tệp dữ liệu PAR Workbench';
    const offer = found.kind === 'workspace' && options.replaceable;
    throw new UserError([
      {
        file: name,
        message: offer
          ? `${what}; chỉ ghi đè khi bạn yêu cầu rõ (bản cũ sẽ mất), hoặc hãy chọn một tên tệp khác.`
          : `${what}; ghi đè lên nó sẽ mất dữ liệu. Hãy chọn một tên tệp khác để lưu.`,
        ...(offer ? { hint: 'overwrite' as const } : {}),
      },
    ]);
  }
  const st = statOrNull(file);
  if (st?.isDirectory()) {
    throw new UserError([{ file: name, message: 'là một thư mục, không phải tệp; hãy ghi rõ tên tệp cần lưu (trong thư mục đó).' }]);
  }
  if (st && !st.isFile()) {
    throw new UserError([{ file: name, message: 'không phải tệp thông thường (thiết bị hoặc ống dẫn); hãy chọn một tên tệp khác để lưu.' }]);
  }
}

/**
 * `name` inside `dir`, refused when it would land elsewhere (a name with a path separator or
 * "..", from a code typed on the command line or stored by an older version).
 */
export function fileInside(dir: string, name: string): string {
  const file = path.resolve(dir, name);
  const relative = path.relative(path.resolve(dir), file);
  if (name !== path.basename(name) || relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep)) {
    throw new UserError([{ file: name, message: 'tên tệp chứa đường dẫn thư mục; tệp chỉ được ghi vào thư mục đã chọn.' }]);
  }
  return file;
}

/**
 * The names given in one run, compared as Windows and macOS compare them (case and Unicode form
 * ignored): a name taken twice gets " (2)", " (3)" before its extension.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  take(name: string): string {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.normalize('NFC').toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    this.taken.add(candidate.normalize('NFC').toLowerCase());
    return candidate;
  }
}

/**
 * Refuses a folder asked for outputs when it is a file (a workspace above all) or the name of
 * a workspace's side file: files are then written inside it with `writeFileAtomically`.
 */
export function refuseUnsafeFolder(dir: string): void {
  const st = statOrNull(dir);
  if (workspaceAt(dir)) refuseUnsafeOutput(dir);
  if (st && !st.isDirectory()) {
    throw new UserError([{ file: path.basename(dir), message: 'là một tệp, không phải thư mục; hãy chọn thư mục để lưu.' }]);
  }
}

/** The reason a file-system error gives, in Vietnamese, or null for an error that is a bug. */
export function fileSystemReason(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  // SQLite's own words for the same conditions, when it writes a copy (backup)
  if (code?.startsWith('SQLITE_IOERR')) return 'lỗi đọc ghi của ổ đĩa; hãy thử lưu vào ổ khác';
  switch (code) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc lưu vào ổ khác';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'không có quyền ghi vào nơi này; hãy chọn thư mục khác';
    case 'EBUSY':
      return 'tệp đang được mở bởi chương trình khác; hãy đóng tệp rồi thử lại';
    case 'EISDIR':
    case 'ENOTEMPTY':
      return 'đây là một thư mục, không phải tệp; hãy ghi rõ tên tệp cần lưu';
    case 'ENOENT':
      return 'không tìm thấy tệp hoặc thư mục; hãy kiểm tra đường dẫn';
    case 'ENOTDIR':
      return 'một phần của đường dẫn là tệp, không phải thư mục; hãy kiểm tra đường dẫn';
    case 'EPIPE':
      return 'chương trình nhận dữ liệu đã đóng trước khi nhận hết';
    case 'ENAMETOOLONG':
      return 'tên tệp quá dài; hãy chọn tên ngắn hơn';
    case 'EIO':
      return 'lỗi đọc ghi của ổ đĩa; hãy thử lưu vào ổ khác';
    default:
      return null;
  }
}

/**
 * Writes `file` by letting `produce` write a temporary file beside it, then renaming that into
 * place: a kill leaves either the old file or the new one, never half a file, and a failure
 * removes the temporary file. Refuses a workspace or a folder as the output (see
 * `refuseUnsafeOutput`), before anything is written and again just before the rename.
 */
export async function writeOutput(file: string, produce: (temp: string) => Promise<void> | void, options: OutputOptions = {}): Promise<void> {
  refuseUnsafeOutput(file, options);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await produce(temp);
    refuseUnsafeOutput(file, options);
    fs.renameSync(temp, file);
  } catch (e) {
    const reason = fileSystemReason(e);
    if (reason) throw new UserError([{ file: path.basename(file), message: `không ghi được tệp: ${reason}.` }]);
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Writes bytes to `file` through `writeOutput`: whole or not at all, never over a workspace. */
export function writeFileAtomically(file: string, bytes: Buffer | string): void {
  refuseUnsafeOutput(file);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    refuseUnsafeOutput(file);
    fs.renameSync(temp, file);
  } catch (e) {
    const reason = fileSystemReason(e);
    if (reason) throw new UserError([{ file: path.basename(file), message: `không ghi được tệp: ${reason}.` }]);
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
