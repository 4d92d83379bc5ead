// Files the app and the command line write for people: named as they asked, with the
// extension they forgot added, and written so that a kill never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';

/** `file` with `extension` (".xlsx") added when the person typed a name without it. */
export function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === extension ? file : file + extension;
}

/**
 * Writes bytes to `file` so that a kill never leaves half a file where a good one was: into
 * a temporary file beside it, then renamed into place.
 */
export function writeFileAtomically(file: string, bytes: Buffer | string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
