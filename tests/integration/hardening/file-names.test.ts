// Files named from unit codes: codes that clean alike (Z.1, Z_1, Z-1) give three files, not one
// file written three times; no code, typed or stored, writes outside the folder asked for.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readFormMetadata } from './read-metadata';
import { upsertUnits } from '../../../electron/features/units/service';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace } from '../forms/helpers';

describe('file names from unit codes', () => {
  it('three codes that clean alike give three forms, each of its own unit', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    const ws = createTestWorkspace(file);
    upsertUnits(ws, [
      { code: 'Z.1', name: 'Phường Một chấm', blockCode: 'so' },
      { code: 'Z_1', name: 'Phường Một gạch dưới', blockCode: 'so' },
      { code: 'Z-1', name: 'Phường Một gạch ngang', blockCode: 'so' },
    ]);
    ws.close();
    const out = path.join(dir, 'bieu');
    const r = await cli('template', file, '--year', '2025', '--all', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    expect(files).toHaveLength(6);
    const codes = await Promise.all(files.map(async (f) => (await readFormMetadata(path.join(out, f))).unitCode));
    expect(codes.sort()).toEqual(['SNV', 'STP', 'SYT', 'Z-1', 'Z.1', 'Z_1']);
  });

  it('a code typed with a path, or stored with one by an older version, never writes outside --out', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    createTestWorkspace(file).close();
    const out = path.join(dir, 'a', 'b', 'bieu');
    const typed = await cli('template', file, '--year', '2025', '--unit', '../../X', '--out', out);
    expect(typed.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'a', 'X.xlsx'))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['ws.parws']);
    // a code that units import refuses today, written as an older version let it be
    const db = new Database(file);
    db.prepare("INSERT INTO units(code, name, block_code) VALUES ('../../Y', 'Đơn vị cũ', 'so')").run();
    db.close();
    const all = await cli('template', file, '--year', '2025', '--all', '--out', out);
    expect(all.code, all.stderr).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(4);
    expect(fs.readdirSync(path.join(dir, 'a'))).toEqual(['b']);
    expect(fs.readdirSync(path.join(dir, 'a', 'b'))).toEqual(['bieu']);
  });
});
