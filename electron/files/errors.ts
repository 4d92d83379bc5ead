// What the file system says when it refuses (a missing file, no permission, a full disk):
// Node's errors carry a code such as ENOENT, EACCES or ENOSPC.

export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}
