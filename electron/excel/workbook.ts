// Opening an .xlsx users send: what the file is (told from its first bytes), its zip checked
// (./zip), then the parts that locate the sheets (relationships, workbook.xml), the shared
// strings and the date formats every sheet needs, then a sheet's rows, streamed. The readers of
// values (forms, tables) and the check run before the Excel library's full loader all start
// here, so that a file meets the same limits whichever reads it.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors';
import {
  MAX_COMPRESSION_RATIO,
  MAX_UNCOMPRESSED_BYTES,
  MAX_WHOLE_PART_BYTES,
  MAX_WORKBOOK_BYTES,
  MAX_WORKBOOK_ENTRIES,
  RATIO_CHECKED_FROM_BYTES,
} from './limits';
import {
  STRICT_MAIN,
  TRANSITIONAL_MAIN,
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readWorkbookPart,
  relationshipsPartOf,
  type SheetState,
} from './book-xml';
import { WorkbookBudget, type SheetRow } from './cells';
import { checkRefsForFullLoad, readWorksheet, type CellContext } from './sheet-xml';
import type { XmlPart } from './xml';
import { ZipReader, type ZipOptions } from './zip';

export const WORKBOOK_ZIP: ZipOptions = {
  limits: {
    maxEntries: MAX_WORKBOOK_ENTRIES,
    maxTotalBytes: MAX_UNCOMPRESSED_BYTES,
    maxEntryBytes: MAX_UNCOMPRESSED_BYTES,
    maxRatio: MAX_COMPRESSION_RATIO,
    ratioCheckedFrom: RATIO_CHECKED_FROM_BYTES,
  },
  wording: { kind: 'Tệp Excel', repair: 'hãy mở và lưu lại bằng Excel.' },
};

/**
 * A well-formed workbook in a shape the direct readers leave to the Excel library's loader
 * (which reads parts by their usual names and ignores namespaces): ISO "strict" Office Open
 * XML, or a package without its relationships part. Nothing else is handed over, and never a
 * file that broke a limit.
 */
