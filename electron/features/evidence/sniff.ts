// What a received file is, from its bytes: the allowed kinds (PDF, JPEG, PNG, TIFF, Word,
// Excel, OpenDocument, plain text) or a reason to refuse it (a program, a script, a shortcut,
// a document with macros, an encrypted document, an archive, a content under a false name).
// The extension must agree with the content; nothing here runs or renders the file.
import path from 'node:path';
import { KIND_EXTENSIONS, type EvidenceKind } from '../../../shared/evidence/model';
import { UserError } from '../../../shared/errors';
import { ZipReader, type ZipOptions } from '../../excel/zip';

export type Sniffed = { kind: EvidenceKind; pages: number | null } | { refused: string } | { archive: true };

const PROGRAM_EXTENSIONS = new Set([
  '.exe', '.msi', '.bat', '.cmd', '.ps1', '.psm1', '.vbs', '.vbe', '.js', '.jse', '.wsf', '.wsh', '.lnk', '.scr', '.jar',
  '.hta', '.com', '.pif', '.cpl', '.dll', '.sh', '.reg', '.url', '.msc', '.gadget', '.application', '.iso', '.img',
]);
const MACRO_EXTENSIONS = new Set(['.docm', '.dotm', '.xlsm', '.xltm', '.xlam', '.pptm', '.potm', '.ppsm', '.xlsb']);
const ARCHIVE_EXTENSIONS = new Set(['.zip', '.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2', '.xz', '.cab']);

const NO_MACROS = 'hãy lưu một bản không có macro (Word: .docx, Excel: .xlsx) rồi gửi lại';

/** Office files inside a zip: the parts read to tell them apart, bounded. */
const OFFICE_ZIP_OPTIONS: ZipOptions = {
  limits: { maxEntries: 20_000, maxTotalBytes: 512 * 1024 * 1024, maxEntryBytes: 256 * 1024 * 1024, maxRatio: 200, ratioCheckedFrom: 1024 * 1024 },
  wording: { kind: 'Tệp tài liệu', repair: 'hãy mở và lưu lại tài liệu rồi gửi lại.' },
};

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

function utf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** What the program signature of `bytes` is, if any. */
function programSignature(b: Buffer): string | null {
  if (startsWith(b, [0x4d, 0x5a])) return 'tệp chương trình Windows (.exe, .dll, .scr)';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'tệp chương trình (ELF)';
  if (startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) || startsWith(b, [0xca, 0xfe, 0xba, 0xbe])) {
    return 'tệp chương trình (macOS)';
  }
  if (startsWith(b, [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00])) return 'lối tắt Windows (.lnk)';
  if (startsWith(b, [0x23, 0x21])) return 'tệp lệnh (script)';
  return null;
}

/** Pages of a PDF as its page objects say; null when they are packed in object streams. */
function pdfPages(b: Buffer): number | null {
  const text = b.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > 0) return pages;
  return null;
}

/** Word and Excel 97–2003 files, and encrypted Office files, are compound (OLE) files. */
function sniffCompound(b: Buffer, ext: string): Sniffed {
  if (b.includes(utf16('EncryptedPackage')) || b.includes(utf16('EncryptionInfo'))) {
    return { refused: 'tài liệu được đặt mật khẩu (mã hóa) nên không đọc được; hãy bỏ mật khẩu rồi gửi lại' };
  }
  if (b.includes(utf16('_VBA_PROJECT')) || b.includes(utf16('Macros')) || b.includes(utf16('_VBA_PROJECT_CUR'))) {
    return { refused: `tài liệu có macro; ${NO_MACROS}` };
  }
  if (b.includes(utf16('WordDocument'))) return { kind: 'doc', pages: null };
  if (b.includes(utf16('Workbook')) || b.includes(utf16('Book'))) return { kind: 'xls', pages: null };
  if (ext === '.msi') return { refused: 'tệp cài đặt chương trình (.msi)' };
  return { refused: 'tệp Office dạng cũ không phải văn bản Word hay bảng tính Excel' };
}

