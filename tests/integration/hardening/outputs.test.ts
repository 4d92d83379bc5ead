// No command writes over a workspace: not by its name, not through a hard or symbolic link,
// not its -wal/-shm side file, not another workspace; and every output is written beside its
// target and renamed into place, so that a kill leaves the old file or the new one whole.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace, dumpWorkspace } from '../forms/helpers';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function state(file: string) {
  const ws = Workspace.open(file);
  try {
    return dumpWorkspace(ws);
  } finally {
    ws.close();
  }
}

describe('outputs never replace a workspace', () => {
  const dir = tempDir();
  const ws = path.join(dir, 'so-noi-vu.parws');
  const other = path.join(dir, 'ban-khac.xlsx'); // a workspace whose name looks like a workbook
  const hardLink = path.join(dir, 'lien-ket-cung.xlsx');
  const symLink = path.join(dir, 'lien-ket-mem.xlsx');
  let form = '';

  beforeAll(async () => {
    createTestWorkspace(ws).close();
    createTestWorkspace(other).close();
    fs.linkSync(ws, hardLink);
    fs.symlinkSync(ws, symLink);
    const made = await cli('template', ws, '--year', '2025', '--unit', 'SNV', '--out', path.join(dir, 'forms'));
    expect(made.code).toBe(0);
    form = path.join(dir, 'forms', fs.readdirSync(path.join(dir, 'forms'))[0]);
  });

  const attacks: [string, (target: string) => string[]][] = [
    ['import --report', (t) => ['import', ws, form, '--report', t]],
    ['survey results --out', (t) => ['survey', 'results', ws, '--year', '2025', '--out', t]],
    ['survey template --out', (t) => ['survey', 'template', ws, '--year', '2025', '--out', t]],
    ['survey definition export --out', (t) => ['survey', 'definition', 'export', ws, '--year', '2025', '--out', t]],
    ['framework export', (t) => ['framework', 'export', ws, '--year', '2025', '--block', 'so', t]],
    ['export --out', (t) => ['export', ws, '--year', '2025', '--out', t]],
    ['template --unit --out', (t) => ['template', ws, '--year', '2025', '--unit', 'SNV', '--out', t]],
    ['backup', (t) => ['backup', ws, t]],
  ];
  const targets: [string, () => string][] = [
    ['a hard link to the workspace', () => hardLink],
    ['a symbolic link to the workspace', () => symLink],
    ['another workspace', () => other],
    ['the workspace by a roundabout path', () => path.join(dir, 'forms', '..', path.basename(ws))],
  ];

  for (const [command, argv] of attacks) {
    it(`${command} refuses the workspace, its links, its side files and other workspaces, changing nothing`, async () => {
      const before = { ws: sha(ws), other: sha(other), dump: state(ws), otherDump: state(other) };
      for (const [, target] of targets) {
        const run = await cli(...argv(target()));
        expect(run.code, `${command} → ${target()}: ${run.stderr}`).toBe(1);
        expect(run.stderr).toMatch(/tệp dữ liệu|cần có đuôi \.xlsx/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      // a -wal side file beside a workspace (as SQLite leaves it while the file is open)
      const wal = `${other}-wal`;
      fs.rmSync(wal, { force: true });
      const run = await cli(...argv(wal));
      expect(run.code, run.stderr).toBe(1);
      expect(fs.existsSync(wal)).toBe(false);
      expect({ ws: sha(ws), other: sha(other), dump: state(ws), otherDump: state(other) }).toEqual(before);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('backup replaces an existing workspace only with --overwrite, and never one held open elsewhere', async () => {
    const old = path.join(dir, 'sao-luu-cu.parws');
    createTestWorkspace(old).close();
    const before = sha(old);
    const refused = await cli('backup', ws, old);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--overwrite/);
    expect(sha(old)).toBe(before);
    // a -wal beside it: another program has it open (or it was not closed): refused even with --overwrite
    fs.writeFileSync(`${old}-wal`, '');
    const busy = await cli('backup', ws, old, '--overwrite');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/đang được mở/);
    expect(sha(old)).toBe(before);
    fs.rmSync(`${old}-wal`);
    const done = await cli('backup', ws, old, '--overwrite');
    expect(done.code, done.stderr).toBe(0);
    expect(state(old)).toEqual(state(ws));
  });

  it('an output that is a folder is refused with a message, not a stack', async () => {
    const folder = path.join(dir, 'thu-muc.xlsx');
    fs.mkdirSync(folder);
    for (const argv of [
      ['backup', ws, folder],
      ['survey', 'template', ws, '--year', '2025', '--out', folder],
    ]) {
      const run = await cli(...argv);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/thư mục/);
    }
  });
});

describe('a kill while an output is written', () => {
  const dir = tempDir();
  const ws = path.join(dir, 'ws.parws');

  it('leaves the previous file or the new one whole, never a truncated one', async () => {
    createTestWorkspace(ws).close();
    const out = path.join(dir, 'phieu.xlsx');
    const old = Buffer.from('bản cũ');
    const bin = path.join(import.meta.dirname, '..', '..', '..', 'electron', 'bin', 'par-workbench.mjs');
    for (let round = 0; round < 3; round++) {
      fs.writeFileSync(out, old);
      const child = spawn(process.execPath, [bin, 'survey', 'template', ws, '--year', '2025', '--out', out], { stdio: 'ignore' });
      const ended = new Promise((r) => child.on('exit', r));
      // killed the moment the file under the output's name is no longer the old one
      let exited = false;
      void ended.then(() => (exited = true));
      while (!exited) {
        const size = fs.statSync(out).size;
        if (size !== old.length) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setImmediate(r));
      }
      await ended;
      const bytes = fs.readFileSync(out);
      if (bytes.equals(old)) continue;
      // a whole zip ends with its end-of-central-directory record
      expect(bytes.length).toBeGreaterThan(22);
      expect(bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(bytes.length - 22);
    }
  }, 120_000);
});
