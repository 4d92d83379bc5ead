// Zip archives users send (.xlsx workbooks; later .zip archives of evidence documents), read
// with yauzl and checked before anything is inflated: every local file header must agree with
// the central directory (name, method, encryption, and the CRC and sizes, or the data
// descriptor's), entries may not overlap, names may not climb out ("..", absolute paths),
// nothing is encrypted, counts and declared sizes are within limits. While inflating, each
// entry is held to its declared size, the archive to its total and ratio limits, and the CRC
// is checked at the end, so a declared size is never trusted alone. Every failure, including
// the library's own, becomes a Vietnamese UserError naming the file. (One file past 400 lines:
// the checks on opening, the guard while reading and the wording of refusals share one model
// of an entry and are read together when judging what the reader lets through.)
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { UserError } from '../../shared/errors';

export interface ZipLimits {
  maxEntries: number;
  /** uncompressed bytes of all entries together */
  maxTotalBytes: number;
  /** uncompressed bytes of one entry */
  maxEntryBytes: number;
  /** uncompressed / compressed of one entry, once past `ratioCheckedFrom` bytes */
  maxRatio: number;
  ratioCheckedFrom: number;
}

/** How refusals speak of the file: "Tệp Excel … bị hỏng; hãy mở và lưu lại bằng Excel." */
export interface ZipWording {
  kind: string;
  repair: string;
}

export interface ZipOptions {
  limits: ZipLimits;
  wording: ZipWording;
}

export interface ZipEntryInfo {
  name: string;
  /** uncompressed size, as declared and checked against the local header; enforced while reading */
  size: number;
  compressedSize: number;
  isDirectory: boolean;
  modified: Date;
}

const YAUZL_OPTIONS = { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false, autoClose: false };
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const ZIP64_EXTRA = 0x0001;

type Source = { kind: 'buffer'; bytes: Buffer } | { kind: 'fd'; fd: number };

interface CheckedEntry {
  info: ZipEntryInfo;
  raw: yauzl.Entry;
  localHeaderOffset: number;
  /** where the entry's (compressed) data starts */
  dataStart: number;
  /** first byte after the entry's data and descriptor */
  end: number;
}

/**
 * Entries up to this size, in an archive held in memory, are inflated in one synchronous call
 * bounded by their declared size (zlib stops past it); larger ones, and archives on disk, are
 * streamed. A stream costs a trip to zlib's thread pool per chunk: reading a form's parts this
 * way takes about half the time.
 */
