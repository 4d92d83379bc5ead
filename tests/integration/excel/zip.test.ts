// The zip reader on real bytes: archives read from memory and from disk, entries streamed or
// read whole, and every kind of contradiction or excess refused with a Vietnamese message that
// names the file and never repeats the library's own words.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { ZipReader, type ZipOptions } from '../../../electron/excel/zip';
import { tempDir } from '../../helpers/tmp';
import { writeZip } from './zip-writer';

const OPTIONS: ZipOptions = {
  limits: { maxEntries: 50, maxTotalBytes: 10 * 1024 * 1024, maxEntryBytes: 8 * 1024 * 1024, maxRatio: 100, ratioCheckedFrom: 64 * 1024 },
  wording: { kind: 'Tệp nén', repair: 'hãy nén lại rồi gửi lại.' },
};

const dir = tempDir('parw-zip-');
const text = (n: number) => Array.from({ length: n }, (_, i) => `Dòng ${i}: tài liệu kiểm chứng số ${(i * 7919) % 10007}\n`).join('');

async function refusal(bytes: Buffer, read: (zip: ZipReader) => Promise<unknown> = async () => undefined): Promise<string> {
  try {
    const zip = await ZipReader.fromBuffer(bytes, 'tai-lieu.zip', OPTIONS);
    try {
      await read(zip);
    } finally {
      zip.close();
    }
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const message = (e as UserError).message;
    expect(message).toMatch(/^Tệp tai-lieu\.zip: /);
    expect(message).not.toMatch(/\b(invalid|mismatch|Bug|Error|bytes|signature|header)\b/i);
    return message;
  }
  throw new Error('not refused');
}

const readAll = async (zip: ZipReader) => {
  for (const e of zip.entries) if (!e.isDirectory) await zip.readBuffer(e.name, Number.MAX_SAFE_INTEGER);
};

