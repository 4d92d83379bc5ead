// The parts of a workbook that locate and describe its cells (workbook.xml, relationships,
// styles, the shared-string table), read through saxes with what they declare bounded by
// ./limits: sheets, defined names' areas, cell formats, strings and their lengths.
import type { Readable } from 'node:stream';
import { MAX_CELL_FORMATS, MAX_EXPANDED_RANGE_CELLS, MAX_SHARED_STRINGS, MAX_SHEETS } from './limits';
import { StringItem, WorkbookBudget, areaSize, nf, parseArea, shown, tooLongText } from './cells';
import { prefixedAttribute, readXml, type XmlPart } from './xml';

// ---------------------------------------------------------------------------------------------
// workbook.xml

export const TRANSITIONAL_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookPart {
  /** the root element's local name ("workbook" for a workbook) */
  rootName: string;
  namespace: string | undefined;
  sheets: { name: string; state: SheetState; relationshipId: string | undefined }[];
  date1904: boolean;
}

/** The sheets of workbook.xml (refused beyond MAX_SHEETS) and its date system. */
export async function readWorkbookPart(input: Readable | Buffer, part: XmlPart, budget: WorkbookBudget): Promise<WorkbookPart> {
  const book: WorkbookPart = { rootName: '', namespace: undefined, sheets: [], date1904: false };
  let definedName: string | null = null;
  await readXml(input, part, {
    root(name, namespace) {
      book.rootName = name;
      book.namespace = namespace;
    },
    open(name, a) {
      if (name === 'sheet') {
        if (book.sheets.length >= MAX_SHEETS) {
          throw budget.refuse(`Tệp có nhiều hơn ${nf(MAX_SHEETS)} trang tính; hãy xóa các trang không cần thiết rồi gửi lại.`);
        }
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        book.sheets.push({ name: (a.name ?? '').normalize('NFC'), state, relationshipId: prefixedAttribute(a, 'id') });
      } else if (name === 'workbookPr') {
        book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (name === 'definedName' && budget.forFullLoad) definedName = '';
    },
    text(text) {
      if (definedName !== null) definedName += text;
    },
    close(name) {
      if (name === 'definedName' && definedName !== null) {
        // the Excel library makes one object per cell of each "$A$1:$B$2" range a name refers to
        for (const m of definedName.matchAll(/\$([A-Za-z]{1,4})\$(\d{1,8})(?::\$([A-Za-z]{1,4})\$(\d{1,8}))?/g)) {
          const area = parseArea(m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
          budget.expandedRangeCells += area ? areaSize(area) : Infinity;
          if (budget.expandedRangeCells > MAX_EXPANDED_RANGE_CELLS) {
            throw budget.refuse(`Tên vùng (defined name) "${shown(m[0])}" trỏ tới vùng quá lớn (giới hạn ${nf(MAX_EXPANDED_RANGE_CELLS)} ô); hãy xóa hoặc thu hẹp tên vùng này (Formulas > Name Manager).`);
          }
        }
        definedName = null;
      }
    },
  });
  return book;
}

// ---------------------------------------------------------------------------------------------
// relationships (_rels/*.rels)

export interface Relationship {
  id: string;
  type: string;
  /** the target part's name inside the zip, resolved against the source part */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
export function resolvePartName(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The name of the relationships part of `source` ("" = the package itself). */
export function relationshipsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

export async function readRelationships(input: Buffer, part: XmlPart, source: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await readXml(input, part, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const external = a.TargetMode === 'External';
      rels.push({ id: a.Id ?? '', type: a.Type ?? '', external, target: external ? (a.Target ?? '') : resolvePartName(source, a.Target ?? '') });
    },
  });
  return rels;
}

// ---------------------------------------------------------------------------------------------
// styles.xml: which cell formats show numbers as dates

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Style index → whether numbers in that style are dates. */
export async function readDateStyles(input: Buffer, part: XmlPart, budget: WorkbookBudget): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await readXml(input, part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (formats.length >= MAX_CELL_FORMATS) throw budget.refuse(`Tệp có hơn ${nf(MAX_CELL_FORMATS)} định dạng ô; hãy mở và lưu lại bằng Excel.`);
        formats.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

// ---------------------------------------------------------------------------------------------
// sharedStrings.xml

/** The shared-string table (refused beyond MAX_SHARED_STRINGS items or MAX_CELL_TEXT characters an item). */
export async function readSharedStrings(input: Readable | Buffer, part: XmlPart, budget: WorkbookBudget): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItem();
  let inItem = false;
  const tooMany = () => budget.refuse(`Tệp có hơn ${nf(MAX_SHARED_STRINGS)} chuỗi văn bản dùng chung; tệp quá lớn để nhập.`);
  await readXml(input, part, {
    open(name, a, selfClosing) {
      // a declared count past the limit is refused at once; an undeclared one when reached
      if (name === 'sst' && Number(a.uniqueCount ?? 0) > MAX_SHARED_STRINGS) throw tooMany();
      if (name === 'si') {
        if (strings.length >= MAX_SHARED_STRINGS) throw tooMany();
        if (selfClosing) strings.push('');
        else inItem = true;
      } else if (inItem) item.open(name);
    },
    text(text) {
      if (inItem && !item.text(text)) throw tooLongText(budget, `Chuỗi văn bản dùng chung thứ ${nf(strings.length + 1)}`);
    },
    close(name) {
      if (name === 'si' && inItem) {
        const text = item.take();
        if (text === null) throw tooLongText(budget, `Chuỗi văn bản dùng chung thứ ${nf(strings.length + 1)}`);
        strings.push(text);
        inItem = false;
      } else if (inItem) item.close(name);
    },
  });
  return strings;
}