export class UnsupportedWorkbook extends Error {
  constructor(readonly reason: 'strict-ooxml' | 'no-package-relationships') {
    super(reason);
    this.name = 'UnsupportedWorkbook';
  }
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = 0x04034b50;

function notAWorkbook(fileName: string): UserError {
  return new UserError([{ file: fileName, message: 'Tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng; hãy mở và lưu lại bằng Excel.' }]);
}

/**
 * Refuses, with a Vietnamese message naming the file, what is not an .xlsx we open: too large,
 * the old .xls format, encrypted files, OpenDocument files, anything else.
 * `bytes` is the whole file when it is an OLE file (to tell an encrypted one), else its beginning.
 */
function sniffWorkbook(bytes: Buffer, size: number, fileName: string): void {
  if (size > MAX_WORKBOOK_BYTES) {
    throw new UserError([
      { file: fileName, message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; hãy xóa các trang không cần thiết rồi gửi lại.` },
    ]);
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    const looksEncrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) || bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new UserError([
      {
        file: fileName,
        message: looksEncrypted
          ? 'Tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở tệp trong Excel, bỏ mật khẩu (File > Info > Protect Workbook) và lưu lại.'
          : 'Tệp ở định dạng Excel cũ (.xls); hãy mở trong Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)".',
      },
    ]);
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== ZIP_SIGNATURE) throw notAWorkbook(fileName);
  // OpenDocument files are zips too, with their type stored first and uncompressed
  if (bytes.subarray(0, 120).includes(Buffer.from('application/vnd.oasis.opendocument'))) {
    throw new UserError([
      {
        file: fileName,
        message: 'Tệp ở định dạng OpenDocument (.ods), không phải Excel; hãy mở tệp và lưu lại dưới dạng "Excel 2007-365 (.xlsx)".',
      },
    ]);
  }
}

/** The zip of a workbook held in memory, after the checks above and the zip's own. */
export async function openWorkbookZip(bytes: Buffer, fileName: string): Promise<ZipReader> {
  sniffWorkbook(bytes, bytes.length, fileName);
  return ZipReader.fromBuffer(bytes, fileName, WORKBOOK_ZIP);
}

/** The zip of a workbook on disk, read in place (never whole in memory). */
export async function openWorkbookFile(file: string, fileName = path.basename(file)): Promise<ZipReader> {
  let head: Buffer;
  let size: number;
  try {
    size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, 512));
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (head.subarray(0, 8).equals(OLE_SIGNATURE) && size <= MAX_WORKBOOK_BYTES) head = fs.readFileSync(file);
  } catch (e) {
    throw new UserError([{ file: fileName, message: `Không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi đọc'}); hãy kiểm tra đường dẫn và quyền truy cập.` }]);
  }
  sniffWorkbook(head, size, fileName);
  return ZipReader.fromFile(file, WORKBOOK_ZIP, fileName);
}

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** the worksheet part in the zip */
  part: string;
}

/** A workbook's sheets located, ready for their shared strings, styles and rows to be read. */
export interface WorkbookParts {
  zip: ZipReader;
  budget: WorkbookBudget;
  /** worksheets in the workbook's order (chart sheets and the like are left out) */
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

function xmlPart(zip: ZipReader, part: string): XmlPart {
  return { fileName: zip.fileName, part, damaged: (detail) => zip.damaged(detail) };
}

/** Reads the package and workbook relationships and workbook.xml; throws UnsupportedWorkbook for the shapes it leaves to the full loader. */
export async function locateSheets(zip: ZipReader, budget: WorkbookBudget): Promise<WorkbookParts> {
  if (!zip.has('_rels/.rels')) {
    if (zip.has('xl/workbook.xml')) throw new UnsupportedWorkbook('no-package-relationships');
    throw notAWorkbook(zip.fileName);
  }
  const packageRels = await readRelationships(await zip.readBuffer('_rels/.rels', MAX_WHOLE_PART_BYTES), xmlPart(zip, '_rels/.rels'), '');
  const root = packageRels.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  if (!root) throw notAWorkbook(zip.fileName);
  if (!zip.has(root.target)) throw zip.damaged(`thiếu phần ${root.target}`);
  const book = await readWorkbookPart(await zip.readBuffer(root.target, MAX_WHOLE_PART_BYTES), xmlPart(zip, root.target), budget);
  if (book.rootName !== 'workbook') throw notAWorkbook(zip.fileName);
  if (book.namespace === STRICT_MAIN) throw new UnsupportedWorkbook('strict-ooxml');
  if (book.namespace !== TRANSITIONAL_MAIN) throw notAWorkbook(zip.fileName);

  const relsPart = relationshipsPartOf(root.target);
  if (!zip.has(relsPart)) throw zip.damaged(`thiếu phần ${relsPart}`);
  const rels = await readRelationships(await zip.readBuffer(relsPart, MAX_WHOLE_PART_BYTES), xmlPart(zip, relsPart), root.target);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: WorkbookSheet[] = [];
  for (const s of book.sheets) {
    const rel = s.relationshipId === undefined ? undefined : byId.get(s.relationshipId);
    if (!rel) throw zip.damaged(`trang "${s.name}" không trỏ tới phần dữ liệu nào`);
    if (!rel.type.endsWith('/worksheet')) continue;
    if (rel.external || !zip.has(rel.target)) throw zip.damaged(`thiếu phần ${rel.target} của trang "${s.name}"`);
    sheets.push({ name: s.name, state: s.state, part: rel.target });
  }
  if (sheets.length === 0) throw new UserError([{ file: zip.fileName, message: 'Bảng tính không có trang tính nào; hãy kiểm tra lại tệp.' }]);
  const partOfType = (suffix: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix) && !r.external);
    return rel && zip.has(rel.target) ? rel.target : null;
  };
  return { zip, budget, sheets, date1904: book.date1904, sharedStringsPart: partOfType('/sharedStrings'), stylesPart: partOfType('/styles') };
}

/** The shared strings and date formats that the sheets' cells refer to. */
export async function readCellContext(book: WorkbookParts): Promise<CellContext> {
  const { zip, budget } = book;
  const shared = book.sharedStringsPart
    ? await readSharedStrings(await zip.content(book.sharedStringsPart), xmlPart(zip, book.sharedStringsPart), budget)
    : [];
  const dates = book.stylesPart
    ? await readDateStyles(await zip.readBuffer(book.stylesPart, MAX_WHOLE_PART_BYTES), xmlPart(zip, book.stylesPart), budget)
    : [];
  return { shared, dates, date1904: book.date1904 };
}

/** The rows of one sheet, streamed from its part. */
export async function readSheetRows(book: WorkbookParts, ctx: CellContext, sheet: WorkbookSheet): Promise<SheetRow[]> {
  const { zip } = book;
  return readWorksheet(await zip.content(sheet.part), xmlPart(zip, sheet.part), sheet.name, ctx, book.budget, { keepRows: true });
}

/**
 * Everything the Excel library's loader would read (it finds parts by their usual names),
 * held to the same limits and to its own: run before it is given a file, so that no file
 * reaches it that would make it build millions of objects.
 */
export async function checkForFullLoad(bytes: Buffer, fileName: string): Promise<void> {
  const zip = await openWorkbookZip(bytes, fileName);
  try {
    const budget = new WorkbookBudget(fileName, true);
    const names = zip.entries.filter((e) => !e.isDirectory).map((e) => e.name);
    if (names.includes('xl/workbook.xml')) {
      await readWorkbookPart(await zip.readBuffer('xl/workbook.xml', MAX_WHOLE_PART_BYTES), xmlPart(zip, 'xl/workbook.xml'), budget);
    }
    if (names.includes('xl/sharedStrings.xml')) {
      await readSharedStrings(await zip.content('xl/sharedStrings.xml'), xmlPart(zip, 'xl/sharedStrings.xml'), budget);
    }
    if (names.includes('xl/styles.xml')) {
      await readDateStyles(await zip.readBuffer('xl/styles.xml', MAX_WHOLE_PART_BYTES), xmlPart(zip, 'xl/styles.xml'), budget);
    }
    const noValues: CellContext = { shared: [], dates: [], date1904: false };
    for (const name of names) {
      // the library's own patterns (xlsx/xlsx.js), unanchored as there: "a/xl/worksheets/sheet1.xml" is a sheet to it
      if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name)) {
        await readWorksheet(await zip.content(name), xmlPart(zip, name), name, noValues, budget, { keepRows: false });
      } else if (/xl\/(comments\d+)[.]xml|xl\/tables\/(table\d+)[.]xml/.test(name)) {
        await checkRefsForFullLoad(await zip.content(name), xmlPart(zip, name), budget);
      }
    }
  } finally {
    zip.close();
  }
}
