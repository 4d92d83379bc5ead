// Every refusal of received evidence on a real file: the file and the reason named, and the
// workspace exactly as before (a dump of every table). A form whose evidence is refused is
// refused whole.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFormFile, writeFormTemplate } from '../../../electron/features/forms';
import type { Workspace } from '../../../electron/db/workspace';
import { UserError } from '../../../shared/errors';
import { EVIDENCE_LIMIT_SETTINGS, importEvidence } from '../../../electron/features/evidence/service';
import { setSetting } from '../../../electron/features/workspace/store';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace, dumpWorkspace } from '../forms/helpers';
import { writeZip } from '../excel/zip-writer';
import { makeDocx, makePdf, makePng, makeZip, writeTree } from './files';

const dir = tempDir('parw-evidence-bad-');
const file = (...p: string[]) => path.join(dir, ...p);
let ws: Workspace;
let n = 0;

beforeAll(async () => {
  ws = createTestWorkspace(file('ws.parws'));
  // something already there, which a refusal must leave as it is
  await importEvidence(ws, writeTree(file('good'), { '1.1.1/Kế hoạch.pdf': makePdf(2) }), { year: 2025, unitCode: 'SNV' });
  return () => ws.close();
});

/** A folder holding `files`, plus one good document that must not come in either. */
function folder(files: Record<string, Buffer | string>): string {
  return writeTree(file(`case-${++n}`), { '1.1.2 Báo cáo.pdf': makePdf(1, `ok ${n}`), ...files });
}