const WHOLE_INFLATE_MAX_BYTES = 4 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('vi-VN')} MB`;

export class ZipReader {
  /** uncompressed bytes handed out so far, all entries together */
  private inflated = 0;
  private readonly byName: Map<string, CheckedEntry>;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly source: Source,
    readonly fileName: string,
    private readonly options: ZipOptions,
    checked: CheckedEntry[],
  ) {
    this.byName = new Map(checked.map((e) => [e.info.name, e]));
    this.entries = checked.map((e) => e.info);
  }

  readonly entries: readonly ZipEntryInfo[];

  /** Opens an archive held in memory; refusals name `fileName`. */
  static async fromBuffer(bytes: Buffer, fileName: string, options: ZipOptions): Promise<ZipReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(bytes, YAUZL_OPTIONS);
    } catch (e) {
      throw refusalFor(e, fileName, options.wording);
    }
    return ZipReader.checked(zip, { kind: 'buffer', bytes }, bytes.length, fileName, options);
  }

  /** Opens an archive on disk without reading it whole; `close()` releases the file. */
  static async fromFile(file: string, options: ZipOptions, fileName = path.basename(file)): Promise<ZipReader> {
    let fd: number;
    let size: number;
    try {
      fd = fs.openSync(file, 'r');
      size = fs.fstatSync(fd).size;
    } catch (e) {
      throw new UserError([{ file: fileName, message: `Không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi đọc'}); hãy kiểm tra đường dẫn và quyền truy cập.` }]);
    }
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromFdPromise(fd, YAUZL_OPTIONS);
    } catch (e) {
      fs.closeSync(fd);
      throw refusalFor(e, fileName, options.wording);
    }
    return ZipReader.checked(zip, { kind: 'fd', fd }, size, fileName, options);
  }

  private static async checked(zip: yauzl.ZipFile, source: Source, fileSize: number, fileName: string, options: ZipOptions): Promise<ZipReader> {
    try {
      const entries = await checkEntries(zip, source, fileSize, fileName, options);
      return new ZipReader(zip, source, fileName, options, entries);
    } catch (e) {
      zip.close();
      throw e instanceof UserError ? e : refusalFor(e, fileName, options.wording);
    }
  }

  has(name: string): boolean {
    const e = this.byName.get(name);
    return e !== undefined && !e.info.isDirectory;
  }

  entry(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /**
   * The inflated content of an entry as a stream, held to its declared size, the archive's
   * limits and its CRC; errors it emits are UserErrors. Throws a UserError if there is no such entry.
   */
  async openStream(name: string): Promise<Readable> {
    const entry = this.byName.get(name);
    if (!entry || entry.info.isDirectory) throw this.damaged(`thiếu phần ${name}`);
    let source: Readable;
    try {
      source = await this.zip.openReadStreamPromise(entry.raw);
    } catch (e) {
      throw refusalFor(e, this.fileName, this.options.wording, name);
    }
    const guard = new EntryGuard(this, entry);
    source.on('error', (e) => {
      source.unpipe(guard);
      guard.destroy(refusalFor(e, this.fileName, this.options.wording, name));
    });
    guard.on('close', () => {
      if (!source.readableEnded) {
        source.unpipe(guard);
        source.destroy();
      }
    });
    return source.pipe(guard);
  }

  /**
   * The inflated content of an entry: whole when small and the archive is in memory, else as
   * a stream (see openStream); either way held to the same limits and CRC.
   */
  async content(name: string): Promise<Buffer | Readable> {
    const entry = this.byName.get(name);
    if (entry && !entry.info.isDirectory && this.source.kind === 'buffer' && entry.info.size <= WHOLE_INFLATE_MAX_BYTES) {
      return this.inflateWhole(entry, this.source.bytes);
    }
    return this.openStream(name);
  }

  private inflateWhole(entry: CheckedEntry, bytes: Buffer): Buffer {
    const { info, raw } = entry;
    const data = bytes.subarray(entry.dataStart, entry.dataStart + info.compressedSize);
    let out: Buffer;
    if (raw.compressionMethod === 0) out = data;
    else {
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, info.size) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'ERR_BUFFER_TOO_LARGE') throw this.damaged(`phần ${info.name} giải nén ra nhiều hơn kích thước đã khai báo`);
        if (code.startsWith('Z_')) throw this.damaged(`phần ${info.name}: dữ liệu nén không giải nén được`);
        throw e;
      }
    }
    if (out.length !== info.size) throw this.damaged(`phần ${info.name} giải nén ra ít hơn kích thước đã khai báo`);
    if (out.length >= this.limits.ratioCheckedFrom && out.length / Math.max(1, info.compressedSize) > this.limits.maxRatio) throw this.bomb(info.name);
    this.account(out.length);
    if (zlib.crc32(out) >>> 0 !== raw.crc32 >>> 0) throw this.damaged(`mã kiểm tra (CRC) của phần ${info.name} không khớp`);
    return out;
  }

  /** A small entry read whole, refused when it declares more than `maxBytes`. */
  async readBuffer(name: string, maxBytes: number): Promise<Buffer> {
    const entry = this.byName.get(name);
    if (entry && entry.info.size > maxBytes) {
      throw new UserError([
        { file: this.fileName, message: `${this.options.wording.kind} có phần ${name} lớn bất thường (${mb(entry.info.size)}, giới hạn ${mb(maxBytes)}); hãy kiểm tra lại tệp.` },
      ]);
    }
    const content = await this.content(name);
    if (Buffer.isBuffer(content)) return content;
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Releases the file (for archives opened from disk); streams already open finish first. */
  close(): void {
    this.zip.close();
  }

  /** Counts bytes handed out across the archive; throws when past the total limit. */
  account(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.options.limits.maxTotalBytes) throw this.tooLarge();
  }

  get limits(): ZipLimits {
    return this.options.limits;
  }

  damaged(detail: string): UserError {
    return damagedError(this.fileName, this.options.wording, detail);
  }

  tooLarge(): UserError {
    return tooLargeError(this.fileName, this.options.wording, this.options.limits.maxTotalBytes);
  }

  bomb(name: string): UserError {
    return bombError(this.fileName, this.options.wording, name, this.options.limits.maxRatio);
  }
}

