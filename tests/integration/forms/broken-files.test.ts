// Broken and odd files, made here from a real filled form, plus any folder of files kept outside
// the project (PARW_FORMS_CORPUS=/path/to/folder): the import never fails with a crash; each
// file is imported or refused with a message, and a refused file changes nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFormPaths, importFormFile, writeFormTemplate } from '../../../electron/features/forms';
import { readWorkbookValues } from '../../../electron/excel/workbook-values';
import { UserError } from '../../../shared/errors';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell, hasLibreOffice, libreOfficeConvert } from './helpers';

/** Rewrites a zip with one part dropped or replaced (Python's zipfile, not exceljs). */
function rezip(src: string, dst: string, part: string, replacement: string | null): void {
  execFileSync('python3', [
    '-c',
    `import sys, zipfile
src, dst, part, repl = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if item.filename == part:
            if repl is not None:
                zout.writestr(item.filename, repl)
            continue
        zout.writestr(item, zin.read(item.filename))`,
    src,
    dst,
    part,
    ...(replacement === null ? [] : [replacement]),
  ]);
}

describe('broken and odd files', () => {
  it('are each imported or refused with a message, never half-imported', async () => {
    const dir = tempDir('parw-forms-broken-');
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    const good = path.join(dir, 'good.xlsx');
    fillXlsx([{ src: blank, dst: good, sheet: FORM_SHEET, cells: { [formCell(TEST_NODES, '1.2', 'self')]: 1 } }], dir);
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    const bytes = fs.readFileSync(good);
    const made: Record<string, RegExp> = {};
    const add = (name: string, content: Buffer | null, expected: RegExp) => {
      if (content) fs.writeFileSync(path.join(corpus, name), content);
      made[name] = expected;
    };
    add('empty.xlsx', Buffer.alloc(0), /không phải là bảng tính Excel/);
    for (const cut of [100, 2000, bytes.length - 10]) add(`cut-${cut}.xlsx`, bytes.subarray(0, cut), /bị hỏng/);
    const flipped = Buffer.from(bytes);
    for (let i = 200; i < flipped.length - 400; i += 97) flipped[i] ^= 0x5a;
    add('flipped.xlsx', flipped, /bị hỏng|không phải là biểu|không đúng định dạng/);
    const parts: [string, string | null, RegExp][] = [
      ['xl/workbook.xml', null, /bị hỏng|không đúng định dạng|không phải là biểu/],
      ['xl/sharedStrings.xml', null, /./],
      ['xl/styles.xml', null, /./],
      ['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"', /bị hỏng|không đúng định dạng|không phải là biểu/],
      ['xl/worksheets/sheet3.xml', null, /./],
    ];
    parts.forEach(([part, replacement, expected], i) => {
      const name = `part-${i}-${path.basename(part, '.xml')}.xlsx`;
      rezip(good, path.join(corpus, name), part, replacement);
      made[name] = expected;
    });
    if (hasLibreOffice()) {
      // the same form saved by LibreOffice as OpenDocument and renamed, as units sometimes do
      const [ods] = libreOfficeConvert([good], path.join(dir, 'ods'), 'ods');
      fs.copyFileSync(ods, path.join(corpus, 'saved-as-ods.xlsx'));
      made['saved-as-ods.xlsx'] = /OpenDocument \(\.ods\)/;
    }
    const external = process.env.PARW_FORMS_CORPUS ? expandFormPaths([process.env.PARW_FORMS_CORPUS]) : [];

    for (const file of [...expandFormPaths([corpus]), ...external]) {
      const before = dumpWorkspace(ws);
      const r = await importFormFile(ws, file);
      const name = path.basename(file);
      expect(['imported', 'refused', 'unchanged'], name).toContain(r.status);
      if (r.status === 'refused') {
        expect(r.errors.length, name).toBeGreaterThan(0);
        for (const e of r.errors) expect(e.message, name).toMatch(/[ạ-ỹđ]/);
        expect(dumpWorkspace(ws), name).toEqual(before);
      }
      if (made[name]) {
        const text = [...r.errors, ...r.warnings].map((e) => e.message).join('\n') || r.status;
        expect(text, name).toMatch(made[name]);
      }
    }
    ws.close();
  });

  it('reads a form damaged by flipped bytes as damaged, wherever the flips fall', async () => {
    // the flips of flipped.xlsx above, at every one of their 97 alignments: sizes made huge in the
    // central directory, broken local headers and deflate data are all "bị hỏng", never "quá lớn"
    const dir = tempDir('parw-forms-flipped-');
    const ws = createTestWorkspace(path.join(dir, 'ws.parws'));
    const blank = path.join(dir, 'blank.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
    ws.close();
    const good = path.join(dir, 'good.xlsx');
    fillXlsx([{ src: blank, dst: good, sheet: FORM_SHEET, cells: { [formCell(TEST_NODES, '1.2', 'self')]: 1 } }], dir);
    const bytes = fs.readFileSync(good);
    for (let start = 200; start < 200 + 97; start++) {
      const flipped = Buffer.from(bytes);
      for (let i = start; i < flipped.length - 400; i += 97) flipped[i] ^= 0x5a;
      const error = await readWorkbookValues(flipped, 'flipped.xlsx').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `flips from byte ${start}`).toBeInstanceOf(UserError);
      expect((error as UserError).message, `flips from byte ${start}`).toMatch(/^Tệp flipped\.xlsx: Tệp Excel bị hỏng/);
    }
  });
});