async function expectRefused(input: string, fileNamed: string, reason: RegExp): Promise<void> {
  const before = dumpWorkspace(ws);
  let error: unknown = null;
  try {
    await importEvidence(ws, input, { year: 2025, unitCode: 'SNV' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  const problems = (error as UserError).problems;
  expect(problems.some((p) => (p.file ?? '').includes(fileNamed) && reason.test(p.message)), JSON.stringify(problems)).toBe(true);
  expect(dumpWorkspace(ws)).toEqual(before);
}

describe('refused evidence', () => {
  it('refuses zip entries climbing out of the archive or with absolute paths', async () => {
    await expectRefused(makeZip(file('dotdot.zip'), { '../ra-ngoai.pdf': makePdf(1) }), 'dotdot.zip', /đường dẫn không an toàn/);
    await expectRefused(makeZip(file('absolute.zip'), { '/etc/tuyet-doi.pdf': makePdf(1) }), 'absolute.zip', /đường dẫn không an toàn/);
  });

  it('refuses a decompression bomb by its ratio, before inflating it', async () => {
    await expectRefused(makeZip(file('bomb.zip'), { 'a.txt': Buffer.alloc(30 * 1024 * 1024, 0x41) }), 'bomb.zip', /tỉ lệ bất thường/);
  });

  it('refuses an entry that inflates past what it declares, while reading', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const bytes = writeZip([{ name: 'lie.txt', data: big, central: { size: 1000 }, local: { size: 1000 } }]);
    fs.writeFileSync(file('liar.zip'), bytes);
    await expectRefused(file('liar.zip'), 'liar.zip', /nhiều hơn kích thước đã khai báo/);
  });

  it('refuses an encrypted zip', async () => {
    const src = writeTree(file('enc-src'), { 'Kế hoạch.pdf': makePdf(1) });
    execFileSync('zip', ['-q', '-P', 'matkhau', '-r', file('encrypted.zip'), '.'], { cwd: src });
    await expectRefused(file('encrypted.zip'), 'encrypted.zip', /mật khẩu|mã hóa/);
  });

  it('refuses an executable renamed .pdf, naming it', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('This program cannot be run in DOS mode')]);
    await expectRefused(folder({ '1.1.1/Quyết định.pdf': exe }), 'Quyết định.pdf', /chương trình Windows/);
  });

  it('refuses programs, scripts and shortcuts by name too', async () => {
    await expectRefused(folder({ 'chay.bat': '@echo off\r\nformat c:\r\n' }), 'chay.bat', /tệp chương trình, tệp lệnh hoặc lối tắt \(\.bat\)/);
    await expectRefused(folder({ 'a.js': 'alert(1)' }), 'a.js', /\(\.js\)/);
  });

  it('refuses a macro-enabled document, asking for a copy without macros', async () => {
    await expectRefused(folder({ 'Báo cáo.docx': fs.readFileSync(makeDocx(file('macro.docx'), { macros: true })) }), 'Báo cáo.docx', /macro.*không có macro/);
    await expectRefused(folder({ 'Bảng.xlsm': fs.readFileSync(makeDocx(file('macro.xlsm'), { macros: true, spreadsheet: true })) }), 'Bảng.xlsm', /macro/);
  });

  it('refuses a 0-byte file', async () => {
    await expectRefused(folder({ 'rong.pdf': Buffer.alloc(0) }), 'rong.pdf', /0 byte/);
  });

  it('refuses a file over the size limit of the settings', async () => {
    setSetting(ws, EVIDENCE_LIMIT_SETTINGS.maxFileBytes, '4000');
    try {
      await expectRefused(folder({ 'lon.pdf': Buffer.concat([makePdf(1), Buffer.alloc(5000, 0x20)]) }), 'lon.pdf', /tệp 5,\d KB lớn hơn giới hạn 3,9 KB một tệp/);
    } finally {
      setSetting(ws, EVIDENCE_LIMIT_SETTINGS.maxFileBytes, null);
    }
  });

  it('refuses what passes the unit\'s limit for the year', async () => {
    setSetting(ws, EVIDENCE_LIMIT_SETTINGS.maxUnitYearBytes, '1500');
    try {
      await expectRefused(folder({ 'them.pdf': makePdf(3, 'them') }), 'case-', /sẽ lên tới \d+(,\d)? KB, vượt giới hạn 1,5 KB/);
    } finally {
      setSetting(ws, EVIDENCE_LIMIT_SETTINGS.maxUnitYearBytes, null);
    }
  });

  it('refuses a name Windows cannot store', async () => {
    await expectRefused(folder({ 'Báo cáo: tháng 1?.pdf': makePdf(1) }), 'Báo cáo: tháng 1?.pdf', /ký tự Windows không cho phép/);
    await expectRefused(folder({ 'CON.pdf': makePdf(1) }), 'CON.pdf', /thiết bị dành riêng/);
  });

  it('refuses a PDF that is not a PDF', async () => {
    await expectRefused(folder({ 'Kế hoạch.pdf': 'Đây không phải PDF, chỉ là chữ.' }), 'Kế hoạch.pdf', /đuôi \.pdf nhưng nội dung không phải PDF/);
    await expectRefused(folder({ 'Ảnh.pdf': makePng(4, 4, [0, 0, 0]) }), 'Ảnh.pdf', /không phải PDF \(là PNG\)/);
  });

  it('refuses an archive inside an archive', async () => {
    const inner = fs.readFileSync(makeZip(file('inner.zip'), { 'a.pdf': makePdf(1) }));
    await expectRefused(makeZip(file('outer.zip'), { 'SNV/1.1.1/trong.zip': inner }), 'trong.zip', /tệp nén nằm trong tệp nén/);
  });

  it('refuses a form whose evidence is refused, and none of it comes in', async () => {
    const forms = file('forms');
    fs.mkdirSync(forms);
    const form = path.join(forms, 'SNV-2025.xlsx');
    await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: form });
    writeTree(path.join(forms, 'SNV-2025'), { '1.1.1/a.pdf': makePdf(1, 'x'), 'virus.pdf.exe': Buffer.from('MZ...') });
    const before = dumpWorkspace(ws);
    const r = await importFormFile(ws, form, { expectedYear: 2025 });
    expect(r.status).toBe('refused');
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/SNV-2025\/virus\.pdf\.exe.*\(\.exe\)/);
    expect(dumpWorkspace(ws)).toEqual(before);
  });

  it('takes the same folder once the bad file is gone', async () => {
    const good = folder({});
    const r = await importEvidence(ws, good, { year: 2025, unitCode: 'SNV' });
    expect(r.added).toBe(1);
  });
});