/** Holds one entry's inflated bytes to its declared size, the archive's limits and its CRC. */
class EntryGuard extends Transform {
  private count = 0;
  private crc = 0;

  constructor(
    private readonly reader: ZipReader,
    private readonly entry: CheckedEntry,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const { info, raw } = this.entry;
    const limits = this.reader.limits;
    this.count += chunk.length;
    if (this.count > info.size) return done(this.reader.damaged(`phần ${info.name} giải nén ra nhiều hơn kích thước đã khai báo`));
    if (this.count >= limits.ratioCheckedFrom && this.count / Math.max(1, raw.compressedSize) > limits.maxRatio) {
      return done(this.reader.bomb(info.name));
    }
    try {
      this.reader.account(chunk.length);
    } catch (e) {
      return done(e as Error);
    }
    this.crc = zlib.crc32(chunk, this.crc);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const { info, raw } = this.entry;
    if (this.count !== info.size) return done(this.reader.damaged(`phần ${info.name} giải nén ra ít hơn kích thước đã khai báo`));
    if (this.crc >>> 0 !== raw.crc32 >>> 0) return done(this.reader.damaged(`mã kiểm tra (CRC) của phần ${info.name} không khớp`));
    done();
  }
}

async function readAt(source: Source, position: number, length: number): Promise<Buffer> {
  if (source.kind === 'buffer') return source.bytes.subarray(position, position + length);
  const buffer = Buffer.alloc(length);
  const bytesRead = await new Promise<number>((resolve, reject) =>
    fs.read(source.fd, buffer, 0, length, position, (err, n) => (err ? reject(err) : resolve(n))),
  );
  return buffer.subarray(0, bytesRead);
}

/** The ZIP64 sizes of a local header's extra field (both present when either is 0xFFFFFFFF). */
function localZip64Sizes(extra: Buffer): { size: number; compressedSize: number } | null {
  const field = yauzl.parseExtraFields(extra).find((f) => f.id === ZIP64_EXTRA);
  if (!field || field.data.length < 16) return null;
  return { size: Number(field.data.readBigUInt64LE(0)), compressedSize: Number(field.data.readBigUInt64LE(8)) };
}

