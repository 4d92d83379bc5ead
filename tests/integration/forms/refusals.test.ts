// Every refusal of the import on a real file, each leaving the workspace exactly as before.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFormFile, importForms, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import type { Workspace } from '../../../electron/db/workspace';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell, type FillJob } from './helpers';
import { getScores } from '../../../electron/features/appraisal/store';
import { upsertUnits } from '../../../electron/features/units/service';
import { setPeriodLocked } from '../../../electron/features/workspace/service';

const dir = tempDir('parw-forms-refusals-');
let ws: Workspace;
let blank: string;
const file = (name: string) => path.join(dir, name);
const self = (code: string) => formCell(TEST_NODES, code, 'self');

beforeAll(async () => {
  ws = createTestWorkspace(file('ws.parws'));
  blank = file('blank.xlsx');
  await writeFormTemplate(ws, { year: 2025, unitCode: 'SNV', outFile: blank });
  // a first, good submission: refusals must leave it (and its scores) untouched
  const good = file('good.xlsx');
  fillXlsx([{ src: blank, dst: good, sheet: FORM_SHEET, cells: { [self('1.1.2')]: 1.5, [self('2.1')]: 2 } }], dir);
  expect((await importFormFile(ws, good)).status).toBe('imported');
  return () => ws.close();
});

function filled(name: string, cells: FillJob['cells']): string {
  const out = file(name);
  fillXlsx([{ src: blank, dst: out, sheet: FORM_SHEET, cells }], dir);
  return out;
}

/** Imports `f`, expects a refusal whose messages match `pattern`, and an untouched workspace. */
async function expectRefused(f: string, pattern: RegExp, options = {}) {
  const before = dumpWorkspace(ws);
  const r = await importFormFile(ws, f, options);
  expect(r.status).toBe('refused');
  expect(r.errors.map((e) => e.message).join('\n')).toMatch(pattern);
  expect(dumpWorkspace(ws)).toEqual(before);
  return r;
}