async function sniffZip(b: Buffer, name: string): Promise<Sniffed> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.fromBuffer(b, name, OFFICE_ZIP_OPTIONS);
  } catch (e) {
    if (e instanceof UserError) return { refused: e.problems.map((p) => p.message).join(' ') };
    throw e;
  }
  try {
    const names = zip.entries.map((e) => e.name);
    const lower = names.map((n) => n.toLowerCase());
    if (zip.has('mimetype')) {
      const mime = (await zip.readBuffer('mimetype', 200)).toString('latin1').trim();
      if (lower.some((n) => n.startsWith('basic/') && n !== 'basic/') || lower.some((n) => n.startsWith('scripts/'))) {
        return { refused: `tài liệu có macro; ${NO_MACROS}` };
      }
      if (lower.includes('meta-inf/manifest.xml')) {
        const manifest = (await zip.readBuffer(names[lower.indexOf('meta-inf/manifest.xml')], 4 * 1024 * 1024)).toString('utf8');
        if (/manifest:encryption-data/.test(manifest)) return { refused: 'tài liệu được đặt mật khẩu (mã hóa) nên không đọc được; hãy bỏ mật khẩu rồi gửi lại' };
      }
      if (mime === 'application/vnd.oasis.opendocument.text') return { kind: 'odt', pages: null };
      if (mime === 'application/vnd.oasis.opendocument.spreadsheet') return { kind: 'ods', pages: null };
      return { refused: `tài liệu OpenDocument loại ${mime.slice(0, 80)} không được nhận` };
    }
    if (zip.has('[Content_Types].xml')) {
      const types = (await zip.readBuffer('[Content_Types].xml', 4 * 1024 * 1024)).toString('utf8');
      if (lower.some((n) => n.endsWith('vbaproject.bin')) || /macroEnabled/i.test(types)) return { refused: `tài liệu có macro; ${NO_MACROS}` };
      if (/wordprocessingml\.document\.main\+xml/.test(types)) return { kind: 'docx', pages: null };
      if (/spreadsheetml\.sheet\.main\+xml/.test(types)) return { kind: 'xlsx', pages: null };
      return { refused: 'tài liệu Office loại này không được nhận (chỉ nhận Word .docx và Excel .xlsx)' };
    }
    if (lower.includes('meta-inf/manifest.mf')) return { refused: 'tệp chương trình Java (.jar)' };
    return { archive: true };
  } finally {
    zip.close();
  }
}

/** What `bytes` (named `name`) is, or why it is refused. */
export async function sniffEvidence(bytes: Buffer, name: string): Promise<Sniffed> {
  const ext = path.extname(name).toLowerCase();
  if (MACRO_EXTENSIONS.has(ext)) return { refused: `tài liệu có macro (${ext}); ${NO_MACROS}` };
  if (PROGRAM_EXTENSIONS.has(ext)) return { refused: `tệp chương trình, tệp lệnh hoặc lối tắt (${ext}) không được nhận` };
  const program = programSignature(bytes);
  if (program) return { refused: `nội dung là ${program}, không phải tài liệu${ext ? ` ${ext}` : ''}` };
  let found: Sniffed;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) found = { kind: 'pdf', pages: pdfPages(bytes) };
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) found = { kind: 'jpeg', pages: 1 };
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) found = { kind: 'png', pages: 1 };
  else if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) found = { kind: 'tiff', pages: null };
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) found = sniffCompound(bytes, ext);
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) found = await sniffZip(bytes, name);
  else if (
    startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(bytes, [0x1f, 0x8b]) ||
    startsWith(bytes, [0x42, 0x5a, 0x68]) ||
    startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])
  ) {
    found = { archive: true };
  } else if (isPlainText(bytes)) found = { kind: 'text', pages: null };
  else found = { refused: 'nội dung không phải loại tài liệu được nhận (PDF, ảnh JPEG/PNG/TIFF, Word, Excel, OpenDocument, văn bản .txt)' };
  if ('archive' in found) return ARCHIVE_EXTENSIONS.has(ext) ? found : { refused: `nội dung là một tệp nén, không phải tài liệu${ext ? ` ${ext}` : ''}` };
  if ('refused' in found) return found;
  if (!KIND_EXTENSIONS[found.kind].includes(ext)) {
    const expected = found.kind === 'text' ? 'văn bản thuần' : found.kind.toUpperCase();
    if (ext === '.pdf') return { refused: `tệp có đuôi .pdf nhưng nội dung không phải PDF (là ${expected})` };
    return { refused: `đuôi tệp ${ext || '(không có)'} không khớp nội dung (${expected}); hãy đặt lại đúng đuôi ${KIND_EXTENSIONS[found.kind][0]}` };
  }
  return found;
}

/** UTF-8 text without NUL bytes (BOM allowed). */
function isPlainText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}