async function checkEntries(zip: yauzl.ZipFile, source: Source, fileSize: number, fileName: string, options: ZipOptions): Promise<CheckedEntry[]> {
  const { limits, wording } = options;
  const damaged = (detail: string) => damagedError(fileName, wording, detail);
  // the count comes from the end record (ZIP64's can claim 2^64): judge it before reading entries
  if (!Number.isSafeInteger(zip.entryCount) || zip.entryCount * CENTRAL_HEADER_BYTES > fileSize) {
    throw damaged('số phần khai báo không khớp với kích thước tệp');
  }
  if (zip.entryCount > limits.maxEntries) {
    throw new UserError([
      { file: fileName, message: `${wording.kind} có quá nhiều phần nén (${zip.entryCount.toLocaleString('vi-VN')}, giới hạn ${limits.maxEntries.toLocaleString('vi-VN')}); hãy kiểm tra lại tệp.` },
    ]);
  }
  const raw: yauzl.Entry[] = [];
  for await (const entry of zip.eachEntry()) raw.push(entry);

  const checked: CheckedEntry[] = [];
  const names = new Set<string>();
  for (const entry of raw) {
    const name = entry.fileName;
    const where = `phần ${name}`;
    for (const n of [entry.compressedSize, entry.uncompressedSize, entry.relativeOffsetOfLocalHeader]) {
      if (!Number.isSafeInteger(n) || n < 0) throw damaged(`${where}: kích thước hoặc vị trí không hợp lệ`);
    }
    if (entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES > fileSize || entry.compressedSize > fileSize) {
      throw damaged(`${where} nằm ngoài tệp`);
    }
    // yauzl checks the local header's signature and that the data fits in the file
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!local.fileName.equals(entry.fileNameRaw)) throw damaged(`${where}: tên trong tiêu đề cục bộ khác với danh mục`);
    if (local.compressionMethod !== entry.compressionMethod) throw damaged(`${where}: cách nén trong tiêu đề cục bộ khác với danh mục`);
    if ((local.generalPurposeBitFlag & FLAG_ENCRYPTED) !== (entry.generalPurposeBitFlag & FLAG_ENCRYPTED)) {
      throw damaged(`${where}: cờ mã hóa trong tiêu đề cục bộ khác với danh mục`);
    }
    let end = local.fileDataStart + entry.compressedSize;
    if (local.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) {
      // sizes and CRC follow the data; the local header may carry zeros (or the same values)
      for (const [l, c] of [
        [local.crc32, entry.crc32],
        [local.compressedSize, entry.compressedSize],
        [local.uncompressedSize, entry.uncompressedSize],
      ]) {
        if (l !== 0 && l !== c && l !== 0xffffffff) throw damaged(`${where}: tiêu đề cục bộ khác với danh mục`);
      }
      const descriptor = await readAt(source, end, 24);
      const signed = descriptor.length >= 4 && descriptor.readUInt32LE(0) === DATA_DESCRIPTOR_SIGNATURE ? 4 : 0;
      const wide = entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff || localZip64Sizes(local.extraField) !== null;
      const length = signed + 4 + (wide ? 16 : 8);
      if (descriptor.length < length) throw damaged(`${where}: thiếu phần mô tả dữ liệu`);
      const crc = descriptor.readUInt32LE(signed);
      const compressedSize = wide ? Number(descriptor.readBigUInt64LE(signed + 4)) : descriptor.readUInt32LE(signed + 4);
      const size = wide ? Number(descriptor.readBigUInt64LE(signed + 12)) : descriptor.readUInt32LE(signed + 8);
      if (crc !== entry.crc32 || compressedSize !== entry.compressedSize || size !== entry.uncompressedSize) {
        throw damaged(`${where}: phần mô tả dữ liệu khác với danh mục`);
      }
      end += length;
    } else {
      const zip64 = local.compressedSize === 0xffffffff || local.uncompressedSize === 0xffffffff ? localZip64Sizes(local.extraField) : null;
      const compressedSize = zip64 ? zip64.compressedSize : local.compressedSize;
      const size = zip64 ? zip64.size : local.uncompressedSize;
      if (local.crc32 !== entry.crc32 || compressedSize !== entry.compressedSize || size !== entry.uncompressedSize) {
        throw damaged(`${where}: kích thước hoặc mã kiểm tra trong tiêu đề cục bộ khác với danh mục`);
      }
    }
    if (end > fileSize) throw damaged(`${where} nằm ngoài tệp`);
    if (names.has(name)) throw damaged(`phần ${name} xuất hiện hai lần`);
    names.add(name);
    checked.push({
      raw: entry,
      localHeaderOffset: entry.relativeOffsetOfLocalHeader,
      dataStart: local.fileDataStart,
      end,
      info: {
        name,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        isDirectory: name.endsWith('/'),
        modified: entry.getLastModDate(),
      },
    });
  }
  // entries sharing bytes are how "overlapping" zip bombs multiply one deflate stream
  const byOffset = [...checked].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    if (byOffset[i].localHeaderOffset < byOffset[i - 1].end) throw damaged(`phần ${byOffset[i].info.name} chồng lên phần ${byOffset[i - 1].info.name}`);
  }
  // the structure is sound; now what it declares
  let total = 0;
  for (const { raw: entry, info } of checked) {
    if (/[\u0000-\u001f]/.test(info.name)) throw damaged(`tên phần "${info.name.replace(/[\u0000-\u001f]/g, '?')}" chứa ký tự điều khiển`);
    if (entry.isEncrypted()) {
      throw new UserError([{ file: fileName, message: `${wording.kind} có phần được đặt mật khẩu (mã hóa) nên không đọc được; hãy bỏ mật khẩu rồi gửi lại.` }]);
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw damaged(`phần ${info.name} được nén theo cách không hỗ trợ (mã ${entry.compressionMethod})`);
    }
    if (info.size > limits.maxEntryBytes) throw tooLargeError(fileName, wording, limits.maxEntryBytes, info.name);
    total += info.size;
    if (total > limits.maxTotalBytes) throw tooLargeError(fileName, wording, limits.maxTotalBytes);
    if (info.size >= limits.ratioCheckedFrom && info.size / Math.max(1, info.compressedSize) > limits.maxRatio) {
      throw bombError(fileName, wording, info.name, limits.maxRatio);
    }
  }
  return checked;
}

