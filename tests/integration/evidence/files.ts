// Real documents for the evidence tests, written without libraries: PDFs with real pages
// (xref offsets computed), PNG images (zlib), a JPEG, Office files made by zipping their
// parts (Python's zipfile, as senders' tools write them), and .zip archives with UTF-8 names.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A PDF of `pages` pages, each saying `text` and its number. */
export function makePdf(pages: number, text = 'Tai lieu kiem chung'): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    const stream = `BT /F1 28 Tf 72 700 Td (${text} - trang ${i + 1}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function crc(buf: Buffer): number {
  return zlib.crc32(buf) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, c]);
}

/** A PNG of `w`×`h` pixels in one colour with a darker band (so a screenshot shows it). */
export function makePng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    const band = y > h / 3 && y < (2 * h) / 3;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = band ? rgb[0] >> 1 : rgb[0];
      raw[o + 1] = band ? rgb[1] >> 1 : rgb[1];
      raw[o + 2] = band ? rgb[2] >> 1 : rgb[2];
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 baseline JPEG. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** Writes `files` (relative path → bytes) under `dir`. */
export function writeTree(dir: string, files: Record<string, Buffer | string>): string {
  for (const [rel, bytes] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, bytes);
  }
  return dir;
}

/** A .zip of `files` (names as given, UTF-8) written by Python's zipfile, deflated. */
export function makeZip(out: string, files: Record<string, Buffer | string>, options: { password?: boolean } = {}): string {
  const spec = out + '.json';
  fs.writeFileSync(
    spec,
    JSON.stringify(Object.entries(files).map(([name, data]) => ({ name, data: Buffer.from(data).toString('base64') }))),
  );
  execFileSync('python3', [
    '-c',
    `import json,sys,zipfile,base64
entries=json.load(open(sys.argv[1]))
with zipfile.ZipFile(sys.argv[2],'w',zipfile.ZIP_DEFLATED) as z:
    for e in entries:
        info=zipfile.ZipInfo(e['name'],(2025,11,15,10,0,0))
        info.compress_type=zipfile.ZIP_DEFLATED
        if sys.argv[3]=='1': info.flag_bits|=0x1
        z.writestr(info,base64.b64decode(e['data']))`,
    spec,
    out,
    options.password ? '1' : '0',
  ]);
  fs.rmSync(spec);
  return out;
}

/** A .docx (or with `macros`, a .docm-like package) made of its minimal parts. */
export function makeDocx(out: string, options: { macros?: boolean; spreadsheet?: boolean } = {}): string {
  const main = options.spreadsheet
    ? options.macros
      ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'
    : options.macros
      ? 'application/vnd.ms-word.document.macroEnabled.main+xml'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  const part = options.spreadsheet ? 'xl/workbook.xml' : 'word/document.xml';
  const files: Record<string, string | Buffer> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${main}"/></Types>`,
    [part]: '<?xml version="1.0"?><document/>',
  };
  if (options.macros) files[options.spreadsheet ? 'xl/vbaProject.bin' : 'word/vbaProject.bin'] = Buffer.from('VBA');
  return makeZip(out, files);
}
