// What the cells of a returned workbook hold, read straight from its zip and XML parts: a form
// is read hundreds of times in a cycle and only its values matter, which this reads several
// times faster than building the full workbook model. Anything it does not expect sends the
// file to the Excel library's loader instead, so no file is judged by this reader alone.
import zlib from 'node:zlib';
import { MAX_UNCOMPRESSED_BYTES, checkWorkbookBytes, loadWorkbook, sheetGrid, type CellValue, type SheetGrid } from './xlsx';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetValues {
  name: string;
  state: SheetState;
  /** the sheet's non-empty rows; merged cells other than the master read as empty */
  grid(): SheetGrid;
}

export interface WorkbookValues {
  sheets: SheetValues[];
}

/** A structure this reader does not handle: the caller falls back to the full loader. */
class Unexpected extends Error {}

function zipEntries(bytes: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Unexpected('no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let e = 0; e < count; e++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw new Unexpected('bad central directory');
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const declared = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    entries.set(name.replace(/^\//, ''), () => {
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new Unexpected('bad local header');
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method !== 8) throw new Unexpected(`compression method ${method}`);
      // never more than the size the directory declares (which the bomb check has summed)
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(declared, MAX_UNCOMPRESSED_BYTES)) });
    });
  }
  return entries;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities and the _xHHHH_ escapes of Office Open XML. */
function decodeText(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1].replace(/^\w+:/, '')] = decodeText(m[2] ?? m[3]);
  return out;
}

/** The text of a string item (shared or inline): its runs, without phonetic guides. */
function stringItem(xml: string): string {
  const withoutPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeText(text);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Style index → whether numbers in that style are dates. */
function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    return custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id);
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A date serial as Excel counts it (from 1900, or from 1904 in workbooks set so). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

interface ParseContext {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

function parseSheet(name: string, xml: string, ctx: ParseContext): SheetGrid {
  const merged = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g)) {
    const [c1, r1, c2, r2] = [columnNumber(m[1]), Number(m[2]), columnNumber(m[3]), Number(m[4])];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) merged.add(`${c}:${r}`);
  }
  const rows: SheetGrid['rows'] = [];
  const sheetData = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml);
  if (!sheetData) throw new Unexpected('no sheetData');
  let rowNumber = 0;
  for (const rm of (sheetData[1] ?? '').matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const ra = attributes(rm[1]);
    rowNumber = ra.r ? Number(ra.r) : rowNumber + 1;
    const values: CellValue[] = [];
    let column = 0;
    let any = false;
    for (const cm of (rm[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ca = attributes(cm[1]);
      if (ca.r) {
        const ref = /^([A-Z]+)(\d+)$/.exec(ca.r);
        if (!ref) throw new Unexpected(`cell reference ${ca.r}`);
        column = columnNumber(ref[1]);
      } else column++;
      if (merged.has(`${column}:${rowNumber}`)) continue;
      const body = cm[2] ?? '';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let value: CellValue = null;
      switch (ca.t) {
        case 's':
          if (v !== undefined) {
            const s = ctx.shared[Number(v)];
            if (s === undefined) throw new Unexpected(`shared string ${v}`);
            value = s;
          }
          break;
        case 'inlineStr': {
          const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
          value = is === undefined ? null : stringItem(is);
          break;
        }
        case 'str':
          value = v === undefined ? null : decodeText(v);
          break;
        case 'b':
          value = v === undefined ? null : v.trim() === '1' || v.trim() === 'true';
          break;
        case 'e':
          value = null;
          break;
        case 'd':
          value = v === undefined ? null : new Date(decodeText(v));
          break;
        case undefined:
        case 'n': {
          if (v === undefined || v.trim() === '') break;
          const n = Number(v);
          if (!Number.isFinite(n)) throw new Unexpected(`number ${v}`);
          value = ctx.dates[Number(ca.s ?? 0)] ? excelDate(n, ctx.date1904) : n;
          break;
        }
        default:
          throw new Unexpected(`cell type ${ca.t}`);
      }
      if (typeof value === 'string') value = value.normalize('NFC');
      if (value === null || value === '') continue;
      values[column - 1] = value;
      any = true;
    }
    if (!any) continue;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows.push({ rowNumber, values });
  }
  return { name, rows };
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function relationships(entries: Map<string, () => Buffer>, part: string): { type: string; target: string; id: string }[] {
  const relsPath = resolveTarget(part, `_rels/${part.split('/').pop()}.rels`);
  const read = entries.get(relsPath);
  if (!read) return [];
  return [...read().toString('utf8').matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1]);
    return { type: a.Type ?? '', target: resolveTarget(part, a.Target ?? ''), id: a.Id ?? '' };
  });
}

/** The direct reader alone, without the fallback (throws on anything unexpected). */
export function readValuesFromParts(bytes: Buffer): WorkbookValues {
  const entries = zipEntries(bytes);
  const text = (part: string) => entries.get(part)?.().toString('utf8') ?? null;
  const root = relationships(entries, '').find((r) => r.type.endsWith('/officeDocument'));
  if (!root) throw new Unexpected('no office document');
  const workbookXml = text(root.target);
  if (workbookXml === null) throw new Unexpected('no workbook part');
  const rels = relationships(entries, root.target);
  const sharedPart = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'));
  const sharedXml = sharedPart ? text(sharedPart.target) : null;
  const ctx: ParseContext = {
    shared: sharedXml ? [...sharedXml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => stringItem(m[1] ?? '')) : [],
    dates: dateStyles(stylesPart ? text(stylesPart.target) : null),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml),
  };
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetValues[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const rel = byId.get(a.id ?? '');
    if (!rel) throw new Unexpected(`sheet ${a.name} without relationship`);
    if (!rel.type.endsWith('/worksheet')) continue;
    const xml = text(rel.target);
    if (xml === null) throw new Unexpected(`missing part ${rel.target}`);
    const name = (a.name ?? '').normalize('NFC');
    const state: SheetState = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    let grid: SheetGrid | null = null;
    sheets.push({ name, state, grid: () => (grid ??= parseSheet(name, xml, ctx)) });
  }
  if (sheets.length === 0) throw new Unexpected('no worksheet');
  // parse now, so that a surprise in any sheet reaches the fallback, not the caller
  for (const s of sheets) s.grid();
  return { sheets };
}

/**
 * The values of a workbook's sheets, after the same checks as the Excel library's loader
 * (format, size, encryption, decompression bombs): refusals are UserErrors naming the file.
 */
export async function readWorkbookValues(bytes: Buffer, fileName: string): Promise<WorkbookValues> {
  checkWorkbookBytes(bytes, fileName);
  try {
    return readValuesFromParts(bytes);
  } catch {
    const wb = await loadWorkbook(bytes, fileName, { valuesOnly: true });
    return {
      sheets: wb.worksheets.map((sheet) => {
        const grid = sheetGrid(sheet);
        return { name: sheet.name, state: sheet.state as SheetState, grid: () => grid };
      }),
    };
  }
}
