// Hostile workbooks, built here byte by byte: each is read in a process of its own with a
// 200 MB heap, as the form import and the Excel library's loader read files, and must be
// refused in well under a second, within 200 MB, with a Vietnamese message naming the file,
// and without the library's loader ever being called by the form reader.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';
import { writeZip, xlsxParts, type ZipPart } from './zip-writer';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RUNNER = path.join(import.meta.dirname, 'read-in-child.ts');

interface ChildRead {
  read: boolean;
  userError?: boolean;
  message?: string;
  cells?: number;
  ms: number;
  peakRssMb: number;
  excelLoads: number;
}

function readInChild(file: string, mode: 'forms' | 'exceljs' | 'table'): ChildRead {
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', '--import', 'tsx', RUNNER, file, mode], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`child exited ${r.status} (${r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as ChildRead;
}

const dir = tempDir('parw-hostile-');
const write = (name: string, parts: ZipPart[] | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.isBuffer(parts) ? parts : writeZip(parts));
  return file;
};
const cell = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
const plainRows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, i)}${cell(`B${i + 1}`, i * 2)}</row>`).join('');

/** A valid sheet with one part replaced or altered by `alter`. */
function withPart(name: string, alter: (p: ZipPart) => ZipPart, options: Parameters<typeof xlsxParts>[0] = { sheets: [{ name: 'Biểu', xml: plainRows }] }): ZipPart[] {
  return xlsxParts(options).map((p) => (p.name === name ? alter(p) : p));
}

/** Sheet XML that inflates to `bytes` bytes (blank rows) from a few kilobytes. */
function inflatingXml(bytes: number): Buffer {
  const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, ' '), tail]);
}

const hostile: { name: string; parts: () => ZipPart[] | Buffer; expect: RegExp; withinMs?: number; modes?: ('forms' | 'exceljs')[] }[] = [
  {
    name: 'cell-reference-MWLQKWU10.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="10"><c r="MWLQKWU10"><v>1</v></c></row>` }] }),
    expect: /ô địa chỉ "MWLQKWU10" vượt quá giới hạn của Excel/,
  },
  {
    name: 'cell-in-column-XFE.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="1"><c r="XFE1"><v>1</v></c></row>` }] }),
    expect: /ô địa chỉ "XFE1" vượt quá giới hạn/,
  },
  {
    name: 'row-2000000.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="2000000"><c><v>1</v></c></row>` }] }),
    expect: /dòng số "2000000" vượt quá giới hạn của Excel/,
  },
  {
    name: 'merge-A200-XFD1048576.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: plainRows, after: '<mergeCells count="1"><mergeCell ref="A200:XFD1048576"/></mergeCells>' }] }),
    expect: /vùng gộp ô .*"A200:XFD1048576"/,
  },
  {
    name: 'merges-adding-up.xlsx',
    parts: () =>
      xlsxParts({
        sheets: [
          {
            name: 'Biểu',
            xml: plainRows,
            after: `<mergeCells>${Array.from({ length: 300 }, (_, i) => `<mergeCell ref="C${i * 1000 + 1}:L${i * 1000 + 100}"/>`).join('')}</mergeCells>`,
          },
        ],
      }),
    expect: /vùng gộp ô của tệp rộng quá 250\.000 ô/,
  },
  {
    name: 'columns-to-a-billion.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? { ...p, data: String(p.data).replace('<sheetData>', '<cols><col min="1" max="1000000000" width="9"/></cols><sheetData>') }
        : p,
    ),
    expect: /cột số 1–1000000000, vượt quá giới hạn/,
  },
  {
    name: 'local-header-says-another-name.xlsx',
    parts: () => withPart('xl/worksheets/sheet1.xml', (p) => ({ ...p, local: { name: 'xl/worksheets/sheet9.xml' } })),
    expect: /bị hỏng \(phần xl\/worksheets\/sheet1\.xml: tên trong tiêu đề cục bộ khác với danh mục\)/,
  },
  {
    name: 'local-header-says-another-size.xlsx',
    parts: () => withPart('xl/worksheets/sheet1.xml', (p) => ({ ...p, local: { size: 999_999_999 } })),
    expect: /bị hỏng \(phần xl\/worksheets\/sheet1\.xml: kích thước hoặc mã kiểm tra trong tiêu đề cục bộ khác với danh mục\)/,
  },
  {
    name: 'small-size-declared-inflates-huge.xlsx',
    parts: () => {
      const data = inflatingXml(100 * 1024 * 1024);
      return withPart('xl/worksheets/sheet1.xml', (p) => ({ ...p, data, central: { size: 4096 }, local: { size: 4096 } }));
    },
    expect: /bị hỏng \(phần xl\/worksheets\/sheet1\.xml giải nén ra nhiều hơn kích thước đã khai báo\)/,
  },
  {
    name: 'honest-bomb.xlsx',
    parts: () => withPart('xl/worksheets/sheet1.xml', (p) => ({ ...p, data: inflatingXml(100 * 1024 * 1024) })),
    expect: /nén với tỉ lệ bất thường/,
  },
  {
    name: 'shared-strings-count-two-billion.xlsx',
    parts: () =>
      xlsxParts({
        sheets: [{ name: 'Biểu', xml: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
        sharedStrings: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000"><si><t>a</t></si></sst>`,
      }),
    expect: /hơn 500\.000 chuỗi văn bản dùng chung/,
  },
  {
    name: 'shared-strings-600000.xlsx',
    parts: () =>
      xlsxParts({
        sheets: [{ name: 'Biểu', xml: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
        sharedStrings: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: 600_000 }, (_, i) => `<si><t>${(i * 7919) % 1000003}</t></si>`).join('')}</sst>`,
      }),
    expect: /hơn 500\.000 chuỗi văn bản dùng chung/,
    // no count declared: refused when the 500,001st string is reached, after reading 500,000
    withinMs: 4000,
  },
  {
    name: 'text-of-40000-characters.xlsx',
    parts: () => xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'ạ'.repeat(40_000)}</t></is></c></row>` }] }),
    expect: /Ô A1 có nội dung dài hơn 32\.767 ký tự/,
  },
  {
    name: 'thousands-of-sheets.xlsx',
    parts: () =>
      xlsxParts({
        sheets: [{ name: 'Biểu', xml: plainRows }],
        moreSheets: Array.from({ length: 5000 }, (_, i) => `<sheet name="Trang ${i + 2}" sheetId="${i + 2}" r:id="rX${i}"/>`).join(''),
      }),
    expect: /nhiều hơn 200 trang tính/,
  },
  {
    name: 'doctype.xlsx',
    parts: () => withPart('xl/worksheets/sheet1.xml', (p) => ({ ...p, data: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'x'.repeat(100)}">]>${String(p.data).replace(/^<\?xml[^>]*\?>\s*/, '')}` })),
    expect: /khai báo DOCTYPE/,
  },
  {
    // the Excel library takes any name containing "xl/worksheets/sheetN.xml" for a sheet; the form reader follows relationships
    name: 'sheet-where-only-the-library-looks.xlsx',
    parts: () => [...xlsxParts({ sheets: [{ name: 'Biểu', xml: plainRows }] }), { name: 'x/xl/worksheets/sheet1.xml', data: `<worksheet><sheetData><row r="1"><c r="MWLQKWU1"><v>1</v></c></row></sheetData></worksheet>` }],
    expect: /ô địa chỉ "MWLQKWU1" vượt quá giới hạn/,
    modes: ['exceljs'],
  },
  {
    name: 'thousands-of-parts.xlsx',
    parts: () => [...xlsxParts({ sheets: [{ name: 'Biểu', xml: plainRows }] }), ...Array.from({ length: 3000 }, (_, i) => ({ name: `xl/media/a${i}.bin`, data: 'x' }))],
    expect: /quá nhiều phần nén \(3\.00\d, giới hạn 2\.000\)/,
  },
];

describe('hostile workbooks', () => {
  for (const h of hostile) {
    for (const mode of h.modes ?? (['forms', 'exceljs'] as const)) {
      it(`${h.name} is refused by the ${mode === 'forms' ? 'form reader' : "Excel library's gate"} quickly, in little memory`, () => {
        const file = fs.existsSync(path.join(dir, h.name)) ? path.join(dir, h.name) : write(h.name, h.parts());
        const r = readInChild(file, mode);
        expect(r.read, JSON.stringify(r)).toBe(false);
        expect(r.userError, r.message).toBe(true);
        expect(r.message).toContain(`Tệp ${h.name}`);
        expect(r.message).toMatch(h.expect);
        expect(r.message).toMatch(/[ạ-ỹđ]/);
        expect(r.message).not.toMatch(/\b(invalid|mismatch|Bug|Error|undefined)\b/);
        expect(r.ms, `${h.name}: ${r.ms.toFixed(0)} ms`).toBeLessThan(h.withinMs ?? 1000);
        expect(r.peakRssMb, `${h.name}: ${r.peakRssMb.toFixed(0)} MB`).toBeLessThan(200);
        expect(r.excelLoads).toBe(0);
      });
    }
  }

  it('reads a cell hidden in an XML comment as the comment it is, not as a value', () => {
    const file = write('comment-smuggled.xlsx', xlsxParts({ sheets: [{ name: 'Biểu', xml: `<row r="9">${cell('D9', 0)}<!-- <c r="D9"><v>0.5</v></c> --><!-- <c r="E9"><v>7</v></c> --></row>` }] }));
    const r = readInChild(file, 'forms');
    expect(r).toMatchObject({ read: true, cells: 1, excelLoads: 0 });
  });

  it('gives the Excel library only files that passed the same checks', () => {
    const file = write('plain.xlsx', xlsxParts({ sheets: [{ name: 'Biểu', xml: plainRows }] }));
    expect(readInChild(file, 'exceljs')).toMatchObject({ read: true, cells: 40, excelLoads: 1 });
    expect(readInChild(file, 'forms')).toMatchObject({ read: true, cells: 40, excelLoads: 0 });
  });
});