describe('zip reader', () => {
  it('reads what Python zipfile writes, from memory and from disk, whole or as a stream', async () => {
    const file = path.join(dir, 'python.zip');
    const big = text(20_000);
    fs.writeFileSync(path.join(dir, 'lon.txt'), big);
    execFileSync('python3', [
      '-c',
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('thu-muc/', '')
    z.writestr('thu-muc/Kế hoạch.txt', 'Kế hoạch CCHC năm 2025')
    z.write(sys.argv[2], 'lon.txt')
    z.writestr('luu.txt', 'không nén', compress_type=zipfile.ZIP_STORED)`,
      file,
      path.join(dir, 'lon.txt'),
    ]);
    for (const zip of [await ZipReader.fromBuffer(fs.readFileSync(file), 'python.zip', OPTIONS), await ZipReader.fromFile(file, OPTIONS)]) {
      expect(zip.entries.map((e) => [e.name, e.isDirectory])).toEqual([
        ['thu-muc/', true],
        ['thu-muc/Kế hoạch.txt', false],
        ['lon.txt', false],
        ['luu.txt', false],
      ]);
      expect((await zip.readBuffer('thu-muc/Kế hoạch.txt', 1000)).toString('utf8')).toBe('Kế hoạch CCHC năm 2025');
      expect((await zip.readBuffer('luu.txt', 1000)).toString('utf8')).toBe('không nén');
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openStream('lon.txt')) chunks.push(chunk as Buffer);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(big);
      zip.close();
    }
  });

  it('streams an entry to disk without holding it (evidence archives)', async () => {
    const bytes = writeZip([{ name: 'bao-cao.txt', data: text(50_000) }]);
    const zip = await ZipReader.fromBuffer(bytes, 'tai-lieu.zip', OPTIONS);
    const out = path.join(dir, 'bao-cao.txt');
    await (await import('node:stream/promises')).pipeline(await zip.openStream('bao-cao.txt'), fs.createWriteStream(out));
    zip.close();
    expect(fs.readFileSync(out, 'utf8')).toBe(text(50_000));
  });

  it('refuses a part read whole beyond the caller’s limit, before inflating it', async () => {
    const message = await refusal(writeZip([{ name: 'a.txt', data: text(1000) }]), (zip) => zip.readBuffer('a.txt', 100));
    expect(message).toMatch(/phần a\.txt lớn bất thường/);
  });

  const cases: { name: string; bytes: () => Buffer; read?: boolean; expect: RegExp }[] = [
    { name: 'not a zip', bytes: () => Buffer.from('PK\u0003\u0004 không phải tệp nén'), expect: /bị hỏng \(không đọc được cấu trúc nén\); hãy nén lại/ },
    { name: 'cut short', bytes: () => writeZip([{ name: 'a.txt', data: text(100) }]).subarray(0, 60), expect: /bị hỏng/ },
    { name: 'local name differs', bytes: () => writeZip([{ name: 'a.txt', data: 'x', local: { name: 'b.txt' } }]), expect: /phần a\.txt: tên trong tiêu đề cục bộ khác với danh mục/ },
    { name: 'local method differs', bytes: () => writeZip([{ name: 'a.txt', data: 'xyz', local: { method: 0 } }]), expect: /cách nén trong tiêu đề cục bộ khác/ },
    { name: 'local CRC differs', bytes: () => writeZip([{ name: 'a.txt', data: 'xyz', local: { crc: 1 } }]), expect: /kích thước hoặc mã kiểm tra trong tiêu đề cục bộ khác/ },
    { name: 'local encryption flag differs', bytes: () => writeZip([{ name: 'a.txt', data: 'xyz', local: { flags: 0x801 } }]), expect: /cờ mã hóa/ },
    { name: 'data descriptor differs', bytes: () => writeZip([{ name: 'a.txt', data: text(10), descriptor: { size: 5 } }]), expect: /phần mô tả dữ liệu khác với danh mục/ },
    { name: 'encrypted', bytes: () => writeZip([{ name: 'a.txt', data: 'xyz', local: { flags: 0x801 }, central: { flags: 0x801 } }]), expect: /được đặt mật khẩu/ },
    { name: 'unsupported method', bytes: () => writeZip([{ name: 'a.txt', data: 'xyz', method: 12, compressed: Buffer.from('xyz') }]), expect: /cách không hỗ trợ \(mã 12\)/ },
    { name: 'climbs out with ..', bytes: () => writeZip([{ name: '../../etc/cron.d/x', data: 'x' }]), expect: /đường dẫn không an toàn/ },
    { name: 'absolute path', bytes: () => writeZip([{ name: '/etc/passwd', data: 'x' }]), expect: /đường dẫn không an toàn/ },
    { name: 'drive letter', bytes: () => writeZip([{ name: 'C:/Windows/x.dll', data: 'x' }]), expect: /đường dẫn không an toàn/ },
    { name: 'the same name twice', bytes: () => writeZip([{ name: 'a.txt', data: 'x' }, { name: 'a.txt', data: 'y' }]), expect: /phần a\.txt xuất hiện hai lần/ },
    {
      name: 'a central record pointing at another entry’s header',
      bytes: () => writeZip([{ name: 'a.txt', data: text(100) }, { name: 'b.txt', data: text(100), centralOnly: true, central: { offset: 0 } }]),
      expect: /phần b\.txt: tên trong tiêu đề cục bộ khác với danh mục/,
    },
    {
      name: 'entries sharing their bytes (overlapping bomb)',
      bytes: () => {
        // b.txt's header and data lie inside a.txt's (stored) data
        const inner = writeZip([{ name: 'b.txt', data: 'bên trong', method: 0 }]).subarray(0, 30 + 5 + Buffer.byteLength('bên trong'));
        return writeZip([
          { name: 'a.txt', data: inner, method: 0 },
          { name: 'b.txt', data: 'bên trong', method: 0, centralOnly: true, central: { offset: 30 + 5 } },
        ]);
      },
      expect: /phần b\.txt chồng lên phần a\.txt/,
    },
    { name: 'too many entries', bytes: () => writeZip(Array.from({ length: 51 }, (_, i) => ({ name: `${i}.txt`, data: 'x' }))), expect: /quá nhiều phần nén \(51, giới hạn 50\)/ },
    { name: 'ZIP64 end record claiming 2^60 entries', bytes: () => writeZip([{ name: 'a.txt', data: 'x' }], { zip64EntryCount: 2n ** 60n }), expect: /bị hỏng/ },
    { name: 'declared sizes beyond the total', bytes: () => writeZip(Array.from({ length: 3 }, (_, i) => ({ name: `${i}.bin`, data: Buffer.alloc(4 * 1024 * 1024, i + 65), method: 0 }))), expect: /giải nén quá lớn \(giới hạn 10 MB\)/ },
    { name: 'an entry beyond its limit', bytes: () => writeZip([{ name: 'a.bin', data: Buffer.alloc(9 * 1024 * 1024, 65), method: 0 }]), expect: /quá lớn ở phần a\.bin/ },
    { name: 'declared ratio of a bomb', bytes: () => writeZip([{ name: 'a.txt', data: Buffer.alloc(5 * 1024 * 1024, 32) }]), expect: /tỉ lệ bất thường \(hơn 100 lần\)/ },
    {
      name: 'small size declared, inflating far more',
      bytes: () => writeZip([{ name: 'a.txt', data: Buffer.alloc(5 * 1024 * 1024, 32), central: { size: 1000 }, local: { size: 1000 } }]),
      read: true,
      expect: /phần a\.txt giải nén ra nhiều hơn kích thước đã khai báo/,
    },
    {
      name: 'large size declared, inflating less',
      bytes: () => writeZip([{ name: 'a.txt', data: 'ngắn', central: { size: 5000 }, local: { size: 5000 } }]),
      read: true,
      expect: /giải nén ra ít hơn kích thước đã khai báo/,
    },
    {
      name: 'data changed after the CRC was written',
      bytes: () => writeZip([{ name: 'a.txt', data: 'bản gốc', central: { crc: 12345 }, local: { crc: 12345 } }]),
      read: true,
      expect: /mã kiểm tra \(CRC\) của phần a\.txt không khớp/,
    },
    {
      name: 'deflate stream that is not one',
      bytes: () => writeZip([{ name: 'a.txt', data: 'x'.repeat(50), compressed: Buffer.from('rác không phải deflate, rác không phải deflate') }]),
      read: true,
      expect: /dữ liệu nén không giải nén được/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      expect(await refusal(c.bytes(), c.read ? readAll : undefined)).toMatch(c.expect);
    });
  }

  it('holds streamed entries to the same limits as whole ones', async () => {
    const bytes = writeZip([{ name: 'a.txt', data: Buffer.alloc(6 * 1024 * 1024, 32), central: { size: 1000 }, local: { size: 1000 } }]);
    const file = path.join(dir, 'lying.zip');
    fs.writeFileSync(file, bytes);
    const zip = await ZipReader.fromFile(file, OPTIONS, 'tai-lieu.zip');
    const stream = await zip.openStream('a.txt');
    let received = 0;
    const error = await (async () => {
      try {
        for await (const chunk of stream) received += (chunk as Buffer).length;
      } catch (e) {
        return e;
      } finally {
        zip.close();
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/Tệp tai-lieu\.zip: .*giải nén ra nhiều hơn kích thước đã khai báo/);
    expect(received).toBeLessThanOrEqual(1000);
  });

  it('lets go of the file on disk when closed, after a refusal in the middle of a stream too', async () => {
    const openFiles = () => fs.readdirSync('/proc/self/fd').length;
    const file = path.join(dir, 'lying-2.zip');
    fs.writeFileSync(file, writeZip([{ name: 'a.txt', data: Buffer.alloc(6 * 1024 * 1024, 32), central: { size: 1000 }, local: { size: 1000 } }, { name: 'b.txt', data: 'b' }]));
    const before = openFiles();
    for (let i = 0; i < 20; i++) {
      const zip = await ZipReader.fromFile(file, OPTIONS);
      await expect(zip.readBuffer('a.txt', 10_000)).rejects.toBeInstanceOf(UserError);
      expect((await zip.readBuffer('b.txt', 10)).toString()).toBe('b');
      zip.close();
    }
    await expect(ZipReader.fromFile(path.join(dir, 'python.zip').replace('python', 'khong-co'), OPTIONS)).rejects.toThrow(/Không đọc được tệp/);
    fs.writeFileSync(path.join(dir, 'rac.zip'), 'rác');
    await expect(ZipReader.fromFile(path.join(dir, 'rac.zip'), OPTIONS)).rejects.toThrow(/bị hỏng/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBe(before);
  });
});
