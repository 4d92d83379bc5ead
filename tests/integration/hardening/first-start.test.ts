// The first start on a user's PC, without the Electron binary: the bundled main process
// (dist-electron/main.js, as packaged) runs under Node with a recording stand-in for `electron`
// (./electron/stand-in.mjs). And the packaging config names files the build produces, with
// Electron's fuses set.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, DROP_CHANNEL, ipcName } from '../../../shared/contract';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace } from '../forms/helpers';
import { Workspace } from '../../../electron/db/workspace';
import { listUnits } from '../../../electron/features/units/store';

/** The file looked at without changing it. */
const openForCheck = (file: string) => Workspace.open(file, { readonly: true });

const root = path.join(import.meta.dirname, '..', '..', '..');
// electron-builder's own YAML reader (js-yaml, installed with it; it ships no types)
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const main = path.join(root, 'dist-electron', 'main.js');

describe('the bundled main process under a stand-in for Electron', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'electron', 'build.mjs')], { cwd: root, stdio: 'ignore' });
    if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  function start(env: Record<string, string>, ...argv: string[]) {
    const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'electron', 'run-main.mjs'), main, ...argv], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('REPORT '));
    expect(line, r.stderr).toBeDefined();
    return JSON.parse(line!.slice(7));
  }

  it('loads, binds every channel once, makes a locked-down window and serves only the built renderer', () => {
    const dir = tempDir();
    const first = path.join(dir, 'mot.parws');
    const second = path.join(dir, 'hai.parws');
    createTestWorkspace(first).close();
    createTestWorkspace(second).close();
    const report = start({ STAND_IN_USER_DATA: path.join(dir, 'user-data'), STAND_IN_SECOND_FILE: second }, first);
    expect(report.errors).toEqual([]);
    expect([...report.ipcChannels].sort()).toEqual([...channels.map((c) => ipcName(c)), DROP_CHANNEL].sort());
    expect(new Set(report.ipcChannels).size).toBe(report.ipcChannels.length);
    const prefs = report.window.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(fs.existsSync(prefs.preload)).toBe(true);
    expect(report.window.url).toBe('app://parw/index.html');
    expect(report.served.entry).toMatchObject({ status: 200 });
    expect(report.served.entry.type).toMatch(/text\/html/);
    expect(report.served.outside.status).toBe(404);
    expect(report.served.encoded.status).toBe(404);
    expect(report.navigation).toEqual({ external: true, file: true, redirect: true, webview: true });
    expect(report.newWindow).toEqual({ action: 'deny' });
    expect(report.permission).toEqual({ request: false, check: false });
    expect(report.csp[0]).toMatch(/default-src/);
    expect(report.untrusted.ok).toBe(false);
    // the file given at start is open; a second instance's file replaces it
    expect(report.sessionBefore).toBe(first);
    expect(report.sessionAfter).toBe(second);
    expect(report.reloaded).toBeGreaterThan(0);
  }, 90_000);

  it('gives the page tokens for what a person picks or drops, and opens no path the page names', () => {
    const dir = tempDir();
    const first = path.join(dir, 'mot.parws');
    const second = path.join(dir, 'hai.parws');
    createTestWorkspace(first).close();
    createTestWorkspace(second).close();
    createTestWorkspace(path.join(dir, 'ba.parws')).close();
    const drop = path.join(dir, 'tha');
    fs.mkdirSync(drop);
    fs.writeFileSync(path.join(drop, 'STP-2025.xlsx'), 'x');
    fs.writeFileSync(path.join(drop, 'ghi-chu.txt'), 'x');
    const r = start({ STAND_IN_USER_DATA: path.join(dir, 'user-data'), STAND_IN_SECOND_FILE: second, STAND_IN_DROP_FOLDER: drop }, first);
    // the dropped folder, through the bundled preload: one token; the File the page made: none
    expect(r.drop.dropped).toHaveLength(1);
    expect(r.drop.dropped[0]).toMatchObject({ file: drop, token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(r.drop.expanded.ok).toBe(true);
    const expanded = r.drop.expanded.value.files as { token: string; file: string }[];
    expect(expanded.map((f) => f.file)).toEqual([path.join(drop, 'STP-2025.xlsx')]);
    expect(expanded[0].token).not.toBe(r.drop.dropped[0].token);
    // a path the page names is not even a valid request; a token it made up is refused
    expect(r.pagePath).toMatchObject({ ok: false });
    expect(JSON.stringify(r.pagePath)).not.toContain('root:');
    expect(r.pageFormPath).toMatchObject({ ok: false });
    expect(r.madeUpToken).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('chọn lại tệp') } });
    // a workspace that is not on the recent list stays closed
    expect(r.pageRecent).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('gần đây') } });
    expect(r.untrustedDrop).toEqual([]);
  }, 90_000);

  it('a second app opening a file another app holds opens it read-only and says who holds it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'chung.parws');
    createTestWorkspace(file).close();
    // the first app (another Windows user, or another PC on a shared folder), kept open
    const first = spawn(process.execPath, [path.join(import.meta.dirname, 'electron', 'run-main.mjs'), main, file], {
      cwd: root,
      env: { ...process.env, STAND_IN_USER_DATA: path.join(dir, 'nguoi-a'), STAND_IN_HOLD: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (d) => {
          out += d;
          if (out.includes('REPORT ')) resolve();
        });
        first.on('exit', () => reject(new Error('the first app ended')));
      });
      expect(JSON.parse(fs.readFileSync(`${file}-holder`, 'utf8'))).toMatchObject({ app: 'PAR Workbench', pid: first.pid });
      const units = () => {
        const ws = openForCheck(file);
        try {
          return listUnits(ws).map((u) => u.code);
        } finally {
          ws.close();
        }
      };
      const unitsBefore = units();
      expect(unitsBefore).toContain('STP');
      const second = start({ STAND_IN_USER_DATA: path.join(dir, 'nguoi-b'), STAND_IN_TRY_DELETE: 'STP' }, file);
      expect(second.sessionBefore).toBe(file);
      expect(second.notice).toContain(`Tệp chung.parws đang được mở trong PAR Workbench bởi ${os.userInfo().username} trên máy ${os.hostname()} từ `);
      expect(second.notice).toMatch(/ từ \d\d\/\d\d\/\d{4} \d\d:\d\d: tệp được mở ở chế độ chỉ xem/);
      expect(second.tryDelete).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('chỉ đọc') } });
      expect(units()).toEqual(unitsBefore);
      // the first app ends without closing (a power cut): its side file no longer holds the file
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(fs.existsSync(`${file}-holder`)).toBe(true);
      const third = start({ STAND_IN_USER_DATA: path.join(dir, 'nguoi-b') }, file);
      expect(third.notice).toBeNull();
    } finally {
      first.kill('SIGKILL');
    }
    // another PC: held while it marks the side file alive, free once it stopped for long
    fs.writeFileSync(`${file}-holder`, JSON.stringify({ app: 'PAR Workbench', user: 'Nguyễn Văn A', host: 'MAY-SNV-07', pid: 4242, since: '2026-12-02T01:30:00Z' }));
    expect(start({ STAND_IN_USER_DATA: path.join(dir, 'nguoi-c') }, file).notice).toContain('bởi Nguyễn Văn A trên máy MAY-SNV-07 từ 02/12/2026');
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(`${file}-holder`, old, old);
    expect(start({ STAND_IN_USER_DATA: path.join(dir, 'nguoi-c') }, file).notice).toBeNull();
  }, 90_000);

  it('a second instance quits at once, leaving the file to the first', () => {
    const dir = tempDir();
    const report = start({ STAND_IN_USER_DATA: path.join(dir, 'user-data'), STAND_IN_SECOND_INSTANCE: '1' });
    expect(report.quit).toBe(1);
  }, 60_000);
});

describe('the packaging config', () => {
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    files: string[];
    asarUnpack: string[];
    extraResources?: unknown[];
    electronFuses: Record<string, boolean>;
  };

  it('names files the build produces: the renderer, the main process and preload, the fonts, the native module', () => {
    const produced = (pattern: string) => {
      const base = pattern.replace(/\/\*\*.*$/, '');
      return fs.existsSync(path.join(root, base)) && (fs.statSync(path.join(root, base)).isFile() || fs.readdirSync(path.join(root, base)).length > 0);
    };
    for (const pattern of config.files.filter((f) => !f.startsWith('!'))) expect(produced(pattern), pattern).toBe(true);
    expect(fs.existsSync(path.join(root, 'dist', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'dist-electron', 'preload.cjs'))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'resources', 'fonts'), { recursive: true }).some((f) => /\.(ttf|otf|woff2?)$/i.test(String(f)))).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(config.extraResources ?? []).toEqual([]);
  });

  it('sets Electron\'s fuses: no Node mode, no NODE_OPTIONS or --inspect, asar only and checked, no file:// privileges', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
