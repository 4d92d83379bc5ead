// Files in a bad way: a workspace with damaged pages is not written to (nor backed up) and the
// person is told how to restore it; a workspace in a folder that cannot be written opens
// read-only with a message, not as "damaged"; a file of a newer schema with a pending -wal is
// refused without being changed.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../electron/app/session';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace } from '../forms/helpers';

const root = path.join(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'electron', 'bin', 'par-workbench.mjs');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const PAGE = 4096;

/** Overwrites the first leaf page of `table` with bytes that are no b-tree page. */
function damageTable(file: string, table: string): void {
  const db = new Database(file);
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  expect(db.pragma('page_size', { simple: true })).toBe(PAGE);
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (root - 1) * PAGE);
  fs.closeSync(fd);
}

describe('a damaged workspace', () => {
  const dir = tempDir();

  it('refuses writes and backups, says how to restore, and the window says so on open', async () => {
    const file = path.join(dir, 'hong.parws');
    createTestWorkspace(file).close();
    damageTable(file, 'unit_audit');
    const before = sha(file);
    const units = writeCsv(dir, 'don-vi.csv', [
      ['Mã', 'Tên đơn vị', 'Khối'],
      ['SCT', 'Sở Công Thương', 'so'],
    ]);
    const write = await cli('units', 'import', file, units);
    expect(write.code, write.stderr).toBe(1);
    expect(write.stderr).toMatch(/bị hỏng/);
    expect(write.stderr).toMatch(/sao lưu/);
    expect(write.stderr).not.toMatch(/malformed|SQLITE|\n\s+at /);
    const backup = await cli('backup', file, path.join(dir, 'ban-sao.parws'));
    expect(backup.code, backup.stderr).toBe(1);
    expect(backup.stderr).toMatch(/bị hỏng/);
    expect(fs.existsSync(path.join(dir, 'ban-sao.parws'))).toBe(false);
    expect(sha(file)).toBe(before);
    const session = new AppSession({ dataDir: path.join(dir, 'app'), pickFiles: async () => null });
    const opened = session.open(file);
    session.close();
    expect(opened.workspace!.notice).toMatch(/bị hỏng.*khôi phục/is);
  });

  it('a sound workspace opens without a notice', () => {
    const file = path.join(dir, 'tot.parws');
    createTestWorkspace(file).close();
    const session = new AppSession({ dataDir: path.join(dir, 'app2'), pickFiles: async () => null });
    expect(session.open(file).workspace!.notice).toBeNull();
    session.close();
  });
});

describe('a newer schema with a pending -wal', () => {
  it('is refused and neither the file nor its -wal changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'moi-hon.parws');
    createTestWorkspace(file).close();
    // a newer program wrote to it and was stopped before folding the -wal into the file
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('wal_autocheckpoint=0');` +
          `d.exec("CREATE TABLE future(x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;");process.stdout.write('done\\n');setInterval(()=>0,1000);`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('done') && resolve()));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const main = sha(file);
    const wal = sha(`${file}-wal`);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const r = await cli('results', file, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/phiên bản PAR Workbench mới hơn/);
    expect(sha(file)).toBe(main);
    expect(sha(`${file}-wal`)).toBe(wal);
  });
});

// the tests run as root, whom no folder refuses: the command runs as "nobody" instead
const canDrop = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

describe.runIf(canDrop)('a workspace in a folder that cannot be written', () => {
  it('opens read-only: reading works, a write says why, nothing is called damaged', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const folder = path.join(dir, 'chi-doc');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'ws.parws');
    createTestWorkspace(file).close();
    const units = writeCsv(dir, 'don-vi.csv', [
      ['Mã', 'Tên đơn vị', 'Khối'],
      ['SCT', 'Sở Công Thương', 'so'],
    ]);
    fs.chmodSync(units, 0o644);
    fs.chmodSync(file, 0o644);
    fs.chmodSync(folder, 0o555);
    const before = sha(file);
    const asNobody = (...argv: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: dir } });
    const read = asNobody('submissions', file, '--year', '2025');
    expect(read.status, read.stderr).toBe(0);
    const write = asNobody('units', 'import', file, units);
    expect(write.status, write.stderr).toBe(1);
    expect(write.stderr).toMatch(/chỉ đọc/);
    expect(write.stderr).not.toMatch(/bị hỏng|readonly|SQLITE|\n\s+at /);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(folder)).toEqual(['ws.parws']);
  }, 60_000);
});