describe('refused forms', () => {
  it('refuses a score above the maximum, naming sheet and cell', async () => {
    const r = await expectRefused(filled('above.xlsx', { [self('1.1.2')]: 2.5 }), /Tiêu chí 1\.1\.2: điểm 2,5 vượt điểm tối đa 2; hãy nhập từ 0 đến 2\./);
    expect(r.errors[0]).toMatchObject({ sheet: FORM_SHEET, cell: self('1.1.2') });
    expect(r).toMatchObject({ unit: 'SNV', year: 2025 });
  });

  it('refuses a score below zero', async () => {
    await expectRefused(filled('negative.xlsx', { [self('1.2')]: -0.5 }), /điểm -0,5 nhỏ hơn 0/);
  });

  it('refuses text that is not a number, and lists every bad cell', async () => {
    const r = await expectRefused(
      filled('text.xlsx', { [self('1.2')]: 'một điểm', [self('2.1')]: '2,5,1', [self('1.1.2')]: 1 }),
      /"một điểm" không phải là số/,
    );
    expect(r.errors.map((e) => e.cell)).toEqual([self('1.2'), self('2.1')]);
  });

  it('refuses a date or a true/false where a score belongs', async () => {
    const r = await expectRefused(
      filled('date.xlsx', { [self('1.2')]: { date: '2025-05-01' }, [self('2.1')]: true }),
      /Tiêu chí 1\.2: ô chứa ngày 01\/05\/2025 chứ không phải số/,
    );
    expect(r.errors.map((e) => e.message)[1]).toMatch(/Tiêu chí 2\.1: ô chứa giá trị TRUE, không phải số/);
  });

  it('refuses a yes/no leaf scored between 0 and its maximum', async () => {
    await expectRefused(filled('yesno.xlsx', { [self('2.2')]: 0.25 }), /chỉ được là 0 hoặc 0,5/);
  });

  it('refuses a score on a survey leaf', async () => {
    await expectRefused(filled('survey.xlsx', { [self('2.3')]: 2 }), /điều tra xã hội học, đơn vị không tự chấm/);
  });

  it('refuses a form of another year than the one being imported', async () => {
    await expectRefused(filled('year.xlsx', { [self('1.2')]: 1 }), /năm 2025, không phải năm 2026/, { expectedYear: 2026 });
  });

  it('refuses a form of a unit the workspace does not have', async () => {
    const other = createTestWorkspace(file('other.parws'));
    upsertUnits(other, [{ code: 'SXD', name: 'Sở Xây dựng', blockCode: 'so' }]);
    const foreign = file('foreign.xlsx');
    await writeFormTemplate(other, { year: 2025, unitCode: 'SXD', outFile: foreign });
    other.close();
    await expectRefused(foreign, /đơn vị mã "SXD" \(Sở Xây dựng\) nhưng tệp dữ liệu không có đơn vị này/);
  });

  it('refuses a form of a locked period', async () => {
    const f = filled('locked.xlsx', { [self('1.2')]: 1 });
    setPeriodLocked(ws, 2025, true);
    try {
      await expectRefused(f, /đã khóa/);
    } finally {
      setPeriodLocked(ws, 2025, false);
    }
  });

  it('refuses a workbook that is not a form', async () => {
    const f = file('not-a-form.xlsx');
    fillXlsx([{ dst: f, sheets: [{ name: 'Danh sách', rows: [['Họ và tên', 'Chức vụ'], ['Nguyễn Văn A', 'Chuyên viên']] }] }], dir);
    await expectRefused(f, /không phải là biểu tự đánh giá/);
  });

  it('refuses the old .xls format, encrypted, corrupt and non-spreadsheet files', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = file('old.xls');
    fs.writeFileSync(xls, Buffer.concat([ole, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(1024)]));
    await expectRefused(xls, /định dạng Excel cũ \(\.xls\).*\.xlsx/);
    const encrypted = file('encrypted.xlsx');
    fs.writeFileSync(
      encrypted,
      Buffer.concat([ole, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(2048)]),
    );
    await expectRefused(encrypted, /đặt mật khẩu/);
    const truncated = file('truncated.xlsx');
    const bytes = fs.readFileSync(blank);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(truncated, /bị hỏng/);
    const pdf = file('scan.xlsx');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    await expectRefused(pdf, /không phải là bảng tính Excel/);
  });

  it('refuses oversized files and decompression bombs before reading them', async () => {
    const big = file('big.xlsx');
    fs.writeFileSync(big, Buffer.concat([fs.readFileSync(blank), Buffer.alloc(31 * 1024 * 1024, 7)]));
    await expectRefused(big, /lớn hơn giới hạn 30 MB/);
    const bomb = file('bomb.xlsx');
    fs.writeFileSync(bomb, zipWithOneEntry('xl/worksheets/sheet1.xml', 400 * 1024 * 1024));
    await expectRefused(bomb, /giải nén quá lớn/);
  });

  it('goes on with the other files of a folder when one is refused', async () => {
    const folder = file('batch');
    fs.mkdirSync(folder);
    fillXlsx(
      [
        { src: blank, dst: path.join(folder, 'a-bad.xlsx'), sheet: FORM_SHEET, cells: { [self('1.2')]: 9 } },
        { src: blank, dst: path.join(folder, 'b-good.xlsx'), sheet: FORM_SHEET, cells: { [self('1.2')]: 1.25 } },
      ],
      dir,
    );
    fs.writeFileSync(path.join(folder, '~$b-good.xlsx'), 'lock file of an open workbook');
    fs.writeFileSync(path.join(folder, 'ghi-chu.txt'), 'not a form');
    const results = await importForms(ws, [folder]);
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['a-bad.xlsx', 'refused'],
      ['b-good.xlsx', 'imported'],
    ]);
    expect(getScores(ws, 2025, { unitCode: 'SNV' }).find((s) => s.criterionCode === '1.2')!.selfScore).toBe(1.25);
  });
});

describe('warnings', () => {
  it('warns of missing evidence and explanation where the framework requires them, and imports', async () => {
    const f = filled('no-evidence.xlsx', {
      [self('1.1.1')]: 1,
      [self('1.1.2')]: 2,
      [formCell(TEST_NODES, '1.1.2', 'explanation')]: 'Văn bản đang trình ký',
    });
    const r = await importFormFile(ws, f);
    expect(r.status).toBe('imported');
    const messages = r.warnings.map((w) => `${w.cell}: ${w.message}`);
    expect(messages).toContain(
      `${formCell(TEST_NODES, '1.1.1', 'evidence')}: Tiêu chí 1.1.1 yêu cầu tài liệu kiểm chứng nhưng đơn vị chưa ghi tài liệu và chưa giải trình; hãy bổ sung.`,
    );
    expect(messages).toContain(
      `${formCell(TEST_NODES, '1.1.2', 'evidence')}: Tiêu chí 1.1.2 yêu cầu tài liệu kiểm chứng nhưng đơn vị chưa ghi (đã có giải trình).`,
    );
  });
});

/** A real zip bomb: one entry of `size` bytes of spaces, deflated to a few hundred kilobytes. */
function zipWithOneEntry(name: string, size: number): Buffer {
  const plain = Buffer.alloc(size, 0x20);
  const data = zlib.deflateRawSync(plain, { level: 9 });
  const crc = zlib.crc32(plain);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}
