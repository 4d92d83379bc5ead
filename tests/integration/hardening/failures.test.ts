// Failures people meet: a full disk, a reader that stops early (`| head`), a pipe named like a
// form in the import folder, a bug's English text. Each ends with a Vietnamese message and
// exit 1 (or a plain apology in the window), nothing half written, no stack.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/app/dispatch';
import type { Handlers } from '../../../shared/contract';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace } from '../forms/helpers';
import { workspaceWithFilledForms } from './forms-fixture';

const root = path.join(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'electron', 'bin', 'par-workbench.mjs');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A 64 KB file system, where this machine lets tests mount one. */
function smallDisk(dir: string): string | null {
  const mount = path.join(dir, 'nho');
  fs.mkdirSync(mount);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
  if (r.status !== 0) return null;
  afterAll(() => void spawnSync('umount', [mount]));
  return mount;
}

describe('a full disk', () => {
  const dir = tempDir();
  const disk = smallDisk(dir);

  it.runIf(disk)('backup and export say the disk is full, exit 1, and leave nothing behind', async () => {
    const ws = path.join(dir, 'ws.parws');
    createTestWorkspace(ws).close();
    const before = sha(ws);
    const backup = await cli('backup', ws, path.join(disk!, 'sao-luu.parws'));
    expect(backup.code, backup.stderr).toBe(1);
    expect(backup.stderr).toMatch(/ổ đĩa đã đầy/);
    // fill the disk nearly, so that a workbook cannot fit either
    fs.writeFileSync(path.join(disk!, 'day'), Buffer.alloc(60 * 1024));
    const survey = await cli('survey', 'template', ws, '--year', '2025', '--out', path.join(disk!, 'phieu.xlsx'));
    expect(survey.code, survey.stderr).toBe(1);
    expect(survey.stderr).toMatch(/ổ đĩa đã đầy/);
    expect(fs.readdirSync(disk!)).toEqual(['day']);
    expect(sha(ws)).toBe(before);
  });
});

describe('a reader that stops early', () => {
  it('ends the command with a Vietnamese message and exit 1, not an English stack', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'ws.parws');
    createTestWorkspace(ws).close();
    const child = spawn(process.execPath, [bin, 'results', ws, '--year', '2025', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/ống dẫn bị đóng/);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});

describe('a named pipe with a form name in the import folder', () => {
  it('is skipped with a message, while the forms beside it are imported', async () => {
    const dir = tempDir();
    const { file, forms } = await workspaceWithFilledForms(dir, 3);
    const folder = path.join(dir, 'nop');
    fs.mkdirSync(folder);
    fs.copyFileSync(forms[0], path.join(folder, path.basename(forms[0])));
    execFileSync('mkfifo', [path.join(folder, 'bay.xlsx')]);
    const r = spawnSync(process.execPath, [bin, 'import', file, folder, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal, 'the import hung on the pipe').toBeNull();
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as { file: string; status: string; errors: { message: string }[] }[];
    expect(results.find((x) => x.file === 'bay.xlsx')).toMatchObject({ status: 'refused', errors: [{ message: expect.stringMatching(/không phải tệp thông thường/) }] });
    expect(results.find((x) => x.file !== 'bay.xlsx')?.status).toBe('imported');
  }, 90_000);
});

describe('a bug inside a library', () => {
  it('reaches the window as a plain apology, not as the library\'s English', async () => {
    const handlers = {
      'session:get': () => {
        throw new Error('Bug : uncompressed data size mismatch');
      },
    } as unknown as Handlers;
    const r = await dispatch(handlers, 'session:get', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.failure.message).not.toMatch(/Bug|mismatch/);
      expect(r.failure.message).toMatch(/lỗi không mong đợi/);
    }
    const full = { 'session:get': () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) } as unknown as Handlers;
    const f = await dispatch(full, 'session:get', {});
    if (!f.ok) expect(f.failure.message).toMatch(/ổ đĩa đã đầy/);
    expect(f.ok).toBe(false);
  });
});
