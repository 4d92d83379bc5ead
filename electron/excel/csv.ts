// CSV files users send: bytes to text, then records with csv-parse (quotes, doubled quotes,
// newlines inside quotes; an unclosed quote is refused naming its line instead of swallowing
// the rest of the file). Text that is not UTF-8 is what Vietnamese Excel's plain "CSV" save
// writes (Windows-1258), or, from older files, TCVN3/VNI: it is decoded as the bytes show and
// the caller is given a warning saying which encoding was assumed.
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { UserError, type Problem } from '../../shared/errors';
import { detectLegacyVietnamese } from '../../shared/legacy-encoding';

export type CsvEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1258' | 'TCVN3' | 'VNI';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** set when the encoding was guessed (not UTF-8): which one, and what to do */
  warning?: Problem;
}

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'UTF-8': 'UTF-8',
  'UTF-16': 'UTF-16',
  'Windows-1258': 'Windows-1258 (tiếng Việt, kiểu "CSV" thường của Excel)',
  TCVN3: 'TCVN3 (ABC, phông .VnTime)',
  VNI: 'VNI (phông VNI-Times)',
};

/** Windows-1258's combining tone marks: grave, hook, tilde, acute, dot below. */
const CP1258_TONES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Vowels a Windows-1258 tone mark follows: ASCII ones and â ă ê ô ơ ư (both cases). */
const CP1258_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xc2, 0xc3, 0xca, 0xd4, 0xd5, 0xdd, 0xe2, 0xe3, 0xea, 0xf4, 0xf5, 0xfd]));
const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * Whether 8-bit Vietnamese bytes read better as Windows-1258 than as a font encoding: in
 * Windows-1258 every tone mark byte follows a vowel, while TCVN3 uses those bytes (and
 * 0xA1–0xBF, symbols in Windows-1258) as letters, mostly after consonants.
 */
function readsAsWindows1258(bytes: Buffer): boolean {
  let windows = 0;
  let legacy = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i];
    const before = bytes[i - 1];
    if (CP1258_TONES.has(b)) {
      if (CP1258_VOWELS.has(before)) windows++;
      else if (isAsciiLetter(before)) legacy++;
    } else if (b >= 0xa1 && b <= 0xbf && isAsciiLetter(before)) legacy++;
  }
  return windows >= legacy;
}

/** The text of CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 or TCVN3/VNI as recognised. */
export function decodeCsvBytes(bytes: Buffer, fileName: string): DecodedCsv {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'UTF-16' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'UTF-8' };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  let decoded: { text: string; encoding: CsvEncoding };
  const legacy = readsAsWindows1258(bytes) ? null : detectLegacyVietnamese(bytes.toString('latin1'));
  if (legacy?.encoding === 'TCVN3') decoded = { text: iconv.decode(bytes, 'tcvn').normalize('NFC'), encoding: 'TCVN3' };
  else if (legacy) decoded = { text: legacy.text, encoding: legacy.encoding };
  else decoded = { text: iconv.decode(bytes, 'windows1258').normalize('NFC'), encoding: 'Windows-1258' };
  return {
    ...decoded,
    warning: {
      file: fileName,
      message:
        `Tệp CSV không ở bảng mã UTF-8; đã đọc theo bảng mã ${ENCODING_NAMES[decoded.encoding]}. Hãy kiểm tra lại các chữ có dấu; ` +
        'lần sau hãy lưu bằng Excel với kiểu "CSV UTF-8 (Comma delimited) (*.csv)".',
    },
  };
}

/** The separator of a CSV file: the one of ';' and ',' found more often in its first line (outside quotes). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvRecord {
  /** 1-based record number (the header included), as a spreadsheet program shows the rows */
  rowNumber: number;
  cells: string[];
}

/** The records of CSV text (fields in NFC); a quote left open is refused naming its line. */
export function parseCsvText(text: string, fileName: string): CsvRecord[] {
  const options = {
    delimiter: detectDelimiter(text),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  };
  let records: string[][];
  try {
    records = parse(text, options) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const failed = e as CsvError & { records?: number; lines?: number };
    if (failed.code === 'CSV_QUOTE_NOT_CLOSED') {
      // the line where the record holding the open quote starts: after the last good record
      const done = failed.records ?? 0;
      const good = done > 0 ? (parse(text, { ...options, to: done, info: true }) as unknown as { info: { lines: number } }[]) : [];
      const line = good.length ? good[good.length - 1].info.lines + 1 : 1;
      throw new UserError([
        {
          file: fileName,
          row: line,
          message: 'có dấu ngoặc kép (") mở mà không đóng, nên phần còn lại của tệp sẽ bị gộp vào một ô; hãy xóa dấu ngoặc kép này hoặc thêm dấu đóng rồi lưu lại.',
        },
      ]);
    }
    throw new UserError([{ file: fileName, row: failed.lines, message: 'tệp CSV không đúng định dạng ở dòng này; hãy mở bằng Excel và lưu lại với kiểu "CSV UTF-8".' }]);
  }
  return records.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c.normalize('NFC')) }));
}
