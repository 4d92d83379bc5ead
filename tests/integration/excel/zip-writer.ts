// A small zip writer for crafting the files the readers must refuse: every field of the local
// headers and the central directory can be set apart, so that a header can contradict the
// directory, a declared size can lie, entries can overlap, counts can be absurd. Data is
// deflated with node:zlib; nothing here is used by the application.
import zlib from 'node:zlib';

export interface HeaderFields {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default) */
  method?: number;
  /** what the central directory says, where it differs from the truth */
  central?: Partial<HeaderFields> & { offset?: number };
  /** what the local header says, where it differs from the truth */
  local?: Partial<HeaderFields>;
  /** sizes and CRC after the data (flag bit 3), local header fields zero */
  descriptor?: Partial<Pick<HeaderFields, 'crc' | 'compressedSize' | 'size'>> | true;
  /** compressed bytes to store instead of deflating `data` */
  compressed?: Buffer;
  /** only a central directory record (pointing at `central.offset`), no local header or data */
  centralOnly?: boolean;
}

export interface ZipOptions {
  /** an end record (ZIP64) claiming this many entries */
  zip64EntryCount?: bigint;
}

function dosDateTime(): { time: number; date: number } {
  return { time: (12 << 11) | (0 << 5), date: ((2025 - 1980) << 9) | (1 << 5) | 15 };
}

function centralRecord(c: HeaderFields & { offset: number }): Buffer[] {
  const { time, date } = dosDateTime();
  const name = Buffer.from(c.name, 'utf8');
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(20, 4);
  record.writeUInt16LE(20, 6);
  record.writeUInt16LE(c.flags, 8);
  record.writeUInt16LE(c.method, 10);
  record.writeUInt16LE(time, 12);
  record.writeUInt16LE(date, 14);
  record.writeUInt32LE(c.crc >>> 0, 16);
  record.writeUInt32LE(c.compressedSize >>> 0, 20);
  record.writeUInt32LE(c.size >>> 0, 24);
  record.writeUInt16LE(name.length, 28);
  record.writeUInt32LE(c.offset >>> 0, 42);
  return [record, name];
}

export function writeZip(parts: ZipPart[], options: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosDateTime();
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const method = part.method ?? 8;
    const compressed = part.compressed ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const truth: HeaderFields = {
      name: part.name,
      method,
      flags: 0x800 | (part.descriptor ? 0x8 : 0),
      crc: zlib.crc32(data) >>> 0,
      compressedSize: compressed.length,
      size: data.length,
    };
    if (part.centralOnly) {
      central.push(...centralRecord({ ...truth, offset: 0, ...part.central }));
      continue;
    }
    const local = { ...truth, ...(part.descriptor ? { crc: 0, compressedSize: 0, size: 0 } : {}), ...part.local };
    const localName = Buffer.from(local.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(local.flags, 6);
    header.writeUInt16LE(local.method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(local.crc >>> 0, 14);
    header.writeUInt32LE(local.compressedSize >>> 0, 18);
    header.writeUInt32LE(local.size >>> 0, 22);
    header.writeUInt16LE(localName.length, 26);
    header.writeUInt16LE(0, 28);
    const localOffset = offset;
    chunks.push(header, localName, compressed);
    offset += header.length + localName.length + compressed.length;
    if (part.descriptor) {
      const d = { ...truth, ...(part.descriptor === true ? {} : part.descriptor) };
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(d.crc >>> 0, 4);
      descriptor.writeUInt32LE(d.compressedSize >>> 0, 8);
      descriptor.writeUInt32LE(d.size >>> 0, 12);
      chunks.push(descriptor);
      offset += descriptor.length;
    }
    central.push(...centralRecord({ ...truth, offset: localOffset, ...part.central }));
  }
  const centralStart = offset;
  const centralBytes = Buffer.concat(central);
  chunks.push(centralBytes);
  offset += centralBytes.length;
  let count = parts.length;
  if (options.zip64EntryCount !== undefined) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(options.zip64EntryCount, 24);
    record.writeBigUInt64LE(options.zip64EntryCount, 32);
    record.writeBigUInt64LE(BigInt(centralBytes.length), 40);
    record.writeBigUInt64LE(BigInt(centralStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset), 8);
    locator.writeUInt32LE(1, 16);
    chunks.push(record, locator);
    count = 0xffff;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(options.zip64EntryCount !== undefined ? 0xffffffff : centralStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** the inside of <sheetData>, or a whole worksheet part when it starts with "<?xml" or "<worksheet" */
  xml: string;
  /** after </sheetData>: <mergeCells>, … */
  after?: string;
  state?: 'hidden' | 'veryHidden';
}

/** The parts of a minimal .xlsx (what Excel needs to open it), with hooks for hostile content. */
export function xlsxParts(options: {
  sheets: SheetSpec[];
  sharedStrings?: string;
  styles?: string;
  /** extra <sheet> elements and the like, inside <sheets> */
  moreSheets?: string;
  /** the main namespace (to write strict Office Open XML, say) */
  namespace?: string;
}): ZipPart[] {
  const ns = options.namespace ?? MAIN;
  const sheetPart = (s: SheetSpec) =>
    /^\s*<(\?xml|(\w+:)?worksheet)/.test(s.xml) ? s.xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${REL}"><sheetData>${s.xml}</sheetData>${s.after ?? ''}</worksheet>`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${options.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${REL}"><sheets>${options.sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}${options.moreSheets ?? ''}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${options.sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}${options.sharedStrings !== undefined ? `<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${options.styles !== undefined ? `<Relationship Id="rST" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    },
    ...options.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetPart(s) })),
  ];
  if (options.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: options.sharedStrings });
  if (options.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: options.styles });
  return parts;
}
