import fs from 'node:fs';
import path from 'node:path';
import { isFileSystemError } from '../files/errors';
import { writeFileAtomically } from '../files/output';

export interface RecentFile {
  file: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

const LIMIT = 8;

/** The workspaces opened lately, newest first, kept in a small JSON file of the app's data folder. */
export class RecentFiles {
  constructor(private readonly store: string) {}

  list(): RecentFile[] {
    let entries: { file: string; openedAt: string }[] = [];
    try {
      const parsed = JSON.parse(fs.readFileSync(this.store, 'utf8'));
      if (Array.isArray(parsed)) {
        entries = parsed.filter((e) => typeof e?.file === 'string' && typeof e?.openedAt === 'string');
      }
    } catch (e) {
      // no list yet, or one that is not JSON: start a new one
      if (!isFileSystemError(e) && !(e instanceof SyntaxError)) throw e;
      entries = [];
    }
    return entries.slice(0, LIMIT).map((e) => ({
      file: e.file,
      name: path.basename(e.file),
      openedAt: e.openedAt,
      exists: fs.existsSync(e.file),
    }));
  }

  remember(file: string, now = new Date()): void {
    const resolved = path.resolve(file);
    const entries = [{ file: resolved, openedAt: now.toISOString() }, ...this.list().filter((e) => e.file !== resolved)];
    fs.mkdirSync(path.dirname(this.store), { recursive: true });
    writeFileAtomically(this.store, JSON.stringify(entries.slice(0, LIMIT).map(({ file: f, openedAt }) => ({ file: f, openedAt })), null, 1));
  }
}
