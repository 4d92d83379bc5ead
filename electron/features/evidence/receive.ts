// Receiving a folder or a .zip of evidence documents: every file found, checked (name, size,
// content) and hashed, or the reasons it is refused. A .zip is streamed entry by entry into
// numbered files of a private temporary folder (never its names on disk, never the whole
// archive in memory); a .zip inside a received folder is opened as that folder's sub-folder
// (one level), a .zip inside a .zip is refused. Nothing here writes to the workspace.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type EvidenceKind, type EvidenceLimits, formatBytes, windowsNameProblem } from '../../../shared/evidence/model';
import { UserError } from '../../../shared/errors';
import { ZipReader, type ZipOptions } from '../../excel/zip';
import { sniffEvidence } from './sniff';

export interface ReceivedFile {
  /** where it was in what was received, "/"-separated, NFC */
  path: string;
  /** its folders inside what was received, outermost first */
  folders: string[];
  name: string;
  /** where its bytes are now (the folder received, or the temporary folder of an archive) */
  diskPath: string;
  bytes: number;
  sha256: string;
  kind: EvidenceKind;
  pages: number | null;
}

export interface ReceiveProblem {
  /** "SNV-2025.zip/1.2/Kế hoạch.pdf" */
  file: string;
  message: string;
}

export interface ReceivedEvidence {
  /** the folder's or archive's name */
  source: string;
  files: ReceivedFile[];
  problems: ReceiveProblem[];
  /** removes the temporary copies of archive entries */
  cleanup(): void;
}

/** Files systems leave behind, not sent by anyone: skipped without a word. */
function isSystemLitter(name: string): boolean {
  return name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('~$') || name.startsWith('._') || name === '__MACOSX';
}

function zipOptions(limits: EvidenceLimits): ZipOptions {
  return {
    limits: { maxEntries: 20_000, maxTotalBytes: limits.maxUnitYearBytes, maxEntryBytes: limits.maxFileBytes, maxRatio: 100, ratioCheckedFrom: 1024 * 1024 },
    wording: { kind: 'Tệp nén tài liệu kiểm chứng', repair: 'hãy nén lại thư mục tài liệu (không đặt mật khẩu) rồi gửi lại.' },
  };
}


class Receiver {
  readonly files: ReceivedFile[] = [];
  readonly problems: ReceiveProblem[] = [];
  private tempDir: string | null = null;
  private tempCount = 0;

  constructor(
    readonly source: string,
    private readonly limits: EvidenceLimits,
  ) {}

  temp(): string {
    this.tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'parw-evidence-'));
    return path.join(this.tempDir, `${++this.tempCount}`);
  }

  cleanup(): void {
    if (this.tempDir) fs.rmSync(this.tempDir, { recursive: true, force: true });
    this.tempDir = null;
  }

  refuse(where: string[], message: string): void {
    this.problems.push({ file: [this.source, ...where].join('/'), message });
  }

  /** Checks one file on disk and adds it, or a problem. */
  async addFile(folders: string[], name: string, diskPath: string, size: number, insideArchive: boolean): Promise<void> {
    const where = [...folders, name];
    for (const part of where) {
      const problem = windowsNameProblem(part);
      if (problem) return this.refuse(where, `${problem}; hãy đổi tên tệp hoặc thư mục rồi gửi lại.`);
    }
    if (size === 0) return this.refuse(where, 'tệp rỗng (0 byte); hãy gửi lại đúng tệp tài liệu.');
    if (size > this.limits.maxFileBytes) {
      return this.refuse(where, `tệp ${formatBytes(size)} lớn hơn giới hạn ${formatBytes(this.limits.maxFileBytes)} một tệp; hãy nén hoặc tách tài liệu rồi gửi lại.`);
    }
    const bytes = fs.readFileSync(diskPath);
    const sniffed = await sniffEvidence(bytes, name);
    if ('refused' in sniffed) return this.refuse(where, `${sniffed.refused}.`);
    if ('archive' in sniffed) {
      if (insideArchive || path.extname(name).toLowerCase() !== '.zip') {
        return this.refuse(where, insideArchive ? 'tệp nén nằm trong tệp nén; hãy giải nén rồi gửi một tệp nén duy nhất.' : 'chỉ nhận tệp nén .zip; hãy nén lại bằng .zip.');
      }
      return this.addZip(diskPath, [...folders, path.basename(name, path.extname(name))], where.join('/'), true);
    }
    this.files.push({
      path: where.join('/'),
      folders,
      name,
      diskPath,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      kind: sniffed.kind,
      pages: sniffed.pages,
    });
  }

  async addFolder(dir: string, folders: string[]): Promise<void> {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const name = entry.name.normalize('NFC');
      if (isSystemLitter(name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await this.addFolder(full, [...folders, name]);
      else if (entry.isFile()) await this.addFile(folders, name, full, fs.statSync(full).size, false);
      else this.refuse([...folders, name], 'không phải tệp thông thường (lối tắt, liên kết); hãy gửi chính tệp tài liệu.');
    }
  }

  /** Streams every entry of a .zip into the temporary folder, then checks each as a file. */
  async addZip(file: string, folders: string[], label: string, nested: boolean): Promise<void> {
    let zip: ZipReader;
    try {
      zip = await ZipReader.fromFile(file, zipOptions(this.limits), label);
    } catch (e) {
      if (e instanceof UserError) {
        for (const p of e.problems) this.problems.push({ file: nested ? `${this.source}/${label}` : label, message: p.message });
        return;
      }
      throw e;
    }
    try {
      for (const entry of zip.entries) {
        if (entry.isDirectory) continue;
        const parts = entry.name.normalize('NFC').split('/').filter((p) => p !== '');
        if (parts.some(isSystemLitter)) continue;
        const name = parts.pop()!;
        const target = this.temp();
        try {
          await pipeline(await zip.openStream(entry.name), fs.createWriteStream(target, { mode: 0o400 }));
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          for (const p of e.problems) this.problems.push({ file: nested ? `${this.source}/${label}` : label, message: p.message });
          return;
        }
        await this.addFile([...folders, ...parts], name, target, entry.size, true);
      }
    } finally {
      zip.close();
    }
  }
}

/** Receives a folder or a .zip of evidence; the caller must call `cleanup()` when done. */
export async function receiveEvidence(input: string, limits: EvidenceLimits): Promise<ReceivedEvidence> {
  const source = path.basename(input).normalize('NFC');
  const receiver = new Receiver(source, limits);
  try {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) await receiver.addFolder(input, []);
    else if (path.extname(input).toLowerCase() === '.zip') await receiver.addZip(input, [], source, false);
    else throw new UserError([{ file: source, message: 'Tài liệu kiểm chứng cần được gửi trong một thư mục hoặc một tệp .zip.' }]);
  } catch (e) {
    receiver.cleanup();
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`Không tìm thấy tệp hoặc thư mục ${source}.`);
    throw e;
  }
  return { source, files: receiver.files, problems: receiver.problems, cleanup: () => receiver.cleanup() };
}