function damagedError(file: string, wording: ZipWording, detail: string): UserError {
  return new UserError([{ file, message: `${wording.kind} bị hỏng (${detail}); ${wording.repair}` }]);
}

function tooLargeError(file: string, wording: ZipWording, limit: number, part?: string): UserError {
  return new UserError([
    {
      file,
      message: `${wording.kind} có nội dung giải nén quá lớn${part ? ` ở phần ${part}` : ''} (giới hạn ${mb(limit)}); hãy kiểm tra lại tệp.`,
    },
  ]);
}

function bombError(file: string, wording: ZipWording, part: string, ratio: number): UserError {
  return new UserError([
    {
      file,
      message: `${wording.kind} có phần ${part} nén với tỉ lệ bất thường (hơn ${ratio} lần), dấu hiệu của tệp độc hại; tệp không được mở.`,
    },
  ]);
}

/**
 * A library or I/O failure as a Vietnamese refusal; the library's own text is never shown
 * (it is recognised here only to choose the message).
 */
function refusalFor(e: unknown, file: string, wording: ZipWording, part?: string): UserError {
  if (e instanceof UserError) return e;
  const text = e instanceof Error ? e.message : String(e);
  const where = part ? `phần ${part}: ` : '';
  if (/invalid characters in fileName|absolute path|invalid relative path/.test(text)) {
    return new UserError([
      { file, message: `${wording.kind} bị hỏng hoặc chứa đường dẫn không an toàn (ra ngoài thư mục, đường dẫn tuyệt đối); tệp không được mở.` },
    ]);
  }
  if (/encrypt/i.test(text)) {
    // yauzl says so from the central directory alone, before its local headers could be compared
    return new UserError([{ file, message: `${wording.kind} bị hỏng hoặc có phần được mã hóa nên không đọc được; ${wording.repair}` }]);
  }
  if (/End of central directory record signature not found/.test(text)) return damagedError(file, wording, 'không đọc được cấu trúc nén');
  const entry = part ? `phần ${part} ` : '';
  if (/too many bytes/.test(text)) return damagedError(file, wording, `${entry}giải nén ra nhiều hơn kích thước đã khai báo`);
  if (/not enough bytes|size mismatch/.test(text)) return damagedError(file, wording, `${entry}giải nén ra ít hơn hoặc khác kích thước đã khai báo`);
  if ((e as NodeJS.ErrnoException)?.code?.startsWith?.('Z_') || /invalid (block|distance|stored|code)|incorrect|unexpected end/i.test(text)) {
    return damagedError(file, wording, `${where}dữ liệu nén không giải nén được`);
  }
  return damagedError(file, wording, `${where}cấu trúc nén không hợp lệ`);
}
