// What belongs to this computer rather than to a workspace file: the name of the person who
// uses it, written into the history of every change they make. Kept in a small JSON file of
// the app's data folder.
import fs from 'node:fs';
import { isFileSystemError } from '../files/errors';
import { writeFileAtomically } from '../files/output';

interface Stored {
  userName?: string;
}

export class AppSettings {
  constructor(private readonly file: string) {}

  private read(): Stored {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
    } catch (e) {
      // none yet, or not JSON: as if empty
      if (isFileSystemError(e) || e instanceof SyntaxError) return {};
      throw e;
    }
  }

  userName(): string | null {
    const name = this.read().userName;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  }

  setUserName(name: string): void {
    writeFileAtomically(this.file, JSON.stringify({ ...this.read(), userName: name.normalize('NFC').trim() }, null, 2));
  }
}
