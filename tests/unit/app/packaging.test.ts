import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('packaging', () => {
  it('has an electron-builder configuration the builder accepts, with the installers asked for', async () => {
    const yaml = require('js-yaml') as { load(text: string): Record<string, any> };
    const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    await validateConfiguration(config, { add() {}, warn() {}, log() {} });
    expect(config.directories.output).toBe('release');
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
    expect(config.fileAssociations[0].ext).toBe('parws');
    expect(config.asarUnpack.some((p: string) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    for (const icon of [config.win.icon, config.mac.icon]) expect(fs.existsSync(icon)).toBe(true);
    expect(fs.existsSync(path.join(config.linux.icon, '256x256.png'))).toBe(true);
  });

  it('builds the main process as ESM and the preload as one CommonJS file that needs only electron', () => {
    execFileSync(process.execPath, ['electron/build.mjs'], { stdio: 'ignore' });
    const preload = fs.readFileSync('dist-electron/preload.cjs', 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    const main = fs.readFileSync('dist-electron/main.js', 'utf8');
    expect(main).toMatch(/^import /m);
    expect(main).toMatch(/from "electron"/);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.js');
  }, 60_000);
});
