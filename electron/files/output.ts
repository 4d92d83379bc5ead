// Files the app and the command line write for people: named as they asked, with the
// extension they forgot added.
import path from 'node:path';

/** `file` with `extension` (".xlsx") added when the person typed a name without it. */
export function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === extension ? file : file + extension;
}
