import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

// built into a folder of its own, so that commands run by other tests meanwhile keep theirs
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-build-'));
const HEAVY = ['exceljs', 'playwright-core', 'echarts', 'docx', 'pdfjs-dist'];

/** Every module an entry loads at start: its static imports, followed through the chunks. */
function staticClosure(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const stack = [path.join(OUT, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const code = fs.readFileSync(file, 'utf8');
    // static imports only: `import … from "x"` and bare `import "x"`, not `import("x")`
    for (const m of code.matchAll(/^\s*import\s+(?:[^'"()]*?\s+from\s+)?["']([^"']+)["'];?/gm)) {
      const spec = m[1];
      if (spec.startsWith('.')) stack.push(path.resolve(path.dirname(file), spec));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return { files, packages };
}

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
    execFileSync(process.execPath, ['electron/build.mjs', '--out', OUT], { stdio: 'ignore' });
    const preload = fs.readFileSync(path.join(OUT, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    const main = fs.readFileSync(path.join(OUT, 'main.js'), 'utf8');
    expect(main).toMatch(/^import /m);
    expect(main).toMatch(/from "electron"/);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.js');
  }, 60_000);

  // (after the build above) the heavy libraries load only in the modules that use them
  it('starts the main process and the command line without Excel, Chromium, chart or document libraries', () => {
    for (const entry of ['main.js', 'cli.js']) {
      const { packages, files } = staticClosure(entry);
      expect(files.length).toBeGreaterThan(1);
      for (const heavy of HEAVY) expect([...packages], `${entry} loads ${heavy} at start`).not.toContain(heavy);
    }
    expect(staticClosure('main.js').packages).toContain('electron');
    expect(staticClosure('cli.js').packages).not.toContain('electron');
  });

  it('still reaches those libraries from the modules that print and read files', () => {
    const all = fs.readdirSync(path.join(OUT, 'chunks')).filter((f) => f.endsWith('.js'));
    const text = all.map((f) => fs.readFileSync(path.join(OUT, 'chunks', f), 'utf8')).join('\n');
    for (const lib of ['exceljs', 'playwright-core', 'echarts']) expect(text).toContain(`"${lib}"`);
  });
});
